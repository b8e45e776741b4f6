"""Part of the store: whole tables at once, for backups, restores and generated data.

Rows go in and out as the database holds them (text moments, integer cents, 0/1), so a
backup written from them and read back is the same to the byte.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Self

from kbm_tui.core import records
from kbm_tui.core.cells import FORMULA_STARTS
from kbm_tui.core.errors import ForeignKeyViolation, InputError, RowRefused, RuleBroken
from kbm_tui.core.i18n import _
from kbm_tui.db import derive, schema
from kbm_tui.db.base import Part
from kbm_tui.db.schema import DERIVED_COLUMNS, JOURNAL_TABLES, TABLES_IN_ORDER
from kbm_tui.db.sqlite import search

# unicode() reads the first character as a number without copying the text, which makes
# the whole export about a sixth faster than comparing substr(c, 1, 1).
_STARTS_SQL = ", ".join(str(ord(ch)) for ch in FORMULA_STARTS)
_ESCAPE_SQL = "CASE WHEN unicode({c}) IN (" + _STARTS_SQL + ") THEN char(39) || {c} ELSE {c} END"
# A text cell in quotes (quotes inside doubled) when it holds a comma, quote or line
# break, as the csv module's minimal quoting does; `e` is the cell formula-escaped.
_QUOTED_SQL = ("CASE WHEN {c} IS NULL THEN '' WHEN instr({c}, '\"') THEN "
               "'\"' || replace({e}, '\"', '\"\"') || '\"' WHEN instr({c}, ',') OR "
               "instr({c}, char(10)) OR instr({c}, char(13)) THEN '\"' || {e} || '\"' "
               "ELSE {e} END")
# ck_<column> CHECK (<column> IN ('word', ...)), optionally "IS NULL OR", from models.py.
_CHOICE = re.compile(r"CONSTRAINT ck_(\w+) CHECK \((?:\1 IS NULL OR )?\1 IN "
                     r"\('[a-z_]+'(?:, '[a-z_]+')*\)\)")
_RECORDS: dict[str, type[records.Record]] = {"staff": records.Staff, "customer": records.Customer,
            "conversation": records.Conversation, "promise": records.Promise,
            "promise_change": records.PromiseChange, "followup": records.Followup}
# How a CSV cell becomes a value inside SQLite (C speed): empty is NULL, one leading
# quote comes off text; numbers become integers through the column's type affinity.
_FROM_CELL = {
    "text": "CASE WHEN substr(?{n}, 1, 1) = char(39) THEN nullif(substr(?{n}, 2), '') "
            "ELSE nullif(?{n}, '') END",
    "other": "nullif(?{n}, '')",
}
# The page cache while loading many rows. More does not make building the indexes faster
# (measured at a million conversations: 128 MB and 32 MB alike, about 30 s), and it is what
# a restore of any size holds in memory beyond Python's own: 185 MB in all at a million.
BULK_CACHE_KB = 32_768


def csv_line_sql(columns: Sequence[str], kinds: dict[str, str], choices: set[str], *,
                 plain: str, escape: str, quoted: str) -> str:
    """An engine's SQL for one CSV line of `columns`, from its templates: `plain` a cell as
    text, empty for NULL ({c}); `escape` a cell behind a quote when it starts like a formula
    ({c}); `quoted` a text cell with the csv module's minimal quoting ({c}, and {e} escaped)."""
    cells = []
    for c in columns:
        if kinds[c] == "int" or c in choices:  # never a comma, quote or formula start
            cells.append(plain.format(c=c))
        elif kinds[c] in ("moment", "day"):  # digits and dashes; escaped all the same
            cells.append(plain.format(c=escape.format(c=c)))
        else:
            cells.append(quoted.format(c=c, e=escape.format(c=c)))
    return " || ',' || ".join(cells)


