"""The CSV backup: every table as a CSV file in one zip, with a manifest.

- UTF-8 with a byte-order mark (so Excel shows umlauts), a header row, CRLF line ends.
- NULL is an empty cell; the store never keeps empty text, so nothing is lost.
- Text starting with = + - @ tab, carriage return or ' gets a leading ' so a spreadsheet
  shows it instead of running it; restore takes exactly that one quote off again.
- Export -> restore -> export gives byte-identical CSV files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import __version__, clock, records, store_open, timefmt
from .errors import KbmError
from .store import Store
from .store_tables import FORMULA_STARTS

FORMAT = "kbm-tui backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
Progress = Callable[[str, int, int], None]

_RECORDS = {"staff": records.Staff, "customer": records.Customer,
            "conversation": records.Conversation, "promise": records.Promise,
            "followup": records.Followup}
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^-?\d{1,18}$")
_PROMISE_CHANGE_MOMENTS = ("changed_at", "old_due_at", "new_due_at")
_PROMISE_CHANGE_DAYS = ("old_due_day", "new_due_day")


class BackupError(KbmError):
    pass


@dataclass
class RestoreResult:
    counts: dict[str, int]
    safety_copy: Path | None


def default_name(folder: Path | None = None) -> Path:
    """kbm-backup-2026-11-22.zip, or -2, -3 ... if that name is taken."""
    folder = folder or Path.cwd()
    stem = f"kbm-backup-{clock.today().isoformat()}"
    candidate, n = folder / f"{stem}.zip", 2
    while candidate.exists():
        candidate, n = folder / f"{stem}-{n}.zip", n + 1
    return candidate


def export(store: Store, target: Path, *, progress: Progress | None = None) -> dict[str, int]:
    """Write the backup zip (via a temporary file, so a crash never leaves half a zip)."""
    counts = store.row_counts()
    tables = {}
    tmp = target.with_name(target.name + ".part")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            for table in store_open.TABLES_IN_ORDER:
                columns = store.table_columns(table, stored_only=True)
                with zf.open(f"{table}.csv", "w") as member:
                    text = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
                    writer = csv.writer(text, lineterminator="\r\n")
                    writer.writerow(columns)
                    written = 0
                    rows = store.iter_rows(table, columns, escape_formulas=True)
                    for chunk in _chunks(rows, 20_000):
                        writer.writerows(chunk)
                        written += len(chunk)
                        if progress:
                            progress(table, written, counts[table])
                    text.flush()
                    text.detach()
                tables[table] = {"file": f"{table}.csv", "rows": written, "columns": columns}
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_version": store_open.SCHEMA_VERSION,
                "app_version": __version__,
                "created_at": timefmt.to_db(clock.now()),
                "tables": tables,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"Can't write the backup {target}: {exc.strerror or exc}.") from None
    return {t: v["rows"] for t, v in tables.items()}


def _chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_manifest(zf: zipfile.ZipFile, source: Path) -> dict:
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError:
        raise BackupError(f"{source} is not a kbm-tui backup: it has no {MANIFEST}.") from None
    except (ValueError, UnicodeDecodeError):
        raise BackupError(f"{source}: {MANIFEST} is damaged (not valid JSON).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is not a kbm-tui backup (its manifest is of another kind).")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise BackupError(f"{source}: the manifest names no schema version.")
    if version > store_open.SCHEMA_VERSION:
        raise BackupError(
            f"{source} was made by a newer kbm-tui (schema {version}). Update kbm-tui to restore it.")
    if not isinstance(manifest.get("tables"), dict):
        raise BackupError(f"{source}: the manifest lists no tables.")
    return manifest


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
        copy = None
        if store.holds_data():
            stamp = clock.now().strftime("%Y%m%d-%H%M%S")
            copy = store_open.safety_copy(
                store.conn, store.path.with_name(f"{store.path.name}.before-restore-{stamp}"))
        counts = {}
        with store.bulk():
            store.delete_everything()
            for table in store_open.TABLES_IN_ORDER:
                counts[table] = _load_table(store, zf, manifest, table, source, progress)
    return RestoreResult(counts, copy)


def _converters(store: Store, table: str, header: list[str], where: str):
    known = store.table_columns(table, stored_only=True)
    unknown = [c for c in header if c not in known]
    if unknown or len(set(header)) != len(header) or "id" not in header:
        raise BackupError(f"{where}, line 1: the header is wrong (unexpected: "
                          f"{', '.join(unknown) or 'a repeated column or no id'}).")
    numbers = store.integer_columns(table)
    record = _RECORDS.get(table)
    moments = set(record.MOMENTS if record else _PROMISE_CHANGE_MOMENTS)
    days = set(record.DAYS if record else _PROMISE_CHANGE_DAYS)

    def make(column):
        if column in numbers:
            return "a whole number", _INTEGER.match, int
        if column in moments:
            return "a UTC time like 2026-11-22T09:30:00Z", _MOMENT.match, str
        if column in days:
            return "a date like 2026-11-22", _DAY.match, str
        return None, None, _unescape

    return [make(c) for c in header]


def escape_cell(value):
    """A cell a spreadsheet shows as text (the same rule the export applies in SQL)."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def _unescape(cell: str) -> str | None:
    text = cell[1:] if cell.startswith("'") else cell
    return text or None


