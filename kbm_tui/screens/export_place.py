"""Where a customer's data goes (x on the card): asked like the backup's place, with the
Documents folder (else the home folder) as the default — never the folder the app happened
to be started in."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from kbm_tui.core import clock
from kbm_tui.core.i18n import _
from kbm_tui.core.records import Customer
from kbm_tui.screens.backup_place import PlaceProblem, choose_target, default_folder
from kbm_tui.ui import actions
from kbm_tui.widgets.form import Field, heading


def export_target(customer_id: int, folder: Path) -> Path:
    """kbm-customer-ID-DATE.zip (as `kbm customer-export` names it) in `folder`, never over
    an existing file."""
    base = f"kbm-customer-{customer_id}-{clock.today().isoformat()}"
    target, n = folder / f"{base}.zip", 2
    while target.exists():
        target, n = folder / f"{base}-{n}.zip", n + 1
    return target


class ExportPlaceDialog(ModalScreen[Path | None]):
    """Dismisses with the file to write (checked: its folder exists, nothing is replaced),
    or None when cancelled."""

    BINDINGS = actions.bindings("dialog.cancel")

    def __init__(self, customer: Customer, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.customer = customer
        self.folder = folder or default_folder()

    def _free_name(self, folder: Path) -> Path:
        return export_target(self.customer.id, folder)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box small"):
            yield from heading(
                _("Everything about {name}, to a file").format(name=self.customer.name),
                _("A zip with all that is stored about them, for when they ask for a copy. "
                  "It holds personal data: keep it safe and delete it once handed over."))
            yield Field(_("Save to"), Input(str(self._free_name(self.folder)), id="export-path",
                                            compact=True), id="export-field")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (enter)"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#export-path", Input)
        box.focus()
        box.cursor_position = len(box.value)

    @on(Input.Changed, "#export-path")
    def _typed(self) -> None:
        self.query_one("#export-field", Field).set_error(None)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        try:
            target = choose_target(self.query_one("#export-path", Input).value, self.folder,
                                   self._free_name)
        except PlaceProblem as exc:
            message = exc.message
            if exc.suggestion is not None:
                message += " " + _("Free: {name}").format(name=exc.suggestion.name)
            self.query_one("#export-field", Field).set_error(message)
            return
        self.dismiss(target)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
