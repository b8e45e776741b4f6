"""Reading a backup that the fast load refused, row by row, to name the line that is
wrong and say what is wrong with it (the fast load inside SQLite can't point at a line)."""

from __future__ import annotations

import csv
import io
import re

from kbm_tui.core.errors import BackupError, RowRefused

_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^-?\d{1,18}$")


def open_member(zf, table, source):
    try:
        member = zf.open(f"{table}.csv")
    except KeyError:
        raise BackupError(f"{source}: {table}.csv is missing; the backup is incomplete.") from None
    return io.TextIOWrapper(member, encoding="utf-8-sig", newline="")


def header_of(store, reader, table, where) -> list[str]:
    header = next(reader, None)
    if header is None:
        raise BackupError(f"{where} is empty: it has no header row.")
    known = store.table_columns(table, stored_only=True)
    unknown = [c for c in header if c not in known]
    if unknown or len(set(header)) != len(header) or "id" not in header:
        raise BackupError(f"{where}, line 1: the header is wrong (unexpected: "
                          f"{', '.join(unknown) or 'a repeated column or no id'}).")
    return header


def _converters(store, table: str, header: list[str]):
    kinds = store.column_kinds(table)
    checks = {
        "int": ("a whole number", _INTEGER.match, int),
        "moment": ("a UTC time like 2026-11-22T09:30:00Z", _MOMENT.match, str),
        "day": ("a date like 2026-11-22", _DAY.match, str),
        "text": (None, None, _unescape),
    }
    return [checks[kinds[c]] for c in header]


def _unescape(cell: str) -> str | None:
    text = cell[1:] if cell.startswith("'") else cell
    return text or None


def load_carefully(store, zf, table, source, where, expected, progress) -> int:
    with open_member(zf, table, source) as text:
        reader = csv.reader(text, strict=True)
        try:
            header = header_of(store, reader, table, where)
            converters = _converters(store, table, header)
            batch, loaded, line = [], 0, 1
            for row in reader:
                line_start = line + 1
                line = reader.line_num
                batch.append((line_start, _convert(row, header, converters, where, line_start)))
                if len(batch) >= 5000:
                    loaded += _insert(store, table, header, batch, where)
                    batch = []
            loaded += _insert(store, table, header, batch, where)
        except csv.Error as exc:
            raise BackupError(f"{where}, line {reader.line_num}: not valid CSV ({exc}).") from None
        except UnicodeDecodeError:
            raise BackupError(f"{where} is not UTF-8 text.") from None
    return loaded


def _convert(row, header, converters, where, line):
    if len(row) != len(header):
        raise BackupError(f"{where}, line {line}: {len(row)} fields where the header has "
                          f"{len(header)}.")
    values: list[object] = []
    for cell, column, (what, check, cast) in zip(row, header, converters):
        if cell == "":
            values.append(None)
        elif check is not None and not check(cell):
            raise BackupError(f'{where}, line {line}: {column} is "{cell[:40]}", expected {what}.')
        else:
            values.append(cast(cell))
    return values


def _insert(store, table, header, batch, where) -> int:
    if not batch:
        return 0
    try:
        with store.savepoint():
            return store.insert_rows(table, header, [values for _, values in batch])
    except RowRefused:
        pass
    for line, values in batch:  # find the row that broke a rule, to name its line
        try:
            with store.savepoint():
                store.insert_rows(table, header, [values])
        except RowRefused as exc:
            raise BackupError(f"{where}, line {line}: the row can't be stored ({exc}).") from None
    raise BackupError(f"{where}: a row can't be stored.")


def line_of(zf, table: str, row_id: int) -> int | None:
    """The line of the CSV on which the row with this id starts."""
    with zf.open(f"{table}.csv") as member:
        reader = csv.reader(io.TextIOWrapper(member, encoding="utf-8-sig", newline=""))
        header = next(reader, [])
        where = header.index("id") if "id" in header else 0
        line = 1
        for row in reader:
            if row and len(row) > where and row[where] == str(row_id):
                return line + 1
            line = reader.line_num
    return None
