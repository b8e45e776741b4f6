"""How the command line prints: rich tables for people, JSON for scripts.

Rich is imported only when something is printed; it honours NO_COLOR and plain pipes.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from kbm_tui.core import timefmt
from kbm_tui.core.money import format_cents
from kbm_tui.core.records import Conversation
from kbm_tui.core.vocab import CHANNEL_LABELS, KIND_LABELS


@lru_cache(maxsize=2)
def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def say(text: str, style: str | None = None) -> None:
    if style is None:  # nothing for rich to do; not importing it saves `kbm log` 40 ms
        print(text, flush=True)
        return
    console().print(text, style=style, markup=False, soft_wrap=True)


def error(text: str) -> None:
    console(stderr=True).print(f"kbm: {text}", style="bold red", markup=False, soft_wrap=True)


def _plain(value):
    if isinstance(value, datetime):
        return timefmt.to_db(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def as_json(record: Any) -> dict[str, Any]:
    data = asdict(record) if is_dataclass(record) and not isinstance(record, type) \
        else dict(record)
    return {k: _plain(v) for k, v in data.items()}


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n")


def table(title: str | None, columns: list[str], rows: list[list[str]], *,
          empty: str = "Nothing here.", total: int | None = None, more: str = "") -> None:
    """A plain table; when `total` is larger than the rows shown, says how many more."""
    from rich.table import Table

    hidden = (total - len(rows)) if total is not None else 0

    if not rows:
        if title:
            console().print(title, style="bold", markup=False)
        console().print(f"  {empty}", style="dim", markup=False)
        return
    grid = Table(title=title, title_justify="left", title_style="bold", header_style="dim",
                 box=None, pad_edge=False, padding=(0, 2, 0, 0))
    for name in columns:
        grid.add_column(name, overflow="fold")
    for row in rows:
        grid.add_row(*row)
    console().print(grid)
    if hidden:
        console().print(f"  … and {hidden} more{more}", style="dim", markup=False)


def conversation_line(conv: Conversation) -> str:
    amount = f", {format_cents(conv.amount_cents)}" if conv.amount_cents is not None else ""
    who = f" by {conv.staff_name}" if conv.staff_name else ""
    direction = "came to us" if conv.direction == "in" else "we reached out"
    return (f"{CHANNEL_LABELS[conv.channel]}, {KIND_LABELS[conv.kind]}, {direction}{who}{amount}")
