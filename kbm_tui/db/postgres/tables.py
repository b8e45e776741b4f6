"""Whole-table work on PostgreSQL: what db/tables.py, db/restore.py and db/copies.py do with
SQLite's own features (PRAGMAs, the online-backup API, SQL-built CSV lines), done here the
server's way. Mixed into the store class for a server database (engine.open_part).

A restore or `kbm move` is checked in an SQLite database of its own first, exactly as on
SQLite (db/restore.py), and then copied into the server's tables in one transaction: other
terminals see the old content or the new, never a mixture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import psycopg

from kbm_tui.core import phone
from kbm_tui.core.cells import FORMULA_STARTS
from kbm_tui.core.errors import InputError, RowRefused
from kbm_tui.db import derive, rules
from kbm_tui.db.postgres import search
from kbm_tui.db.schema import DERIVED_COLUMNS, TABLES_IN_ORDER
from kbm_tui.db.tables import TablesPart, csv_line_sql

# A text cell as the csv module's minimal quoting writes it (quotes doubled inside quotes when
# it holds a quote, quotes round it when it holds a comma or a line break); `e` is the cell
# behind a quote when it starts like a formula. The same as db/tables.py's SQL for SQLite.
_STARTS_SQL = ", ".join(str(ord(ch)) for ch in FORMULA_STARTS)
_ESCAPE_SQL = "CASE WHEN ascii({c}) IN (" + _STARTS_SQL + ") THEN chr(39) || {c} ELSE {c} END"
_QUOTED_SQL = ("CASE WHEN {c} IS NULL THEN '' WHEN strpos({c}, '\"') > 0 THEN "
               "'\"' || replace({e}, '\"', '\"\"') || '\"' WHEN strpos({c}, ',') > 0 OR "
               "strpos({c}, chr(10)) > 0 OR strpos({c}, chr(13)) > 0 THEN '\"' || {e} || '\"' "
               "ELSE {e} END")


class ServerTables(TablesPart):
    file_class: type

    def table_columns(self, table: str, *, stored_only: bool = False) -> list[str]:
        if table not in TABLES_IN_ORDER:
            raise InputError(f"There is no table called {table}.")
        names = [r[0] for r in self.conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE "
            "table_schema=current_schema() AND table_name=? ORDER BY ordinal_position",
            (table,))]
        if stored_only:
            derived = DERIVED_COLUMNS.get(table, ())
            names = [n for n in names if n not in derived]
        return names

    def integer_columns(self, table: str) -> set[str]:
        self.table_columns(table)
        return {r[0] for r in self.conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE "
            "table_schema=current_schema() AND table_name=? AND "
            "data_type IN ('bigint', 'integer', 'smallint')", (table,))}

    def choice_columns(self, table: str) -> set[str]:
        return set(rules.WORDS.get(table, {}))

    def choices(self, table: str, column: str) -> list[str]:
        return list(rules.WORDS.get(table, {}).get(column, ()))

    def iter_batches(self, table: str, columns: Sequence[str], *, escape_formulas: bool = False,
                     ids: tuple[int, int] | None = None, size: int = 5000) -> Iterator[list]:
        numbers = self.integer_columns(table)
        escape = [escape_formulas and c not in numbers for c in columns]
        where = "WHERE id >= ? AND id < ?" if ids else ""
        cur = self.conn.cursor()
        cur.row_factory = None
        cur.execute(f"SELECT {', '.join(columns)} FROM {table} {where} ORDER BY id", ids or ())
        while batch := cur.fetchmany(size):
            if any(escape):
                batch = [tuple("'" + v if e and isinstance(v, str) and v[:1] in FORMULA_STARTS
                               else v for v, e in zip(row, escape)) for row in batch]
            yield batch

    def csv_batches(self, table: str, columns: Sequence[str], *, ids: tuple[int, int],
                    size: int = 20_000) -> Iterator[list[bytes]]:
        # The server builds each line, as SQLite does (db/tables.py): one text per row
        # instead of a Python object per cell, each put together in Python (half the time
        # of a whole export at 1M conversations).
        line = csv_line_sql(columns, self.column_kinds(table), self.choice_columns(table),
                            plain="coalesce(({c})::text, '')", escape=_ESCAPE_SQL,
                            quoted=_QUOTED_SQL)
        cur = self.conn.cursor()
        cur.row_factory = None
        cur.execute(f"SELECT {line} FROM {table} WHERE id >= ? AND id < ? ORDER BY id", ids)
        while batch := cur.fetchmany(size):
            yield [row[0].encode() for row in batch]

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
        self.table_columns(table)
        marks = ", ".join("?" for _ in columns)
        try:
            cur = self.conn.executemany(
                f"INSERT INTO {table}({', '.join(columns)}) VALUES ({marks})", list(rows))
        except psycopg.Error as exc:
            raise RowRefused(type(exc).__name__) from None
        return cur.rowcount

    @contextmanager
    def filling(self) -> Iterator[Self]:
        """Filled in an SQLite database on this computer, then copied in as a move is (each
        customer once, with its search columns and last contact, by COPY): written here row
        by row, every customer was updated twice afterwards, and the table left 2.6 times
        the size it needs until a VACUUM FULL."""
        with self.staging() as staged:
            with staged.bulk():
                yield staged
            self.replace_with(staged)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        with self.transaction():
            yield
            self._after_load()

    def _after_load(self) -> None:
        """Derived columns and the words said anew."""
        self.refresh_derived()
        said_anew(self.conn)

    def refresh_derived(self) -> None:
        """The search and last-contact columns of every customer, derived in Python exactly
        as the store derives them when a card is saved (db/derive.py), so that a shop moved
        or restored here finds what it found before."""
        columns = ", ".join(derive.SEARCHED)
        region = phone.default_region()
        values = []
        for row in self.conn.execute(f"SELECT id, phone, {columns} FROM customer").fetchall():
            card = dict(zip(("id", "phone", *derive.SEARCHED), row, strict=True))
            found = derive.derived(card, region)
            values.append((found["name_key"], found["phone_digits"], found["search_text"],
                           card["id"]))
        self.conn.executemany("UPDATE customer SET name_key=?, phone_digits=?, search_text=? "
                              "WHERE id=?", values)
        self.conn.execute("UPDATE customer SET last_contact_at=(SELECT max(at) FROM "
                          "conversation v WHERE v.customer_id=customer.id AND "
                          "v.deleted_at IS NULL)")

    # --- copies and restores -----------------------------------------------------------

    def copy_to(self, target: Path) -> Path:
        from kbm_tui.core.errors import KbmError
        from kbm_tui.core.i18n import _

        raise KbmError(_("A database on a server is copied by the server's own backup "
                         "(pg_dump); kbm export writes a backup of it as well."))

    def copy_beside(self, label: str) -> Path:
        return self.copy_to(self.path)

    def ensure_daily_copy(self, keep: int | None = None) -> Path | None:
        return None  # the server's backup (pg_dump) is the safety net

    def keeps_copies(self) -> bool:
        return False  # a restore keeps no copy either: the server's backup is the way back

    @contextmanager
    def staging(self) -> Iterator[Self]:
        """An SQLite database of its own on this computer, where a restore is checked as
        it is on SQLite before anything reaches the server."""
        from kbm_tui.db.sqlite import connect, create

        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with self.work_folder("restore") as folder:
            path = folder / "staged.sqlite3"
            create.build(path)
            staged = self.file_class(connect.open_scratch(path), path)
            try:
                yield staged
            finally:
                staged.conn.close()

    def replace_with(self, staged: Any, *, label: str = "before-restore") -> Path | None:
        """The staged content in place of this database's, in one transaction."""
        with self.transaction():
            self.delete_everything()
            self.conn.execute("DELETE FROM customer_said")
            self.copy_rows_from(staged)
            said_anew(self.conn)  # the customers came with their derived columns
        # What the planner knows of the tables' new contents: without it the first searches
        # after a move or a restore are planned blind until the server's autovacuum comes
        # by, a minute or more later (pg_restore's documentation gives the same advice).
        # A role that does not own a table is told so in a server notice, not refused.
        self.conn.execute(f"ANALYZE {', '.join(TABLES_IN_ORDER)}, customer_said")
        return None

    def copy_rows_from(self, source: Any) -> dict[str, int]:
        """Every stored row of `source` (a store on either engine) into this one's empty
        tables, with COPY; call inside a transaction."""
        counts = {}
        for table in TABLES_IN_ORDER:
            columns = source.table_columns(table, stored_only=True)
            written, add = columns, None
            if table == "customer":
                written, add = _with_derived(source, columns)
            n = 0
            raw = self.conn.raw().cursor()
            with raw.copy(f"COPY {table} ({', '.join(written)}) FROM STDIN") as copy:
                for batch in source.iter_batches(table, columns):
                    for row in batch:
                        copy.write_row(add(row) if add else row)
                    n += len(batch)
            counts[table] = n
        return counts


