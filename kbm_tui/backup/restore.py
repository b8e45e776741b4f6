"""Restoring the CSV backup: all or nothing, every row checked, the bad line named.

The backup is loaded into a new database of kbm's own making (Store.staging), where the
schema checks every value against the rules of typed input; only a backup that passes all
of it is put in place of the live database, in one step (Store.replace_with). A refused
restore leaves the live file as it was, to the byte.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kbm_tui.backup.check import (
    READ_ERRORS,
    damaged,
    header_of,
    line_of,
    load_carefully,
    open_csv,
)
from kbm_tui.backup.manifest import read_manifest
from kbm_tui.core.errors import (
    BackupError,
    ForeignKeyViolation,
    KbmError,
    RowRefused,
    RuleBroken,
)
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.progress import Progress
from kbm_tui.core.text import rule_words, shown_value
from kbm_tui.store import TABLES_IN_ORDER, Store


@dataclass
class RestoreResult:
    counts: dict[str, int]
    safety_copy: Path | None


def restore(store: Store, source: Path, *, replace: bool = False,
            progress: Progress | None = None) -> RestoreResult:
    """Load a backup into the store, all or nothing. A non-empty database needs `replace`."""
    with open_backup(source) as zf:
        manifest = read_manifest(zf, source)
        try:
            store.refuse_unless_replacing(replace)
        except KbmError as exc:
            raise BackupError(exc.message) from None
        limits = member_limits(store, manifest)
        with store.staging() as staged:
            counts = {}
            try:
                with staged.bulk():
                    staged.delete_everything()  # the new database's owner: the backup has one
                    for table in TABLES_IN_ORDER:
                        counts[table] = _load_table(staged, zf, manifest, table, source,
                                                    limits[table], progress)
            except ForeignKeyViolation as exc:
                line = line_of(zf, exc.table, exc.row_id, source, limits[exc.table])
                # Translators: {parent} is a table name as in the backup ("customer").
                raise BackupError(_("{source}: {table}.csv, line {line}: the row refers to a "
                                    "{parent} that is not in the backup. Nothing was changed.")
                                  .format(source=source.name, table=exc.table, line=line,
                                          parent=exc.parent)) from None
            except RuleBroken as exc:
                line = line_of(zf, exc.table, exc.row_id, source, limits[exc.table])
                what = (_("{column} must be {words}, not {value}").format(
                    column=exc.column, words=rule_words(exc.words), value=shown_value(exc.value))
                        if exc.column else
                        _("it holds {words}").format(words=rule_words(exc.words)))
                raise BackupError(_("{source}: {table}.csv, line {line}: {problem}. Nothing "
                                    "was changed.").format(source=source.name, table=exc.table,
                                                           line=line, problem=what)) from None
            for table in TABLES_IN_ORDER:
                if counts[table] != manifest["tables"][table]["rows"]:
                    raise BackupError(n_(
                        "{source}: {table}.csv holds {n} row but the manifest says {says}: the "
                        "backup is incomplete or was changed. Nothing was changed.",
                        "{source}: {table}.csv holds {n} rows but the manifest says {says}: the "
                        "backup is incomplete or was changed. Nothing was changed.",
                        counts[table]).format(source=source.name, table=table, n=counts[table],
                                              says=manifest["tables"][table]["rows"]))
            if not counts["staff"]:
                raise BackupError(_("{source}: staff.csv holds nobody (a database has at least "
                                    "its owner). Nothing was changed.").format(
                    source=source.name))
            copy = store.replace_with(staged)
    return RestoreResult(counts, copy)


def open_backup(source: Path) -> zipfile.ZipFile:
    """The backup's zip, or BackupError saying why it can't be one."""
    if source.is_dir():
        raise BackupError(_("{path} is a folder. Choose a backup file in it.").format(
            path=source))
    if not source.is_file():
        raise BackupError(_("There is no backup file at {path}.").format(path=source))
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise BackupError(_("{source} is not a kbm-tui backup (not a zip file, or a damaged "
                            "one).").format(source=source)) from None


def member_limits(store: Store, manifest: dict) -> dict[str, int]:
    """How many bytes each table's CSV may unpack to: what its rows can take, no more."""
    return {t: 4096 + manifest["tables"][t]["rows"] * store.csv_row_limit(t)
            for t in TABLES_IN_ORDER}


def _load_table(store, zf, manifest, table, source, limit, progress) -> int:
    """Load one CSV: first at full speed inside SQLite; if anything is off, again row by
    row, to name the line that is wrong."""
    where = f"{source.name}: {table}.csv"
    expected = manifest["tables"][table]["rows"]
    try:
        try:
            with store.savepoint():
                loaded = _load_fast(store, zf, table, source, where, expected, limit, progress,
                                    manifest["schema_version"])
        except (RowRefused, csv.Error, UnicodeDecodeError):
            loaded = load_carefully(store, zf, table, source, where, limit,
                                    manifest["schema_version"])
    except READ_ERRORS as exc:
        raise damaged(source, f"{table}.csv", exc) from None
    if progress:
        progress(table, loaded, loaded)
    return loaded


def _load_fast(store, zf, table, source, where, expected, limit, progress, version) -> int:
    with open_csv(zf, table, source, limit=limit) as text:
        reader = csv.reader(text, strict=True)
        header = header_of(store, reader, table, where, version)

        def counted(rows):
            for n, row in enumerate(rows, 1):
                if progress and n % 20_000 == 0:
                    progress(table, n, expected or n)
                yield row

        return store.insert_csv_rows(table, header, counted(reader))
