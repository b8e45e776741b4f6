"""All conversations across customers, newest first, read a window at a time."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Label, Select, Static

from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Conversation
from kbm_tui.core.text import short
from kbm_tui.core.vocab import CHANNEL_LABELS, KIND_LABELS
from kbm_tui.screens.base import ItemActions
from kbm_tui.screens.type_to_filter import TypeToFilter
from kbm_tui.ui import actions, fmt
from kbm_tui.ui.footer import KbmFooter
from kbm_tui.widgets.due_input import DueInput
from kbm_tui.widgets.nav import NavBar
from kbm_tui.widgets.table_columns import NAME_WIDTH, narrow_and_wide, who_columns
from kbm_tui.widgets.virtual_table import Column, VirtualTable

TYPE_DELAY = 0.2


WIDE = 118  # from this width the state of a complaint has its own column


def _state(c: Conversation) -> Text:
    """A complaint's state, or that it is deleted: a word for its own column."""
    if c.deleted_at:
        return Text(_("deleted"), style="dim")
    return fmt.complaint_state(c) if c.kind == "complaint" else Text("")


def _summary(c: Conversation) -> Text:
    return Text(short(c.summary, 300))


def _summary_with_state(c: Conversation) -> Text:
    """Narrower, the state goes before the summary: no room for a column of its own."""
    text = _summary(c)
    if c.kind == "complaint":
        text = fmt.complaint_state(c) + Text(" ") + text
    if c.deleted_at:
        text = Text(_("(deleted)") + " ", style="dim") + text
    return text


COLUMNS = [
    *narrow_and_wide(
        Column("at", N_("When"), lambda c: fmt.moment(c.at, compact=True),
               width=fmt.COMPACT_MOMENT_WIDTH),
        Column("at", N_("When"), lambda c: fmt.moment(c.at), width=fmt.MOMENT_WIDTH)),
    Column("customer", N_("Customer"), lambda c: Text(c.customer_name), ratio=3,
           max_width=28, min_width=NAME_WIDTH),
    # German words are longer ("Messenger/Social Media", "Inhaber/in"): below 96 columns
    # the channel makes way for the summary (the line under the list still names it).
    Column("channel", N_("Channel"), lambda c: fmt.channel_cell(c.channel),
           width=fmt.by_language(9, 10), hide_below=fmt.by_language(0, 96)),
    Column("kind", N_("Kind"), lambda c: fmt.kind(c.kind), width=13, hide_below=WIDE),
    Column("state", N_("Status"), _state, width=fmt.by_language(13, 16), hide_below=WIDE),
    Column("amount", N_("Amount"), lambda c: fmt.amount_cell(c.amount_cents),
           width=fmt.amount_width, justify="right", hide_below=96),
    Column("summary", N_("Summary"), _summary_with_state, ratio=5, hide_from=WIDE),
    Column("summary", N_("Summary"), _summary, ratio=5, hide_below=WIDE),
    *who_columns(lambda c: c.staff_name or "", N_("Who")),
]
EMPTY = N_("No conversation matches these filters.\n\n"
           "Clear a filter, or press [b]l[/b] to log a conversation.")


