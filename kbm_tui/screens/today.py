"""Today, the home screen: what we said we would do and haven't, then the rest of the day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from kbm_tui.core import clock, l10n, timefmt
from kbm_tui.core.i18n import N_, _, n_
from kbm_tui.core.records import Agenda, Conversation, Followup, KeepInTouch, Promise, PromiseStats
from kbm_tui.core.text import age, short
from kbm_tui.screens.base import ItemActions, KbmScreen
from kbm_tui.ui import actions, fmt
from kbm_tui.ui.footer import KbmFooter
from kbm_tui.widgets.nav import NavBar
from kbm_tui.widgets.table_columns import NAME_WIDTH, narrow_and_wide, who_columns
from kbm_tui.widgets.virtual_table import Column, VirtualTable

# Translators: the title of the welcome box on a fresh database
WELCOME_TITLE = N_("Welcome to kbm")
WELCOME = N_("""There are no customers yet. What to do first:

 [b]l[/b]        log a conversation — add the customer right there
 [b]n[/b]        add your first customer
 [b]ctrl+p[/b]   import customers from a phone, Outlook or a spreadsheet
 [b]?[/b]        every key, on one screen

Want to look around first? Quit with [b]ctrl+q[/b] and start [b]kbm --demo[/b]: a made-up bike \
shop, thrown away when you quit.""")


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
    label: str  # "open {age}", "waiting {age}" (marked with N_)

    @property
    def customer_name(self) -> str:
        return self.record.customer_name


def _when(item, compact: bool = False) -> str:
    if isinstance(item, Waiting):
        return _(item.label).format(age=age(item.since))
    if isinstance(item, KeepInTouch):
        day = fmt.day(timefmt.local(item.due_at).date(), compact=compact)
        return _("due {day}").format(day=day)
    if isinstance(item, Promise):
        return fmt.promise_due(item, padded=True, compact=compact)
    if isinstance(item, Followup):  # the day only: "(snoozed)" is said in the line below
        return fmt.followup_day(item, compact=compact)
    if isinstance(item, Conversation):
        return fmt.moment(item.at, compact=compact)
    return ""


def _compact_when_width() -> int:
    # A short date is 15 ("Di 17.11. 14:00"); Today's words can be a little longer: "seit
    # heute offen", "open since today", "waiting 12 days".
    return max(fmt.COMPACT_MOMENT_WIDTH(), len(_("open {age}").format(age=_("since today"))))


def _what(item) -> Text:
    if isinstance(item, KeepInTouch):
        last = fmt.day(timefmt.local(item.last_contact_at).date()) if item.last_contact_at \
            else _("never")
        every = fmt.every_days(item.contact_every_days)
        if item.pref_channel:
            return Text.from_markup(_("[b]by {channel}[/b] · {every} · last contact {day}").format(
                channel=escape(fmt.channel(item.pref_channel)), every=escape(every),
                day=escape(last)))
        return Text(_("{every} · last contact {day}").format(every=every, day=last))
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
        text = Text(f"{_(item.title)} ({fmt.number(item.count)})", style=item.style)
        if item.extra:
            text.append(f" · {item.extra}", style="dim")
        return text
    if isinstance(item, Note):
        return Text("   " + item.text, style="dim italic")  # translated when made
    return None


COLUMNS = [
    *narrow_and_wide(
        Column("when", N_("When"), partial(_when, compact=True), width=_compact_when_width),
        Column("when", N_("When"), _when, width=fmt.MOMENT_WIDTH)),
    Column("customer", N_("Customer"), lambda i: Text(getattr(i, "customer_name", "")),
           ratio=2, max_width=28, min_width=NAME_WIDTH),
    Column("what", N_("What"), _what, ratio=4),
    *who_columns(_who, N_("Who")),
]


def agenda_rows(agenda: Agenda, median: float | None = None) -> list:
    rows: list = []
    resolved_in = (_("complaints are resolved in {days} days (median)").format(
        days=fmt.decimal(median)) if median is not None else "")
    sections = (
        ("overdue_promises", N_("Overdue promises — what we said we would do and haven't"),
         agenda.overdue_promises,
         N_("Nothing overdue: every promise is kept or still on time."), "bold red", "", "p"),
        ("promises_today", N_("Promises due today"), agenda.promises_today,
         N_("No promise falls due today."), "bold", "", "p"),
        ("followups_due", N_("Follow-ups due"), agenda.followups_due,
         N_("Nobody is waiting to hear from us."), "bold", "", "f"),
        ("keep_in_touch", N_("Time to get in touch — as often as they asked"),
         agenda.keep_in_touch, "", "bold", "", ""),
        ("open_complaints", N_("Open complaints"),
         [Waiting(c, c.at, N_("open {age}")) for c in agenda.open_complaints], "", "bold red",
         resolved_in, "v"),
        ("waiting_promises", N_("Waiting for over a week (no due time)"),
         [Waiting(p, p.made_at, N_("waiting {age}")) for p in agenda.waiting_promises], "",
         "bold", "", "p"),
        ("conversations_today", N_("Today's conversations"), agenda.conversations_today,
         N_("No conversation logged today yet — press l to log one."), "bold", "", "v"),
    )
    for name, title, items, empty, style, extra, screen in sections:
        if not items and not empty:
            continue  # the care sections show up only when there is something to do
        total = agenda.totals.get(name, len(items))
        rows.append(Heading(title, total, style if items else "bold", extra))
        if items:
            rows.extend(items)
            if total > len(items):
                more = fmt.number(total - len(items))
                if screen:
                    note = _("… and {n} more — the rest on the {screen} screen ({key})").format(
                        n=more, screen=_(SCREEN_NAMES[screen]), key=screen)
                else:
                    note = _("… and {n} more").format(n=more)
                rows.append(Note(note))
        else:
            rows.append(Note(_(empty)))
    return rows


SCREEN_NAMES = {"p": N_("Promises"), "f": N_("Follow-ups"), "v": N_("Conversations")}
SHOWN_PER_SECTION = 200  # a shop with years of history can have thousands waiting


def stats_line(this: PromiseStats, last: PromiseStats) -> str:
    """ "Promises kept — November: 12 on time (86%) · 1 late · 1 broken | October: …" """
    today = clock.today()
    this_month = l10n.month(timefmt.month_start(today), short=False)
    last_month = l10n.month(timefmt.month_start(today, back=1), short=False)
    return _("Promises kept — {this_month}: {this} | {last_month}: {last}").format(
        this_month=this_month, this=fmt.stats_text(this), last_month=last_month,
        last=fmt.stats_text(last))


class TodayScreen(ItemActions, KbmScreen):
    """The day at a glance; act on a row where it stands."""

    MODE = "today"
    AUTO_FOCUS = "#today-list"
    BINDINGS = actions.bindings(*actions.ROW)

    def compose(self) -> ComposeResult:
        yield NavBar("today")
        yield Static("", id="today-title", classes="screen-title")
        yield VirtualTable(COLUMNS, id="today-list", classes="items", empty="",
                           whole_line=_whole_line,
                           selectable=lambda i: not isinstance(i, (Heading, Note)))
        welcome = Static(_(WELCOME), id="today-welcome")
        welcome.border_title = _(WELCOME_TITLE)
        welcome.display = False
        yield welcome
        yield Static("", id="today-stats", classes="status-line -wrap")
        yield KbmFooter()

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
        stats.display = table.display = bool(customers)
        # A fresh database: what to do first, not the header of an empty table.
        self.query_one("#today-welcome").display = not customers
        stats.update(stats_line(this, last))
        parts = []
        if customers:
            totals = agenda.totals
            talks = totals.get("conversations_today", len(agenda.conversations_today))
            follow = totals.get("followups_due", 0)
            parts += [_("{n} overdue").format(n=fmt.number(totals.get("overdue_promises", 0))),
                      _("{n} due today").format(n=fmt.number(totals.get("promises_today", 0))),
                      n_("{n} to follow up", "{n} to follow up", follow).format(
                          n=fmt.number(follow)),
                      n_("{n} talk today", "{n} talks today", talks).format(
                          n=fmt.number(talks))]
        self._counts = parts
        self._title()
        self.refresh_bindings()

    _counts: list[str] = []

    def on_resize(self) -> None:
        self._title()

    def _title(self) -> None:
        """ "Sunday 29 November 2026 · 4 overdue · …"; where that is wider than the screen
        the day is short ("Sun 29 Nov"): the counts after it were cut at 80 columns."""
        today = clock.today()
        title = " · ".join([l10n.long_date(today), *self._counts])
        if len(title) + 2 > self.size.width:  # its padding: a cell each side
            title = " · ".join([l10n.short_date(today, padded=False), *self._counts])
        self.query_one("#today-title", Static).update(title)
