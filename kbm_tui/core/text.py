"""Lines that both the command line and the app print, written once so both say the same."""

from __future__ import annotations

from datetime import date, datetime

from kbm_tui.core import clock, timefmt

# Each table's rows as people call them: (one, many).
TABLE_WORDS = {"staff": ("staff member", "staff members"), "customer": ("customer", "customers"),
               "conversation": ("conversation", "conversations"),
               "promise": ("promise", "promises"),
               "promise_change": ("renegotiated due", "renegotiated dues"),
               "followup": ("follow-up", "follow-ups")}


def short(text: str | None, width: int = 60) -> str:
    """One line of at most `width` characters, cut with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def age(moment: datetime) -> str:
    """How long ago, in whole days: "since today", "1 day", "12 days"."""
    days = (clock.now() - moment).days
    return "since today" if days < 1 else f"{days} day{'s' if days != 1 else ''}"


def due_text(day: date | None, at: datetime | None, *, undated: str = "no due time") -> str:
    """ "today 14:00", "Fri 27 Nov", or `undated` for a promise without a due time."""
    if at is not None:
        local = timefmt.local(at)
        return f"{timefmt.show_day(local.date())} {local:%H:%M}"
    return timefmt.show_day(day) if day is not None else undated


def counts_text(counts: dict[str, int], *, skip_zero: bool = False) -> str:
    """ "2 customers, 1 promise" for a dict of table -> row count."""
    parts = []
    for table, n in counts.items():
        if n or not skip_zero:
            one, many = TABLE_WORDS.get(table, (table, table))
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)
