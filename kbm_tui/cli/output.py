"""How the command line prints: rich tables for people, JSON for scripts.

Rich is imported only when something is printed; it honours NO_COLOR and plain pipes.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from kbm_tui.core import timefmt, vocab
from kbm_tui.core.i18n import _
from kbm_tui.core.money import format_money
from kbm_tui.core.records import Conversation
from kbm_tui.core.text import printable


@lru_cache(maxsize=2)
def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def say(text: str, style: str | None = None) -> None:
    """A line of prose; whatever it quotes is printed as text, never as markup or escapes."""
    text = printable(text)
    if style is None:  # nothing for rich to do; not importing it saves `kbm log` 40 ms
        print(text, flush=True)
        return
    console().print(text, style=style, markup=False, soft_wrap=True)


def error(text: str) -> None:
    console(stderr=True).print(f"kbm: {printable(text)}", style="bold red", markup=False,
                               soft_wrap=True)


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
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_plain)
    # json escapes U+0000-U+001F itself; DEL and the C1 controls only inside strings need it.
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n")


_C1 = re.compile("[\x7f-\x9f]")


def table(title: str | None, columns: list[str], rows: list[list[str]], *,
          empty: str | None = None, total: int | None = None, more=None,
          whole: int = 0) -> None:
    """A plain table; when `total` is larger than the rows shown, `more(hidden)` says how
    many more (by default "… and 5 more"). The first `whole` columns keep each cell on one
    line (a number, a name, a phone): when the terminal is narrow, the others wrap."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    from kbm_tui.core.i18n import n_

    hidden = (total - len(rows)) if total is not None else 0
    empty = _("Nothing here.") if empty is None else empty

    if not rows:
        if title:
            console().print(printable(title), style="bold", markup=False)
        console().print(f"  {printable(empty)}", style="dim", markup=False)
        return
    # Every cell is Text: a name like "Anna [/b]" or "[link=...]" is shown as typed.
    grid = Table(title=Text(printable(title), style="bold") if title else None,
                 title_justify="left", header_style="dim", box=None, pad_edge=False,
                 padding=(0, 2, 0, 0))
    for n, name in enumerate(columns):
        widest = max((cell_len(printable(row[n])) for row in rows), default=0)
        grid.add_column(name, overflow="fold", no_wrap=n < whole,
                        min_width=widest if n < whole else None)
    for row in rows:
        grid.add_row(*(Text(printable(cell)) for cell in row))
    console().print(grid)
    if hidden:
        line = more(hidden) if more else n_("… and {n} more", "… and {n} more", hidden)
        console().print(f"  {line.format(n=hidden)}", style="dim", markup=False)


def conversation_line(conv: Conversation) -> str:
    """ "phone, purchase, got in touch with Maria, €89.90": how, what and who, for one line
    (words that fit a call, an email and a visit alike: "came to" was a visit's)."""
    if conv.direction == "in":
        # Translators: after the channel and kind of a conversation the customer began:
        # "(phone, other, got in touch with Maria)"; it must fit every channel
        who = (_("got in touch with {staff}") if conv.staff_name else _("got in touch with us"))
    else:
        who = (_("we reached out by {staff}") if conv.staff_name else _("we reached out"))
    parts = [vocab.label("channel", conv.channel), vocab.label("kind", conv.kind),
             who.format(staff=conv.staff_name)]
    if conv.amount_cents is not None:
        parts.append(format_money(conv.amount_cents))
    return ", ".join(parts)
