"""Where the automatic safety copies are, and which there are: one consistent copy of the
database a day, the last N kept (db/copies.py makes them).

Copies are made with SQLite's online backup API, so a copy taken while someone logs a
conversation is still whole. The default database's live in the data folder under
`safety-copies/`; those of a database opened with --db (or KBM_DB) beside it, in
`kbm-safety-copies/`, so its data never lands in the personal data folder. Readable by the
owner only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kbm_tui.core import settings
from kbm_tui.db.location import default_path

_DATED = re.compile(r"-(\d{4}-\d{2}-\d{2})\.sqlite3$")


@dataclass(frozen=True)
class SafetyCopy:
    path: Path
    day: date
    size: int


def folder(db_path: Path | None = None) -> Path:
    """Where the safety copies of the database at `db_path` go (the default one's: None)."""
    if db_path is None or db_path.resolve() == default_path().resolve():
        return settings.data_dir() / "safety-copies"
    return db_path.parent / "kbm-safety-copies"


def prefix(db_path: Path) -> str:
    """kbm for the default database; others get a short tag of their path."""
    resolved = db_path.resolve()
    if resolved == default_path().resolve():
        return db_path.stem
    import hashlib  # only for databases other than the default: not on every start

    return f"{db_path.stem}-{hashlib.sha1(str(resolved).encode()).hexdigest()[:6]}"


def copies(db_path: Path) -> list[SafetyCopy]:
    """The safety copies of one database, newest first."""
    stem = prefix(db_path)
    found = []
    where = folder(db_path)
    if where.is_dir():
        for path in where.glob(f"{stem}-*.sqlite3"):
            match = _DATED.search(path.name)
            if match and path.name == f"{stem}-{match.group(1)}.sqlite3":
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
