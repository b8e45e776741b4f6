"""A shop whose search columns an earlier kbm made (before house numbers were marked on the
card) finds a customer by the house number once opened, on either engine, with no schema
step: the columns are made anew when the database is opened, once."""

from __future__ import annotations

import sqlite3
import sys

import psycopg
import pytest
from pg_server import grant_table_rights
from test_search_on_both_engines import fill

from kbm_tui.core.vocab import name_fold
from kbm_tui.store import Store

SEARCHED = ("name", "email", "tags", "notes", "address", "organization", "more_contacts")


def _as_an_earlier_kbm_left_it(conn) -> None:
    """search_text without the marks of short numbers, and no note of how it was made."""
    rows = conn.execute(f"SELECT id, {', '.join(SEARCHED)} FROM customer").fetchall()
    for row in rows:
        text = name_fold(" ".join(v for v in row[1:] if v))
        conn.execute("UPDATE customer SET search_text=%s WHERE id=%s".replace(
            "%s", "?" if isinstance(conn, sqlite3.Connection) else "%s"), (text, row[0]))
    conn.execute("DELETE FROM kbm_meta WHERE key='search_columns'")
    marked = conn.execute("SELECT count(*) FROM customer WHERE search_text LIKE '%¤%'")
    assert marked.fetchone()[0] == 0


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    if request.param == "sqlite":
        return tmp_path / "shop.sqlite3"
    return request.getfixturevalue("server_db")


def _connect(target):
    if isinstance(target, str):
        return psycopg.connect(target, autocommit=True)
    return sqlite3.connect(target, isolation_level=None)


def test_a_shop_from_before_finds_the_house_number_once_opened(target, capsys, monkeypatch):
    with Store.open(target) as store:
        fill(store)
    with _connect(target) as conn:
        _as_an_earlier_kbm_left_it(conn)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # the owner at a terminal
    with Store.open(target) as store:
        assert "Updating the search of" in capsys.readouterr().err
        assert [c.name for c in store.list_customers("Hauptstr. 3")] == [
            "Anneliese Schäfer", "Emil Sommer"]
        assert store.count_customers("3a") == 1
    with Store.open(target) as store:  # once: the next open has nothing to do
        assert capsys.readouterr().err == ""
        assert [c.name for c in store.list_customers("30")] == ["Karl Weber"]
    with _connect(target) as conn:
        assert conn.execute("SELECT value FROM kbm_meta WHERE key='search_columns'"
                            ).fetchone() is not None


def test_a_new_shop_says_nothing_about_its_search(target, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with Store.open(target) as store:
        store.add_customer("Anneliese Schäfer", address="Hauptstr. 3, 04109 Leipzig")
    with Store.open(target) as store:
        assert [c.name for c in store.list_customers("hauptstraße 3")] == ["Anneliese Schäfer"]
    assert "Updating" not in capsys.readouterr().err


def test_a_file_without_the_phone_starts_index_gets_it_when_opened(tmp_path):
    """One or two digits typed ("3") look up the phone numbers' starts in an index, not by
    reading every customer; a file made before the index (or restored from one) gets it."""
    path = tmp_path / "shop.sqlite3"
    with Store.open(path) as store:
        fill(store)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX ix_customer_phone_start")
    with Store.open(path) as store:
        assert [c.name for c in store.list_customers("3")] == [
            "Anneliese Schäfer", "Đuro Horvat", "Emil Sommer"]
        plan = " ".join(str(row[-1]) for row in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM customer c WHERE c.phone_digits GLOB '3*'"))
    assert "ix_customer_phone_start" in plan


def _pairs_shop(store) -> None:
    """Numbers of one or two digits in the address, and in other fields (review finding 7)."""
    store.add_customer("Carla Cee", address="Gohliser Str. 12-14", notes="Rahmen 56, 3 Kinder")
    store.add_customer("Dora Dee", email="dora.12@web.de", address="Am Markt 3a")
    store.add_customer("Emil Ernst", more_contacts="Mobil: 0176 12 34 56 78",
                       tags="kunde 78", address="Lindenweg 9")


@pytest.mark.parametrize(("typed", "names"), [("12", ["Carla Cee"]), ("56", []),
                                               ("78", []), ("34", []), ("3", ["Dora Dee"]),
                                               ("9", ["Emil Ernst"])])
def test_a_short_number_finds_the_number_of_the_address_only(target, typed, names):
    with Store.open(target) as store:
        _pairs_shop(store)
        assert [c.name for c in store.list_customers(typed)] == names


def test_a_shop_marked_from_every_field_is_marked_anew_once_opened(target):
    """The first version of the marks (2026-11-29, "numbers marked") took notes, email and
    more contacts too: such a database gets its marks anew when opened."""
    with Store.open(target) as store:
        _pairs_shop(store)
    with _connect(target) as conn:
        conn.execute("UPDATE customer SET search_text = search_text || ' ¤56¤ ¤78¤'")
        conn.execute("UPDATE kbm_meta SET value='numbers marked' WHERE key='search_columns'")
    with Store.open(target) as store:
        assert [c.name for c in store.list_customers("56")] == []
    with _connect(target) as conn:
        assert conn.execute("SELECT value FROM kbm_meta WHERE key='search_columns'"
                            ).fetchone()[0] == "2"


def test_a_newer_kbm_s_search_columns_are_left_as_they_are(target):
    """Two kbm versions of one schema never make the columns anew back and forth: this one
    leaves alone what a newer one (a higher number) made."""
    with Store.open(target) as store:
        _pairs_shop(store)
    with _connect(target) as conn:
        conn.execute("UPDATE customer SET search_text = search_text || ' ¤56¤'")
        conn.execute("UPDATE kbm_meta SET value='3' WHERE key='search_columns'")
    with Store.open(target) as store:
        assert [c.name for c in store.list_customers("56")] == [
            "Carla Cee", "Dora Dee", "Emil Ernst"]
    with _connect(target) as conn:
        assert conn.execute("SELECT value FROM kbm_meta WHERE key='search_columns'"
                            ).fetchone()[0] == "3"


def test_a_till_whose_transactions_only_read_opens_an_unmarked_shop(server_db, till_role):
    """A role whose transactions are read-only (default_transaction_read_only, a standby
    server) can't make the columns anew: it opens the shop and searches the columns as they
    are, as a role that may only read does (review finding 8: "internal error")."""
    role, till = till_role
    with Store.open(server_db) as store:
        fill(store)
    with psycopg.connect(server_db, autocommit=True) as conn:
        _as_an_earlier_kbm_left_it(conn)
        conn.execute(f"ALTER ROLE {role} SET default_transaction_read_only = on")
    grant_table_rights(server_db, role)
    with Store.open(till) as store:
        assert "Anneliese Schäfer" in [c.name for c in store.list_customers("hauptstr")]
    with Store.open(server_db) as store:  # the next till that may write makes them anew
        assert store.count_customers("3a") == 1
