"""One customer: the card with their own wishes always in view, and one timeline of all."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Select, Static

from .. import timefmt
from ..records import Conversation, Customer, Followup, Promise
from ..vocab import CHANNEL_LABELS, KIND_LABELS
from ..widgets import fmt
from ..widgets.nav import NavBar
from ..widgets.virtual_table import Column, VirtualTable
from . import _store_gaps as gaps
from .base import ROW_BINDINGS, ItemActions, KbmScreen

KIND_CHOICES = [("conversations", "conversation"), ("promises", "promise"),
                ("follow-ups", "followup")] + [(f"  {v}", k) for k, v in KIND_LABELS.items()]
NARROW = 110


def _type(entry: gaps.Entry) -> Text:
    item = entry.item
    if isinstance(item, Conversation):
        text = Text(f"{fmt.channel(item.channel)} {item.direction}: {fmt.kind(item.kind)}")
        if item.deleted_at:
            text.append(" (deleted)", style="dim")
        return text
    if isinstance(item, Promise):
        return Text("promise ") + fmt.promise_state(item)
    return Text("follow-up ") + fmt.followup_state(item)


def _text(entry: gaps.Entry) -> Text:
    item = entry.item
    if isinstance(item, Conversation):
        text = Text(fmt.short(item.summary, 300))
        if item.amount_cents is not None:
            text.append(f"  {fmt.amount(item.amount_cents)}", style="dim")
        if item.against_wishes:
            text.append("  ⚠ against their wishes", style="yellow")
        return text
    if isinstance(item, Promise):
        text = Text(item.text)
        if item.close_note:
            text.append(f" — {item.close_note}", style="italic")
        elif item.status == "open" and item.due_day:
            text.append(f"  due {fmt.promise_due(item)}", style="dim")
        return text
    return Text(item.text).append(f"  {fmt.followup_due(item)}", style="dim")


def _when(entry: gaps.Entry) -> str:
    if isinstance(entry.item, Followup) and entry.item.done_at is None:
        return fmt.day(entry.item.effective_day)
    return fmt.moment(entry.at) if hasattr(entry.at, "hour") else fmt.day(entry.at)


COLUMNS = [
    Column("when", "When", _when, width=17),
    Column("type", "", _type, width=20),
    Column("text", "What", _text, ratio=1),
    Column("who", "Who", lambda e: e.item.staff_name or "", width=8, hide_below=90),
]
EMPTY = "Nothing here yet. Press [b]l[/b] to log a conversation with this customer."


class _Timeline(VirtualTable):
    """The timeline hands its rows' records to the row actions."""

    @property
    def cursor_item(self):
        entry = super().cursor_item
        return entry.item if entry is not None else None


