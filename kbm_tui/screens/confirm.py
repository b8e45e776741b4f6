"""Asking before anything is archived or deleted."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from kbm_tui.core.i18n import _, language
from kbm_tui.ui import actions
from kbm_tui.widgets.form import heading


class ConfirmDialog(ModalScreen[bool]):
    """`True` when the person said yes."""

    BINDINGS = actions.bindings("confirm.no", "confirm.yes")

    def __init__(self, question: str, detail: str = "", yes: str = "") -> None:
        super().__init__(classes="dialog")
        self.question, self.detail, self.yes = question, detail, yes or _("Yes")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box small"):
            yield from heading(self.question, self.detail)
            with Horizontal(classes="dialog-buttons"):
                # Translators: the key that says yes: j for "ja" in German (y works too)
                yield Button(_("{yes} (y)").format(yes=self.yes), variant="warning", id="yes",
                             compact=True)
                yield Button(_("Cancel (esc)"), id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def on_key(self, event: events.Key) -> None:
        if event.key == "j" and language() == "de":  # "ja", as the German button says
            event.stop()
            self.dismiss(True)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