class TablesPart(Part):
    def table_columns(self, table: str, *, stored_only: bool = False) -> list[str]:
        """The table's columns in schema order; `stored_only` leaves out derived ones."""
        if table not in TABLES_IN_ORDER + JOURNAL_TABLES:
            raise InputError(_("There is no table called {table}.").format(table=table))
        names = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
        if stored_only:
            derived = DERIVED_COLUMNS.get(table, ())
            names = [n for n in names if n not in derived]
        return names

    @staticmethod
    def newer_columns(table: str, version: int) -> set[str]:
        """The table's columns that a file of schema `version` can't have."""
        return schema.newer_columns(table, version)

    def integer_columns(self, table: str) -> set[str]:
        """Columns holding whole numbers (ids, cents, day counts, yes/no as 0/1)."""
        self.table_columns(table)
        return {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")
                if r[2].upper() in ("INTEGER", "BOOLEAN")}

    def column_kinds(self, table: str) -> dict[str, str]:
        """Each column's kind of value: int, moment, day or text."""
        numbers = self.integer_columns(table)
        record = _RECORDS[table]
        return {c: "int" if c in numbers else "moment" if c in record.MOMENTS
                else "day" if c in record.DAYS else "text" for c in self.table_columns(table)}

    def iter_rows(self, table: str, columns: Sequence[str], *, escape_formulas: bool = False,
                  ids: tuple[int, int] | None = None) -> Iterator[tuple]:
        """Every row of a table (or those with lo <= id < hi) in id order; text optionally
        made spreadsheet-safe."""
        for batch in self.iter_batches(table, columns, escape_formulas=escape_formulas, ids=ids):
            yield from batch

    def iter_batches(self, table: str, columns: Sequence[str], *, escape_formulas: bool = False,
                     ids: tuple[int, int] | None = None, size: int = 5000) -> Iterator[list]:
        """`iter_rows` a list of up to `size` rows at a time."""
        numbers = self.integer_columns(table)
        exprs = [c if (c in numbers or not escape_formulas) else _ESCAPE_SQL.format(c=c)
                 for c in columns]
        cur = self.conn.cursor()
        cur.row_factory = None  # plain tuples: a third faster than sqlite3.Row
        where = "WHERE id >= ? AND id < ?" if ids else ""
        cur.execute(f"SELECT {', '.join(exprs)} FROM {table} {where} ORDER BY id", ids or ())
        while batch := cur.fetchmany(size):
            yield batch

    def csv_batches(self, table: str, columns: Sequence[str], *, ids: tuple[int, int],
                    size: int = 20_000) -> Iterator[list[bytes]]:
        """The rows with lo <= id < hi as spreadsheet-safe CSV lines (UTF-8, no line end),
        exactly as Python's csv module writes them, `size` at a time.

        SQLite builds each line: one bytes object per row instead of a Python object per
        cell, and no text decoded only to be encoded again (a third less work at 1M).
        """
        line = csv_line_sql(columns, self.column_kinds(table), self.choice_columns(table),
                            plain="ifnull({c}, '')", escape=_ESCAPE_SQL, quoted=_QUOTED_SQL)
        cur = self.conn.cursor()
        cur.row_factory = None
        cur.execute(f"SELECT CAST({line} AS BLOB) FROM {table} WHERE id >= ? AND id < ? "
                    "ORDER BY id", ids)
        while batch := cur.fetchmany(size):
            yield [row[0] for row in batch]

    def choice_columns(self, table: str) -> set[str]:
        """Columns a CHECK constraint limits to a list of plain words."""
        sql = self.conn.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?",
                                (table,)).fetchone()[0]
        return {m[1] for m in _CHOICE.finditer(sql)}

    def choices(self, table: str, column: str) -> list[str]:
        """The words a CHECK constraint allows in the column (empty if none)."""
        sql = self.conn.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?",
                                (table,)).fetchone()[0]
        found = re.search(rf"CONSTRAINT ck_{column} CHECK \((?:{column} IS NULL OR )?"
                          rf"{column} IN \(([^)]*)\)\)", sql)
        return [w.strip(" '") for w in found[1].split(",")] if found else []

    def id_range(self, table: str) -> tuple[int, int]:
        """The lowest id and one past the highest (0, 0 when empty)."""
        self.table_columns(table)
        lo, hi = self.conn.execute(f"SELECT min(id), max(id) FROM {table}").fetchone()
        return (lo, hi + 1) if lo is not None else (0, 0)

    def csv_row_limit(self, table: str) -> int:
        """The most bytes one row of the table can take in a backup's CSV file: every cell
        at its longest, four bytes a character, every character a doubled quote."""
        from kbm_tui.db import rules
        return sum(8 * rules.longest(table, c) + 3
                   for c in self.table_columns(table, stored_only=True)) + 2

    def row_counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in TABLES_IN_ORDER}

    def holds_data(self) -> bool:
        """True once anything beyond the fresh database's single owner is stored."""
        counts = self.row_counts()
        return any(n for t, n in counts.items() if t != "staff") or counts["staff"] > 1

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
        """Insert many rows as they are; call inside `transaction()`. Returns the count."""
        self.table_columns(table)
        cols = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        try:
            cur = self.conn.executemany(f"INSERT INTO {table}({cols}) VALUES ({marks})", rows)
        except sqlite3.Error as exc:
            raise RowRefused(str(exc)) from None
        return cur.rowcount

    def insert_csv_rows(self, table: str, columns: Sequence[str],
                        rows: Iterable[Sequence[str]]) -> int:
        """Insert rows of backup cells (text as written by the export), converted by SQLite
        and checked by the schema's rules; a row the schema refuses, or of the wrong length,
        raises RowRefused."""
        kinds = self.column_kinds(table)
        values = ", ".join(_FROM_CELL["text" if kinds[c] == "text" else "other"].format(n=i)
                           for i, c in enumerate(columns, 1))
        try:
            cur = self.conn.executemany(
                f"INSERT INTO {table}({', '.join(columns)}) VALUES ({values})", rows)
        except sqlite3.Error as exc:
            raise RowRefused(str(exc)) from None
        return cur.rowcount

    @contextmanager
    def filling(self) -> Iterator[Self]:
        """What a new, empty database is filled with in one go (the demo) is written to the
        part this yields, all or nothing."""
        with self.bulk():
            yield self

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """One transaction for loading many rows. Search indexes, secondary indexes, foreign
        keys and derived columns are dealt with once at the end, not row by row."""
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KB}")
        self.conn.execute("PRAGMA foreign_keys=OFF")  # checked as a whole before commit
        # So are the values: a row at a time, SQLite checks them several times slower.
        self.conn.execute("PRAGMA ignore_check_constraints=ON")
        try:
            with self.transaction():
                search.drop_triggers(self.conn)
                indexes = self._drop_indexes()
                yield
                self._check_values()
                for sql in indexes:
                    self.conn.execute(sql)
                self._check_references()
                self.refresh_derived()
                search.rebuild(self.conn)
                search.create_triggers(self.conn)
        finally:
            self.conn.execute("PRAGMA ignore_check_constraints=OFF")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(f"PRAGMA cache_size={int(cache)}")

    def _drop_indexes(self) -> list[str]:
        marks = ", ".join("?" for _ in TABLES_IN_ORDER)
        rows = self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})", TABLES_IN_ORDER).fetchall()
        for name, _sql in rows:
            self.conn.execute(f"DROP INDEX {name}")
        return [sql for _name, sql in rows]

    def _check_values(self) -> None:
        from kbm_tui.db.sqlite import checks  # not on the quick-add's path

        for table in TABLES_IN_ORDER + JOURNAL_TABLES:
            broken = checks.first_broken(self.conn, table)
            if broken:
                raise RuleBroken(table, broken.row_id, broken.column, broken.words,
                                 broken.value)

    def _check_references(self) -> None:
        for table in TABLES_IN_ORDER + JOURNAL_TABLES:
            bad = self.conn.execute(f"PRAGMA foreign_key_check({table})").fetchone()
            if bad:
                raise ForeignKeyViolation(bad[0], bad[1], bad[2])

    def delete_everything(self) -> None:
        """Empty every table (inside a transaction), children first."""
        for table in reversed(TABLES_IN_ORDER + JOURNAL_TABLES):
            self.conn.execute(f"DELETE FROM {table}")

    def refresh_derived(self) -> None:
        """Recompute the search and last-contact columns of every customer."""
        derive.refresh_all(self.conn, last_contact=True)
