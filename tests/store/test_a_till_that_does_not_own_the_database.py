"""A till whose role has only the rights on kbm's tables (the README's own role for a second
till), on a database an older kbm made: kbm opens it and works, search answers the same
without the index it may not add, and it says once what the owner should do."""

from __future__ import annotations

import psycopg
import pytest
from pg_server import as_an_older_kbm_left_it, grant_table_rights
from psycopg import conninfo
from test_search_on_both_engines import SEARCHES, fill

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.store import Store


def found(store: Store) -> dict:
    return {typed: ([c.name for c in store.list_customers(typed, limit=50)],
                    store.count_customers(typed)) for typed in SEARCHES}


def test_a_till_with_table_rights_opens_an_older_database_and_finds_the_same(
        server_db, till_role, capsys):
    role, till = till_role
    with Store.open(server_db) as owner:
        fill(owner)
        expected = found(owner)
    as_an_older_kbm_left_it(server_db)
    grant_table_rights(server_db, role)

    with Store.open(till) as store:
        assert found(store) == expected
        customer = store.add_customer("Till Zwei")
        store.log_conversation(customer.id, "wants a Lastenrad with rain cover")
        assert [c.name for c in store.list_customers("raincov")] == []
        assert [c.name for c in store.list_customers("rain cov")] == ["Till Zwei"]
    with Store.open(till) as store:  # kept until someone shows it
        told = store.take_notices()
    assert capsys.readouterr().err == ""  # the store prints nothing: the app covers stderr
    assert len(told) == 1 and "\n" not in told[0]
    assert f"{role} may not add the index for words said" in told[0]
    assert "same answers, only slower" in told[0]
    owner_name = conninfo.conninfo_to_dict(server_db)["user"]
    assert f"open the database once as {owner_name}: kbm --db postgresql://{owner_name}@" in (
        told[0])

    with Store.open(till) as store:  # said once on this computer, not at every command
        assert [c.name for c in store.list_customers("cargo")] == ["Maria Weiß", "Paul O'Brien"]
        assert store.take_notices() == []

    with Store.open(server_db):  # the owner opens it: the index is made
        pass
    with psycopg.connect(server_db) as conn:
        assert conn.execute("SELECT to_regclass('ix_customer_said_starts') IS NOT NULL"
                            ).fetchone()[0]
    with Store.open(till) as store:
        assert store.engine.search.word_condition("cargo")[0].count("kbm_word_starts") >= 1
        assert [c.name for c in store.list_customers("lastenr")] == ["Paul O'Brien",
                                                                    "Till Zwei"]


def test_a_role_that_may_not_make_kbms_tables_is_told_so_in_one_line(server_db, till_role):
    role, till = till_role
    with psycopg.connect(server_db, autocommit=True) as conn:  # a new, empty database
        for (table,) in conn.execute("SELECT tablename FROM pg_tables "
                                     "WHERE schemaname='public'").fetchall():
            conn.execute(f"DROP TABLE {table} CASCADE")
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    with pytest.raises(DatabaseFileError) as refused:
        Store.open(till)
    message = str(refused.value)
    assert "may not set up or bring up to date its tables" in message
    assert f"{role}@" in message and "Nothing was changed" in message
    assert "\n" not in message
