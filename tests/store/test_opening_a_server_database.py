"""Opening a database on a server is what every command does first (every `kbm log`): each
statement is a round trip to the server, over the shop's network."""

from __future__ import annotations

import psycopg
import pytest

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
