"""A consistent copy of an open SQLite database, through SQLite's online backup API.

A copy is made under a hidden name of its own and then given its real name without
replacing anything: two copies made in the same second get `NAME` and `NAME-2`, and no
existing file is ever opened for writing or truncated. A copy killed half-way leaves only
the hidden file, which the next start removes (connect.remove_leftovers).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def copy_database(conn: sqlite3.Connection, target: Path, *,
                  if_absent: bool = False) -> Path | None:
    """Copy the open database to `target` (owner-only) and return where it went: `target`,
    or `target-2`, `-3`, … when that name is taken. With `if_absent`, a taken name means
    someone else made this copy already: nothing is written and None is returned."""
    tmp = scratch_name(target)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # a copy stands alone, without -wal files
            try:  # and is a file of its own (db/sqlite/seen.py)
                dest.execute("UPDATE kbm_meta SET value=lower(hex(randomblob(8))) "
                             "WHERE key='file_id'")
                dest.commit()
            except sqlite3.Error:
                pass
        finally:
            dest.close()
        os.chmod(tmp, 0o600)
        return _name(tmp, target, if_absent)
    finally:
        tmp.unlink(missing_ok=True)


def scratch_name(target: Path) -> Path:
    """A hidden name beside `target` that no other process uses (its pid and a random part)."""
    return target.with_name(f".{target.name}.new-{os.getpid()}-{os.urandom(4).hex()}")


def _name(tmp: Path, target: Path, if_absent: bool) -> Path | None:
    n = 1
    while True:
        candidate = target if n == 1 else target.with_name(f"{target.name}-{n}")
        try:
            _link(tmp, candidate)
        except FileExistsError:
            if if_absent:
                return None
            n += 1
            continue
        return candidate


def _link(tmp: Path, candidate: Path) -> None:
    """Give `tmp` the name `candidate` unless that name exists (FileExistsError)."""
    try:
        os.link(tmp, candidate)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: claim the name, then move in
        os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.replace(tmp, candidate)
