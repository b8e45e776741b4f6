"""Restoring the CSV backup: all or nothing, every row checked, the bad line named."""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kbm_tui.backup.check import header_of, line_of, load_carefully, open_member
from kbm_tui.backup.manifest import read_manifest
from kbm_tui.core.errors import BackupError, ForeignKeyViolation, RowRefused
from kbm_tui.core.progress import Progress
from kbm_tui.store import TABLES_IN_ORDER, Store


@dataclass
class RestoreResult:
    counts: dict[str, int]
    safety_copy: Path | None



def restore(store: Store, source: Path, *, replace: bool = False,
            progress: Progress | None = None) -> RestoreResult:
    """Load a backup into the store, all or nothing. A non-empty database needs `replace`."""
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        raise BackupError(f"{source} is not a kbm-tui backup (not a zip file).") from None
    with zf:
        manifest = read_manifest(zf, source)
        if store.holds_data() and not replace:
            counts = store.row_counts()
            raise BackupError(
                f"The database {store.path} already holds {counts['customer']} customers and "
                f"{counts['conversation']} conversations. Restore into a new one with "
                "--db NEW.sqlite3, or add --replace (a copy of the current database is kept).")
        copy = store.copy_beside("before-restore") if store.holds_data() else None
        counts = {}
        try:
            with store.bulk():
                store.delete_everything()
                for table in TABLES_IN_ORDER:
                    counts[table] = _load_table(store, zf, manifest, table, source, progress)
        except ForeignKeyViolation as exc:
            line = line_of(zf, exc.table, exc.row_id)
            raise BackupError(f"{source.name}: {exc.table}.csv, line {line}: the row refers to a "
                              f"{exc.parent} that is not in the backup.") from None
    return RestoreResult(counts, copy)



def _load_table(store, zf, manifest, table, source, progress) -> int:
    """Load one CSV: first at full speed inside SQLite; if anything is off, again row by
    row, to name the line that is wrong."""
    where = f"{source.name}: {table}.csv"
    expected = manifest["tables"].get(table, {}).get("rows")
    try:
        with store.savepoint():
            loaded = _load_fast(store, zf, table, source, where, expected, progress)
    except (RowRefused, csv.Error, UnicodeDecodeError, _Recheck):
        loaded = load_carefully(store, zf, table, source, where, expected, progress)
    if expected is not None and expected != loaded:
        raise BackupError(f"{where} holds {loaded} rows but the manifest says {expected}: "
                          "the backup is incomplete or was changed.")
    if progress:
        progress(table, loaded, loaded)
    return loaded


class _Recheck(Exception):
    pass


def _load_fast(store, zf, table, source, where, expected, progress) -> int:
    with open_member(zf, table, source) as text:
        reader = csv.reader(text, strict=True)
        header = header_of(store, reader, table, where)

        def counted(rows):
            for n, row in enumerate(rows, 1):
                if progress and n % 20_000 == 0:
                    progress(table, n, expected or n)
                yield row

        loaded = store.insert_csv_rows(table, header, counted(reader))
    if store.first_malformed_row(table, header) is not None:
        raise _Recheck
    return loaded
