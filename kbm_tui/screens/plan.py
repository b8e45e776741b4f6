"""Making a promise or planning a follow-up for one customer, without logging a talk."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from .. import validate
from ..errors import InputError, KbmError
from ..records import Customer
from ..widgets import fmt
from ..widgets.dbwork import DbWork
from ..widgets.due_input import DueInput
from ..widgets.form import Field

Kind = Literal["promise", "followup"]


class PlanDialog(DbWork, ModalScreen[object | None]):
    """Saves a promise or a follow-up; dismisses with it, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="plan.cancel"),
        Binding("ctrl+s", "save", "Save", id="plan.save"),
    ]

    def __init__(self, kind: Kind, customer: Customer) -> None:
        super().__init__(classes="dialog")
        self.kind, self.customer = kind, customer
        self._saving = False

    def compose(self) -> ComposeResult:
        promise = self.kind == "promise"
        title = ("A promise to " if promise else "Follow up with ") + self.customer.name
        with Vertical(classes="dialog-box"):
            yield Label(title, classes="dialog-title", markup=False)
            yield Field("Promise" if promise else "About",
                        Input(placeholder="what we will do" if promise else "why to get back",
                              id="text", compact=True), id="field-text")
            hint = "after lunch, Friday 14:00 — empty: no due time" if promise else "next week"
            yield Field("Due" if promise else "When",
                        DueInput(placeholder=hint, required=not promise, id="due",
                                 compact=True), id="field-due")
            if not promise:
                yield Field("Repeat", Input(placeholder="optional: every how many days",
                                            id="every", compact=True), id="field-every")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def _check(self, show_empty: bool) -> dict | None:
        ok = True
        text = self.query_one("#text", Input).value
        field = self.query_one("#field-text", Field)
        try:
            text = validate.text(text, "text", required=True,
                                 label="promise" if self.kind == "promise" else "follow-up")
            field.set_error(None)
        except InputError as exc:
            field.set_error(exc.message if (text.strip() or show_empty) else None)
            ok = False
        due = self.query_one("#due", DueInput)
        ok = due.check(show_empty=show_empty) and ok
        every = None
        if self.kind == "followup":
            raw = self.query_one("#every", Input).value.strip()
            field = self.query_one("#field-every", Field)
            try:
                every = validate.positive_days(int(raw), "every") if raw else None
                field.set_error(None)
            except (InputError, ValueError):
                field.set_error("Type a number of days between 1 and 3650, or leave it empty.")
                ok = False
        return {"text": text, "due": due.due, "every": every} if ok else None

    @on(Input.Changed)
    def _typed(self) -> None:
        self._check(show_empty=False)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if event.input.id == "text":
            self.focus_next()
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._saving:
            return
        values = self._check(show_empty=True)
        if values is None:
            return
        self._saving = True
        cid = self.customer.id
        if self.kind == "promise":
            job = lambda s: s.make_promise(cid, values["text"], values["due"])  # noqa: E731
        else:
            job = lambda s: s.plan_followup(cid, values["text"], values["due"],  # noqa: E731
                                            every_days=values["every"])
        self.db_write(job, self._saved, on_error=self._refused)

    def _saved(self, item) -> None:
        if self.kind == "promise":
            self.app.notify(f"Promise due {fmt.promise_due(item)}", title="Saved")
        else:
            self.app.notify(f"Follow-up {fmt.followup_due(item)}", title="Saved")
        self.dismiss(item)

    def _refused(self, exc: KbmError) -> None:
        self._saving = False
        target = "due" if getattr(exc, "field", None) in ("due", "until") else "text"
        self.query_one(f"#field-{target}", Field).set_error(exc.message)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
