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


def test_a_session_starts_no_parallel_workers_and_keeps_the_settings_the_address_gives(
        server_db):
    """kbm's queries each read a page, a few ids or a count: workers cost more than they
    save. Settings the shop put in the address (options=…) still hold."""
    with Store.open(server_db) as store:
        assert store.conn.execute("SHOW max_parallel_workers_per_gather").fetchone()[0] == "0"
    with_options = server_db + ("&" if "?" in server_db else "?") + "options=-c%20work_mem%3D7MB"
    with Store.open(with_options) as store:
        assert store.conn.execute("SHOW work_mem").fetchone()[0] == "7MB"
        assert store.conn.execute("SHOW max_parallel_workers_per_gather").fetchone()[0] == "0"