class CustomerScreen(ItemActions, KbmScreen):
    """A customer's card and timeline; escape goes back."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="customer.back", tooltip="Back to the list"),
        Binding("l", "log", "Log", id="customer.log",
                tooltip="Log a conversation with this customer"),
        Binding("m", "plan('promise')", "Promise", id="customer.promise",
                tooltip="Make a promise to this customer"),
        Binding("w", "plan('followup')", "Follow-up", id="customer.followup",
                tooltip="Plan a follow-up with this customer"),
        Binding("e", "edit", "Edit", id="customer.edit", tooltip="Edit the card"),
        Binding("a", "archive", "Archive", show=False, id="customer.archive",
                tooltip="Archive this customer (asks first)"),
        *ROW_BINDINGS,
    ]

    AUTO_FOCUS = "#timeline"

    def __init__(self, customer_id: int) -> None:
        super().__init__()
        self.customer_id = customer_id
        self.customer: Customer | None = None
        self.channel: str | None = None
        self.kind: str | None = None

    def compose(self) -> ComposeResult:
        yield NavBar("customers", title="…", id="customer-nav")
        with Horizontal(id="customer-body"):
            with Vertical(id="card"):
                yield Static("", id="card-contact")
                yield Static("", id="card-wishes")
            with Vertical(id="timeline-box"):
                with Horizontal(classes="filter-bar"):
                    yield Select([(v, k) for k, v in CHANNEL_LABELS.items()], prompt="any channel",
                                 id="tl-channel", compact=True)
                    yield Select(KIND_CHOICES, prompt="everything", id="tl-kind", compact=True)
                yield _Timeline(COLUMNS, id="timeline", classes="items", empty=EMPTY)
                yield Static("", id="detail", classes="detail-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#timeline").focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    def reload(self) -> None:
        cid, channel, kind = self.customer_id, self.channel, self.kind

        def read(store):
            return gaps.customer_card(store, cid), gaps.timeline(store, cid, channel=channel,
                                                                 kind=kind)

        self.db_read(read, self._show, group="customer", on_error=self._gone)

    def _gone(self, exc) -> None:
        self.app.notify(exc.message, title="Customer gone", severity="warning")
        if self.is_current:
            self.dismiss()

    def _show(self, result) -> None:
        card, (entries, more) = result
        self.customer = card["customer"]
        nav = self.query_one("#customer-nav", NavBar)
        nav.title = self.customer.name
        nav.update(nav.build())
        contact, wishes = card_text(card)
        self.query_one("#card-contact", Static).update(contact)
        self.query_one("#card-wishes", Static).update(wishes)
        table = self.query_one(_Timeline)
        table.set_rows(entries)
        if more:
            self.notify("Showing the newest entries only; filter by channel or kind to see "
                        "older ones.", timeout=4)
        self.refresh_bindings()

    @on(Select.Changed, "#tl-channel")
    def _channel(self, event: Select.Changed) -> None:
        self.channel = None if event.value is Select.NULL else event.value
        self.reload()

    @on(Select.Changed, "#tl-kind")
    def _kind(self, event: Select.Changed) -> None:
        self.kind = None if event.value is Select.NULL else event.value
        self.reload()

    def action_back(self) -> None:
        self.dismiss()

    def action_log(self) -> None:
        self.app.action_quick_log(self.customer_id)

    def action_plan(self, kind: str) -> None:
        if self.customer is None:
            return
        from .plan import PlanDialog

        self.app.push_screen(PlanDialog(kind, self.customer),
                             lambda item: self.app.reload_screens() if item else None)

    def action_edit(self) -> None:
        if self.customer is None:
            return
        from .customer_form import CustomerForm

        self.app.push_screen(CustomerForm(self.customer),
                             lambda c: self.app.reload_screens() if c else None)

    def action_archive(self) -> None:
        if self.customer is not None:
            from .customers import archive_customer

            c = self.customer
            archive_customer(self, c.id, c.name, c.archived_at is not None)


def card_text(card: dict) -> tuple[Text, Text]:
    """The contact details, and the customer's wishes with where the relationship stands."""
    c: Customer = card["customer"]
    contact = Text()
    contact.append(c.name, style="bold")
    if c.archived_at:
        contact.append("  (archived)", style="dim")
    for label, value in (("Phone", c.phone), ("Email", c.email), ("Address", c.address),
                         ("Tags", c.tags), ("Notes", fmt.short(c.notes, 120) if c.notes else None)):
        if value:
            contact.append(f"\n{label:<8}", style="dim").append(value)
    glance = card.get("glance")
    if glance is not None:
        since = timefmt.local(glance.customer_since).date()
        contact.append("\nSince   ", style="dim").append(fmt.day(since))
        contact.append("\nA year  ", style="dim").append(fmt.spark(glance.per_month))
        if glance.purchases_cents:
            contact.append(f"  bought {fmt.amount(glance.purchases_cents)}", style="dim")
    wishes = Text()
    wishes.append("Their wishes", style="bold")
    for label, value in fmt.wishes(c):
        style = "bold red" if label == "Do not contact" else ""
        wishes.append(f"\n{label:<10}", style="dim").append(value, style=style)
    wishes.append("\nPromises  ", style="dim")
    wishes.append(f"{card['open_promises']} open · {card['kept']} kept · {card['broken']} broken")
    nxt: Followup | None = card["next_followup"]
    wishes.append("\nNext      ", style="dim")
    wishes.append(f"{fmt.followup_due(nxt)}: {fmt.short(nxt.text, 40)}" if nxt else
                  "no follow-up planned")
    return contact, wishes
