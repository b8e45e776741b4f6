"""Schema 6: a shop an older kbm kept, on either engine, finds Søren by "soren" once opened:
its search columns, the words said and the conversations' index folded anew."""

from __future__ import annotations

import os
import shutil
import unicodedata

import psycopg
import pytest
from test_search_on_both_engines import fill
from test_upgrade_to_no_advertising import as_schema_6

from kbm_tui.db import schema
from kbm_tui.store import Store


def _fold_v5(text: str) -> str:
    """How kbm folded before schema 6: ø, ł, æ, œ, đ, ð, þ and ı kept as they were."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("ß", "ss").split())


def _name_fold_v5(text: str) -> str:
    return _fold_v5(text).replace("ae", "a").replace("oe", "o").replace("ue", "u")


FIXTURE_V5 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v5.sqlite3")
# kbm_fold as a server without the unaccent extension had it at schema 5.
FOLD_V5 = ("CREATE OR REPLACE FUNCTION kbm_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE "
           "AS $$ SELECT lower(replace(t, 'ß', 'ss')) $$")
SEARCHED = ("name", "email", "tags", "notes", "address", "organization", "more_contacts")


def _as_schema_5(url: str) -> None:
    """The database as kbm of schema 5 left it: its folding, its columns, its version."""
    as_schema_6(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(FOLD_V5)
        conn.execute("REINDEX INDEX ix_conversation_summary_trgm")
        for row in conn.execute(f"SELECT id, {', '.join(SEARCHED)} FROM customer").fetchall():
            text = " ".join(v for v in row[1:] if v)
            conn.execute("UPDATE customer SET name_key=%s, search_text=%s WHERE id=%s",
                         (_name_fold_v5(row[1]), _name_fold_v5(text), row[0]))
        for cid, said in conn.execute("SELECT customer_id, string_agg(summary, ' ') FROM "
                                      "conversation GROUP BY customer_id").fetchall():
            conn.execute("UPDATE customer_said SET words=%s WHERE customer_id=%s",
                         (" ".join(sorted(set(_fold_v5(said).split()))), cid))
        conn.execute("UPDATE kbm_meta SET value='5' WHERE key='schema_version'")
        assert conn.execute("SELECT count(*) FROM customer WHERE name_key LIKE '%soren%' OR "
                            "search_text LIKE '%soren%'").fetchone()[0] == 0


def test_a_server_database_of_schema_5_finds_soren_once_opened(server_db, capsys, monkeypatch):
    import sys

    with Store.open(server_db) as store:
        fill(store)
    _as_schema_5(server_db)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # the owner at a terminal
    with Store.open(server_db) as store:
        assert "for this version of kbm-tui (only this once)" in capsys.readouterr().err
        assert [c.name for c in store.list_customers("soren")] == ["Søren Łada"]
        assert store.count_customers("soren") == 1
        assert [c.name for c in store.list_customers("lukasz")] == ["Ahmet Kılıç"]
        assert [c.name for c in store.list_customers("smorrebrod")] == ["Ahmet Kılıç"]
        assert [v.summary for v in store.conversations(text="aermel")] == [
            "Ærmel des Trikots zu lang"]
    with psycopg.connect(server_db) as conn:
        assert conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'"
                            ).fetchone()[0] == str(schema.SCHEMA_VERSION)
        # the conversations' index holds the new folding (read from the index alone)
        conn.execute("SET enable_seqscan = off")
        plan = " ".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT summary FROM conversation WHERE kbm_fold(summary) ~ 'aermel'"))
        assert "ix_conversation_summary_trgm" in plan
        assert conn.execute("SELECT summary FROM conversation WHERE kbm_fold(summary) ~ "
                            "'aermel'").fetchall() == [("Ærmel des Trikots zu lang",)]


@pytest.mark.both_engines
def test_a_safety_copy_of_schema_5_restored_finds_soren(store, tmp_path):
    """A copy made before schema 6 holds the older folding; the restore derives anew."""
    copy = tmp_path / "kbm.sqlite3.before-upgrade-v5"
    shutil.copy(FIXTURE_V5, copy)
    store.restore_safety_copy(copy)
    assert [c.name for c in store.list_customers("soren")] == ["Søren Łada"]
    assert [c.name for c in store.list_customers("lukasz")] == ["Søren Łada"]
    assert store.count_conversations(text="aermel") == 1
