"""A progress bar with counts for long work on the command line (export, restore, demo).

Shown on a terminal only; in scripts and pipes it stays silent.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from kbm_tui.core.progress import Progress


@contextmanager
def bar(title: str) -> Iterator[Progress]:
    if not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn
    from rich.progress import Progress as RichProgress

    tasks: dict[str, TaskID] = {}
    with RichProgress(TextColumn(f"{title} {{task.description}}"), BarColumn(),
                      MofNCompleteColumn(), transient=True, console=None) as shown:

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = shown.add_task(stage, total=max(total, 1))
            shown.update(tasks[stage], completed=done, total=max(total, done, 1))

        yield update
