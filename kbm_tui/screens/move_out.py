"""Customers out as vCard for the phone, Google or Thunderbird, and the open promises and
follow-ups as a calendar file (.ics) the phone reminds of — the palette's "Export customers
as vCard" and "Export promises and follow-ups to a calendar"."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from kbm_tui.core import clock
from kbm_tui.core.errors import KbmError
from kbm_tui.core.i18n import N_, _, n_
from kbm_tui.store import Store
from kbm_tui.ui.dbwork import DbWork
from kbm_tui.widgets.form import Field

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host


def default_folder() -> Path:
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class MoveOutDialog(DbWork, ModalScreen[Path | None]):
    """`kind` is "vcard" or "calendar"; dismisses with the file written, or None."""

    if TYPE_CHECKING:
        app: Host

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="moveout.cancel")]

    def __init__(self, kind: str, search: str = "", folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.kind, self.search = kind, search
        self.folder = folder or default_folder()

    def compose(self) -> ComposeResult:
        day = clock.today().isoformat()
        vcard = self.kind == "vcard"
        name = f"kbm-kunden-{day}.vcf" if vcard else "kbm-kalender.ics"
        with Vertical(classes="dialog-box"):
            yield Label(_("Customers as vCard") if vcard else
                        _("Promises and follow-ups as a calendar"), classes="dialog-title")
            yield Static(_("vCard 4.0: the phone, Google Contacts and Thunderbird import it.")
                         if vcard else
                         _("Each open promise and follow-up with a reminder. Import the file "
                           "into the phone's calendar; a newer file updates the same entries."),
                         classes="dialog-detail", markup=False)
            yield Field(_("Save to"), Input(str(self.folder / name), id="out-path",
                                            compact=True), id="out-field")
            if vcard:
                yield Field(_("Only"), Input(self.search, id="out-search", compact=True,
                                             placeholder=_("everyone; or words a customer must "
                                                           "match")), id="out-search-field")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (enter)"), variant="primary", id="out-save", compact=True)
                yield Button(_("Cancel (esc)"), id="out-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#out-path", Input)
        box.focus()
        box.cursor_position = len(box.value)

    @on(Input.Submitted)
    @on(Button.Pressed, "#out-save")
    def action_save(self) -> None:
        target = Path(self.query_one("#out-path", Input).value.strip()).expanduser()
        field = self.query_one("#out-field", Field)
        if not target.name or not target.parent.is_dir():
            field.set_error(_("There is no folder {folder}. Choose a folder that exists.")
                            .format(folder=target.parent))
            return
        if target.is_dir():
            field.set_error(_("{path} is a folder. Add a file name to it.").format(path=target))
            return
        search = self.query_one("#out-search", Input).value if self.kind == "vcard" else ""

        def write(store: Store) -> str:
            from kbm_tui.moving.out import calendar_file, vcard_file

            if self.kind == "vcard":
                count = vcard_file(store, target, search)
                return n_("Saved {n} card to {file}.", "Saved {n} cards to {file}.",
                          count).format(n=count, file=target)
            written = calendar_file(store, target)
            promises = n_("{n} promise", "{n} promises", written.promises).format(
                n=written.promises)
            followups = n_("{n} follow-up", "{n} follow-ups", written.followups).format(
                n=written.followups)
            return _("Saved {promises} and {followups} to {file}.").format(
                promises=promises, followups=followups, file=target)

        self.db_read(write, lambda said: self._done(said, target), on_error=self._refused)

    def _refused(self, exc: KbmError) -> None:
        self.query_one("#out-field", Field).set_error(exc.message)

    def _done(self, said: str, target: Path) -> None:
        self.app.notify(said, title=_("Saved"))
        self.dismiss(target)

    @on(Button.Pressed, "#out-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
