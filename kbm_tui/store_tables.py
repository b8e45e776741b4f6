"""Part of the store: whole tables at once, for backups, restores and generated data.

Rows go in and out as the database holds them (text moments, integer cents, 0/1), so a
backup written from them and read back is the same to the byte.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence

from . import vocab
from .errors import InputError
from .store_open import DERIVED_COLUMNS, TABLES_IN_ORDER
from .store_views import digits_of


# A cell starting with one of these is prefixed with a quote in backups, so spreadsheets
# show it as text instead of running it as a formula; restore removes the quote again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
_STARTS_SQL = ", ".join(f"char({ord(ch)})" for ch in FORMULA_STARTS)
_ESCAPE_SQL = "CASE WHEN substr({c}, 1, 1) IN (" + _STARTS_SQL + ") THEN char(39) || {c} ELSE {c} END"


class TablesMixin:
    conn: sqlite3.Connection

    def table_columns(self, table: str, *, stored_only: bool = False) -> list[str]:
        """The table's columns in schema order; `stored_only` leaves out derived ones."""
        if table not in TABLES_IN_ORDER:
            raise InputError(f"There is no table called {table}.")
        names = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
        if stored_only:
            derived = DERIVED_COLUMNS.get(table, ())
            names = [n for n in names if n not in derived]
        return names

    def integer_columns(self, table: str) -> set[str]:
        """Columns holding whole numbers (ids, cents, day counts, yes/no as 0/1)."""
        self.table_columns(table)
        return {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")
                if r[2].upper() in ("INTEGER", "BOOLEAN")}

    def iter_rows(self, table: str, columns: Sequence[str], *,
                  escape_formulas: bool = False) -> Iterator[tuple]:
        """Every row of a table in id order; text optionally made spreadsheet-safe."""
        numbers = self.integer_columns(table)
        exprs = [c if (c in numbers or not escape_formulas) else _ESCAPE_SQL.format(c=c)
                 for c in columns]
        cur = self.conn.execute(f"SELECT {', '.join(exprs)} FROM {table} ORDER BY id")
        while batch := cur.fetchmany(5000):
            yield from batch

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
        cur = self.conn.executemany(f"INSERT INTO {table}({cols}) VALUES ({marks})", rows)
        return cur.rowcount

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """One transaction for loading many rows: search indexes and derived columns are
        brought up to date once at the end instead of row by row."""
        from . import store_search

        # A larger page cache for the load: index inserts land all over the file.
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute("PRAGMA cache_size=-262144")
        try:
            with self.transaction():
                store_search.drop_triggers(self.conn)
                yield
                self.refresh_derived()
                store_search.rebuild(self.conn)
                store_search.create_triggers(self.conn)
        finally:
            self.conn.execute(f"PRAGMA cache_size={int(cache)}")

    def delete_everything(self) -> None:
        """Empty every table (inside a transaction), children first."""
        for table in reversed(TABLES_IN_ORDER):
            self.conn.execute(f"DELETE FROM {table}")

    def refresh_derived(self) -> None:
        """Recompute the search and last-contact columns of every customer."""
        self.conn.create_function("kbm_fold", 1, lambda s: vocab.fold(s or ""), deterministic=True)
        self.conn.create_function("kbm_digits", 1, digits_of, deterministic=True)
        self.conn.execute(
            "UPDATE customer SET name_key=kbm_fold(name), phone_digits=kbm_digits(phone), "
            "search_text=kbm_fold(coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || "
            "coalesce(tags, '') || ' ' || coalesce(notes, '') || ' ' || coalesce(address, '')), "
            "last_contact_at=(SELECT max(at) FROM conversation v "
            "WHERE v.customer_id=customer.id AND v.deleted_at IS NULL)")
