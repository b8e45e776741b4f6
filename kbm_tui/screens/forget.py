"""Erasing a customer for good (their right to be forgotten): only after typing the name."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from kbm_tui.core import vocab
from kbm_tui.core.i18n import _
from kbm_tui.core.records import Customer
from kbm_tui.ui import actions
from kbm_tui.widgets.form import Field


class ForgetDialog(ModalScreen[bool]):
    """`True` once the person typed the customer's name and pressed the button."""

    BINDINGS = actions.bindings("dialog.cancel")

    def __init__(self, customer: Customer, holds: str) -> None:
        super().__init__(classes="dialog")
        self.customer, self.holds = customer, holds

    def compose(self) -> ComposeResult:
        name = self.customer.name
        with Vertical(classes="dialog-box small", id="forget-box"):
            yield Label(_("Forget {name} for good?").format(name=name), classes="dialog-title",
                        markup=False)
            yield Static(
                _("This erases {name} and everything about them ({holds}) from this "
                  "database. It can't be undone, not even with u. Backups and safety copies "
                  "made before now still hold them until they are replaced.\n\n"
                  "Export their data first (x) if they asked for a copy.\n"
                  "To go ahead, type their name:").format(name=name, holds=self.holds),
                classes="dialog-detail", markup=False)
            yield Field(_("Name"), Input(placeholder=name, id="forget-name", compact=True),
                        id="field-forget")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Erase for good"), variant="error", id="erase", disabled=True,
                             compact=True)
                yield Button(_("Cancel (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#forget-name", Input).focus()

    def _matches(self) -> bool:
        typed = vocab.fold(self.query_one("#forget-name", Input).value)
        return bool(typed) and typed == vocab.fold(self.customer.name)

    @on(Input.Changed, "#forget-name")
    def _typed(self) -> None:
        self.query_one("#erase", Button).disabled = not self._matches()
        self.query_one("#field-forget", Field).set_error(None)

    @on(Input.Submitted, "#forget-name")
    def _enter(self) -> None:
        if self._matches():
            self.dismiss(True)
        else:
            self.query_one("#field-forget", Field).set_error(
                _("Type “{name}” exactly as shown, or press escape.").format(
                    name=self.customer.name))

    @on(Button.Pressed, "#erase")
    def _erase(self) -> None:
        if self._matches():
            self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
