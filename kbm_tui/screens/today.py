"""Today, the home screen: what we said we would do and haven't, then the rest of the day."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Static

from .. import clock
from ..records import Agenda, Conversation, Followup, Promise
from ..widgets import fmt
from ..widgets.nav import NavBar
from ..widgets.virtual_table import Column, VirtualTable
from .base import ROW_BINDINGS, ItemActions, KbmScreen

WELCOME = """[b]Welcome to kbm.[/b] There are no customers yet.

 • Press [b]n[/b] to add your first customer,
 • or [b]l[/b] to log a conversation — you can add the customer right there.
 • Press [b]?[/b] for every key, [b]ctrl+p[/b] to search for anything.

Want to look around first? Quit with [b]ctrl+q[/b] and start [b]kbm --demo[/b]:
a made-up bike shop, thrown away when you quit."""


@dataclass(frozen=True)
class Heading:
    title: str
    count: int
    style: str = "bold"


@dataclass(frozen=True)
class Note:
    text: str


def _when(item) -> str:
    if isinstance(item, Promise):
        return fmt.promise_due(item)
    if isinstance(item, Followup):
        return fmt.followup_due(item)
    if isinstance(item, Conversation):
        return fmt.moment(item.at)
    return ""


def _what(item) -> Text:
    if isinstance(item, Promise):
        return Text(item.text)
    if isinstance(item, Followup):
        return Text(item.text)
    if isinstance(item, Conversation):
        text = Text(f"{fmt.channel(item.channel)}, {fmt.kind(item.kind)}: ", style="dim")
        return text + Text(fmt.short(item.summary, 200))
    return Text("")


def _who(item) -> str:
    return getattr(item, "staff_name", None) or ""


def _whole_line(item) -> Text | None:
    if isinstance(item, Heading):
        return Text(f"{item.title} ({item.count})", style=item.style)
    if isinstance(item, Note):
        return Text("   " + item.text, style="dim italic")
    return None


COLUMNS = [
    Column("when", "When", _when, width=17),
    Column("customer", "Customer", lambda i: Text(getattr(i, "customer_name", "")), ratio=2),
    Column("what", "What", _what, ratio=4),
    Column("who", "Who", _who, width=8),
]


def agenda_rows(agenda: Agenda) -> list:
    rows: list = []
    sections = (
        ("Overdue promises — what we said we would do and haven't", agenda.overdue_promises,
         "Nothing overdue: every promise is kept or still on time.", "bold red"),
        ("Promises due today", agenda.promises_today, "No promise falls due today.", "bold"),
        ("Follow-ups due", agenda.followups_due, "Nobody is waiting to hear from us.", "bold"),
        ("Today's conversations", agenda.conversations_today,
         "No conversation logged today yet — press l to log one.", "bold"),
    )
    for title, items, empty, style in sections:
        rows.append(Heading(title, len(items), style if items else "bold"))
        if items:
            rows.extend(items)
        else:
            rows.append(Note(empty))
    return rows


class TodayScreen(ItemActions, KbmScreen):
    """The day at a glance; act on a row where it stands."""

    MODE = "today"
    AUTO_FOCUS = "#today-list"
    BINDINGS = ROW_BINDINGS

    def compose(self) -> ComposeResult:
        yield NavBar("today")
        yield Static("", id="today-title", classes="screen-title")
        yield VirtualTable(COLUMNS, id="today-list", classes="items", empty=WELCOME,
                           whole_line=_whole_line,
                           selectable=lambda i: not isinstance(i, (Heading, Note)))
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(60, self._tick, name="today-minute")

    def _tick(self) -> None:
        if self.is_current:
            self.reload()

    def reload(self) -> None:
        def read(store):
            return store.agenda(), store.count_customers(include_archived=True)

        self.db_read(read, self._show, group="today")

    def _show(self, result: tuple[Agenda, int]) -> None:
        agenda, customers = result
        table = self.query_one(VirtualTable)
        table.set_rows(agenda_rows(agenda) if customers else [])
        now = clock.now()
        parts = [now.strftime("%A %d %B %Y")]
        if customers:
            talks = len(agenda.conversations_today)
            parts += [f"{len(agenda.overdue_promises)} overdue",
                      f"{len(agenda.promises_today)} due today",
                      f"{len(agenda.followups_due)} to follow up",
                      f"{talks} {'talk' if talks == 1 else 'talks'} today"]
        self.query_one("#today-title", Static).update(" · ".join(parts))
        self.refresh_bindings()
