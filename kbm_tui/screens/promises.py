"""Promises: open, overdue, kept, broken — who promised what, to whom, by when."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from kbm_tui.core import clock, timefmt
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Promise
from kbm_tui.core.timefmt import month_start
from kbm_tui.screens.tabbed_list import TabbedListScreen
from kbm_tui.ui import actions, fmt
from kbm_tui.widgets.table_columns import NAME_WIDTH, narrow_and_wide, who_columns
from kbm_tui.widgets.virtual_table import Column, Fetch


def _promise_text(p: Promise) -> Text:
    text = Text(p.text)
    if p.close_note:
        text.append(f" — {p.close_note}", style="italic dim")
    return text


def read_stats(store):
    """This month's promises for the shop, and for each person who made them."""
    today = clock.today()
    this, _ = store.month_stats()
    return this, store.promise_stats(month_start(today), today + timedelta(days=1),
                                     by_staff=True)


class PromisesScreen(TabbedListScreen):
    """Mark a promise kept (k) or broken with a reason (b) right in the list."""

    MODE = "promises"
    BINDINGS = actions.bindings("promises.prev", "promises.next", *actions.ROW)
    VIEWS = (("open", N_("Open")), ("overdue", N_("Overdue")),
             ("open-ended", N_("No due time")), ("kept", N_("Kept")), ("broken", N_("Broken")),
             ("all", N_("All")))
    EMPTIES = {
        "open": N_("No open promises. Make one when you log a conversation (l)."),
        "overdue": N_("Nothing overdue: every promise is kept or still on time."),
        "open-ended": N_("No open promise without a due time (like “when the part "
                         "arrives”)."),
        "kept": N_("No promise has been marked kept yet."),
        "broken": N_("No promise has been broken. Keep it that way."),
        "all": N_("No promises yet. Make one when you log a conversation (l)."),
    }
    COLUMNS = [
        *narrow_and_wide(
            Column("due", N_("Due"), partial(fmt.promise_due, padded=True, compact=True),
                   width=fmt.COMPACT_MOMENT_WIDTH),
            Column("due", N_("Due"), partial(fmt.promise_due, padded=True),
                   width=fmt.MOMENT_WIDTH)),
        Column("customer", N_("Customer"), lambda p: Text(p.customer_name), ratio=2,
               max_width=28, min_width=NAME_WIDTH),
        Column("text", N_("Promise"), _promise_text, ratio=4),
        # Translators: a column: the day a promise was made
        Column("made", N_("Promised"), lambda p: fmt.day(timefmt.local(p.made_at).date()),
               width=fmt.DAY_WIDTH, hide_below=118),
        *who_columns(lambda p: p.staff_name or "", N_("Who")),
        Column("state", N_("Status"), lambda p: fmt.promise_state(p, clock.now()),
               width=fmt.PROMISE_STATE_WIDTH),
    ]
    LIST_ID, TABS_ID, TAB_ID_PREFIX = "promise-list", "promise-tabs", "pv-"
    KEYS_HINT = N_("g: a new time, agreed with the customer")

    def compose_extra_lines(self) -> ComposeResult:
        yield Static("", id="promise-stats", classes="status-line -wrap")

    def fetch(self, view: str) -> Fetch:
        if view == "open-ended":  # the store reads these from the oldest, without an offset
            return lambda s, offset, limit: s.open_ended_promises(limit=offset + limit)[offset:]
        status = None if view == "all" else view
        return lambda s, offset, limit: s.promises(status=status, offset=offset, limit=limit)

    def reload(self) -> None:
        super().reload()
        self.db_read(read_stats, self._stats, group="stats")

    def _stats(self, result) -> None:
        this, people = result
        line = f" {this.label}: {fmt.stats_text(this)}"
        if people:
            line += " — " + _("by person: {people}").format(people=" · ".join(
                _("{name} {on_time} of {total} on time").format(
                    name=name, on_time=fmt.number(s.on_time), total=fmt.number(s.total))
                for name, s in people.items()))
        self.query_one("#promise-stats", Static).update(line)
