"""A till whose role has only the rights on kbm's tables (the README's own role for a second
till), on a database an older kbm made: kbm opens it and works, search answers the same
without the index it may not add, and it says once what the owner should do."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from psycopg import conninfo
from test_search_on_both_engines import SEARCHES, fill

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.store import Store

TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"


def found(store: Store) -> dict:
    return {typed: ([c.name for c in store.list_customers(typed, limit=50)],
                    store.count_customers(typed)) for typed in SEARCHES}


@pytest.fixture
def till_role(server_db):
    """A role that may read and write kbm's tables and nothing else, and its URL."""
    role = f"kbm_till_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
    yield role, conninfo.make_conninfo(server_db, user=role)
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {role}")
        conn.execute(f"DROP ROLE {role}")


def grant_table_rights(server_db: str, role: str) -> None:
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute(f"GRANT {TABLE_RIGHTS} ON ALL TABLES IN SCHEMA public TO {role}")


def as_an_older_kbm_left_it(server_db: str) -> None:
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute("DROP FUNCTION kbm_word_starts(text) CASCADE")


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
    told = capsys.readouterr().err
    assert f"{role} may not add the index for words said" in told
    assert "same answers, only slower" in told
    owner_name = conninfo.conninfo_to_dict(server_db)["user"]
    assert f"open the database once as {owner_name}: kbm --db postgresql://{owner_name}@" in told
    assert len(told.strip().splitlines()) == 1

    with Store.open(till) as store:  # said once on this computer, not at every command
        assert [c.name for c in store.list_customers("cargo")] == ["Maria Weiß", "Paul O'Brien"]
    assert capsys.readouterr().err == ""

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
