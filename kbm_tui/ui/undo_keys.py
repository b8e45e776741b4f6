"""Undo (u) and redo (ctrl+y, shift+u) for the app: the keys run one after another, in the
order they were pressed, each against this terminal's history (ui/changes.py).
"""

from __future__ import annotations

from kbm_tui.core.i18n import _
from kbm_tui.ui.changes import Change, History, TakenBack
from kbm_tui.ui.dbwork import DbWork
from kbm_tui.ui.host import Host


class UndoKeys(DbWork, Host):
    """Mixin for the app: what `u` and `ctrl+y` do."""

    history: History
    _steps: list[str]  # undo/redo keys pressed, not yet done

    def remember(self, change: Change) -> None:
        self.history.add(change)
        self.refresh_bindings()

    def action_undo(self) -> None:
        self._queue_step("undo")

    def action_redo(self) -> None:
        self._queue_step("redo")

    def _queue_step(self, step: str) -> None:
        """Undo and redo run one after another, in the order the keys were pressed."""
        self._steps.append(step)
        if len(self._steps) == 1:
            self._next_step()

    def _next_step(self) -> None:
        if not self._steps:
            return
        undo = self._steps[0] == "undo"
        source = self.history.done if undo else self.history.undone
        if not source:
            self._steps.pop(0)
            self.notify(self._nothing_to_undo() if undo else _("Nothing to redo."),
                        markup=False)
            self._next_step()
            return
        change = source.pop()
        self.refresh_bindings()
        if isinstance(change, TakenBack) and change.take_back is not None:
            self._take_back(change)
            return
        expected, wanted = ((change.after, change.before) if undo
                            else (change.before, change.after))

        what = without_full_stop(change.what)

        def finished(moved: list) -> None:
            self._steps.pop(0)
            if moved:
                self.notify(
                    (_("Not undone: {what}. It was changed since, in another terminal or "
                       "program, and stays as it is now.") if undo else
                     _("Not redone: {what}. It was changed since, in another terminal or "
                       "program, and stays as it is now.")).format(what=what),
                    title=_("Undo") if undo else _("Redo"), severity="warning", timeout=10,
                    markup=False)
            else:
                (self.history.undone if undo else self.history.done).append(change)
                self.notify((_("Undone: {what}.") if undo else _("Redone: {what}.")).format(
                    what=what), title=_("Undo") if undo else _("Redo"), markup=False)
            self.refresh_bindings()
            self.reload_screens()
            self._next_step()

        def failed(exc) -> None:
            self._steps.pop(0)
            self.notify(exc.message, title=_("Not undone") if undo else _("Not redone"),
                        severity="error", markup=False)
            self._next_step()

        self.db_write(lambda s: s.put_back(expected, wanted), finished, on_error=failed)

    def _take_back(self, change: TakenBack) -> None:
        """Undo an import or a merge through the store's own journal of it."""

        def finished(_result) -> None:
            self._steps.pop(0)
            self.notify(_("Undone: {what}.").format(what=without_full_stop(change.what)),
                        title=_("Undo"), markup=False)
            self.refresh_bindings()
            self.reload_screens()
            self._next_step()

        def failed(exc) -> None:
            self._steps.pop(0)
            self.notify(exc.message, title=_("Not undone"), severity="error", markup=False)
            self._next_step()

        assert change.take_back is not None
        self.db_write(change.take_back, finished, on_error=failed)

    def _nothing_to_undo(self) -> str:
        if not self.history.restored:
            return _("Nothing to undo here. (What other terminals change is theirs to undo.)")
        if self.history.kept is None:
            return _("Nothing to undo here: a restore replaced the data the earlier changes "
                     "were made on.")
        return _("Nothing to undo here: a restore replaced the data the earlier changes were "
                 "made on. The way back from the restore is the copy kept of it: "
                 "{path}").format(path=self.history.kept)


def without_full_stop(what: str) -> str:
    """What was done, to end a sentence with: its own full stop dropped ("… bis Mo., 30.
    Nov." + "." would end in two)."""
    return what[:-1] if what.endswith(".") else what