def _load_table(store, zf, manifest, table, source, progress) -> int:
    where = f"{source.name}: {table}.csv"
    try:
        member = zf.open(f"{table}.csv")
    except KeyError:
        raise BackupError(f"{source}: {table}.csv is missing; the backup is incomplete.") from None
    expected = manifest["tables"].get(table, {}).get("rows")
    with member:
        text = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
        reader = csv.reader(text, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                raise BackupError(f"{where} is empty: it has no header row.")
            converters = _converters(store, table, header, where)
            batch, loaded, line = [], 0, 1
            for row in reader:
                line_start = line + 1
                line = reader.line_num
                batch.append((line_start, _convert(row, header, converters, where, line_start)))
                if len(batch) >= 5000:
                    loaded += _insert(store, table, header, batch, where)
                    batch = []
                    if progress:
                        progress(table, loaded, expected or loaded)
            loaded += _insert(store, table, header, batch, where)
        except csv.Error as exc:
            raise BackupError(f"{where}, line {reader.line_num}: not valid CSV ({exc}).") from None
        except UnicodeDecodeError:
            raise BackupError(f"{where} is not UTF-8 text.") from None
    if expected is not None and expected != loaded:
        raise BackupError(f"{where} holds {loaded} rows but the manifest says {expected}: "
                          "the backup is incomplete or was changed.")
    if progress:
        progress(table, loaded, loaded)
    return loaded


def _convert(row, header, converters, where, line):
    if len(row) != len(header):
        raise BackupError(f"{where}, line {line}: {len(row)} fields where the header has "
                          f"{len(header)}.")
    values = []
    for cell, column, (what, check, cast) in zip(row, header, converters):
        if cell == "":
            values.append(None)
        elif check is not None and not check(cell):
            raise BackupError(f'{where}, line {line}: {column} is "{cell[:40]}", expected {what}.')
        else:
            values.append(cast(cell))
    return values


def _insert(store, table, header, batch, where) -> int:
    import sqlite3

    if not batch:
        return 0
    store.conn.execute("SAVEPOINT a_batch")
    try:
        count = store.insert_rows(table, header, [values for _, values in batch])
        store.conn.execute("RELEASE a_batch")
        return count
    except sqlite3.Error:
        store.conn.execute("ROLLBACK TO a_batch")
        store.conn.execute("RELEASE a_batch")
    # Find the row that broke a rule, to name its line.
    for line, values in batch:
        try:
            store.conn.execute("SAVEPOINT one_row")
            store.insert_rows(table, header, [values])
            store.conn.execute("RELEASE one_row")
        except sqlite3.Error as exc:
            store.conn.execute("ROLLBACK TO one_row")
            store.conn.execute("RELEASE one_row")
            raise BackupError(f"{where}, line {line}: the row can't be stored ({exc}).") from None
    raise BackupError(f"{where}: a row can't be stored.")
