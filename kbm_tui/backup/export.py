"""Writing the CSV backup: every table as a CSV file in one zip, with a manifest.

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
import queue
import subprocess
import sys
import threading
from pathlib import Path

from kbm_tui import __version__
from kbm_tui.backup import readme
from kbm_tui.backup.manifest import FORMAT, FORMAT_VERSION, MANIFEST
from kbm_tui.backup.place import move_into_place, refuse_the_database
from kbm_tui.backup.worker import slice_path, write_slice
from kbm_tui.backup.zip_writer import Piece, ZipWriter, deflate_piece
from kbm_tui.core import clock, timefmt
from kbm_tui.core.errors import BackupError, os_reason
from kbm_tui.core.i18n import _
from kbm_tui.core.progress import Progress
from kbm_tui.store import SCHEMA_VERSION, TABLES_IN_ORDER, Store


def default_name(folder: Path | None = None) -> Path:
    """kbm-backup-2026-11-22.zip, or -2, -3 ... if that name is taken."""
    folder = folder or Path.cwd()
    stem = f"kbm-backup-{clock.today().isoformat()}"
    candidate, n = folder / f"{stem}.zip", 2
    while candidate.exists():
        candidate, n = folder / f"{stem}-{n}.zip", n + 1
    return candidate


PARALLEL_ROWS = 20_000  # a table this large is split among helper processes
_ALL_IDS = (-(2 ** 63), 2 ** 63 - 1)


def export(store: Store, target: Path, *, progress: Progress | None = None) -> dict[str, int]:
    """Write the backup zip: every table as one consistent snapshot.

    Large tables are formatted and compressed in slices by helper processes (one per
    core); this process writes the small ones meanwhile and then joins the pieces. The
    slices and the zip are written in the database's private work folder and the zip is
    moved into place when complete, so a crash or a stop leaves neither half a zip nor
    the shop's data lying about (a killed export's folder goes at the next start)."""
    refuse_the_database(store, target)
    helpers: list = []
    try:
        with store.work_folder("export") as parts_dir:
            try:
                with store.snapshot() as revision:
                    plan = _plan_slices(store)
                    helpers = _start_helpers(store, plan, revision, parts_dir)
                    counts = store.row_counts()  # counting a large table takes a while
                    pieces = {t: _write_here(store, t, counts[t], parts_dir, progress)
                              for t in TABLES_IN_ORDER if t not in plan or not helpers}
                    if helpers:
                        pieces.update(_collect(helpers, plan, counts, parts_dir, progress))
                    for table in TABLES_IN_ORDER:  # a helper that failed: do it here
                        if table not in pieces:
                            pieces[table] = _write_here(store, table, counts[table], parts_dir,
                                                        progress)
                    columns = {t: store.table_columns(t, stored_only=True)
                               for t in TABLES_IN_ORDER}
                manifest = _manifest(counts, columns)
                zipped = parts_dir / "backup.zip"
                _write_zip(zipped, pieces, columns, manifest)
                move_into_place(zipped, target)
            finally:
                for proc in helpers:  # still at work only when this export was stopped
                    if proc.poll() is None:
                        proc.kill()
                        proc.wait()
    except OSError as exc:  # a full disk, a folder that isn't there
        raise BackupError(_("Can't write the backup {path}: {reason}.").format(
            path=target, reason=os_reason(exc))) from None
    return counts


def _manifest(counts: dict[str, int], columns: dict[str, list[str]]) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "created_at": timefmt.to_db(clock.now()),
        "tables": {t: {"file": f"{t}.csv", "rows": counts[t], "columns": columns[t]}
                   for t in TABLES_IN_ORDER},
    }


def _write_zip(path: Path, pieces, columns, manifest) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as raw:
        zw = ZipWriter(raw, clock.now().timestamp())
        for table in TABLES_IN_ORDER:
            header = io.StringIO()
            csv.writer(header, lineterminator="\r\n").writerow(columns[table])
            zw.add(f"{table}.csv", [deflate_piece(("\ufeff" + header.getvalue()).encode()),
                                    *pieces[table]])
        zw.add(MANIFEST, [deflate_piece((json.dumps(manifest, indent=2) + "\n").encode())])
        counts = {table: entry["rows"] for table, entry in manifest["tables"].items()}
        note = readme.for_backup(counts, clock.now(), __version__)
        zw.add(readme.name(), [deflate_piece(note.encode())])
        zw.close()
        raw.flush()
        os.fsync(raw.fileno())


def _helper_count() -> int:
    if os.environ.get("KBM_EXPORT_HELPERS") == "0":
        return 0
    return max(2, min(4, os.cpu_count() or 2))


def _plan_slices(store) -> dict[str, list[tuple[int, int]]]:
    """For each large table, one id range per helper."""
    helpers = _helper_count()
    plan = {}
    for table in TABLES_IN_ORDER:
        low, high = store.id_range(table)
        if helpers and high - low >= PARALLEL_ROWS:
            step = -(-(high - low) // helpers)
            plan[table] = [(low + n * step, min(high, low + (n + 1) * step))
                           for n in range(helpers)]
    return plan


def _start_helpers(store, plan, revision, folder: Path) -> list:
    """Helper n formats slice n of every large table."""
    if not plan:
        return []
    count = len(next(iter(plan.values())))
    return [subprocess.Popen(
        [sys.executable, "-m", "kbm_tui.backup.worker", str(store.location), str(revision),
         str(folder)] + [f"{t}:{ids[n][0]}:{ids[n][1]}" for t, ids in plan.items()],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for n in range(count)]


def _collect(helpers, plan, counts, folder: Path, progress) -> dict[str, list[Piece]]:
    """The helpers' pieces, table by table; a table missing a piece is left out."""
    lines: queue.Queue = queue.Queue()

    def read(proc):
        for line in proc.stdout:
            lines.put(line.split())
        lines.put(None)

    for proc in helpers:
        threading.Thread(target=read, args=(proc,), daemon=True).start()
    done: dict[tuple[str, int], Piece] = {}
    rows = dict.fromkeys(plan, 0)
    open_helpers = len(helpers)
    while open_helpers:
        words = lines.get()
        if words is None:
            open_helpers -= 1
        elif words[0] == "rows" and progress:
            rows[words[1]] += int(words[2])
            progress(words[1], rows[words[1]], counts[words[1]])
        elif words[0] == "done":
            table, low, _, crc, size, csize = words[1:]
            done[(table, int(low))] = Piece(int(crc), int(size), int(csize),
                                            path=slice_path(folder, table, int(low)))
    for proc in helpers:
        proc.wait()
    return {table: [done[(table, low)] for low, _ in ids] for table, ids in plan.items()
            if all((table, low) in done for low, _ in ids)}


def _write_here(store, table, total, folder: Path, progress) -> list[Piece]:
    seen = 0

    def tell(n: int) -> None:
        nonlocal seen
        seen += n
        if progress:
            progress(table, seen, total)

    _, piece = write_slice(store, table, _ALL_IDS, folder / f"{table}.here.deflate", tell)
    if progress:
        progress(table, total, total)
    return [piece]
