"""Follow-ups: overdue, today, upcoming — done, snoozed or put off to another day."""

from __future__ import annotations

from functools import partial

from rich.text import Text

from kbm_tui.core.i18n import N_
from kbm_tui.core.records import Followup
from kbm_tui.screens.tabbed_list import TabbedListScreen
from kbm_tui.ui import actions, fmt
from kbm_tui.widgets.table_columns import NAME_WIDTH, narrow_and_wide, who_columns
from kbm_tui.widgets.virtual_table import Column, Fetch

NONE_PLANNED = N_("No follow-ups planned. Plan one from a customer (w) or when logging (l).")


# From this width how often a follow-up repeats has its own column; narrower it follows the
# text, dimmed. Most follow-ups don't repeat, so the column stays mostly empty: it only comes
# once the text has its room (about 80 cells, a long German follow-up, at 160 columns).
REPEATS_FROM = 180


def _text(f: Followup, *, repeats: bool = True) -> Text:
    text = Text(f.text)
    if f.every_days and repeats:
        text.append(f"  ({fmt.every_days(f.every_days)})", style="dim")
    if f.against_wishes:
        text.append(f"  ! {f.against_wishes}", style="yellow")  # the store's words
    return text


def _repeats(f: Followup) -> str:
    return fmt.every_days(f.every_days) if f.every_days else ""


class FollowupsScreen(TabbedListScreen):
    """Mark done (d), snooze (s) or move to another day (g)."""

    MODE = "followups"
    BINDINGS = actions.bindings("followups.prev", "followups.next", *actions.ROW)
    VIEWS = (("overdue", N_("Overdue")), ("today", N_("Today")), ("upcoming", N_("Upcoming")),
             ("all", N_("All open")))
    EMPTIES = {
        "overdue": N_("No follow-up is overdue."),
        "today": N_("Nobody to get back to today."),
        "upcoming": NONE_PLANNED,
        "all": NONE_PLANNED,
    }
    COLUMNS = [
        *narrow_and_wide(
            Column("due", N_("Due"), partial(fmt.followup_day, compact=True),
                   width=fmt.COMPACT_MOMENT_WIDTH),
            Column("due", N_("Due"), fmt.followup_day, width=fmt.MOMENT_WIDTH)),
        Column("customer", N_("Customer"), lambda f: Text(f.customer_name), ratio=2,
               max_width=28, min_width=NAME_WIDTH),
        Column("text", N_("Follow-up"), _text, ratio=4, hide_from=REPEATS_FROM),
        Column("text", N_("Follow-up"), lambda f: _text(f, repeats=False), ratio=4,
               hide_below=REPEATS_FROM),
        # Translators: a column: how often a follow-up comes back ("every 28 days")
        Column("repeats", N_("Repeats"), _repeats, width=fmt.by_language(14, 14),
               hide_below=REPEATS_FROM),
        # German below 96 columns: the status needs 14 ("zurückgestellt") and who 10
        # ("Inhaber/in"), so who makes way for the text (the line under the list names them).
        *who_columns(lambda f: f.staff_name or "", N_("Who"),
                     hide_below=fmt.by_language(0, 96)),
        Column("state", N_("Status"), fmt.followup_state, width=fmt.FOLLOWUP_STATE_WIDTH),
    ]
    LIST_ID, TABS_ID, TAB_ID_PREFIX = "followup-list", "followup-tabs", "fv-"
    KEYS_HINT = N_("s: snooze · g: another day")

    def fetch(self, view: str) -> Fetch:
        due = None if view == "all" else view
        return lambda s, offset, limit: s.followups(open_only=True, due=due,
                                                    offset=offset, limit=limit)
