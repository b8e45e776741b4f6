"""Today, the home screen: what we said we would do and haven't, then the rest of the day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Static

from kbm_tui.core import clock, timefmt
from kbm_tui.core.records import Agenda, Conversation, Followup, KeepInTouch, Promise, PromiseStats
from kbm_tui.core.text import age, short
from kbm_tui.screens.base import ROW_BINDINGS, ItemActions, KbmScreen
from kbm_tui.ui import fmt
from kbm_tui.widgets.nav import NavBar
from kbm_tui.widgets.virtual_table import Column, VirtualTable

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
    extra: str = ""


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Waiting:
    """A record shown with how long it has been waiting: an open complaint, a promise
    without a due time."""

    record: Conversation | Promise
    since: datetime
    label: str  # "open", "waiting"

    @property
    def customer_name(self) -> str:
        return self.record.customer_name


def _when(item) -> str:
    if isinstance(item, Waiting):
        return f"{item.label} {age(item.since)}"
    if isinstance(item, KeepInTouch):
        return f"due {fmt.day(timefmt.local(item.due_at).date())}"
    if isinstance(item, Promise):
        return fmt.promise_due(item)
    if isinstance(item, Followup):
        return fmt.followup_due(item)
    if isinstance(item, Conversation):
        return fmt.moment(item.at)
    return ""


def _what(item) -> Text:
    if isinstance(item, KeepInTouch):
        last = fmt.day(timefmt.local(item.last_contact_at).date()) if item.last_contact_at \
            else "never"
        text = Text()
        if item.pref_channel:
            text.append(f"by {fmt.channel(item.pref_channel)}", style="bold").append(" · ")
        return text.append(f"every {item.contact_every_days} days · last contact {last}")
    item = getattr(item, "record", item)
    if isinstance(item, (Promise, Followup)):
        return Text(item.text)
    if isinstance(item, Conversation):
        text = Text(f"{fmt.channel(item.channel)}, {fmt.kind(item.kind)}: ", style="dim")
        return text + Text(short(item.summary, 200))
    return Text("")


def _who(item) -> str:
    if isinstance(item, KeepInTouch):
        return item.pref_staff_name or ""
    return getattr(getattr(item, "record", item), "staff_name", None) or ""


def _whole_line(item) -> Text | None:
    if isinstance(item, Heading):
        text = Text(f"{item.title} ({item.count})", style=item.style)
        if item.extra:
            text.append(f" · {item.extra}", style="dim")
        return text
    if isinstance(item, Note):
        return Text("   " + item.text, style="dim italic")
    return None


COLUMNS = [
    Column("when", "When", _when, width=17),
    Column("customer", "Customer", lambda i: Text(getattr(i, "customer_name", "")), ratio=2),
    Column("what", "What", _what, ratio=4),
    Column("who", "Who", _who, width=8),
]


def agenda_rows(agenda: Agenda, median: float | None = None) -> list:
    rows: list = []
    resolved_in = (f"complaints are resolved in {median:.1f} days (median)"
                   if median is not None else "")
    sections = (
        ("overdue_promises", "Overdue promises — what we said we would do and haven't",
         agenda.overdue_promises, "Nothing overdue: every promise is kept or still on time.",
         "bold red", "", "p"),
        ("promises_today", "Promises due today", agenda.promises_today,
         "No promise falls due today.", "bold", "", "p"),
        ("followups_due", "Follow-ups due", agenda.followups_due,
         "Nobody is waiting to hear from us.", "bold", "", "f"),
        ("keep_in_touch", "Time to get in touch — as often as they asked", agenda.keep_in_touch,
         "", "bold", "", ""),
        ("open_complaints", "Open complaints",
         [Waiting(c, c.at, "open") for c in agenda.open_complaints], "", "bold red", resolved_in,
         "v"),
        ("waiting_promises", "Waiting for over a week (no due time)",
         [Waiting(p, p.made_at, "waiting") for p in agenda.waiting_promises], "", "bold", "", "p"),
        ("conversations_today", "Today's conversations", agenda.conversations_today,
         "No conversation logged today yet — press l to log one.", "bold", "", "v"),
    )
    for name, title, items, empty, style, extra, screen in sections:
        if not items and not empty:
            continue  # the care sections show up only when there is something to do
        total = agenda.totals.get(name, len(items))
        rows.append(Heading(title, total, style if items else "bold", extra))
        if items:
            rows.extend(items)
            if total > len(items):
                where = f" — the rest on the {SCREEN_NAMES[screen]} screen ({screen})" \
                    if screen else ""
                rows.append(Note(f"… and {total - len(items):,} more{where}"))
        else:
            rows.append(Note(empty))
    return rows


SCREEN_NAMES = {"p": "Promises", "f": "Follow-ups", "v": "Conversations"}
SHOWN_PER_SECTION = 200  # a shop with years of history can have thousands waiting


def stats_line(this: PromiseStats, last: PromiseStats) -> str:
    """ "Promises kept — November: 12 on time (86%) · 1 late · 1 broken | October: …" """
    return (f"Promises kept — {this.label}: {fmt.stats_text(this)} | "
            f"{last.label}: {fmt.stats_text(last)}")


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
        yield Static("", id="today-stats", classes="status-line -wrap")
        yield Footer()

    _shown_once = False

    def on_mount(self) -> None:
        self.set_interval(60, self._tick, name="today-minute")

    def _tick(self) -> None:
        if self.is_current:
            self.reload()

    def reload(self) -> None:
        def read(store):
            return (store.agenda(limit=SHOWN_PER_SECTION),
                    store.count_customers(include_archived=True),
                    store.median_days_to_resolve(), store.month_stats())

        if not self._shown_once:
            # The first read is made before the first frame: a thread would compete with
            # that frame's drawing for the interpreter and take several times as long.
            self._shown_once = True
            try:
                result = self.app.db(read)
            except Exception:  # noqa: BLE001 - the threaded read below reports it
                pass
            else:
                self._show(result)
                return
        self.db_read(read, self._show, group="today")

    def _show(self, result) -> None:
        agenda, customers, median, (this, last) = result
        table = self.query_one(VirtualTable)
        table.set_rows(agenda_rows(agenda, median) if customers else [])
        stats = self.query_one("#today-stats", Static)
        stats.display = bool(customers)
        stats.update(stats_line(this, last))
        now = clock.now()
        parts = [now.strftime("%A %d %B %Y")]
        if customers:
            totals = agenda.totals
            talks = totals.get("conversations_today", len(agenda.conversations_today))
            parts += [f"{totals.get('overdue_promises', 0):,} overdue",
                      f"{totals.get('promises_today', 0):,} due today",
                      f"{totals.get('followups_due', 0):,} to follow up",
                      f"{talks:,} {'talk' if talks == 1 else 'talks'} today"]
        self.query_one("#today-title", Static).update(" · ".join(parts))
        self.refresh_bindings()
