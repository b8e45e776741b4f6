"""One customer: the card with their own wishes always in view, and one timeline of all."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Select, Sparkline, Static

from kbm_tui.core.i18n import N_, _, language
from kbm_tui.core.records import Customer
from kbm_tui.core.vocab import CHANNEL_LABELS, KIND_LABELS
from kbm_tui.screens import timeline
from kbm_tui.screens.base import ItemActions, KbmScreen
from kbm_tui.screens.customer_card import (
    Card,
    column,
    contact_text,
    glance_labels,
    glance_texts,
    label_width,
    title,
    wishes_text,
)
from kbm_tui.screens.plan import Kind, PlanDialog
from kbm_tui.ui import actions, fmt
from kbm_tui.ui.footer import KbmFooter
from kbm_tui.widgets.form import chosen
from kbm_tui.widgets.nav import NavBar
from kbm_tui.widgets.virtual_table import VirtualTable

# What the timeline can be narrowed to: a kind of record, or a kind of conversation.
RECORD_KINDS = [(N_("conversations"), "conversation"), (N_("promises"), "promise"),
                (N_("follow-ups"), "followup")]
NARROW = 110


def kind_choices() -> list[tuple[str, str]]:
    return ([(_(label), key) for label, key in RECORD_KINDS]
            + [(f"  {fmt.kind(k)}", k) for k in KIND_LABELS])


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
                with VerticalScroll(id="card-left", classes="pane") as who:
                    who.border_title = "…"
                    yield Static("", id="card-contact")
                    with Vertical(id="card-glance"):
                        yield Static("", id="glance-since")
                        with Horizontal(id="glance-months"):
                            talks = Label(_("Talks"), classes="card-label")
                            talks.styles.width = column(glance_labels(), 8)
                            yield talks
                            yield Sparkline([0] * 12, id="glance-spark")
                            yield Label("", id="glance-talks")
                        yield Static("", id="glance-rest")
                with Vertical(id="wishes-pane", classes="pane") as wishes:
                    wishes.border_title = _("Their wishes")
                    yield Static("", id="card-wishes")
            with Vertical(id="timeline-box", classes="pane") as box:
                box.border_title = _("Timeline")
                with Horizontal(classes="filter-bar"):
                    yield Label(_("Channel"), classes="inline-label")
                    yield Select([(fmt.channel(k), k) for k in CHANNEL_LABELS],
                                 prompt=_("any channel"), id="tl-channel", compact=True)
                    yield Label(_("Kind"), classes="inline-label")
                    yield Select(kind_choices(), prompt=_("everything"), id="tl-kind",
                                 compact=True)
                yield VirtualTable(timeline.COLUMNS, id="timeline", classes="items",
                                   empty=EMPTY)
                yield Static("", id="detail", classes="detail-line", markup=False)
        yield KbmFooter()

    def on_mount(self) -> None:
        self.set_class(language() == "de", "-long-words")
        self.query_one("#timeline").focus()
        self.query_one("#customer-nav", NavBar).show_mode(self.app.current_mode)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    def describe(self, item) -> Text | None:
        return timeline.detail(item)

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#timeline", VirtualTable)

    def reload(self) -> None:
        cid = self.customer_id

        def read(store) -> Card:
            return Card(store.get_customer(cid), store.promise_counts(cid),
                        store.next_followup(cid), store.glance(cid),
                        tuple(store.merges_of(cid)))

        # The timeline's rows first: reading the card's glance takes a busy customer's
        # every sale (10-90 ms), and both wait their turn for the one connection.
        if self.table.has_source:
            self.table.reload()
        else:
            self._source()
        self.db_read(read, self._show, group="customer", on_error=self._gone)

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
        self.query_one("#card-left").border_title = title(card.customer)
        width = label_width(card.customer, card.merges)
        self.query_one("#card-contact", Static).update(
            contact_text(card.customer, card.merges, width))
        self.query_one("#glance-months > .card-label").styles.width = width
        self.query_one("#card-wishes", Static).update(wishes_text(card))
        since, talks, rest = glance_texts(card.glance, width)
        self.query_one("#glance-since", Static).update(since)
        spark = self.query_one("#glance-spark", Sparkline)
        spark.data = card.glance.per_month
        # A flat chart says nothing; without it "none in 12 months" fits beside the label.
        spark.display = any(card.glance.per_month)
        self.query_one("#glance-talks", Label).update(talks if spark.display else talks.strip())
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
