"""Part of the store: putting a whole database file's content in place of this one's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kbm_tui.core.errors import KbmError
from kbm_tui.db import schema
from kbm_tui.db.base import Part
from kbm_tui.db.sqlite import connect


class RestorePart(Part):
    def restore_safety_copy(self, source: Path, *, replace: bool = False) -> Path | None:
        """Put a safety copy's content into this database; returns the copy made of what
        was here before (None when it was empty)."""
        version = connect.read_version(source)
        if version is None:
            raise KbmError(f"{source} is empty: it is not a safety copy.")
        if version > schema.SCHEMA_VERSION:
            raise KbmError(f"{source} was written by a newer kbm-tui. Update kbm-tui to "
                           "restore it.")
        before = None
        if self.holds_data():
            if not replace:
                raise KbmError(f"The database {self.path} already holds data. Add --replace "
                               "(a copy of the current database is kept).")
            before = self.copy_beside("before-restore")
        self.load_file(source)
        return before

    def load_file(self, source: Path) -> None:
        """Replace this database's whole content with another kbm-tui database file's."""
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
        try:
            src.backup(self.conn)
        except sqlite3.Error as exc:
            raise connect.translate(exc, source) from None
        finally:
            src.close()
        self.conn.execute("PRAGMA journal_mode=WAL")
        row = self._one("SELECT value FROM kbm_meta WHERE key='schema_version'")
        version = int(row[0]) if row else 0
        if version < schema.SCHEMA_VERSION:
            from kbm_tui.db.sqlite.create import upgrade

            upgrade(self.conn, self.path, version)
