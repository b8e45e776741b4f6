"""Promises: open, overdue, kept, broken — who promised what, to whom, by when."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, Tab, Tabs

from .. import clock
from ..records import Promise
from ..widgets import fmt
from ..widgets.nav import NavBar
from ..widgets.virtual_table import Column, VirtualTable
from . import _store_gaps as gaps
from .base import ROW_BINDINGS, ItemActions, KbmScreen

VIEWS = (("open", "Open"), ("overdue", "Overdue"), ("kept", "Kept"), ("broken", "Broken"),
         ("all", "All"))
EMPTIES = {
    "open": "No open promises. Make one when you log a conversation (l).",
    "overdue": "Nothing overdue: every promise is kept or still on time.",
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
    if view == "overdue":
        return lambda s, offset, limit: gaps.overdue_promises(s, offset, limit)
    status = None if view == "all" else view
    return lambda s, offset, limit: s.promises(status=status, offset=offset, limit=limit)


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
        yield Static(" ←/→: open, overdue, kept, broken · enter: the customer", classes="status-line")
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

    @on(Tabs.TabActivated, "#promise-tabs")
    def _tab(self, event: Tabs.TabActivated) -> None:
        view = (event.tab.id or "pv-open").removeprefix("pv-")
        if view != self.view:
            self.view = view
            self._source()

    def action_view(self, step: int) -> None:
        tabs = self.query_one(Tabs)
        tabs.action_next_tab() if step > 0 else tabs.action_previous_tab()
