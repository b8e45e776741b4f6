"""What a restore starts from — a backup zip (`kbm export`, B in the app) or one of the daily
safety copies — looked into before anything changes, and restored the one way that the
command line (`kbm restore`) and the app (ctrl+r) share.

Looking in checks as much as can be checked without changing anything: a backup's manifest
and every member's checksum; a safety copy is loaded whole into a staging database (every
value checked) and thrown away. The restore itself checks everything again: a file changed
between the look and the restore is still refused whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kbm_tui.backup.check import READ_ERRORS, damaged, member
from kbm_tui.backup.manifest import read_manifest
from kbm_tui.backup.restore import RestoreResult, member_limits, open_backup, restore
from kbm_tui.core import timefmt
from kbm_tui.core.progress import Progress
from kbm_tui.store import TABLES_IN_ORDER, Store, find_safety_copy, is_database_file

_DAY_IN_NAME = re.compile(r"-(\d{4}-\d{2}-\d{2})\.sqlite3$")


@dataclass(frozen=True)
class Preview:
    """What a backup or safety copy holds, as far as it can be told before restoring."""

    source: Path
    safety_copy: bool  # a database file (a safety copy), not a backup zip
    counts: dict[str, int]  # rows per table
    schema_version: int
    made: datetime | None = None  # a backup: the moment it was made
    made_day: date | None = None  # a safety copy: the day it was made


def find(db_path: Path, typed: str) -> Path:
    """The file typed: a path, or a safety copy of this database named by its day
    (2026-11-21) or `latest`."""
    source = Path(typed).expanduser()
    if not source.exists() and (copy := find_safety_copy(db_path, typed)):
        return copy
    return source


def look_into(store: Store, source: Path) -> Preview:
    """What `source` holds; BackupError or KbmError saying what is wrong with it. Nothing
    of the store changes."""
    if source.is_file() and is_database_file(source):
        with store.staging() as staged:
            version, counts = staged.load_database_file_of_version(source)
        return Preview(source, True, counts, version, made_day=_day_of(source))
    with open_backup(source) as zf:
        manifest = read_manifest(zf, source)
        limits = member_limits(store, manifest)
        for table in TABLES_IN_ORDER:
            name = f"{table}.csv"
            info = member(zf, name, source, limit=limits[table])
            try:
                with zf.open(info) as fh:  # read through: a damaged member fails its checksum
                    while fh.read(1 << 20):
                        pass
            except READ_ERRORS as exc:
                raise damaged(source, name, exc) from None
        try:
            made = timefmt.from_db(manifest.get("created_at"))
        except (TypeError, ValueError):
            made = None  # only the date is missing; the rows are what counts
        counts = {t: manifest["tables"][t]["rows"] for t in TABLES_IN_ORDER}
        return Preview(source, False, counts, manifest["schema_version"], made=made)


def restore_from(store: Store, source: Path, *, replace: bool = False,
                 progress: Progress | None = None) -> RestoreResult:
    """Put a backup's or a safety copy's content in place of the store's, all or nothing;
    a copy of what was there is kept beside the database (RestoreResult.safety_copy)."""
    if source.is_file() and is_database_file(source):
        before = store.restore_safety_copy(source, replace=replace)
        return RestoreResult(store.row_counts(), before)
    return restore(store, source, replace=replace, progress=progress)


def _day_of(path: Path) -> date | None:
    """A safety copy's day, from its name (kbm-2026-11-21.sqlite3), else from the file."""
    match = _DAY_IN_NAME.search(path.name)
    try:
        if match:
            return date.fromisoformat(match.group(1))
        return timefmt.local(datetime.fromtimestamp(path.stat().st_mtime).astimezone()).date()
    except (OSError, ValueError):
        return None
