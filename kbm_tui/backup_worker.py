"""Writes one slice of a table's backup CSV in a process of its own (started by
backup.export, so a large table is formatted on every core).

    python -m kbm_tui.backup_worker DB TABLE LOW HIGH REVISION OUT

Exit status 3 means the database changed since the export began: the caller then
writes the table itself from its own consistent view.
"""

from __future__ import annotations

import csv
import sys
from itertools import islice

from .store import Store

CHANGED = 3


def write_slice(store: Store, table: str, ids: tuple[int, int], fh) -> int:
    """CSV rows (no header) of the table's rows with ids in [low, high)."""
    columns = store.table_columns(table, stored_only=True)
    writer = csv.writer(fh, lineterminator="\r\n")
    rows = store.iter_rows(table, columns, escape_formulas=True, ids=ids)
    written = 0
    while chunk := list(islice(rows, 20_000)):
        writer.writerows(chunk)
        written += len(chunk)
    return written


def main(argv: list[str]) -> int:
    db, table, low, high, revision, out = argv
    with Store.open(db) as store, store.snapshot() as seen:
        if seen != int(revision):
            return CHANGED
        with open(out, "w", encoding="utf-8", newline="") as fh:
            write_slice(store, table, (int(low), int(high)), fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
