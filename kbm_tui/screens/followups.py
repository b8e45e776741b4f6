"""Follow-ups: overdue, today, upcoming — done, snoozed or put off to another day."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, Tab, Tabs

from ..records import Followup
from ..widgets import fmt
from ..widgets.nav import NavBar
from ..widgets.virtual_table import Column, VirtualTable
from .base import ROW_BINDINGS, ItemActions, KbmScreen

VIEWS = (("overdue", "Overdue"), ("today", "Today"), ("upcoming", "Upcoming"),
         ("all", "All open"))
EMPTIES = {
    "overdue": "No follow-up is overdue.",
    "today": "Nobody to get back to today.",
    "upcoming": "No follow-ups planned. Plan one from a customer (w) or when logging (l).",
    "all": "No follow-ups planned. Plan one from a customer (w) or when logging (l).",
}


def _text(f: Followup) -> Text:
    text = Text(f.text)
    if f.every_days:
        text.append(f"  (every {f.every_days} days)", style="dim")
    if f.against_wishes:
        text.append(f"  ! {f.against_wishes}", style="yellow")
    return text


COLUMNS = [
    Column("due", "Due", fmt.followup_due, width=18),
    Column("customer", "Customer", lambda f: Text(f.customer_name), ratio=2),
    Column("text", "Follow-up", _text, ratio=4),
    Column("who", "Who", lambda f: f.staff_name or "", width=8, hide_below=90),
    Column("state", "State", fmt.followup_state, width=8),
]


class FollowupsScreen(ItemActions, KbmScreen):
    """Mark done (d), snooze (s) or move to another day (g)."""

    MODE = "followups"
    AUTO_FOCUS = "#followup-list"
    BINDINGS = [
        Binding("left", "view(-1)", "Previous tab", show=False, id="followups.prev"),
        Binding("right", "view(1)", "Next tab", show=False, id="followups.next"),
        *ROW_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = "overdue"

    def compose(self) -> ComposeResult:
        yield NavBar("followups")
        yield Tabs(*(Tab(label, id=f"fv-{key}") for key, label in VIEWS), id="followup-tabs")
        yield VirtualTable(COLUMNS, id="followup-list", classes="items")
        yield Static("", id="detail", classes="detail-line", markup=False)
        yield Static(" ←/→: the tabs · s: snooze · g: another day · enter: the customer",
                     classes="status-line")
        yield Footer()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#followup-list", VirtualTable)

    def _source(self) -> None:
        view = self.view
        self.table.empty = EMPTIES[view]
        due = None if view == "all" else view
        self.table.set_source(lambda s, offset, limit: s.followups(open_only=True, due=due,
                                                                   offset=offset, limit=limit))

    def reload(self) -> None:
        if self.table.has_source:
            self.table.reload()
        else:
            self._source()

    @on(Tabs.TabActivated, "#followup-tabs")
    def _tab(self, event: Tabs.TabActivated) -> None:
        view = (event.tab.id or "fv-overdue").removeprefix("fv-")
        if view != self.view:
            self.view = view
            self._source()

    def action_view(self, step: int) -> None:
        tabs = self.query_one(Tabs)
        tabs.action_next_tab() if step > 0 else tabs.action_previous_tab()
