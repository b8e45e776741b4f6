"""Opening a database on a server is what every command does first (every `kbm log`): each
statement is a round trip to the server, over the shop's network."""

from __future__ import annotations

import psycopg
import pytest
from pg_server import as_an_older_kbm_left_it, grant_table_rights

from kbm_tui.store import Store


@pytest.fixture
def statements(monkeypatch) -> list[str]:
    """Every statement this process sends to the server from now on."""
    sent: list[str] = []
    execute = psycopg.Cursor.execute

    def recorded(cur, query, *args, **kwargs):
        sent.append(str(query))
        return execute(cur, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", recorded)
    return sent


def test_opening_an_up_to_date_database_takes_four_statements(server_db, statements):
    Store.open(server_db).close()  # set up (the test's database is a copy, made once)
    statements.clear()
    with Store.open(server_db):
        pass
    # Is it kbm's, which schema, are the search indexes there and made with this kbm's
    # function (one statement), then LISTEN for other computers' changes.
    assert len(statements) == 4, statements
    assert sum("kbm_word_starts" in s or "to_regclass('ix_" in s for s in statements) == 1


def test_a_till_on_an_older_database_opens_it_with_as_few_statements(server_db, till_role,
                                                                      statements):
    """A till whose role may not add the word-starts index (only the tables' owner may):
    each open asks once whether the index is there and whether this role may add it, and
    does not try what it may not do (advisory lock, transaction, refused CREATE, rollback)."""
    role, till = till_role
    Store.open(server_db).close()
    as_an_older_kbm_left_it(server_db)
    grant_table_rights(server_db, role)
    for _ in range(2):  # the open that builds the notice, and one after it was told
        statements.clear()
        with Store.open(till) as store:
            told = store.take_notices()
        assert len(statements) == 4, statements
        assert not any(s.startswith(("CREATE", "BEGIN")) or "advisory" in s
                       for s in statements), statements
    assert told == []
    with Store.open(till) as store:  # the answers stay the same, without the index
        anna = store.add_customer("Anna Bauer")
        store.log_conversation(anna.id, "asked about a Lastenrad")
        assert [c.name for c in store.list_customers("lastenr")] == ["Anna Bauer"]
