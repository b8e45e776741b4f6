"""A consistent copy of an open SQLite database, through SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path


def copy_database(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database through SQLite's online backup API."""
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # a copy stands alone, without -wal files
    finally:
        dest.close()
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    return target

