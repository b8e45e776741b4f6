"""A shop moved onto a PostgreSQL server goes in with COPY, the words each customer said too:
one statement per row (a round trip each, through the word-starts index) made the words said
the slowest part of a move."""

from __future__ import annotations

import psycopg
import pytest

from kbm_tui.store import Store
from support import build_shop


@pytest.fixture
def rows_one_by_one(monkeypatch) -> list[str]:
    """The statements this process sends once per row (executemany) from now on."""
    sent: list[str] = []
    executemany = psycopg.Cursor.executemany

    def recorded(cur, query, params_seq, *args, **kwargs):
        sent.append(str(query))
        return executemany(cur, query, params_seq, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "executemany", recorded)
    return sent


def test_the_words_said_go_onto_the_server_with_copy(tmp_path, server_db, rows_one_by_one):
    shop = tmp_path / "shop.sqlite3"
    build_shop(shop)
    with Store.open(shop) as source:
        with source.snapshot():
            said = sorted({word for (text,) in source.conn.execute(
                "SELECT summary FROM conversation WHERE deleted_at IS NULL")
                for word in text.lower().split() if len(word) > 4 and word.isalpha()})
        assert len(said) > 10
        found = {w: [c.name for c in source.list_customers(w)] for w in said}
        with Store.open(server_db) as target:
            source.move_into(target)
            assert {w: [c.name for c in target.list_customers(w)] for w in said} == found
    assert not [s for s in rows_one_by_one if "customer_said" in s], rows_one_by_one


def test_the_server_plans_its_searches_knowing_what_a_move_brought(tmp_path, server_db):
    """Statistics made at once (ANALYZE), not a minute later by the server's autovacuum:
    until then its planner takes the tables for empty and plans searches blind."""
    shop = tmp_path / "shop.sqlite3"
    build_shop(shop)
    with Store.open(shop) as source, Store.open(server_db) as target:
        counts = source.move_into(target)
    with psycopg.connect(server_db) as conn:
        planned = dict(conn.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN ('customer', "
            "'conversation', 'customer_said') AND relnamespace = current_schema()::regnamespace"
        ).fetchall())
    assert planned["customer"] == counts["customer"] > 0
    assert planned["conversation"] == counts["conversation"] > 0
    assert planned["customer_said"] > 0
