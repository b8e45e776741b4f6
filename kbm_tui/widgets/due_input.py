"""An input for a due time in the words of `kbm log`, with a live preview of what it read."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from kbm_tui.core import clock, l10n
from kbm_tui.core.i18n import _
from kbm_tui.core.when import EXAMPLES, Due, WhenError, next_opening_day, parse_when
from kbm_tui.widgets.form import Field


class DueInput(Input):
    """Typing "after lunch" shows "→ Sun 22 Nov 2026, 14:00" under it; nonsense says why."""

    def __init__(self, value: str = "", *, placeholder: str = "", allow_past: bool = False,
                 required: bool = False, **kwargs) -> None:
        super().__init__(value, placeholder=placeholder or _(EXAMPLES), **kwargs)
        self.allow_past = allow_past
        self.required = required
        self.due: Due | None = None
        self.problem: str | None = None

    def on_mount(self) -> None:
        self.check(show_empty=False)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input is self:
            self.check(show_empty=False)

    def check(self, *, show_empty: bool = True) -> bool:
        """Read the text again; show the preview or the problem. True when usable."""
        text = self.value.strip()
        self.due, self.problem = None, None
        if text:
            settings = getattr(self.app, "settings", None)
            try:
                self.due = parse_when(text, now=clock.now(), settings=settings,
                                      allow_past=self.allow_past)
            except WhenError as exc:
                self.problem = str(exc)
        elif self.required:
            self.problem = _("Type when, for example: {examples}").format(examples=_(EXAMPLES))
        field = next((a for a in self.ancestors if isinstance(a, Field)), None)
        if field is not None:
            shown = self.problem if (text or show_empty) else None
            field.set_error(shown)
            field.set_hint(self._preview(settings) if self.due else None)
        return self.problem is None

    def _preview(self, settings) -> str:
        """What was read; on a day the shop is closed, saying so and naming the next
        opening day ("morgen früh" typed on a Saturday). Not for today: whoever works on a
        closed day knows it."""
        assert self.due is not None
        shown = f"→ {self.due.describe()}"
        opening = next_opening_day(self.due.day, settings)
        if self.due.day > clock.today() and opening != self.due.day:
            shown += " — " + _("the shop is closed that day; the next opening day is "
                               "{day}").format(day=l10n.long_date(opening))
        return shown
