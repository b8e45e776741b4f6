"""Reading a backup's members safely, and reading a CSV file that the fast load refused row
by row, to name the line and column that are wrong and say what is wrong with them (the
fast load inside SQLite can't point at a line).

A member is read a piece at a time: a line can't be longer than MAX_LINE bytes, and a file
can't unpack to more than its rows can take, so a damaged or crafted backup (a "zip bomb")
is refused early and memory stays small whatever the file holds.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from pathlib import Path

from kbm_tui.core import l10n
from kbm_tui.core.errors import BackupError, RowRefused
from kbm_tui.core.i18n import _, n_

_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^-?\d{1,18}$")
MAX_LINE = 1 << 20  # bytes: far more than a row's longest line (a note of 10,000 characters)
# What reading a damaged member raises: a bad checksum, a broken compressed stream, a
# member that ends early or points outside the file.
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)


def member(zf: zipfile.ZipFile, name: str, source: Path, *, limit: int) -> zipfile.ZipInfo:
    """The member's entry, refused when it is missing, encrypted, compressed in a way
    kbm-tui never writes, or would unpack to more than `limit` bytes."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise BackupError(_("{source}: {name} is missing; the backup is incomplete.").format(
            source=source, name=name)) from None
    if info.flag_bits & 0x1:
        raise BackupError(_("{source}: {name} is encrypted. kbm-tui backups never are: this "
                            "is not one, or it was changed. Nothing was changed.").format(
            source=source, name=name))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BackupError(_("{source}: {name} is compressed in a way kbm-tui backups never "
                            "are (method {method}). Nothing was changed.").format(
            source=source, name=name, method=info.compress_type))
    if info.file_size > limit:
        raise BackupError(
            _("{source}: {name} would unpack to {size} bytes, more than it can hold (at most "
              "{limit}): the backup is damaged or not one of kbm-tui. Nothing was changed.")
            .format(source=source, name=name, size=l10n.number(info.file_size),
                    limit=l10n.number(limit)))
    return info


def damaged(source: Path, name: str, exc: BaseException) -> BackupError:
    reason = str(exc) or type(exc).__name__
    return BackupError(_("{source}: {name} is damaged ({reason}). Nothing was changed; try "
                         "another backup.").format(source=source, name=name, reason=reason))


class _Bounded(io.RawIOBase):
    """A member's bytes, refusing a line longer than MAX_LINE before it is all in memory."""

    def __init__(self, raw, where: str):
        self.raw, self.where = raw, where
        self.run = 0  # bytes since the last line end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        end = max(data.rfind(b"\n"), data.rfind(b"\r"))
        self.run = len(data) - end - 1 if end >= 0 else self.run + len(data)
        if self.run > MAX_LINE:
            raise BackupError(_("{where} has a line longer than {n} bytes: it is damaged or "
                                "not a kbm-tui backup. Nothing was changed.").format(
                where=self.where, n=l10n.number(MAX_LINE)))
        buffer[:len(data)] = data
        return len(data)


def open_csv(zf: zipfile.ZipFile, table: str, source: Path, *, limit: int) -> io.TextIOWrapper:
    info = member(zf, f"{table}.csv", source, limit=limit)
    raw = zf.open(info)
    where = f"{source.name}: {table}.csv"
    return io.TextIOWrapper(io.BufferedReader(_Bounded(raw, where), 1 << 16),
                            encoding="utf-8-sig", newline="")


def header_of(store, reader, table, where, version: int | None = None) -> list[str]:
    """The CSV's header, checked against the table; a backup of an older schema (`version`)
    may lack the columns added since."""
    header = next(reader, None)
    if header is None:
        raise BackupError(_("{where} is empty: it has no header row.").format(where=where))
    known = store.table_columns(table, stored_only=True)
    unknown = [c for c in header if c not in known]
    if unknown or len(set(header)) != len(header):
        raise BackupError((_("{where}, line 1: the header is wrong (unexpected: {columns}).")
                           if unknown else
                           _("{where}, line 1: the header is wrong (a repeated column).")
                           ).format(where=where, columns=", ".join(unknown)))
    newer = store.newer_columns(table, version) if version is not None else set()
    missing = [c for c in known if c not in header and c not in newer]
    if missing:
        raise BackupError(n_("{where}, line 1: the column {columns} is missing. Restoring "
                             "would lose what it holds; nothing was changed.",
                             "{where}, line 1: the columns {columns} are missing. Restoring "
                             "would lose what it holds; nothing was changed.", len(missing))
                          .format(where=where, columns=", ".join(missing)))
    return header


def _converters(store, table: str, header: list[str]):
    kinds = store.column_kinds(table)
    checks = {
        "int": (_("a whole number"), _INTEGER.match, int),
        "moment": (_("a UTC time like 2026-11-22T09:30:00Z"), _MOMENT.match, str),
        "day": (_("a date like 2026-11-22"), _DAY.match, str),
        "text": (None, None, _unescape),
    }
    return [checks[kinds[c]] for c in header]


def _unescape(cell: str) -> str | None:
    text = cell[1:] if cell.startswith("'") else cell
    return text or None


def load_carefully(store, zf, table, source, where, limit, version=None) -> int:
    with open_csv(zf, table, source, limit=limit) as text:
        reader = csv.reader(text, strict=True)
        try:
            header = header_of(store, reader, table, where, version)
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
            raise BackupError(_("{where}, line {line}: not valid CSV ({problem}).").format(
                where=where, line=reader.line_num, problem=exc)) from None
        except UnicodeDecodeError:
            raise BackupError(_("{where}, line {line}: not UTF-8 text.").format(
                where=where, line=reader.line_num + 1)) from None
    return loaded


def _convert(row, header, converters, where, line):
    if len(row) != len(header):
        raise BackupError(n_("{where}, line {line}: {n} field where the header has {header}.",
                             "{where}, line {line}: {n} fields where the header has {header}.",
                             len(row)).format(where=where, line=line, n=len(row),
                                              header=len(header)))
    values: list[object] = []
    for cell, column, (what, check, cast) in zip(row, header, converters):
        if cell == "":
            values.append(None)
        elif check is not None and not check(cell):
            raise BackupError(_('{where}, line {line}: {column} is "{value}", expected {what}.')
                              .format(where=where, line=line, column=column, value=_flat(cell),
                                      what=what))
        else:
            values.append(cast(cell))
    return values


def _flat(cell: str) -> str:
    return "".join(c if c.isprintable() else "�" for c in cell[:40])


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
            raise BackupError(_("{where}, line {line}: {problem}. Nothing was changed.").format(
                where=where, line=line,
                problem=store.explain_refusal(table, header, values, exc))) from None
    raise BackupError(_("{where}: a row can't be stored.").format(where=where))


def line_of(zf, table: str, row_id: int, source: Path, limit: int) -> int | None:
    """The line of the CSV on which the row with this id starts."""
    with open_csv(zf, table, source, limit=limit) as text:
        reader = csv.reader(text)
        header = next(reader, [])
        where = header.index("id") if "id" in header else 0
        line = 1
        for row in reader:
            if row and len(row) > where and row[where] == str(row_id):
                return line + 1
            line = reader.line_num
    return None
