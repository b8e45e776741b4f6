"""Restoring a safety copy (or any database file): the whole file is checked before the live
database is touched; a refused restore leaves the live file byte-identical, and a restored
database holds kbm's own schema objects only, never the file's."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3

import pytest

from kbm_tui.store import Store


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def live(kbm):
    """A database with a customer, a conversation and a follow-up, as `kbm` made it."""
    kbm.ok("log", "Anna Schmidt", "asked about a child seat", "--new", "--follow-up",
           "tomorrow", "send prices")
    kbm.ok("add", "Ben Weber", "--note", "likes road bikes")
    return kbm.db_path


def copy_of(live, tmp_path, name="copy.sqlite3", change=None):
    """A copy of the live database, as a safety copy is, changed by raw SQL."""
    target = tmp_path / name
    with Store.open(live) as store:
        store.copy_to(target)
    if change:
        conn = sqlite3.connect(target)
        conn.executescript(change)
        conn.commit()
        conn.close()
    return target


def schema_objects(path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT type, name FROM sqlite_master"))
    finally:
        conn.close()


def test_a_file_holding_only_kbm_meta_is_refused_and_the_live_file_stays(kbm, live, tmp_path):
    crafted = tmp_path / "crafted.sqlite3"
    conn = sqlite3.connect(crafted)
    conn.execute("CREATE TABLE kbm_meta(key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO kbm_meta VALUES ('schema_version', '3')")
    conn.commit()
    conn.close()
    before = digest(live)
    err = kbm.fails("restore", str(crafted), "--replace")
    assert "has no table staff" in err and "Nothing was changed" in err
    assert digest(live) == before
    assert "Anna Schmidt" in kbm.ok("customers")
    assert not list(live.parent.glob("*.before-restore-*"))


def test_triggers_and_views_in_a_restored_copy_never_reach_the_live_database(kbm, live,
                                                                                tmp_path):
    evil = copy_of(live, tmp_path, change="""
        CREATE TRIGGER wipe AFTER INSERT ON conversation BEGIN
            DELETE FROM followup; UPDATE customer SET notes='pwned'; END;
        CREATE VIEW everyone AS SELECT name FROM customer;
        CREATE INDEX ix_evil ON customer(notes);
        CREATE TABLE loot(x);
    """)
    fresh = tmp_path / "fresh.sqlite3"
    Store.open(fresh).close()
    out = kbm.ok("restore", str(evil), "--replace")
    assert "Restored the safety copy" in out
    assert schema_objects(live) == schema_objects(fresh)
    kbm.ok("log", "Anna", "came back for the seat")
    with Store.open(live) as store:
        assert len(store.followups(open_only=True)) == 1
        assert store.match_customer("ben").notes == "likes road bikes"


@pytest.mark.parametrize("change, message", [
    ("UPDATE conversation SET at='2026-02-30T25:61:99Z'",
     r"conversation #1: at must be a real UTC time"),
    ("UPDATE followup SET due_day='2026-13-45'", r"followup #1: due_day must be a real date"),
    ("UPDATE followup SET due_day='2026-02-31'", r"followup #1: due_day must be a real date"),
    ("UPDATE customer SET created_at='0000-01-01T00:00:00Z' WHERE id=2",
     r"customer #2: created_at must be between 1900 and 2999"),
    ("UPDATE followup SET every_days=999999999999",
     r"followup #1: every_days must be between 1 and 3,650"),
    ("UPDATE customer SET name=printf('%.*c', 100000, 'x') WHERE id=2",
     r"customer #2: name must be at most 200 characters, not \"x+…\" \(100,000 characters\)"),
    ("UPDATE customer SET notes='a' || char(0) || 'b' WHERE id=2",
     r"customer #2: notes must be text without NUL"),
    ("UPDATE customer SET name='Anna ' || char(27) || '[2J' WHERE id=1",
     r"customer #1: name must be text without control characters"),
    ("UPDATE customer SET do_not_contact=7", r"customer #1: do_not_contact must be 0 or 1"),
    ("UPDATE conversation SET channel='pigeon'", r"conversation #1: channel must be one of"),
    ("DELETE FROM staff", r"refers to a staff that is not in the file"),
    ("DELETE FROM conversation; DELETE FROM staff", r"holds no staff at all"),
    ("UPDATE conversation SET customer_id=99", r"conversation #1 refers to a customer"),
    ("DROP INDEX ix_customer_email; ALTER TABLE customer DROP COLUMN email",
     r"the table customer has no column email"),
    ("ALTER TABLE customer ADD COLUMN secret TEXT",
     r"the table customer has columns kbm-tui doesn't know \(secret\)"),
    ("UPDATE kbm_meta SET value='99' WHERE key='schema_version'", r"newer kbm-tui"),
])
def test_a_copy_with_a_value_kbm_cant_use_is_refused_naming_it(kbm, live, tmp_path, change,
                                                               message):
    # The old schemas had few CHECK constraints: a file made by one, or by another program,
    # can hold anything. Drop them here to stand for such a file.
    bad = copy_of(live, tmp_path)
    conn = sqlite3.connect(bad)
    conn.execute("PRAGMA writable_schema=ON")
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table' "
                                  "AND sql LIKE '%CONSTRAINT %'").fetchall():
        kept = [line for line in sql.split("\n") if "CONSTRAINT " not in line]
        # A table whose constraints came last (the journals) keeps no comma before ")".
        sql = re.sub(r",\s*\n\)\s*$", "\n)", "\n".join(kept))
        conn.execute("UPDATE sqlite_master SET sql=? WHERE name=?", (sql, name))
    conn.commit()
    conn.close()
    conn = sqlite3.connect(bad)
    conn.executescript(change)
    conn.commit()
    conn.close()
    before = digest(live)
    err = kbm.fails("restore", str(bad), "--replace")
    assert err.count("\n") == 1, err
    assert str(bad) in err
    assert re.search(message, err), err
    assert digest(live) == before


def test_a_damaged_copy_is_refused_and_the_live_file_stays(kbm, live, tmp_path):
    bad = copy_of(live, tmp_path)
    data = bytearray(bad.read_bytes())
    data[4096 * 3:4096 * 3 + 2000] = bytes(range(256)) * 7 + bytes(208)
    bad.write_bytes(bytes(data))
    before = digest(live)
    err = kbm.fails("restore", str(bad), "--replace")
    assert "damaged" in err and "nothing was changed" in err.lower()
    assert digest(live) == before


def test_a_copy_with_another_page_size_restores(kbm, live, tmp_path):
    other = copy_of(live, tmp_path)
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA page_size=8192")
    conn.execute("VACUUM")
    conn.close()
    assert sqlite3.connect(other).execute("PRAGMA page_size").fetchone()[0] == 8192
    kbm.ok("add", "Added later")
    out = kbm.ok("restore", str(other), "--replace")
    assert "Restored" in out
    assert "Added later" not in kbm.ok("customers")


def test_restoring_a_copy_in_wal_mode_leaves_nothing_beside_it(kbm, live, tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    source = copy_of(live, folder)
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    before = digest(source)
    kbm.ok("restore", str(source), "--replace")
    assert sorted(p.name for p in folder.iterdir()) == ["copy.sqlite3"]
    assert digest(source) == before


def test_a_copy_with_changes_still_in_its_wal_restores_them(kbm, live, tmp_path):
    """A file with a -wal beside it (another live database) is read with its latest changes."""
    source = tmp_path / "other.sqlite3"
    shutil.copy(live, source)
    holder = sqlite3.connect(source)
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("UPDATE customer SET notes='only in the wal' WHERE id=2")
    holder.commit()
    try:
        kbm.ok("restore", str(source), "--replace")
    finally:
        holder.close()
    with Store.open(live) as store:
        assert store.match_customer("ben").notes == "only in the wal"
