"""Backing up from inside the app (B): the same zip of CSV files as `kbm export`, with a
progress bar.

The export runs in a thread on a connection of its own — a sqlite3 connection must not be
shared between threads — and reads one consistent snapshot, so the app stays responsive and
what is logged meanwhile (here or in another terminal) neither waits nor tears the backup.
Restoring is the restore dialog's (ctrl+r, screens/restore.py).
"""

from __future__ import annotations

import shlex
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from kbm_tui.backup import export as backup
from kbm_tui.core import timefmt
from kbm_tui.core.errors import KbmError
from kbm_tui.core.i18n import _
from kbm_tui.screens.backup_place import (
    TABLE_NAMES,
    PlaceProblem,
    choose_target,
    counts_text,
    default_folder,
)
from kbm_tui.store import TABLES_IN_ORDER, Store, safety_copies
from kbm_tui.ui import actions
from kbm_tui.ui.fmt import number
from kbm_tui.ui.progress import Stopped, Tally, reporter
from kbm_tui.widgets.form import LABEL_WIDTH, Field

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host

class BackupDialog(ModalScreen[Path | None]):
    """Dismisses with the file written, or None when cancelled or stopped."""

    if TYPE_CHECKING:
        app: Host

    CSS_PATH = "backup.tcss"
    BINDINGS = actions.bindings("dialog.cancel")

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.folder = folder or default_folder()
        self.saved: Path | None = None
        self._suggestion: Path | None = None
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="backup-box"):
            yield Label(_("Back up everything"), classes="dialog-title", id="backup-title")
            yield Static(_("Every customer, conversation, promise and follow-up as CSV files "
                           "in one zip; they open in a spreadsheet."),
                         classes="dialog-detail", id="backup-about", markup=False)
            yield Field(_("Save to"), Input(str(backup.default_name(self.folder)),
                                            id="backup-path", compact=True), id="backup-field")
            free = Button("", id="backup-free", compact=True)
            free.styles.margin = (0, 0, 0, LABEL_WIDTH())  # under the field, not its label
            yield free
            with Vertical(id="backup-progress"):
                yield ProgressBar(id="backup-bar", show_eta=False)
                yield Static("", id="backup-status", markup=False)
            yield Static("", id="backup-result", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save (enter)"), variant="primary", id="backup-save",
                             compact=True)
                yield Button(_("Cancel (esc)"), id="backup-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#backup-path", Input)
        box.focus()
        box.cursor_position = len(box.value)

    # --- choosing the place --------------------------------------------------------------

    def _problem(self, message: str | None, suggestion: Path | None = None) -> None:
        self.query_one("#backup-field", Field).set_error(message)
        self._suggestion = suggestion
        button = self.query_one("#backup-free", Button)
        button.label = (_("Use {name} instead").format(name=suggestion.name) if suggestion
                        else "")
        button.set_class(suggestion is not None, "-shown")

    @on(Input.Changed, "#backup-path")
    def _typed(self) -> None:
        self._problem(None)

    @on(Button.Pressed, "#backup-free")
    def _use_suggestion(self) -> None:
        if self._suggestion is not None:
            box = self.query_one("#backup-path", Input)
            box.value = str(self._suggestion)
            box.cursor_position = len(box.value)
            box.focus()

    @on(Input.Submitted, "#backup-path")
    @on(Button.Pressed, "#backup-save")
    def action_start(self) -> None:
        if self.has_class("-running") or self.has_class("-done"):
            return
        try:
            target = choose_target(self.query_one("#backup-path", Input).value, self.folder)
        except PlaceProblem as exc:
            self._problem(exc.message, exc.suggestion)
            return
        self._problem(None)
        self._set_running(True)
        self.query_one("#backup-status", Static).update(_("Starting…"))
        self._export(target)

    def _set_running(self, running: bool) -> None:
        self.set_class(running, "-running")
        self.query_one("#backup-path", Input).disabled = running
        self.query_one("#backup-cancel", Button).label = (_("Stop (esc)") if running
                                                          else _("Cancel (esc)"))
        if running:  # an impatient second enter must not land on Stop
            self.set_focus(None)

    # --- the export, in a thread ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def _export(self, target: Path) -> None:
        worker = get_current_worker()
        app = self.app

        def tell(fn, *args) -> None:
            if not worker.is_cancelled:  # the app is closing: nobody is left to tell
                app.call_from_thread(lambda: self.is_attached and fn(*args))

        try:
            with Store.open(app.store.location) as own:
                ranges = {t: own.id_range(t) for t in TABLES_IN_ORDER}
                tally = Tally({t: high - low for t, (low, high) in ranges.items()})
                progress = reporter(tally, self._stop, worker,
                                    lambda *shown: tell(self._show_progress, *shown))
                counts = backup.export(own, target, progress=progress)
        except Stopped:
            tell(self._stopped)
        except KbmError as exc:
            tell(self._failed, exc.message)
        except Exception as exc:  # a bug: say so next to the field, keep the app running
            tell(self._failed, _("The backup failed: {reason}").format(
                reason=f"{type(exc).__name__}: {exc}"))
            tell(app.log.error, repr(exc))
        else:
            tell(self._done, target, counts)

    def _show_progress(self, table: str, done: int, total: int, all_done: int,
                       all_total: int) -> None:
        self.query_one("#backup-bar", ProgressBar).update(total=all_total, progress=all_done)
        self.query_one("#backup-status", Static).update(
            _("{table} {done} of {total}").format(
                table=_(TABLE_NAMES.get(table, table)), done=number(done), total=number(total)))

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self._problem(message)
        self.query_one("#backup-path", Input).focus()

    def _stopped(self) -> None:
        self.app.notify(_("The backup was stopped; nothing was saved."), title=_("Backup"))
        self.dismiss(None)

    def _done(self, target: Path, counts: dict[str, int]) -> None:
        self.saved = target
        rows = max(sum(counts.values()), 1)
        self.query_one("#backup-bar", ProgressBar).update(total=rows, progress=rows)
        lines = [_("Saved {counts} to {file}.").format(counts=counts_text(counts), file=target),
                 _("Keep a copy away from this computer too. To bring it back: ctrl+r here, "
                   "or on the command line {command}").format(
                     command=f"kbm restore {shlex.quote(str(target))}")]
        if not getattr(self.app, "demo", False):
            lines.append(last_safety_copy(self.app.store.path))
        self.query_one("#backup-title", Label).update(_("Backup saved"))
        self.query_one("#backup-result", Static).update("\n".join(lines))
        self.set_class(False, "-running")
        self.set_class(True, "-done")
        close = self.query_one("#backup-cancel", Button)
        close.label = _("Close (esc)")
        close.focus()

    @on(Button.Pressed, "#backup-cancel")
    def action_cancel(self) -> None:
        if self.has_class("-running"):
            self._stop.set()
            self.query_one("#backup-status", Static).update(_("Stopping…"))
            return
        self.dismiss(self.saved)


def last_safety_copy(db_path: Path) -> str:
    """When the app last made its automatic daily copy of the database."""
    try:
        copies = safety_copies(db_path)
    except OSError:
        copies = []
    if not copies:
        return _("There is no automatic safety copy yet (the app makes one a day).")
    return _("The last automatic safety copy is from {day} (kbm backups lists them).").format(
        day=timefmt.show_day(copies[0].day))
