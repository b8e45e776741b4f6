"""Automatic safety copies: one consistent copy of the database a day, the last N kept.

Copies are made with SQLite's online backup API, so a copy taken while someone logs a
conversation is still whole. They live in the data folder under `safety-copies/`,
readable by the owner only.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kbm_tui.core import clock, settings
from kbm_tui.db.base import Part
from kbm_tui.db.location import default_path
from kbm_tui.db.sqlite.copy import copy_database

_DATED = re.compile(r"-(\d{4}-\d{2}-\d{2})\.sqlite3$")


@dataclass(frozen=True)
class SafetyCopy:
    path: Path
    day: date
    size: int


def folder() -> Path:
    return settings.data_dir() / "safety-copies"


def _prefix(db_path: Path) -> str:
    """kbm for the default database; others get a short tag of their path."""
    resolved = db_path.resolve()
    if resolved == default_path().resolve():
        return db_path.stem
    return f"{db_path.stem}-{hashlib.sha1(str(resolved).encode()).hexdigest()[:6]}"


def copies(db_path: Path) -> list[SafetyCopy]:
    """The safety copies of one database, newest first."""
    prefix = _prefix(db_path)
    found = []
    if folder().is_dir():
        for path in folder().glob(f"{prefix}-*.sqlite3"):
            match = _DATED.search(path.name)
            if match and path.name == f"{prefix}-{match.group(1)}.sqlite3":
                found.append(SafetyCopy(path, date.fromisoformat(match.group(1)),
                                        path.stat().st_size))
    return sorted(found, key=lambda c: c.day, reverse=True)


def find(db_path: Path, typed: str) -> Path | None:
    """A safety copy named by its day (2026-11-21) or 'latest', if there is one."""
    listed = copies(db_path)
    if typed == "latest":
        return listed[0].path if listed else None
    for item in listed:
        if item.day.isoformat() == typed:
            return item.path
    return None


class SafetyPart(Part):
    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the whole database at `target` (owner-only)."""
        return copy_database(self.conn, target)

    def copy_beside(self, label: str) -> Path:
        """A copy beside the database file, named after what is about to happen."""
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        return self.copy_to(self.path.with_name(f"{self.path.name}.{label}-{stamp}"))

    def ensure_daily_copy(self, keep: int | None = None) -> Path | None:
        """Make today's copy if there is none yet, then drop all but the newest `keep`."""
        keep = keep if keep is not None else settings.Settings.load().backups_keep
        keep = max(1, keep)
        target_dir = folder()
        target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(target_dir, 0o700)
        target = target_dir / f"{_prefix(self.path)}-{clock.today().isoformat()}.sqlite3"
        made = None
        if not target.exists():
            partial = target.with_suffix(".part")
            self.copy_to(partial)
            os.replace(partial, target)
            made = target
        for old in copies(self.path)[keep:]:
            old.path.unlink(missing_ok=True)
        return made
