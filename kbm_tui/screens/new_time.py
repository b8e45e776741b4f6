"""A new due time: a promise renegotiated with the customer (with the reason, the earlier
times stay in its history), or a follow-up moved to another day."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from kbm_tui.core import validate
from kbm_tui.core.errors import InputError, KbmError
from kbm_tui.core.records import Followup, Promise
from kbm_tui.ui import fmt
from kbm_tui.ui.dbwork import DbWork
from kbm_tui.widgets.due_input import DueInput, start_of
from kbm_tui.widgets.form import Field


class _NewTime(DbWork, ModalScreen[object | None]):
    """Saves itself; dismisses with the changed record, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="newtime.cancel"),
        Binding("ctrl+s", "save", "Save", id="newtime.save"),
    ]
    TITLE_TEXT = ""
    DUE_LABEL = "New due"
    WITH_REASON = False

    def __init__(self, record) -> None:
        super().__init__(classes="dialog")
        self.record = record
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.TITLE_TEXT, classes="dialog-title", markup=False)
            yield Static(self.detail(), classes="dialog-detail", id="newtime-detail")
            yield Field(self.DUE_LABEL, DueInput(placeholder="Friday 14:00, in 3 days, +1w",
                                                 required=True, id="due", compact=True),
                        id="field-due")
            if self.WITH_REASON:
                yield Field("Why", Input(placeholder="agreed with the customer, because…",
                                         id="reason", compact=True), id="field-reason")
            yield Static("", id="newtime-warning", classes="field-problem -warning")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def detail(self) -> Text:
        return Text("")

    def on_mount(self) -> None:
        self.query_one("#due", DueInput).focus()

    def _reason(self, show_empty: bool) -> tuple[bool, str | None]:
        if not self.WITH_REASON:
            return True, None
        box = self.query_one("#reason", Input)
        field = self.query_one("#field-reason", Field)
        try:
            reason = validate.text(box.value, "reason", required=True,
                                   label="reason for the new time")
        except InputError as exc:
            field.set_error(exc.message if (box.value.strip() or show_empty) else None)
            return False, None
        field.set_error(None)
        return True, reason

    @on(Input.Changed)
    def _typed(self) -> None:
        self._reason(show_empty=False)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if event.input.id == "due" and self.WITH_REASON:
            self.focus_next()
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._saving:
            return
        due = self.query_one("#due", DueInput)
        ok = due.check(show_empty=True)
        reason_ok, reason = self._reason(show_empty=True)
        if not (ok and reason_ok) or due.due is None:
            return
        self._saving = True
        when = due.due
        self.db_write(lambda s: self.save(s, when, reason), self._saved, on_error=self._refused)

    def save(self, store, due, reason):
        raise NotImplementedError

    def _saved(self, record) -> None:
        self.dismiss(record)

    def _refused(self, exc: KbmError) -> None:
        self._saving = False
        self.query_one("#field-due", Field).set_error(exc.message)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class RenegotiateDialog(_NewTime):
    """A promise gets a new due time agreed with the customer, and the reason."""

    TITLE_TEXT = "A new time, agreed with the customer"
    WITH_REASON = True

    def detail(self) -> Text:
        p: Promise = self.record
        text = Text(f"{p.customer_name}: ", style="bold") + Text(p.text)
        text.append(f"\nDue now: {fmt.promise_due(p)}")
        return text

    def on_mount(self) -> None:
        super().on_mount()
        pid = self.record.id
        self.db_read(lambda s: s.promise_history(pid), self._history, group="history")

    def _history(self, changes) -> None:
        if changes:
            text = self.detail()
            text.append("\nEarlier: " + fmt.history_text(changes), style="italic")
            self.query_one("#newtime-detail", Static).update(text)

    def save(self, store, due, reason):
        return store.renegotiate_promise(self.record.id, due, reason)


class RescheduleDialog(_NewTime):
    """A follow-up moves to another day (today allowed); a snooze on it goes."""

    TITLE_TEXT = "Move this follow-up"
    DUE_LABEL = "New day"

    def detail(self) -> Text:
        f: Followup = self.record
        text = Text(f"{f.customer_name}: ", style="bold") + Text(f.text)
        text.append(f"\nPlanned for: {fmt.followup_due(f)}")
        return text

    @on(Input.Changed, "#due")
    def _check_wishes(self) -> None:
        due = self.query_one("#due", DueInput).due
        warning = self.query_one("#newtime-warning", Static)
        if due is None:
            warning.set_class(False, "-shown")
            return
        f: Followup = self.record
        when = start_of(due)
        self.db_read(lambda s: s.wish_conflicts(f.customer_id, staff_id=f.staff_id, when=when),
                     self._warn, group="wishes")

    def _warn(self, broken: list[str]) -> None:
        warning = self.query_one("#newtime-warning", Static)
        warning.update("⚠ " + " ".join(broken) if broken else "")
        warning.set_class(bool(broken), "-shown")

    def save(self, store, due, reason):
        return store.reschedule_followup(self.record.id, due)
