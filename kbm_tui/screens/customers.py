"""Every customer, filtered as you type; only the rows in view are ever read."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Static

from kbm_tui.core import timefmt
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Customer, CustomerSummary
from kbm_tui.screens.base import ItemActions, KbmScreen
from kbm_tui.screens.type_to_filter import TypeToFilter
from kbm_tui.ui import actions, fmt, said
from kbm_tui.ui.footer import KbmFooter
from kbm_tui.widgets.nav import NavBar
from kbm_tui.widgets.table_columns import NARROW_BELOW, narrow_and_wide
from kbm_tui.widgets.virtual_table import Column, VirtualTable

SORTS = (("name", N_("sorted by name")), ("last_contact", N_("sorted by last contact")),
         ("newest", N_("sorted by newest first")))
NO_MATCH = N_("""No customer matches that.

Try fewer letters or a part of the phone number, or press [b]n[/b] to add a new customer.""")
NO_CUSTOMERS = N_("""No customers yet. Press [b]n[/b] to add the first one.

(To look around a made-up bike shop first: quit with ctrl+q and start [b]kbm --demo[/b].)""")
ALL_ARCHIVED = N_("""No customers in the list: every customer is archived.

Tick “archived” (ctrl+a) to see them, or press [b]n[/b] to add a customer.""")


def _name(c: CustomerSummary) -> Text:
    text = Text(c.name)
    if c.archived_at:
        text.append(" " + _("(archived)"), style="dim")
    return text


def _open(c: CustomerSummary) -> Text:
    return Text(str(c.open_promises) if c.open_promises else "", justify="right")


def _last_contact(c: CustomerSummary, compact: bool = False) -> str:
    if not c.last_contact_at:
        return ""
    return fmt.day(timefmt.local(c.last_contact_at).date(), compact=compact)


COLUMNS = [
    Column("name", N_("Name"), _name, ratio=3, max_width=34, sortable=True),
    Column("phone", N_("Phone"), lambda c: Text(c.phone or ""), width=16),
    # Wider terminals show more of the card: the email, the tags, what they bought.
    Column("email", N_("Email"), lambda c: Text(c.email or ""), ratio=2, max_width=30,
           hide_below=118),
    *narrow_and_wide(
        # Translators: a narrow column's title (at most 9 letters): the day we last spoke
        # with the customer ("Letzter Kontakt" where there is room)
        Column("last_contact", N_("Last talk"), partial(_last_contact, compact=True),
               width=9, sortable=True),
        Column("last_contact", N_("Last contact"), _last_contact,
               width=fmt.by_language(12, 15), sortable=True),
        below=fmt.by_language(1, NARROW_BELOW)),  # English: the whole title at any width
    # Translators: a narrow column (8): the number of open promises
    Column("open", N_("Promises"), _open, width=fmt.by_language(8, 11), justify="right"),
    # Translators: a narrow column: the day of the next follow-up
    *narrow_and_wide(
        Column("next", N_("Follow-up"), lambda c: fmt.day(c.next_followup_day, compact=True),
               width=fmt.by_language(11, 13)),  # as wide as its German title, "Wiedervorlage"
        Column("next", N_("Follow-up"), lambda c: fmt.day(c.next_followup_day),
               width=fmt.DAY_WIDTH)),
    Column("tags", N_("Tags"), lambda c: Text(c.tags or "", style="dim"), ratio=2,
           max_width=28, hide_below=150),
    # Translators: a column: what the customer bought (purchases + invoices), an amount
    Column("bought", N_("Bought"), lambda c: fmt.amount_cell(c.bought_cents or None),
           width=fmt.amount_width, justify="right", hide_below=96),
]


class CustomersScreen(ItemActions, TypeToFilter):
    """Type to filter by name, phone, email, tags or notes; enter opens the customer."""

    MODE = "customers"
    AUTO_FOCUS = "#filter"
    BINDINGS = actions.bindings("customers.new", "customers.edit", "customers.archive",
                                "customers.sort", "customers.find", "customers.to_list",
                                "customers.archived")

    def __init__(self) -> None:
        super().__init__()
        self.sort = "name"
        self.search = ""
        self.include_archived = False

    def compose(self) -> ComposeResult:
        yield NavBar("customers")
        box = Horizontal(classes="filter-box")
        box.border_title = _("Filter (/)")
        with box:
            yield Input(placeholder=_("name, phone, address, email, tags, notes — type to filter"),
                        id="filter", compact=True)
            yield Checkbox(_("archived"), id="archived", compact=True)
        yield VirtualTable(COLUMNS, id="customer-list", classes="items")
        yield Static("", id="customers-status", classes="status-line")
        yield KbmFooter()


    @property
    def table(self) -> VirtualTable:
        return self.query_one("#customer-list", VirtualTable)

    def _source(self, keep_cursor: bool = False) -> None:
        search, sort, archived = self.search, self.sort, self.include_archived
        self.table.empty = NO_MATCH if search else NO_CUSTOMERS
        self.table.set_source(
            lambda s, offset, limit: s.list_customers(search, sort=sort, offset=offset,
                                                      limit=limit, include_archived=archived),
            lambda s: s.count_customers(search, include_archived=archived),
            keep_cursor=keep_cursor)

    def reload(self) -> None:
        if self.table.has_source:
            self.table.reload()
        else:
            self._source()

    # --- filtering and sorting ----------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _typed(self, event: Input.Changed) -> None:
        # No waiting for a pause in typing: the table skips searches a newer key replaced.
        self._apply_filter()

    def _apply_filter(self) -> None:
        typed = self.query_one("#filter", Input).value
        if typed != self.search:
            self.search = typed
            self._source()

    @on(Input.Submitted, "#filter")
    def _to_list(self) -> None:
        self._apply_filter()
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        # Escape (or down) leaves the filter for the list, where every key works again.
        if self.focused is self.query_one("#filter", Input) and event.key in ("down", "escape"):
            self.table.focus()
            event.stop()

    @on(Checkbox.Changed, "#archived")
    def _archived(self, event: Checkbox.Changed) -> None:
        self.include_archived = event.value
        self._source()

    def action_toggle_archived(self) -> None:
        box = self.query_one("#archived", Checkbox)
        box.value = not box.value

    def action_find(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_sort(self, key: str | None = None) -> None:
        keys = [k for k, _ in SORTS]
        self.sort = key if key in keys else keys[(keys.index(self.sort) + 1) % len(keys)]
        order = _(dict(SORTS)[self.sort])
        self.notify(order[:1].upper() + order[1:], timeout=2)
        self._source()

    @on(VirtualTable.HeaderClicked)
    def _header(self, event: VirtualTable.HeaderClicked) -> None:
        self.action_sort(event.key)

    @on(VirtualTable.Loaded)
    def _loaded(self) -> None:
        table = self.table
        if table.total == 0 and not self.search and not self.include_archived:
            def say(archived: int) -> None:
                empty = ALL_ARCHIVED if archived else NO_CUSTOMERS
                if table.empty != empty:
                    table.empty = empty
                    table.refresh()

            self.db_read(lambda s: s.count_customers(include_archived=True), say,
                         group="archived-count")
        self._status()

    @on(VirtualTable.Highlighted)
    def _status(self) -> None:
        table = self.table
        total = table.total or 0
        row = fmt.number(table.cursor_row + 1)
        search = self.search.strip()
        if table.total is None and table.row_count:  # still counting
            where = (_("{row} of … matching “{search}”") if search else
                     _("{row} of … customers")).format(row=row, search=self.search)
        elif total:
            where = (_("{row} of {total} matching “{search}”") if search else
                     _("{row} of {total} customers")).format(
                row=row, total=fmt.number(total), search=self.search)
        else:
            where = (_("none matching “{search}”") if search else _("no customers")).format(
                search=self.search)
        if self.include_archived:
            where = _("{shown}, archived included").format(shown=where)
        self.query_one("#customers-status", Static).update(
            " " + _("{shown} · {order}  (o: sort)").format(
                shown=where, order=_(dict(SORTS)[self.sort])))

    # --- acting on a customer -----------------------------------------------------------

    def action_to_list(self) -> None:
        self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_list":  # in the footer while the filter has focus
            return self.focused is self.query_one("#filter", Input)
        if action == "find":  # in the filter, / is a letter ("0341/98765")
            return self.focused is not self.query_one("#filter", Input)
        if action in ("edit", "archive"):
            return self.current_item() is not None
        return super().check_action(action, parameters)

    def action_edit(self) -> None:
        item = self.current_item()
        if item is None:
            return
        from kbm_tui.screens.customer_form import CustomerForm

        def edited(customer) -> None:
            if customer is not None:
                self.app.reload_screens()

        cid = item.id
        def opened(customer: Customer) -> None:
            self.app.push_screen(CustomerForm(customer), edited)

        self.db_read(lambda s: s.get_customer(cid), opened, group="edit")

    def action_archive(self) -> None:
        item = self.current_item()
        if item is not None:
            archive_customer(self, item.id, item.name, bool(item.archived_at))


def archive_customer(screen: KbmScreen, customer_id: int, name: str, archived: bool) -> None:
    """Ask, then archive (or bring back) a customer; undo puts it back."""
    from kbm_tui.screens.confirm import ConfirmDialog

    def saved(_customer: Customer) -> None:
        screen.changed((_("Brought back: {name}") if archived else
                        _("Archived: {name}")).format(name=name))
        if not archived:
            screen.app.leave_customer(customer_id)  # back to where the person came from

    def save() -> None:
        screen.db_change(lambda s: s.set_archived(customer_id, not archived), said.archived,
                         saved, refs=[("customer", customer_id)])

    if archived:
        save()
        return
    screen.app.push_screen(ConfirmDialog(
        _("Archive {name}?").format(name=name),
        _("Archived customers leave the lists but keep their whole history. "
          "Tick “archived” on the Customers screen to see them again."), yes=_("Archive")),
        lambda yes: save() if yes else None)
