"""A form field: a label, the input, and the message that says what is wrong with it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Select, Static

from kbm_tui.ui.fmt import by_language

# The labels' column: German labels run longer ("Wiedervorlage", "Schlagwörter").
LABEL_WIDTH = by_language(11, 14)


class Field(Horizontal):
    """`Field("Phone", Input(...))`: the label left, the widget and its error message right."""

    DEFAULT_CSS = """
    Field { height: auto; margin: 0 0 0 0; }
    Field > .field--label { width: 11; padding: 0 1 0 0; color: $text-muted; }
    Field > Vertical { height: auto; width: 1fr; }
    Field .field--error { color: $text-error; height: auto; display: none; }
    Field .field--hint { color: $text-muted; height: auto; display: none; }
    Field.-invalid .field--error { display: block; }
    Field.-hinted .field--hint { display: block; }
    Field.-invalid .field--hint { display: none; }
    """

    def __init__(self, label: str, *widgets: Widget, **kwargs) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.widgets = widgets
        self._shown: dict[str, str | Text | None] = {}

    def compose(self) -> ComposeResult:
        label = Label(self.label, classes="field--label")
        label.styles.width = LABEL_WIDTH()
        yield label
        with Vertical():
            yield from self.widgets
            yield Static("", classes="field--error", markup=False)
            yield Static("", classes="field--hint", markup=False)

    # Which field the cursor is in shows on its label (app.tcss); kept as a class, because
    # :focus-within is not always restyled when the focus moves on.
    def on_descendant_focus(self) -> None:
        self.add_class("-focused")

    def on_descendant_blur(self) -> None:
        self.remove_class("-focused")

    def set_error(self, message: str | Text | None) -> None:
        if message != self._shown.get("error"):
            self._shown["error"] = message
            self.query_one(".field--error", Static).update(message or "")
            self.set_class(bool(message), "-invalid")

    def set_hint(self, message: str | Text | None) -> None:
        if message != self._shown.get("hint"):
            self._shown["hint"] = message
            self.query_one(".field--hint", Static).update(message or "")
            self.set_class(bool(message), "-hinted")

    @property
    def invalid(self) -> bool:
        return self.has_class("-invalid")


def chosen(select: Select[Any]) -> Any | None:
    """What is chosen in a Select, or None when nothing is."""
    return None if select.value is Select.NULL else select.value


def heading(title: str, detail: str = "") -> ComposeResult:
    """A dialog's title, and the line under it that says what it is about."""
    yield Label(title, classes="dialog-title", markup=False)
    if detail:
        yield Static(detail, classes="dialog-detail", markup=False)
