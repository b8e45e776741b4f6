"""Restoring from inside the app (ctrl+r, or "Restore a backup" in the palette): pick a
backup zip or one of the daily safety copies, see what it holds, confirm, and watch it go.

The same restore as `kbm restore --replace` (backup/sources.py): everything is loaded into
a staging database and checked first, and only then put in place, with a copy of the data
that was there kept beside the database. Looking in and restoring run in a thread on a
connection of their own, as the backup does; the app's screens read the restored data
afterwards, and other terminals notice it as they notice any other program's change.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from kbm_tui.backup import sources
from kbm_tui.backup.sources import Preview
from kbm_tui.core import l10n
from kbm_tui.core.errors import KbmError
from kbm_tui.core.i18n import _
from kbm_tui.screens.backup_place import TABLE_NAMES, default_folder
from kbm_tui.screens.restore_words import newest_backup, restored, what_happens
from kbm_tui.store import Store, safety_copies
from kbm_tui.ui import actions
from kbm_tui.ui.fmt import number
from kbm_tui.ui.progress import Stopped, Tally, reporter
from kbm_tui.widgets.form import Field

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host


class RestoreDialog(ModalScreen[Path | None]):
    """Dismisses with the file restored, or None when nothing was restored."""

    if TYPE_CHECKING:
        app: Host

    CSS_PATH = "restore.tcss"
    BINDINGS = actions.bindings("dialog.cancel")

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.folder = folder or default_folder()
        self.preview: Preview | None = None
        self.restored: Path | None = None
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        start = newest_backup(self.folder)
        copies = _copies(self.app.store.path)
        with Vertical(classes="dialog-box wide", id="restore-box"):
            yield Label(_("Restore a backup"), classes="dialog-title", id="restore-title")
            yield Static(_("Bring back the data of a backup (the zip that B or kbm export "
                           "makes) or of one of the daily safety copies. You see what it "
                           "holds before anything changes."),
                         classes="dialog-detail", id="restore-about", markup=False)
            yield Field(_("File"), Input(str(start) if start else f"{self.folder}/",
                                         id="restore-path", compact=True), id="restore-field")
            yield Label(_("or a safety copy:") if copies else
                        _("There are no safety copies yet (the app makes one a day)."),
                        id="restore-copies-label")
            yield OptionList(*[Option(_("{day} · {size} MB").format(
                day=l10n.long_date(c.day), size=l10n.decimal(c.size / 1_048_576)),
                id=str(c.path)) for c in copies], id="restore-copies", compact=True)
            yield Static("", id="restore-preview", markup=False)
            with Vertical(id="restore-progress"):
                yield ProgressBar(id="restore-bar", show_eta=False)
                yield Static("", id="restore-status", markup=False)
            yield Static("", id="restore-result", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Look inside (enter)"), variant="primary", id="restore-look",
                             compact=True)
                yield Button(_("Restore (enter)"), variant="error", id="restore-go",
                             compact=True)
                yield Button(_("Cancel (esc)"), id="restore-cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#restore-path", Input)
        box.focus()
        box.cursor_position = len(box.value)
        copies = self.query_one("#restore-copies", OptionList)
        copies.set_class(not copies.option_count, "-none")

    # --- choosing the file ---------------------------------------------------------------

    @on(Input.Changed, "#restore-path")
    def _typed(self) -> None:
        """Another file: what was shown of the last one no longer applies."""
        if self.has_class("-looking"):  # what it finds would be about the file typed before
            self.workers.cancel_group(self, "restore")
            self.set_class(False, "-looking")
        self.query_one("#restore-field", Field).set_error(None)
        self.preview = None
        self.query_one("#restore-preview", Static).update("")
        self.set_class(False, "-looked")

    @on(OptionList.OptionSelected, "#restore-copies")
    def _copy_chosen(self, event: OptionList.OptionSelected) -> None:
        box = self.query_one("#restore-path", Input)
        with box.prevent(Input.Changed):  # chosen, not typed: looked into at once
            box.value = event.option.id or ""
        self._typed()
        self.action_look()

    @on(Input.Submitted, "#restore-path")
    @on(Button.Pressed, "#restore-look")
    def action_look(self) -> None:
        if self._busy():
            return
        typed = self.query_one("#restore-path", Input).value.strip()
        if not typed:
            self.query_one("#restore-field", Field).set_error(
                _("Type the backup file's place, or choose a safety copy."))
            return
        source = sources.find(self.app.store.path, typed)
        self.set_class(True, "-looking")
        self.query_one("#restore-preview", Static).update(_("Looking inside…"))
        self._look(source)

    def _busy(self) -> bool:
        return any(self.has_class(c) for c in ("-looking", "-running", "-done"))

    @work(thread=True, exclusive=True, group="restore", exit_on_error=False)
    def _look(self, source: Path) -> None:
        tell = _teller(self)
        try:
            with Store.open(self.app.store.location) as own:
                preview = sources.look_into(own, source)
                now = own.row_counts() if own.holds_data() else None
                keeps_copy = own.keeps_copies()
        except KbmError as exc:
            tell(self._refused, exc.message)
        except Exception as exc:  # a bug: say so next to the field, keep the app running
            tell(self._refused, _("The file could not be read: {reason}").format(
                reason=f"{type(exc).__name__}: {exc}"))
        else:
            tell(self._looked, preview, what_happens(preview, self.app.store, now,
                                                     keeps_copy))

    def _refused(self, message: str) -> None:
        self.set_class(False, "-looking")
        self.query_one("#restore-preview", Static).update("")
        self.query_one("#restore-field", Field).set_error(message)
        self.query_one("#restore-path", Input).focus()

    def _looked(self, preview: Preview, text: str) -> None:
        self.set_class(False, "-looking")
        self.preview = preview
        self.query_one("#restore-preview", Static).update(text)
        self.set_class(True, "-looked")
        self.query_one("#restore-go", Button).focus()

    # --- the restore, in a thread --------------------------------------------------------

    @on(Button.Pressed, "#restore-go")
    def action_restore(self) -> None:
        if self.preview is None or self._busy():
            return
        self.set_class(True, "-running")
        self.query_one("#restore-path", Input).disabled = True
        self.query_one("#restore-copies", OptionList).disabled = True
        self.query_one("#restore-cancel", Button).label = _("Stop (esc)")
        self.set_focus(None)  # an impatient second enter must not land on Stop
        self.query_one("#restore-status", Static).update(_("Starting…"))
        self._restore(self.preview)

    @work(thread=True, exclusive=True, group="restore", exit_on_error=False)
    def _restore(self, preview: Preview) -> None:
        worker = get_current_worker()
        tell = _teller(self)
        progress = reporter(Tally(dict(preview.counts)), self._stop, worker,
                            lambda *shown: tell(self._show_progress, *shown))

        try:
            with Store.open(self.app.store.location) as own:
                result = sources.restore_from(own, preview.source, replace=True,
                                              progress=progress)
        except Stopped:
            tell(self._stopped)
        except KbmError as exc:
            tell(self._failed, exc.message)
        except Exception as exc:  # a bug: say so, keep the app running
            tell(self._failed, _("The restore failed: {reason}").format(
                reason=f"{type(exc).__name__}: {exc}"))
        else:
            tell(self._done, restored(preview.source, result), result.safety_copy)

    def _show_progress(self, table: str, done: int, total: int, all_done: int,
                       all_total: int) -> None:
        self.query_one("#restore-bar", ProgressBar).update(total=all_total, progress=all_done)
        self.query_one("#restore-status", Static).update(
            _("{table} {done} of {total}").format(
                table=_(TABLE_NAMES.get(table, table)), done=number(done), total=number(total)))

    def _failed(self, message: str) -> None:
        self.set_class(False, "-running")
        self.set_class(False, "-looked")
        self.preview = None
        self.query_one("#restore-path", Input).disabled = False
        self.query_one("#restore-copies", OptionList).disabled = False
        self.query_one("#restore-cancel", Button).label = _("Cancel (esc)")
        self._refused(message)

    def _stopped(self) -> None:
        self.app.notify(_("The restore was stopped; nothing was changed."), title=_("Restore"))
        self.dismiss(None)

    def _done(self, text: str, kept: Path | None) -> None:
        assert self.preview is not None
        self.restored = self.preview.source
        bar = self.query_one("#restore-bar", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.query_one("#restore-title", Label).update(
            _("Copy restored") if self.preview.safety_copy else _("Backup restored"))
        self.query_one("#restore-result", Static).update(text)
        self.set_class(False, "-running")
        self.set_class(True, "-done")
        close = self.query_one("#restore-cancel", Button)
        close.label = _("Close (esc)")
        close.focus()
        self.app.after_restore(kept)

    @on(Button.Pressed, "#restore-cancel")
    def action_cancel(self) -> None:
        if self.has_class("-running"):
            self._stop.set()
            self.query_one("#restore-status", Static).update(_("Stopping…"))
            return
        self.dismiss(self.restored)


def _copies(db_path: Path) -> list:
    try:
        return safety_copies(db_path)
    except OSError:
        return []


def _teller(screen: RestoreDialog):
    """Hands a call from the worker thread to the UI thread, while anyone is listening."""
    worker = get_current_worker()
    app = screen.app

    def tell(fn, *args) -> None:
        if not worker.is_cancelled:  # the app is closing: nobody is left to tell
            app.call_from_thread(lambda: screen.is_attached and fn(*args))

    return tell
