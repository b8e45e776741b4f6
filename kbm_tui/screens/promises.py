"""Promises: open, overdue, kept, broken — who promised what, to whom, by when."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, Tab, Tabs

from datetime import timedelta

from .. import clock
from ..store_insight import month_start
from ..records import Promise
from ..widgets import fmt
from ..widgets.nav import NavBar
from ..widgets.virtual_table import Column, VirtualTable
from .base import ROW_BINDINGS, ItemActions, KbmScreen

VIEWS = (("open", "Open"), ("overdue", "Overdue"), ("open-ended", "No due time"),
         ("kept", "Kept"), ("broken", "Broken"), ("all", "All"))
EMPTIES = {
    "open": "No open promises. Make one when you log a conversation (l).",
    "overdue": "Nothing overdue: every promise is kept or still on time.",
    "open-ended": "No open promise without a due time (like “when the part arrives”).",
    "kept": "No promise has been marked kept yet.",
    "broken": "No promise has been broken. Keep it that way.",
    "all": "No promises yet. Make one when you log a conversation (l).",
}


def _promise_text(p: Promise) -> Text:
    text = Text(p.text)
    if p.close_note:
        text.append(f" — {p.close_note}", style="italic dim")
    return text


COLUMNS = [
    Column("due", "Due", fmt.promise_due, width=17),
    Column("customer", "Customer", lambda p: Text(p.customer_name), ratio=2),
    Column("text", "Promise", _promise_text, ratio=4),
    Column("who", "Who", lambda p: p.staff_name or "", width=8, hide_below=90),
    Column("state", "State", lambda p: fmt.promise_state(p, clock.now()), width=8),
]


def fetch(view: str):
    if view == "open-ended":  # the store reads these from the oldest, without an offset
        return lambda s, offset, limit: s.open_ended_promises(limit=offset + limit)[offset:]
    status = None if view == "all" else view
    return lambda s, offset, limit: s.promises(status=status, offset=offset, limit=limit)


def read_stats(store):
    """This month's promises for the shop, and for each person who made them."""
    today = clock.today()
    this, _ = store.month_stats()
    return this, store.promise_stats(month_start(today), today + timedelta(days=1),
                                     by_staff=True)


class PromisesScreen(ItemActions, KbmScreen):
    """Mark a promise kept (k) or broken with a reason (b) right in the list."""

    MODE = "promises"
    AUTO_FOCUS = "#promise-list"
    BINDINGS = [
        Binding("left", "view(-1)", "Previous tab", show=False, id="promises.prev"),
        Binding("right", "view(1)", "Next tab", show=False, id="promises.next"),
        *ROW_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = "open"

    def compose(self) -> ComposeResult:
        yield NavBar("promises")
        yield Tabs(*(Tab(f"{label}", id=f"pv-{key}") for key, label in VIEWS), id="promise-tabs")
        yield VirtualTable(COLUMNS, id="promise-list", classes="items")
        yield Static("", id="detail", classes="detail-line", markup=False)
        yield Static("", id="promise-stats", classes="status-line -wrap")
        yield Static(" ←/→: the tabs · g: a new time, agreed with the customer · enter: the "
                     "customer", classes="status-line")
        yield Footer()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#promise-list", VirtualTable)

    def _source(self) -> None:
        self.table.empty = EMPTIES[self.view]
        self.table.set_source(fetch(self.view))

    def reload(self) -> None:
        if self.table.has_source:
            self.table.reload()
        else:
            self._source()
        self.db_read(read_stats, self._stats, group="stats")

    def _stats(self, result) -> None:
        this, people = result
        line = f" {this.label}: {fmt.stats_text(this)}"
        if people:
            line += " — by person: " + " · ".join(
                f"{name} {s.on_time} of {s.total} on time" for name, s in people.items())
        self.query_one("#promise-stats", Static).update(line)

    @on(Tabs.TabActivated, "#promise-tabs")
    def _tab(self, event: Tabs.TabActivated) -> None:
        view = (event.tab.id or "pv-open").removeprefix("pv-")
        if view != self.view:
            self.view = view
            self._source()

    def action_view(self, step: int) -> None:
        tabs = self.query_one(Tabs)
        tabs.action_next_tab() if step > 0 else tabs.action_previous_tab()
