"""Noticing a database file that lost committed changes.

SQLite keeps recent changes in the write-ahead log (`-wal`). When a frame of it is damaged
(a disk fault, a copy taken half-way), SQLite silently drops that frame and every one after
it, committed changes included. kbm can't undo that, but it can notice: every change counts
up the file's revision (kbm_meta), and after each commit kbm notes the revision it wrote in a
small file beside the database, `.NAME.seen` ("FILE-ID REVISION"). A file that opens at a
lower revision than kbm noted has lost changes. The file id tells this database apart from a
new one made at the same path, or a copy (every copy gets an id of its own).

The note is written after the commit and never synced, so after a crash it may lag behind
the file, never run ahead of it: a lost note means no check, never a false alarm.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kbm_tui.core import clock
from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.core.i18n import _

NEW_ID_SQL = "lower(hex(randomblob(8)))"


def new_id() -> str:
    return os.urandom(8).hex()


def note_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.seen")


def file_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM kbm_meta WHERE key='file_id'").fetchone()
    return str(row[0]) if row and row[0] else None


def note(path: Path, ident: str | None, revision: int) -> None:
    """Note the revision just committed (fixed width, written in place: no truncation)."""
    if ident is None:
        return
    try:
        fd = os.open(note_path(path), os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.write(fd, f"{ident} {revision:020d}\n".encode())
        finally:
            os.close(fd)
    except OSError:
        pass  # only a check lost, never the shop's data


def noted(path: Path) -> tuple[str, int] | None:
    try:
        with open(note_path(path), "rb") as fh:
            ident, revision = fh.read(64).decode("ascii").split()
        return ident, int(revision)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def check(conn: sqlite3.Connection, path: Path, hint: Callable[[], str]) -> None:
    """DatabaseFileError when the file holds fewer changes than kbm wrote to it. The -wal
    as it was is kept beside it for a repair attempt."""
    ident = file_id(conn)
    seen = noted(path)
    if ident is None or seen is None or seen[0] != ident:
        return
    row = conn.execute("SELECT value FROM kbm_meta WHERE key='revision'").fetchone()
    revision = int(row[0]) if row and str(row[0]).isdigit() else 0
    if revision >= seen[1]:
        return
    kept = _keep_wal(path)
    wal = Path(f"{path}-wal").name
    damaged = (_("Its write-ahead log ({wal}, kept as {kept}) was damaged") if kept else
               _("Its write-ahead log was damaged")).format(wal=wal, kept=kept)
    raise DatabaseFileError(
        _("{path} has lost changes: kbm wrote change {wrote} to it, but it now holds only up "
          "to change {holds}. {damaged}, and SQLite dropped everything from the damage on. "
          "Don't carry on with it. {hint} (If you put an older copy of the file there "
          "yourself, delete {note} to carry on with it.)").format(
            path=path, wrote=seen[1], holds=revision, damaged=damaged, hint=hint(),
            note=note_path(path)))


def _keep_wal(path: Path) -> str:
    wal = Path(f"{path}-wal")
    if not wal.is_file():
        return ""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    kept = wal.with_name(f"{wal.name}.damaged-{stamp}-{os.urandom(2).hex()}")
    try:
        import shutil

        shutil.copyfile(wal, kept)
        os.chmod(kept, 0o600)
    except OSError:
        return ""
    return kept.name
