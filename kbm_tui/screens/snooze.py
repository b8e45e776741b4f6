"""Putting a follow-up off: tomorrow, next week, or a day typed like any due time."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from kbm_tui.core import clock, l10n, timefmt
from kbm_tui.core.i18n import _
from kbm_tui.core.when import next_opening_day
from kbm_tui.ui import actions
from kbm_tui.widgets.due_input import DueInput
from kbm_tui.widgets.form import Field, heading


class SnoozeDialog(ModalScreen[date | None]):
    """The day to come back to it, or None when cancelled."""

    BINDINGS = actions.bindings("dialog.cancel", "snooze.tomorrow", "snooze.week")

    def __init__(self, title: str, detail: str = "") -> None:
        super().__init__(classes="dialog")
        self.title_text, self.detail = title, detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box small"):
            yield from heading(self.title_text, self.detail)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Tomorrow (1)"), id="tomorrow", variant="primary", compact=True)
                yield Button(_("Next week (7)"), id="week", compact=True)
            yield Field(_("Or a day"), DueInput(placeholder=_("Friday, in 10 days, 3 Dec"),
                                                id="day", compact=True), id="day-field")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Snooze to that day (enter)"), id="save", compact=True)
                yield Button(_("Cancel (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#tomorrow", Button).focus()

    def action_days(self, days: int) -> None:
        self._snooze_to(clock.today() + timedelta(days=days))

    def _snooze_to(self, day: date) -> None:
        """That day — unless the shop is closed then: say so and offer the next opening day
        (escape comes back here to choose another)."""
        settings = getattr(self.app, "settings", None)
        opening = next_opening_day(day, settings)
        if opening == day:
            self.dismiss(day)
            return
        from kbm_tui.screens.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(opening)

        self.app.push_screen(ConfirmDialog(
            _("The shop is closed on {day}.").format(day=l10n.long_date(day)),
            _("Snooze until {day}, the next opening day? Or press escape and choose another "
              "day.").format(day=l10n.long_date(opening)),
            yes=timefmt.show_day(opening, padded=False)), answered)

    @on(Button.Pressed, "#tomorrow")
    def _tomorrow(self) -> None:
        self.action_days(1)

    @on(Button.Pressed, "#week")
    def _week(self) -> None:
        self.action_days(7)

    @on(Input.Submitted, "#day")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        box = self.query_one("#day", DueInput)
        field = self.query_one("#day-field", Field)
        box.required = True
        if not box.check() or box.due is None:
            box.focus()
            return
        if box.due.day <= clock.today():
            field.set_error(_("Snooze until a day after today."))
            return
        self._snooze_to(box.due.day)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
