"""Choosing a customer by typing part of a name, phone or email — or creating a new one."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from kbm_tui.core.i18n import _
from kbm_tui.core.records import Customer
from kbm_tui.ui.dbwork import DbWork
from kbm_tui.widgets.messages import WidgetMessage

NEW = "new"
SEARCH_DELAY = 0.15


class CustomerPicker(DbWork, Vertical):
    """An input with the store's matches under it; `customer` is the one chosen."""

    DEFAULT_CSS = """
    CustomerPicker { height: auto; }
    CustomerPicker > OptionList { height: auto; max-height: 6; display: none; }
    CustomerPicker.-open > OptionList { display: block; }
    """

    class Picked(WidgetMessage):
        def __init__(self, picker: CustomerPicker, customer: Customer | None,
                     by_person: bool = False) -> None:
            super().__init__(picker)
            self.customer, self.by_person = customer, by_person

    class NewWanted(WidgetMessage):
        """The person chose "new customer"; `name` is what they had typed."""

        def __init__(self, picker: CustomerPicker, name: str) -> None:
            super().__init__(picker)
            self.name = name

    def __init__(self, customer: Customer | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.customer = customer
        self._matches: list[Customer] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(self.customer.name if self.customer else "", compact=True,
                    placeholder=_("type a name, phone number or email"), id="customer-input")
        matches = OptionList(id="customer-matches", compact=True)
        matches.can_focus = False  # up/down in the input move in it; tab goes on to the next field
        yield matches

    @property
    def input(self) -> Input:
        return self.query_one("#customer-input", Input)

    def pick(self, customer: Customer | None, *, by_person: bool = False) -> None:
        self.customer = customer
        if customer is not None:
            with self.input.prevent(Input.Changed):
                self.input.value = customer.name
                self.input.cursor_position = len(customer.name)
        self.remove_class("-open")
        self.post_message(self.Picked(self, customer, by_person))

    @on(Input.Changed, "#customer-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.customer is not None and event.value == self.customer.name:
            return
        if self.customer is not None:
            self.customer = None
            self.post_message(self.Picked(self, None))
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, self._search)

    def show_matches(self) -> None:
        """Look up and show the matches of what is typed again (with "+ New customer")."""
        if self._timer is not None:
            self._timer.stop()
        self._search()

    @property
    def waiting_for_typing(self) -> bool:
        """True while it waits for a pause in typing before it searches."""
        return self._timer is not None

    def _search(self) -> None:
        self._timer = None
        typed = self.input.value.strip()
        if not typed:
            self._show([])
            return
        self.db_read(lambda s: s.find_customers(typed, limit=6), self._show,
                     group="customer-picker")

    def _show(self, matches: list[Customer]) -> None:
        typed = self.input.value.strip()
        self._matches = matches
        options = _options(matches, typed)
        box = self.query_one(OptionList)
        box.clear_options()
        box.add_options(options)
        box.highlighted = 0 if options else None
        self.set_class(bool(options) and self.has_focus_within, "-open")

    @on(Input.Submitted, "#customer-input")
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(OptionList)
        if self.has_class("-open") and box.highlighted is not None:
            self._choose(box.get_option_at_index(box.highlighted).id)
        elif self.customer is not None:
            self.screen.focus_next()

    def on_key(self, event: events.Key) -> None:
        box = self.query_one(OptionList)
        if not self.has_class("-open") or not self.input.has_focus:
            return
        if event.key in ("down", "up") and box.option_count:
            step = 1 if event.key == "down" else -1
            current = box.highlighted if box.highlighted is not None else -step
            box.highlighted = (current + step) % box.option_count
            event.stop()
            event.prevent_default()
        elif event.key == "escape":
            self.remove_class("-open")
            event.stop()
            event.prevent_default()
        elif event.key == "tab" and self.customer is None and box.highlighted is not None:
            # Tab takes the highlighted match, as enter does, and goes on to the next field.
            option = box.get_option_at_index(box.highlighted)
            if option.id != NEW:
                self._choose(option.id)

    @on(OptionList.OptionSelected, "#customer-matches")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW:
            self.remove_class("-open")
            self.post_message(self.NewWanted(self, self.input.value.strip()))
            return
        chosen = next((c for c in self._matches if str(c.id) == option_id), None)
        if chosen is not None:
            self.pick(chosen, by_person=True)

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._maybe_close)

    def _maybe_close(self) -> None:
        focused = self.screen.focused
        if focused is None or not (focused is self or self in focused.ancestors):
            self.remove_class("-open")


def _options(matches: list[Customer], typed: str) -> list[Option]:
    options = []
    for c in matches:
        text = Text(c.name + ("  " + _("(archived)") if c.archived_at else ""))
        extra = " · ".join(x for x in (c.phone, c.email) if x)
        if extra:
            text.append("  " + extra, style="dim")
        options.append(Option(text, id=str(c.id)))
    if typed:
        options.append(Option(Text(_("+ New customer “{name}”").format(name=typed),
                                   style="italic"), id=NEW))
    return options
