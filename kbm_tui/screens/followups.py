"""Follow-ups: overdue, today, upcoming — done, snoozed or put off to another day."""

from __future__ import annotations

from rich.text import Text

from kbm_tui.core.records import Followup
from kbm_tui.screens.base import ROW_BINDINGS
from kbm_tui.screens.tabbed_list import TabbedListScreen
from kbm_tui.ui import actions, fmt
from kbm_tui.widgets.virtual_table import Column, Fetch

NONE_PLANNED = "No follow-ups planned. Plan one from a customer (w) or when logging (l)."


def _text(f: Followup) -> Text:
    text = Text(f.text)
    if f.every_days:
        text.append(f"  (every {f.every_days} days)", style="dim")
    if f.against_wishes:
        text.append(f"  ! {f.against_wishes}", style="yellow")
    return text


class FollowupsScreen(TabbedListScreen):
    """Mark done (d), snooze (s) or move to another day (g)."""

    MODE = "followups"
    BINDINGS = [*actions.bindings("followups.prev", "followups.next"), *ROW_BINDINGS]
    VIEWS = (("overdue", "Overdue"), ("today", "Today"), ("upcoming", "Upcoming"),
             ("all", "All open"))
    EMPTIES = {
        "overdue": "No follow-up is overdue.",
        "today": "Nobody to get back to today.",
        "upcoming": NONE_PLANNED,
        "all": NONE_PLANNED,
    }
    COLUMNS = [
        Column("due", "Due", fmt.followup_due, width=18),
        Column("customer", "Customer", lambda f: Text(f.customer_name), ratio=2),
        Column("text", "Follow-up", _text, ratio=4),
        Column("who", "Who", lambda f: f.staff_name or "", width=8, hide_below=90),
        Column("state", "State", fmt.followup_state, width=8),
    ]
    LIST_ID, TABS_ID, TAB_ID_PREFIX = "followup-list", "followup-tabs", "fv-"
    KEYS_HINT = "s: snooze · g: another day"

    def fetch(self, view: str) -> Fetch:
        due = None if view == "all" else view
        return lambda s, offset, limit: s.followups(open_only=True, due=due,
                                                    offset=offset, limit=limit)
