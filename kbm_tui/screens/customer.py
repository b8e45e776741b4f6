"""One customer: the card with their own wishes always in view, and one timeline of all."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Sparkline, Static

from kbm_tui.core.i18n import N_, _, language
from kbm_tui.core.records import Conversation, Customer, Followup, Promise, TimelineEntry
from kbm_tui.core.text import short
from kbm_tui.core.vocab import CHANNEL_LABELS, KIND_LABELS
from kbm_tui.screens.base import ItemActions, KbmScreen
from kbm_tui.screens.customer_card import Card, column, contact_text, glance_texts, wishes_text
from kbm_tui.screens.plan import Kind, PlanDialog
from kbm_tui.ui import actions, fmt
from kbm_tui.ui.footer import KbmFooter
from kbm_tui.widgets.form import chosen
from kbm_tui.widgets.nav import NavBar
from kbm_tui.widgets.virtual_table import Column, VirtualTable

# What the timeline can be narrowed to: a kind of record, or a kind of conversation.
RECORD_KINDS = [(N_("conversations"), "conversation"), (N_("promises"), "promise"),
                (N_("follow-ups"), "followup")]
NARROW = 110


def kind_choices() -> list[tuple[str, str]]:
    return ([(_(label), key) for label, key in RECORD_KINDS]
            + [(f"  {fmt.kind(k)}", k) for k in KIND_LABELS])


def _type(entry: TimelineEntry) -> Text:
    item = entry.record
    if isinstance(item, Conversation):
        # As `kbm show` writes it: "phone, inquiry". Who reached out is in the line below.
        text = Text(f"{fmt.channel(item.channel)}, {fmt.kind(item.kind)}")
        if item.deleted_at:
            text.append(" " + _("(deleted)"), style="dim")
        return text
    if isinstance(item, Promise):
        # Translators: the timeline's type column, followed by the promise's state
        return Text(_("promise") + " ") + fmt.promise_state(item)
    # Translators: the timeline's type column, followed by the follow-up's state
    return Text(_("follow-up") + " ") + fmt.followup_state(item)


def _text(entry: TimelineEntry) -> Text:
    item = entry.record
    if isinstance(item, Conversation):
        text = Text()
        if item.kind == "complaint":
            text.append_text(fmt.complaint_state(item)).append(" ")
        text.append(short(item.summary, 300))
        if item.resolution:
            text.append(f" — {item.resolution}", style="italic")
        if item.amount_cents is not None:
            text.append(f"  {fmt.amount(item.amount_cents)}", style="dim")
        if item.idea_status:
            text.append("  (" + _("idea {state}").format(state=fmt.idea_state(item.idea_status))
                        + ")", style="dim")
        if item.against_wishes:
            text.append("  " + _("⚠ against their wishes"), style="yellow")
        return text
    if isinstance(item, Promise):
        text = Text(item.text)
        if item.close_note:
            text.append(f" — {item.close_note}", style="italic")
        elif item.status == "open" and item.due_day:
            text.append("  " + _("due {when}").format(when=fmt.promise_due(item)), style="dim")
        return text
    text = Text(item.text).append(f"  {fmt.followup_due(item)}", style="dim")
    if item.against_wishes:
        text.append("  " + _("⚠ against their wishes"), style="yellow")
    return text


def _when(entry: TimelineEntry) -> str:
    if isinstance(entry.record, Followup) and entry.record.done_at is None:
        return fmt.day(entry.record.effective_day)
    return fmt.moment(entry.at)


COLUMNS = [
    Column("when", N_("When"), _when, width=fmt.MOMENT_WIDTH),
    Column("type", "", _type, width=fmt.by_language(20, 24)),
    Column("text", N_("What"), _text, ratio=1),
    Column("who", N_("Who"), lambda e: e.record.staff_name or "", width=8, hide_below=90),
]
EMPTY = N_("Nothing here yet. Press [b]l[/b] to log a conversation with this customer.")


class CustomerScreen(ItemActions, KbmScreen):
    """A customer's card and timeline; escape goes back."""

    BINDINGS = actions.bindings("customer.back", "customer.log", "customer.promise",
                                "customer.followup", "customer.wishes", "customer.edit",
                                "customer.archive", "customer.export", "customer.forget",
                                "customer.merge", *actions.ROW)

    AUTO_FOCUS = "#timeline"

    def __init__(self, customer_id: int) -> None:
        super().__init__()
        self.customer_id = customer_id
        self.customer: Customer | None = None
        self.channel: str | None = None
        self.kind: str | None = None
        self.forgetting = False

    def compose(self) -> ComposeResult:
        yield NavBar("customers", title="…", id="customer-nav")
        with Horizontal(id="customer-body"):
            with Vertical(id="card"):
                with Vertical(id="card-left"):
                    yield Static("", id="card-contact")
                    with Vertical(id="card-glance"):
                        yield Static("", id="glance-since")
                        with Horizontal(id="glance-months"):
                            talks = Label(_("Talks"), classes="card-label")
                            talks.styles.width = column([_("Talks")], 8)
                            yield talks
                            yield Sparkline([0] * 12, id="glance-spark")
                            yield Label("", id="glance-talks")
                        yield Static("", id="glance-rest")
                yield Static("", id="card-wishes")
            with Vertical(id="timeline-box"):
                with Horizontal(classes="filter-bar"):
                    yield Select([(fmt.channel(k), k) for k in CHANNEL_LABELS],
                                 prompt=_("any channel"), id="tl-channel", compact=True)
                    yield Select(kind_choices(), prompt=_("everything"), id="tl-kind",
                                 compact=True)
                yield VirtualTable(COLUMNS, id="timeline", classes="items", empty=EMPTY)
                yield Static("", id="detail", classes="detail-line", markup=False)
        yield KbmFooter()

    def on_mount(self) -> None:
        self.set_class(language() == "de", "-long-words")
        self.query_one("#timeline").focus()
        self.query_one("#customer-nav", NavBar).show_mode(self.app.current_mode)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#timeline", VirtualTable)

    def reload(self) -> None:
        cid = self.customer_id

        def read(store) -> Card:
            return Card(store.get_customer(cid), store.promise_counts(cid),
                        store.next_followup(cid), store.glance(cid),
                        tuple(store.merges_of(cid)))

        self.db_read(read, self._show, group="customer", on_error=self._gone)
        if self.table.has_source:
            self.table.reload()
        else:
            self._source()

    def _source(self) -> None:
        cid, channel, kind = self.customer_id, self.channel, self.kind
        self.table.set_source(
            lambda s, offset, limit: s.timeline(cid, channel=channel, kind=kind, offset=offset,
                                                limit=limit),
            lambda s: s.count_timeline(cid, channel=channel, kind=kind))

    def _gone(self, exc) -> None:
        if self.forgetting:
            return
        name = self.customer.name if self.customer else f"#{self.customer_id}"
        self.app.notify(_("{name} is no longer in this database (undone here, or erased "
                          "in another terminal).").format(name=name),
                        title=_("Customer gone"), severity="warning", markup=False)
        if self.is_current:
            self.dismiss()

    def _show(self, card: Card) -> None:
        self.customer = card.customer
        nav = self.query_one("#customer-nav", NavBar)
        nav.title = self.customer.name
        nav.update(nav.build())
        self.query_one("#card-contact", Static).update(
            contact_text(card.customer, 36 if self.has_class("-narrow") else 120, card.merges))
        self.query_one("#card-wishes", Static).update(wishes_text(card))
        since, talks, rest = glance_texts(card.glance)
        self.query_one("#glance-since", Static).update(since)
        self.query_one("#glance-spark", Sparkline).data = card.glance.per_month
        self.query_one("#glance-talks", Label).update(talks)
        self.query_one("#glance-rest", Static).update(rest)
        self.refresh_bindings()

    @on(Select.Changed, "#tl-channel")
    def _channel(self, event: Select.Changed) -> None:
        self.channel = chosen(event.select)
        self._source()

    @on(Select.Changed, "#tl-kind")
    def _kind(self, event: Select.Changed) -> None:
        self.kind = chosen(event.select)
        self._source()

    def action_back(self) -> None:
        self.dismiss()

    def action_log(self) -> None:
        self.app.action_quick_log(self.customer_id)

    def action_plan(self, kind: Kind) -> None:
        if self.customer is None:
            return
        self.app.push_screen(PlanDialog(kind, self.customer),
                             lambda item: self.app.reload_screens() if item else None)

    def action_wishes(self) -> None:
        if self.customer is None:
            return
        from kbm_tui.screens.wishes import WishesDialog

        def saved(customer: Customer | None) -> None:
            if customer is not None:
                self.changed(_("Wishes of {name}: {wishes}").format(
                                 name=customer.name, wishes=fmt.wishes_line(customer)))

        self.app.push_screen(WishesDialog(self.customer), saved)

    def action_edit(self) -> None:
        if self.customer is None:
            return
        from kbm_tui.screens.customer_form import CustomerForm

        self.app.push_screen(CustomerForm(self.customer),
                             lambda c: self.app.reload_screens() if c else None)

    def action_archive(self) -> None:
        if self.customer is not None:
            from kbm_tui.screens.customers import archive_customer

            c = self.customer
            archive_customer(self, c.id, c.name, c.archived_at is not None)

    def action_export(self) -> None:
        if self.customer is not None:
            from kbm_tui.screens.rights import export_customer

            export_customer(self, self.customer)

    def action_forget(self) -> None:
        if self.customer is not None:
            from kbm_tui.screens.rights import forget_customer

            forget_customer(self, self.customer)

    def action_look_alike(self) -> None:
        """The cards that look like this one; the likeliest side by side (M)."""
        if self.customer is None:
            return
        from kbm_tui.screens.merge import look_alike

        look_alike(self, self.customer.id)