def said_anew(conn: Any) -> None:
    """Every customer's words said anew from their conversations (folded: search.distinct_words),
    written with COPY: a statement per customer, each a round trip into the word-starts
    index, was the slowest part of a move."""
    conn.execute("DELETE FROM customer_said")
    rows = conn.execute("SELECT customer_id, string_agg(summary, ' ') FROM conversation "
                        "WHERE deleted_at IS NULL GROUP BY customer_id").fetchall()
    with conn.raw().cursor().copy("COPY customer_said (customer_id, words) FROM STDIN") as copy:
        for customer_id, text in rows:
            copy.write_row((customer_id, search.distinct_words(text)))


def _with_derived(source: Any, columns: list[str]) -> tuple[list[str], Callable]:
    """The customer columns to write with their derived ones after them, and what makes
    such a row of a source row: derived as the store derives them when a card is saved
    (db/derive.py), the last contact from the source's conversations. Each customer is
    written once, whole; filling them in with UPDATEs afterwards left every customer in
    the table three times until a VACUUM FULL (2.6 times the size at 100,000 customers)."""
    region = phone.default_region()
    last = dict(source.conn.execute(
        "SELECT customer_id, max(at) FROM conversation WHERE deleted_at IS NULL "
        "GROUP BY customer_id").fetchall())
    where_id = columns.index("id")

    def add(row: Sequence) -> tuple:
        found = derive.derived(dict(zip(columns, row, strict=True)), region)
        return (*row, found["name_key"], found["phone_digits"], found["search_text"],
                last.get(row[where_id]))

    return [*columns, "name_key", "phone_digits", "search_text", "last_contact_at"], add
