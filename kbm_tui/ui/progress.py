"""Progress of a long backup or restore that runs in a worker thread: rows done of all rows,
shown a few times a second, and a way for the person to stop it between two reports.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

SHOW_EVERY = 0.1  # seconds between progress updates: the export reports thousands a second

Show = Callable[[str, int, int, int, int], None]  # table, done, total, all done, all total


class Stopped(Exception):
    """The person stopped the work (or the app is closing): raised out of a progress report."""


class Tally:
    """Rows written of all rows. Tables report in any order (large ones from helper
    processes), so until a table reports its count its id range stands in for it."""

    def __init__(self, estimates: dict[str, int]) -> None:
        self.totals = dict(estimates)
        self.written = dict.fromkeys(estimates, 0)

    def report(self, table: str, done: int, total: int) -> None:
        self.totals[table], self.written[table] = total, done

    @property
    def done(self) -> int:
        return sum(self.written.values())

    @property
    def total(self) -> int:
        return max(sum(self.totals.values()), self.done, 1)


def reporter(tally: Tally, stop: threading.Event, worker: Any,
             show: Show) -> Callable[[str, int, int], None]:
    """The `progress(table, done, total)` the backup and restore code calls: counts into
    `tally`, hands it to `show` at most every SHOW_EVERY seconds, and raises Stopped once
    `stop` is set or the worker cancelled."""
    shown = 0.0

    def progress(table: str, done: int, total: int) -> None:
        nonlocal shown
        if stop.is_set() or worker.is_cancelled:
            raise Stopped
        tally.report(table, done, total)
        if time.monotonic() - shown >= SHOW_EVERY:
            shown = time.monotonic()
            show(table, done, total, tally.done, tally.total)

    return progress
