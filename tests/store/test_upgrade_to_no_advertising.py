"""Schema 7 on a server: a database an older kbm kept gets the objection to advertising and
the kind "advertising" in place, every row as it was, and the shape of a new database."""

from __future__ import annotations

import psycopg
import pytest
from test_search_on_both_engines import fill

from kbm_tui.core.errors import AgainstWishes
from kbm_tui.core.records import ContactDraft
from kbm_tui.db import schema
from kbm_tui.store import Store

KINDS_V6 = ("'inquiry', 'offer', 'purchase', 'invoice', 'payment', 'complaint', 'return', "
            "'service', 'feedback', 'other'")


def as_schema_6(url: str) -> None:
    """The database as kbm of schema 6 left it: no objection, no kind "advertising"."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ALTER TABLE customer DROP COLUMN no_ads_since")
        conn.execute("ALTER TABLE conversation DROP CONSTRAINT ck_kind, ADD CONSTRAINT ck_kind "
                     f"CHECK (kind IN ({KINDS_V6}))")
        conn.execute("DROP INDEX ix_promise_waiting")
        conn.execute("UPDATE kbm_meta SET value='6' WHERE key='schema_version'")


def _shape(url: str) -> tuple[list, list, list]:
    with psycopg.connect(url) as conn:
        columns = conn.execute(
            "SELECT table_name, column_name, data_type, collation_name, is_nullable "
            "FROM information_schema.columns WHERE table_name IN ('customer', 'conversation') "
            "ORDER BY table_name, ordinal_position").fetchall()
        checks = conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid IN ('customer'::regclass, "
            "'conversation'::regclass) ORDER BY 1, 2").fetchall()
        indexes = conn.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE "
                               "schemaname = 'public' ORDER BY 1, 2").fetchall()
    return columns, checks, indexes


def _rows(url: str) -> dict[str, list]:
    """Every stored value (not those the store derives, and may derive anew on opening) of
    the columns schema 6 had."""
    with psycopg.connect(url) as conn:
        found = {}
        for table in schema.TABLES_IN_ORDER:
            columns = ", ".join(
                name for (name,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name=%s "
                    "AND column_name <> 'no_ads_since' ORDER BY ordinal_position", (table,))
                if name not in schema.DERIVED_COLUMNS.get(table, ()))
            found[table] = conn.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
        return found


def test_a_server_database_of_schema_6_gets_no_advertising_in_place(server_db):
    with Store.open(server_db) as store:
        fill(store)
        store.set_wishes(store.match_customer("soren").id, channel="phone")
    new = _shape(server_db)
    as_schema_6(server_db)
    before = _rows(server_db)
    with pytest.raises(psycopg.errors.CheckViolation), psycopg.connect(server_db) as conn:
        conn.execute("UPDATE conversation SET kind='advertising'")  # schema 6 had no such kind
    with Store.open(server_db) as store:
        after = _rows(server_db)
        assert after == before  # every value as it was
        assert {c.no_ads_since for c in store.list_customers("")} == {None}  # empty
        assert store.match_customer("soren").pref_channel == "phone"
        assert [v.summary for v in store.conversations(text="aermel")] == [
            "Ærmel des Trikots zu lang"]
        soren = store.match_customer("soren")
        store.set_wishes(soren.id, no_ads=True)
        with pytest.raises(AgainstWishes, match="objected to advertising"):
            store.record_contact(ContactDraft(soren.id, summary="Newsletter", direction="out",
                                              kind="advertising", channel="phone"))
    with psycopg.connect(server_db) as conn:
        assert conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'"
                            ).fetchone()[0] == str(schema.SCHEMA_VERSION) == "7"
    assert _shape(server_db) == new
