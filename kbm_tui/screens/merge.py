"""Two cards of one person made one: side by side, a choice per field, then one merge that
`u` takes back. And the list of customers who may be one person (the palette's "Find
duplicates"), from which a pair is opened side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from kbm_tui.core import likeness
from kbm_tui.core.cardfields import show_birthday
from kbm_tui.core.errors import KbmError
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Customer
from kbm_tui.core.text import short
from kbm_tui.store import MERGE_FIELDS, Merge, Pair, Store
from kbm_tui.ui.changes import TakenBack
from kbm_tui.ui.dbwork import DbWork

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host

FIELD_LABELS = {
    "name": N_("Name"), "phone": N_("Phone"), "email": N_("Email"), "address": N_("Address"),
    "organization": N_("Organisation"), "birthday": N_("Birthday"), "notes": N_("Notes"),
    "tags": N_("Tags"), "more_contacts": N_("More contacts"),
    "pref_channel": N_("Prefers channel"), "pref_staff_id": N_("Prefers to deal with"),
    "contact_every_days": N_("Keep in touch every (days)"),
}
JOINED = ("notes", "tags", "more_contacts")  # both cards' are kept, nothing to choose


def _shown(customer: Customer, field: str) -> str:
    value = getattr(customer, field)
    if field == "pref_staff_id":
        return customer.pref_staff_name or ""
    if field == "birthday":
        return show_birthday(value)
    return short(str(value).replace("\n", " · "), 40) if value is not None else ""


class MergeDialog(DbWork, ModalScreen[Merge | None]):
    """Dismisses with the merge done, or None."""

    if TYPE_CHECKING:
        app: Host

    CSS_PATH = "merge.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="merge.cancel"),
        Binding("ctrl+s", "merge", N_("Merge"), id="merge.save"),
        Binding("left,1", "choose(0)", N_("Left value"), id="merge.left"),
        Binding("right,2", "choose(1)", N_("Right value"), id="merge.right"),
        Binding("w", "swap", N_("Keep the other number"), id="merge.swap"),
    ]

    def __init__(self, first_id: int, second_id: int) -> None:
        super().__init__(classes="dialog")
        self.ids = [first_id, second_id]
        self.cards: list[Customer] = []
        self.chosen: dict[str, int] = {}  # field -> 0 (left) or 1 (right)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="merge-box"):
            yield Label(_("Make two cards one"), classes="dialog-title")
            yield Static(_("Every conversation, promise, follow-up and idea of both stays. "
                           "Choose each field with ← and →; notes, tags and further numbers "
                           "of both are kept. The left card keeps its number (w swaps). "
                           "u takes the merge back."), classes="dialog-detail", markup=False)
            yield DataTable(id="merge-fields", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Merge (ctrl+s)"), variant="primary", id="merge-go",
                             compact=True)
                yield Button(_("Cancel (esc)"), id="merge-cancel", compact=True)

    def on_mount(self) -> None:
        self.db_read(lambda s: [s.get_customer(i) for i in self.ids], self._loaded,
                     on_error=self._gone)

    def _gone(self, exc: KbmError) -> None:
        self.app.notify(exc.message, severity="error")
        self.dismiss(None)

    def _loaded(self, cards: list[Customer]) -> None:
        self.cards = cards
        for field in MERGE_FIELDS:
            left, right = (getattr(c, field) for c in cards)
            self.chosen[field] = 1 if left is None and right is not None else 0
        self._fill()
        self.query_one("#merge-fields", DataTable).focus()

    def _fill(self) -> None:
        table = self.query_one("#merge-fields", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        left, right = self.cards
        table.add_column("", key="field")
        table.add_column(f"#{left.id}", key="left")
        table.add_column(f"#{right.id}", key="right")
        table.add_column(_("the merged card"), key="result")
        for field in MERGE_FIELDS:
            values = [_shown(left, field), _shown(right, field)]
            if not any(values):
                continue
            if field in JOINED:
                result = _("both")
            else:
                result = values[self.chosen[field]] or values[1 - self.chosen[field]]
            marks = [f"{'▶ ' if self.chosen[field] == n and field not in JOINED else '  '}"
                     f"{value}" for n, value in enumerate(values)]
            table.add_row(_(FIELD_LABELS[field]), *marks, result, key=field)
        table.move_cursor(row=min(row, table.row_count - 1))

    def _field_at_cursor(self) -> str | None:
        table = self.query_one("#merge-fields", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return str(key) if key else None

    def action_choose(self, side: int) -> None:
        field = self._field_at_cursor()
        if field and field not in JOINED:
            self.chosen[field] = side
            self._fill()

    def action_swap(self) -> None:
        if len(self.cards) == 2:
            self.ids.reverse()
            self.cards.reverse()
            self.chosen = {f: 1 - side for f, side in self.chosen.items()}
            self._fill()

    @on(Button.Pressed, "#merge-go")
    def action_merge(self) -> None:
        if len(self.cards) != 2:
            return
        keep, gone = self.ids
        take = frozenset(f for f, side in self.chosen.items() if side == 1 and f not in JOINED)
        self.db_write(lambda s: s.merge_customers(keep, gone, take=take), self._merged)

    def _merged(self, merge: Merge) -> None:
        self.app.remember(TakenBack(_("merge of {name}").format(name=merge.gone_name), {}, {},
                                    lambda store: store.undo_merge(merge.id)))
        self.app.notify(_("{other} is now part of #{id}. u takes it back.").format(
            other=merge.gone_name, id=merge.kept_id), title=_("Merged"))
        self.app.reload_screens()
        self.dismiss(merge)

    @on(Button.Pressed, "#merge-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class DuplicatesDialog(DbWork, ModalScreen[None]):
    """Customers who may be one person, the surest first; enter opens a pair side by side."""

    if TYPE_CHECKING:
        app: Host

    CSS_PATH = "merge.tcss"
    BINDINGS = [Binding("escape", "close", N_("Close"), id="duplicates.close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        self.pairs: list[Pair] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="duplicates-box"):
            yield Label(_("Customers who may be one person"), classes="dialog-title")
            yield Static(_("Looking…"), id="duplicates-about", classes="dialog-detail",
                         markup=False)
            yield DataTable(id="duplicates-list", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Close (esc)"), id="duplicates-close", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#duplicates-list", DataTable)
        table.add_columns(_("first"), _("second"), _("how sure"), _("why"))
        self._look()

    def _look(self) -> None:
        self.db_read(lambda s: s.duplicate_pairs(limit=500), self._found)

    def _found(self, pairs: list[Pair]) -> None:
        self.pairs = pairs
        table = self.query_one("#duplicates-list", DataTable)
        table.clear()
        for n, p in enumerate(pairs):
            table.add_row(f"#{p.first.id} {p.first.name}", f"#{p.second.id} {p.second.name}",
                          _("same person") if p.level == likeness.SAME else _("maybe"),
                          likeness.reason_text(p.reasons), key=str(n))
        self.query_one("#duplicates-about", Static).update(
            _("Enter shows a pair side by side, to make it one card.") if pairs
            else _("No duplicates found."))
        table.focus()

    @on(DataTable.RowSelected, "#duplicates-list")
    def _open(self, event: DataTable.RowSelected) -> None:
        pair = self.pairs[int(str(event.row_key.value))]
        def merged(done: Merge | None) -> None:
            if done is not None:
                self._look()

        self.app.push_screen(MergeDialog(pair.first.id, pair.second.id), merged)

    @on(Button.Pressed, "#duplicates-close")
    def action_close(self) -> None:
        self.dismiss(None)


def look_alike(screen: DbWork, customer_id: int) -> None:
    """From a customer's card: the likeliest look-alike side by side, or a word that there is
    none."""
    def found(others: list[Customer]) -> None:
        app = cast("Host", cast(ModalScreen, screen).app)
        if not others:
            app.notify(_("No other card looks like this one."), title=_("Merge"))
            return
        app.push_screen(MergeDialog(customer_id, others[0].id))

    screen.db_read(lambda store: merge_candidates(store, customer_id), found)


def merge_candidates(store: Store, keep_id: int) -> list[Customer]:
    """Customers who look like this one, the surest first."""
    card = store.get_customer(keep_id)
    return [m.customer for m in store.likely_same(
        card.name, exclude=keep_id, phone=card.phone, email=card.email, address=card.address,
        more_contacts=card.more_contacts, birthday=card.birthday,
        organization=card.organization)]
