"""Formats and compresses slices of the backup's tables in a process of its own (started
by backup.export, so large tables use every core).

    python -m kbm_tui.backup.worker DB REVISION FOLDER TABLE:LOW:HIGH ...

For each slice it writes FOLDER/TABLE.LOW.deflate and prints `done TABLE LOW ROWS CRC
SIZE CSIZE`; while working it prints `rows TABLE N` now and then, for the progress bar.
Exit status 3 means the database changed since the export began: the caller then
writes those tables itself from its own consistent view.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from kbm_tui.backup.zip_writer import LEVEL, Piece
from kbm_tui.store import Store

CHANGED = 3
CHUNK = 20_000


def write_slice(store: Store, table: str, ids: tuple[int, int], out: Path,
                on_rows: Callable[[int], None] | None = None) -> tuple[int, Piece]:
    """The CSV rows (no header) of the table's rows with ids in [low, high), deflated
    into `out`; the row count and the piece for the zip."""
    columns = store.table_columns(table, stored_only=True)
    comp = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    crc = size = csize = written = 0
    fd = os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # the shop's data
    with os.fdopen(fd, "wb") as fh:
        for lines in store.csv_batches(table, columns, ids=ids, size=CHUNK):
            lines.append(b"")
            data = b"\r\n".join(lines)
            crc, size = zlib.crc32(data, crc), size + len(data)
            packed = comp.compress(data)
            fh.write(packed)
            csize += len(packed)
            written += len(lines) - 1
            if on_rows:
                on_rows(len(lines) - 1)
        packed = comp.flush(zlib.Z_SYNC_FLUSH)
        fh.write(packed)
        csize += len(packed)
    return written, Piece(crc, size, csize, path=out)


def slice_path(folder: Path, table: str, low: int) -> Path:
    return folder / f"{table}.{low}.deflate"


def main(argv: list[str]) -> int:
    db, revision, folder, *jobs = argv
    with Store.open(db) as store, store.snapshot() as seen:
        if seen != int(revision):
            return CHANGED
        for job in jobs:
            table, low, high = job.split(":")

            def tell(n: int, table=table) -> None:
                print(f"rows {table} {n}", flush=True)

            rows, piece = write_slice(store, table, (int(low), int(high)),
                                      slice_path(Path(folder), table, int(low)), tell)
            print(f"done {table} {low} {rows} {piece.crc} {piece.size} {piece.csize}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
