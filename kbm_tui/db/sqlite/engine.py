"""SQLite behind the engine seam (db/engine.py): a database file on this computer."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.db.sqlite import connect, search, seen


class SqliteEngine:
    name = "sqlite"
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    no_limit: int | None = -1
    integrity_errors: tuple[type[BaseException], ...] = (sqlite3.IntegrityError,)
    search = search

    def begin(self, conn: sqlite3.Connection, *, write: bool) -> None:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def before_commit(self, conn: sqlite3.Connection) -> None:
        pass  # other connections see PRAGMA data_version change by themselves

    def after_commit(self, part: Any, revision: int) -> None:
        # A damaged -wal that drops this change is noticed (seen.py).
        seen.note(part.path, part._file_id, revision)

    def data_version(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])

    def interrupt(self, conn: sqlite3.Connection) -> None:
        conn.interrupt()

    def was_interrupted(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc)

    def translate(self, exc: BaseException, where: Any) -> DatabaseFileError:
        assert isinstance(exc, sqlite3.Error)
        return connect.translate(exc, Path(where))

    def days_later(self, moment: str, days: str) -> str:
        """SQL for the UTC moment `days` days after `moment` (both SQL expressions); the
        expression indexes of schema 3 use exactly this form."""
        return f"strftime('%Y-%m-%dT%H:%M:%SZ', {moment}, '+' || {days} || ' days')"

    def days_between(self, start: str, end: str) -> str:
        return f"julianday({end}) - julianday({start})"

    def finish_erasure(self, conn: sqlite3.Connection) -> bool:
        return connect.finish_erasure(conn)

    def close(self, part: Any) -> None:
        try:
            part.conn.close()
        finally:
            connect.release(part._file_key)
            part._file_key = None


ENGINE = SqliteEngine()


def open_part(cls: type, target: Any) -> Any:
    """Open (creating or upgrading) the database file and make a store part on it."""
    resolved = connect.resolve_path(target)
    told: list[str] = []
    part = cls(connect.connect(resolved, told), resolved, ENGINE)
    for text in told:
        part.tell(text)  # an upgrade is said once: no mark
    part._file_id = seen.file_id(part.conn)
    part._file_key = connect.file_key(resolved)
    connect.hold(part._file_key)
    return part

if TYPE_CHECKING:
    from kbm_tui.db.engine import Engine

    _CHECK: Engine = ENGINE
