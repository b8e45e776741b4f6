"""Damaged, foreign, locked and unwritable database files: a clear message, exit 2, untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3

import pytest

from kbm_tui.db import safety
from kbm_tui.store import Store


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(kbm, db_path):
    with Store.open(db_path) as store:
        for i in range(60):
            c = store.add_customer(f"Kunde {i}", notes="n" * 300)
            store.log_conversation(c.id, "s" * 300)
        store.ensure_daily_copy()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_path


def damaged_copy(source, target, how):
    if source != target:
        shutil.copy(source, target)
    data = bytearray(target.read_bytes())
    if how == "truncated":
        del data[len(data) // 3:]
    elif how == "garbage pages":
        data[8192:8192 + 12000] = os.urandom(12000)
    elif how == "broken header":
        data[16:24] = b"\xff" * 8
    target.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "garbage pages", "broken header"])
@pytest.mark.parametrize("command", [("today",), ("customers", "kunde"), ("log", "Kunde 5", "hi"),
                                     ("export",)])
def test_damaged_file_gets_a_message_naming_it_and_what_to_do(kbm, filled, tmp_path, how, command):
    bad = tmp_path / "damaged.sqlite3"
    damaged_copy(filled, bad, how)
    before = digest(bad)
    result = kbm("--db", str(bad), *command, db=False)
    if result.returncode == 0:
        # Some damage only shows on pages a command doesn't read; it must still not write.
        assert command[0] in ("today", "customers")
    else:
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert str(bad) in result.stderr and "damaged" in result.stderr
        assert "restore" in result.stderr
    assert digest(bad) == before


def test_damage_message_points_at_the_newest_safety_copy(kbm, filled):
    damaged_copy(filled, filled, "broken header")
    err = kbm.fails("today")
    assert str(safety.copies(filled)[0].path) in err


def test_locked_database_says_so_and_changes_nothing(kbm, filled):
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = kbm("log", "Kunde 5", "while locked", env={"KBM_BUSY_TIMEOUT": "0.5"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "in use by another program" in result.stderr and str(filled) in result.stderr
    assert "while locked" not in kbm.ok("today")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files")
def test_read_only_file(kbm, filled):
    os.chmod(filled, 0o400)
    try:
        assert "read-only" in kbm.fails("log", "Kunde 5", "hi")
    finally:
        os.chmod(filled, 0o600)


def test_empty_file_becomes_a_new_database(kbm, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert "Added customer #1" in kbm.ok("--db", str(empty), "add", "Eva", db=False)
