"""Damaged, foreign, locked and unwritable database files: a clear message, exit 2, untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from pathlib import Path

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


def _char_device(path) -> None:
    """An empty character device like /dev/null, made in the test's own folder."""
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device needs root")


@pytest.mark.parametrize("kind", ["character device", "named pipe", "symbolic link",
                                  "link to a folder"])
def test_anything_but_a_regular_file_is_refused_untouched(kbm, tmp_path, kind):
    path = tmp_path / "special.sqlite3"
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    if kind == "character device":
        _char_device(path)
    elif kind == "named pipe":
        os.mkfifo(path)
    elif kind == "symbolic link":
        path.symlink_to(empty)
    else:
        path.symlink_to(tmp_path)
    before = os.lstat(path)
    err = kbm.fails("--db", str(path), "add", "Eva", db=False, timeout=20)
    assert str(path) in err and ("not a regular file" in err or "symbolic link" in err)
    after = os.lstat(path)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3", "special.sqlite3"]


def test_an_empty_read_only_file_is_refused(kbm, tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    os.chmod(path, 0o400)
    err = kbm.fails("--db", str(path), "add", "Eva", db=False)
    assert "read-only" in err
    assert path.read_bytes() == b"" and stat.S_IMODE(os.stat(path).st_mode) == 0o400


def test_a_writable_file_in_a_read_only_folder_is_told_apart(kbm, filled, tmp_path):
    folder = filled.parent
    os.chmod(folder, 0o500)
    try:
        err = kbm.fails("log", "Kunde 5", "hi")
    finally:
        os.chmod(folder, 0o700)
    assert f"the folder {folder} is not writable" in err and "chmod u+w)" not in err


FRAME = 24 + 4096  # a WAL frame: its header and one page


def _crash_state_with_a_damaged_wal(db_path, tmp_path):
    """The database as a power cut leaves it: changes still in the -wal (not yet copied
    into the file), then one frame in the middle of the -wal damaged."""
    with Store.open(db_path) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint=0")
        store.add_customer("Anna Früh")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for n in range(12):
            store.add_customer(f"Kunde {n}", notes="x" * 2000)
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for name in (db_path.name, f"{db_path.name}-wal", f".{db_path.name}.seen"):
            if (db_path.parent / name).exists():
                shutil.copy(db_path.parent / name, crashed / name)
    wal = crashed / f"{db_path.name}-wal"
    frames = (wal.stat().st_size - 32) // FRAME
    assert frames > 6
    data = bytearray(wal.read_bytes())
    at = 32 + (frames // 3) * FRAME + 24 + 100
    data[at:at + 8] = bytes(b ^ 0xFF for b in data[at:at + 8])
    wal.write_bytes(bytes(data))
    return crashed / db_path.name


def test_a_damaged_wal_that_drops_committed_changes_is_noticed(kbm, db_path, tmp_path):
    damaged = _crash_state_with_a_damaged_wal(db_path, tmp_path)
    err = kbm.fails("--db", str(damaged), "today", db=False)
    assert "has lost changes" in err and "Don't carry on with it" in err
    assert "restore" in err
    kept = list(damaged.parent.glob(f"{damaged.name}-wal.damaged-*"))
    assert len(kept) == 1  # the -wal as it was, for a repair attempt
    assert "has lost changes" in kbm.fails("--db", str(damaged), "log", "anna", "hi", db=False)


def test_no_false_alarm_after_restores_copies_and_a_new_file(kbm, db_path, tmp_path):
    kbm.ok("add", "Anna Früh")
    backup = tmp_path / "b.zip"
    kbm.ok("export", str(backup))
    for n in range(5):
        kbm.ok("add", f"Kunde {n}")
    kbm.ok("restore", str(backup), "--replace")  # fewer rows, but a newer revision
    kbm.ok("add", "Eva")
    copy = next(db_path.parent.glob("kbm.sqlite3.before-restore-*"))
    shutil.copy(copy, db_path)  # an older copy put in place by hand: a file of its own
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    assert "Kunde 4" in kbm.ok("customers")
    db_path.unlink()
    kbm.ok("add", "Neu")  # a new database at the same path
    assert "Neu" in kbm.ok("customers")
