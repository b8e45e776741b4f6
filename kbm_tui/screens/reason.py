"""Why a promise was broken: the shop owes the customer (and itself) a reason."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from kbm_tui.core import validate
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import _
from kbm_tui.ui import actions
from kbm_tui.widgets.form import Field, heading


class ReasonDialog(ModalScreen[str | None]):
    """The reason typed, or None when cancelled."""

    BINDINGS = actions.bindings("dialog.cancel")

    def __init__(self, title: str, detail: str = "", label: str = "",
                 placeholder: str = "", what: str = "") -> None:
        super().__init__(classes="dialog")
        self.title_text, self.detail, self.label = title, detail, label or _("Reason")
        self.placeholder = placeholder or _("what happened, in a few words")
        self.what = what or _("reason")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box small"):
            yield from heading(self.title_text, self.detail)
            yield Field(self.label, Input(placeholder=self.placeholder, id="reason",
                                          compact=True), id="reason-field")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (enter)"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel (esc)"), id="cancel", compact=True)

    def _check(self, show_empty: bool) -> str | None:
        text = self.query_one("#reason", Input).value
        field = self.query_one("#reason-field", Field)
        try:
            cleaned = validate.text(text, "reason", required=True, label=self.what)
        except InputError as exc:
            field.set_error(exc.message if (text or show_empty) else None)
            return None
        field.set_error(None)
        return cleaned

    @on(Input.Changed, "#reason")
    def _typed(self) -> None:
        self._check(show_empty=False)

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        reason = self._check(show_empty=True)
        if reason is not None:
            self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