class ConversationsScreen(ItemActions, TypeToFilter):
    """Filter by channel, kind, staff, days and words; delete sends one to the archive."""

    MODE = "conversations"
    AUTO_FOCUS = FILTER = "#cv-text"  # v and then typing filters, as c does
    BINDINGS = actions.bindings("conversations.find", "conversations.clear",
                                "conversations.to_list", *actions.ROW)

    def __init__(self) -> None:
        super().__init__()
        self.filters: dict = {}
        self._timer: Timer | None = None
        self._staff_loaded = False

    def compose(self) -> ComposeResult:
        yield NavBar("conversations")
        box = Vertical(classes="filter-box")
        box.border_title = _("Filter (/)  ·  x: clear")
        with box:
            with Horizontal(classes="filter-row"):
                yield Input(placeholder=_("words in the summary"), id="cv-text",
                            compact=True)
                # Translators: a label before a day: conversations from that day on
                yield Label(_("from"), classes="inline-label")
                yield DueInput(placeholder="1.11.", allow_past=True, id="cv-since",
                               compact=True)
                # Translators: a label before a day: conversations up to that day
                yield Label(_("to"), classes="inline-label")
                yield DueInput(placeholder=_("today"), allow_past=True, id="cv-until",
                               compact=True)
            with Horizontal(classes="filter-row"):
                yield Select([(fmt.channel(k), k) for k in CHANNEL_LABELS],
                             prompt=_("any channel"), id="cv-channel", compact=True)
                yield Select([(fmt.kind(k), k) for k in KIND_LABELS], prompt=_("any kind"),
                             id="cv-kind", compact=True)
                yield Select([], prompt=_("anyone"), id="cv-staff", compact=True)
                yield Checkbox(_("deleted ones (archive)"), id="cv-deleted", compact=True)
        yield Static("", id="cv-problem", classes="field-problem")
        yield VirtualTable(COLUMNS, id="conversation-list", classes="items", empty=EMPTY)
        yield Static("", id="detail", classes="detail-line", markup=False)
        yield Static("", id="cv-status", classes="status-line")
        yield KbmFooter()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#conversation-list", VirtualTable)

    def reload(self) -> None:
        if not self._staff_loaded:
            self.db_read(lambda s: s.staff(include_inactive=True), self._fill_staff,
                         group="staff")
        if self.table.has_source:
            self.table.reload()
        else:
            self._source()

    def _fill_staff(self, staff) -> None:
        self._staff_loaded = True
        self.query_one("#cv-staff", Select).set_options([(s.name, s.id) for s in staff])

    def _source(self) -> None:
        filters = dict(self.filters)
        self.table.set_source(
            lambda s, offset, limit: s.conversations(**filters, offset=offset, limit=limit),
            lambda s: s.count_conversations(**filters))

    @property
    def waiting_for_typing(self) -> bool:
        """True while it waits for a pause in typing before it filters."""
        return self._timer is not None

    def _read_filters(self) -> None:
        self._timer = None
        def pick(select_id: str):
            value = self.query_one(select_id, Select).value
            return None if value is Select.NULL else value

        problems = []
        days = {}
        for key in ("since", "until"):
            box = self.query_one(f"#cv-{key}", DueInput)
            box.check(show_empty=False)
            if box.problem:  # the reader speaks of due times; a filter wants a day
                problems.append(_("“{typed}” is not a day. Type one like 1.11., 2026-11-01, "
                                  "yesterday or Monday.").format(typed=box.value.strip()))
            days[key] = box.due.day if box.due else None
        self.query_one("#cv-problem", Static).update("\n".join(problems))
        self.query_one("#cv-problem").set_class(bool(problems), "-shown")
        filters = {
            "text": self.query_one("#cv-text", Input).value,
            "channel": pick("#cv-channel"), "kind": pick("#cv-kind"),
            "staff_id": pick("#cv-staff"), "since": days["since"], "until": days["until"],
            "include_deleted": self.query_one("#cv-deleted", Checkbox).value,
        }
        if filters != self.filters:
            self.filters = filters
            self._source()

    @on(Input.Changed)
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPE_DELAY, self._read_filters)

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _chosen(self) -> None:
        self._read_filters()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._read_filters()
        self.table.focus()

    @on(VirtualTable.Loaded)
    @on(VirtualTable.Highlighted)
    def _status(self) -> None:
        table = self.table
        row = fmt.number(table.cursor_row + 1)
        if not table.row_count:
            text = _("no conversations")
        elif table.total is not None:
            text = _("{row} of {total}").format(row=row, total=fmt.number(table.total))
        else:
            more = "+" if table.row_count > len(table.loaded_items()) else ""
            text = _("{row} of {total}").format(
                row=row, total=fmt.number(len(table.loaded_items())) + more)
        if isinstance(self.focused, (Input, Select, Checkbox)):  # delete and r are a filter's
            line = _("{shown} · newest first").format(shown=text)
        else:
            line = _("{shown} · newest first · delete: to the archive, r: bring back").format(
                shown=text)
        self.query_one("#cv-status", Static).update(" " + line)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._status()  # (Textual calls TypeToFilter's handler too, after this one)

    def action_find(self) -> None:
        self.query_one("#cv-text", Input).focus()

    def on_key(self, event: events.Key) -> None:
        # Escape leaves a filter field for the list, where every key works again; down
        # leaves the words for it too, as on Customers.
        typing_words = self.focused is self.query_one("#cv-text", Input)
        if (event.key == "escape" and isinstance(self.focused, (Input, Select, Checkbox))) \
                or (event.key == "down" and typing_words):
            self.table.focus()
            event.stop()

    def action_to_list(self) -> None:
        self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_list":  # in the footer while a filter has focus
            return isinstance(self.focused, (Input, Select, Checkbox))
        if action == "find":  # in a typed filter, / is a letter
            return not isinstance(self.focused, Input)
        return super().check_action(action, parameters)

    def action_clear(self) -> None:
        for box in self.query(Input):
            box.value = ""
        for select in self.query(Select):
            select.clear()
        self.query_one("#cv-deleted", Checkbox).value = False
        self._read_filters()
