"""A new due time: a promise renegotiated with the customer (with the reason, the earlier
times stay in its history), or a follow-up moved to another day."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from kbm_tui.core import clock, validate
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Followup, Promise, PromiseChange
from kbm_tui.core.when import Due
from kbm_tui.screens.form_dialog import FormDialog
from kbm_tui.store import Ref, Store, Where
from kbm_tui.ui import fmt, said
from kbm_tui.widgets.due_input import DueInput
from kbm_tui.widgets.form import Field


class _NewTime(FormDialog[Any]):
    """Saves itself; dismisses with the changed record, or None when cancelled."""

    TITLE_TEXT = ""  # marked with N_(), translated where shown
    DUE_LABEL = N_("New due")
    WITH_REASON = False
    NOTIFY_PROBLEMS = False
    FOCUS_FIRST_PROBLEM = False
    DEFAULT_ERROR_FIELD = "field-due"

    def __init__(self, record: Any) -> None:
        super().__init__()
        self.record = record
        self.ENTER_SAVES = frozenset({"reason" if self.WITH_REASON else "due"})

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(_(self.TITLE_TEXT), classes="dialog-title", markup=False)
            yield Static(self.detail(), classes="dialog-detail", id="newtime-detail")
            yield Field(_(self.DUE_LABEL), DueInput(
                placeholder=_("Friday 14:00, in 3 days, +1w"), required=True, id="due",
                compact=True), id="field-due")
            if self.WITH_REASON:
                yield Field(_("Why"), Input(placeholder=_("agreed with the customer, because…"),
                                            id="reason", compact=True), id="field-reason")
            yield Static("", id="newtime-warning", classes="field-problem -warning")
            yield from self.buttons()

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
                                   label=_("reason for the new time"))
        except InputError as exc:
            field.set_error(exc.message if (box.value.strip() or show_empty) else None)
            return False, None
        field.set_error(None)
        return True, reason

    @on(Input.Changed)
    def _typed(self) -> None:
        self._reason(show_empty=False)

    def check(self, *, show_empty: bool) -> tuple[Due, str | None] | None:
        due = self.query_one("#due", DueInput)
        ok = due.check(show_empty=show_empty)
        reason_ok, reason = self._reason(show_empty=show_empty)
        if not (ok and reason_ok) or due.due is None:
            return None
        return due.due, reason


class RenegotiateDialog(_NewTime):
    """A promise gets a new due time agreed with the customer, and the reason."""

    TITLE_TEXT = N_("A new time, agreed with the customer")
    WITH_REASON = True

    def detail(self) -> Text:
        p: Promise = self.record
        text = Text(f"{p.customer_name}: ", style="bold") + Text(p.text)
        text.append("\n" + _("Due now: {when}").format(when=fmt.promise_due(p)))
        return text

    def on_mount(self) -> None:
        super().on_mount()
        pid = self.record.id
        self.db_read(lambda s: s.promise_history(pid), self._history, group="history")

    def _history(self, changes: list[PromiseChange]) -> None:
        if changes:
            text = self.detail()
            text.append("\n" + _("Earlier: {changes}").format(
                changes=fmt.history_text(changes)), style="italic")
            self.query_one("#newtime-detail", Static).update(text)

    def write(self, store: Store, values: tuple[Due, str | None], anyway: bool) -> Promise:
        due, reason = values
        return store.renegotiate_promise(self.record.id, due, reason or "")

    def touches(self, values: Any) -> tuple[list[Where], list[Ref]]:
        pid = self.record.id
        return [("promise", "id", pid), ("promise_change", "promise_id", pid)], []

    def change_text(self, result: Promise) -> str:
        return said.renegotiated(result)


class RescheduleDialog(_NewTime):
    """A follow-up moves to another day (today allowed); a snooze on it goes."""

    TITLE_TEXT = N_("Move this follow-up")
    DUE_LABEL = N_("New day")

    def detail(self) -> Text:
        f: Followup = self.record
        text = Text(f"{f.customer_name}: ", style="bold") + Text(f.text)
        text.append("\n" + _("Planned for: {when}").format(when=fmt.followup_due(f)))
        return text

    @on(Input.Changed, "#due")
    def _check_wishes(self) -> None:
        due = self.query_one("#due", DueInput).due
        warning = self.query_one("#newtime-warning", Static)
        if due is None:
            warning.set_class(False, "-shown")
            return
        f: Followup = self.record
        when = due.start(clock.local_tz())
        self.db_read(lambda s: s.wish_conflicts(f.customer_id, staff_id=f.staff_id, when=when),
                     self._warn, group="wishes")

    def _warn(self, broken: list[str]) -> None:
        warning = self.query_one("#newtime-warning", Static)
        warning.update("⚠ " + " ".join(broken) if broken else "")  # the store's words
        warning.set_class(bool(broken), "-shown")

    def write(self, store: Store, values: tuple[Due, str | None], anyway: bool) -> Followup:
        return store.reschedule_followup(self.record.id, values[0])

    def touches(self, values: Any) -> tuple[list[Where], list[Ref]]:
        return [], [("followup", self.record.id)]

    def change_text(self, result: Followup) -> str:
        return said.moved(result)
