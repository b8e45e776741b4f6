"""Part of the store: rows as they stand, and putting them back — what the app's undo and
redo are made of.

A change is remembered as the rows it touched, before and after (`rows_now`). Undoing it
puts the before-rows back (`put_back`), but only while every touched row is still as the
change left it: when another program changed or removed one since, nothing is written and
the rows that differ are named, so an undo never reverts someone else's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kbm_tui.db.base import Part
from kbm_tui.db.schema import DERIVED_COLUMNS, TABLES_IN_ORDER

Ref = tuple[str, int]  # (table, row id)
Rows = dict[Ref, dict[str, Any] | None]  # None: the row is not there
# Which rows a change touches: (table, column, value) — every row whose column holds it.
Where = tuple[str, str, int]

# Recomputed from other rows, never written back: when the customer was last in touch.
_RECOMPUTED = {"customer": ("last_contact_at",)}


class JournalPart(Part):
    def rows_now(self, where: Iterable[Where] = (), refs: Iterable[Ref] = ()) -> Rows:
        """The rows as they are now: those `where` finds, and those named in `refs`
        (None for a named row that is not there)."""
        found: Rows = {}
        for table, column, value in where:
            _known(table, column)
            for row in self.conn.execute(f"SELECT * FROM {table} WHERE {column}=?", (value,)):
                found[(table, row["id"])] = dict(row)
        for table, row_id in refs:
            if (table, row_id) not in found:
                _known(table, "id")
                row = self._one(f"SELECT * FROM {table} WHERE id=?", (row_id,))
                found[(table, row_id)] = dict(row) if row is not None else None
        return found

    def put_back(self, expected: Mapping[Ref, dict[str, Any] | None],
                 wanted: Mapping[Ref, dict[str, Any] | None]) -> list[Ref]:
        """Make the rows `wanted` (None: removed), in one transaction — only if each is
        still as `expected`. Returns the rows that are not (nothing written then); a row
        that something added since refers to counts as not."""
        try:
            return self._put_back(expected, wanted)
        except _Referenced:
            return sorted(expected, key=_order)[:1]

    def _put_back(self, expected: Mapping[Ref, dict[str, Any] | None],
                  wanted: Mapping[Ref, dict[str, Any] | None]) -> list[Ref]:
        refs = sorted(set(expected) | set(wanted), key=_order)
        with self.transaction():
            now = self.rows_now(refs=refs)
            moved = [ref for ref in refs if not _same(ref[0], now[ref], expected.get(ref))]
            if moved:
                return moved
            customers: set[int] = set()
            try:
                for ref in reversed(refs):  # children before the rows they refer to
                    if wanted.get(ref) is None and now[ref] is not None:
                        self.conn.execute(f"DELETE FROM {ref[0]} WHERE id=?", (ref[1],))
                for ref in refs:
                    row = wanted.get(ref)
                    if row is None:
                        continue
                    values = {k: v for k, v in row.items()
                              if k not in _RECOMPUTED.get(ref[0], ()) and k != "id"}
                    if now[ref] is None:
                        self._insert(ref[0], {"id": ref[1], **values})
                    else:
                        sets = ", ".join(f"{k}=?" for k in values)
                        self.conn.execute(f"UPDATE {ref[0]} SET {sets} WHERE id=?",
                                          (*values.values(), ref[1]))
            except self.engine.integrity_errors:
                # Something another program added since refers to a row this would remove.
                raise _Referenced from None
            for ref in refs:
                for row in (now[ref], wanted.get(ref)):
                    if row is not None:
                        customers.add(row["id"] if ref[0] == "customer" else
                                      row.get("customer_id", 0))
            for customer_id in customers - {0}:
                self.conn.execute(
                    "UPDATE customer SET last_contact_at=(SELECT max(at) FROM conversation "
                    "WHERE customer_id=? AND deleted_at IS NULL) WHERE id=?",
                    (customer_id, customer_id))
                self.engine.search.said_refresh(self.conn, customer_id)
        return []


class _Referenced(Exception):
    pass


def _known(table: str, column: str) -> None:
    if table not in TABLES_IN_ORDER or not column.replace("_", "").isalnum():
        raise ValueError(f"not a table and column of the shop: {table}.{column}")


def _order(ref: Ref) -> tuple[int, int]:
    return TABLES_IN_ORDER.index(ref[0]), ref[1]


def _same(table: str, a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if a is None or b is None:
        return a is b
    skip = DERIVED_COLUMNS.get(table, ())
    return {k: v for k, v in a.items() if k not in skip} == \
        {k: v for k, v in b.items() if k not in skip}
