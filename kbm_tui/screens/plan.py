"""Making a promise or planning a follow-up for one customer, without logging a talk.

The customer's wishes stand at the top; a follow-up that would go against them (another
person, sooner than their interval, do-not-contact) is named before saving, asked about,
and noted on the follow-up when planned anyway.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from kbm_tui.core import clock, validate
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Contact, ContactDraft, Customer, Followup, Promise
from kbm_tui.screens.form_dialog import FormDialog
from kbm_tui.store import Ref, Store
from kbm_tui.ui import fmt, said
from kbm_tui.ui.changes import refs_of
from kbm_tui.widgets.due_input import DueInput
from kbm_tui.widgets.form import Field, chosen

Kind = Literal["promise", "followup"]


class PlanDialog(FormDialog[Promise | Followup | None]):
    """Saves a promise or a follow-up; dismisses with it, or None when cancelled."""

    NOTIFY_PROBLEMS = False
    FOCUS_FIRST_PROBLEM = False
    ERROR_FIELDS = {"due": "field-due", "until": "field-due"}
    DEFAULT_ERROR_FIELD = "field-text"
    ANYWAY = (N_("Plan it anyway? The follow-up notes that it goes against their wishes."),
              N_("Plan anyway"))
    ENTER_SAVES = frozenset({"due", "every"})

    def __init__(self, kind: Kind, customer: Customer, *, text: str = "",
                 due: str = "") -> None:
        super().__init__()
        self.kind, self.customer = kind, customer
        self.start_text, self.start_due = text, due

    def compose(self) -> ComposeResult:
        promise = self.kind == "promise"
        title = (_("A promise to {name}") if promise else _("Follow up with {name}")).format(
            name=self.customer.name)
        with Vertical(classes="dialog-box"):
            yield Label(title, classes="dialog-title", markup=False)
            yield Static(Text(_("Their wishes") + " — ", style="bold") +
                         Text(fmt.wishes_line(self.customer)),
                         classes="dialog-detail", id="plan-wishes")
            yield Field(_("Promise") if promise else _("About"),
                        Input(self.start_text,
                              placeholder=_("what we will do") if promise
                              else _("why to get back"), id="text", compact=True),
                        id="field-text")
            hint = (_("after lunch, Friday 14:00 — empty: no due time") if promise
                    else _("next week"))
            yield Field(_("Due") if promise else _("When"),
                        DueInput(self.start_due, placeholder=hint, required=not promise,
                                 id="due", compact=True), id="field-due")
            if not promise:
                yield Field(_("Repeat"), Input(placeholder=_("optional: every how many days"),
                                               id="every", compact=True), id="field-every")
            yield Field(_("Who"), Select([], prompt=_("anyone") if not promise else _("owner"),
                                         id="staff", compact=True), id="field-staff")
            yield Static("", id="plan-warning", classes="field-problem -warning")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()
        self.db_read(lambda s: s.staff(), self._staff, group="staff")

    def _staff(self, staff) -> None:
        box = self.query_one("#staff", Select)
        box.set_options([(s.name, s.id) for s in staff])
        ids = [s.id for s in staff]
        chosen = getattr(self.app, "last_staff_id", None)
        if self.kind == "followup" and self.customer.pref_staff_id:
            chosen = self.customer.pref_staff_id  # the person they chose, unless changed
        if chosen not in ids and ids:
            chosen = ids[0]  # the owner comes first
        if chosen in ids:
            box.value = chosen
        self._warn()

    # --- the customer's wishes ----------------------------------------------------------

    def _planned(self) -> tuple[datetime, int | None] | None:
        due = self.query_one("#due", DueInput).due
        if self.kind != "followup" or due is None:
            return None
        return due.start(clock.local_tz()), chosen(self.query_one("#staff", Select))

    @on(Select.Changed, "#staff")
    def _warn(self) -> None:
        planned = self._planned()
        if planned is None:
            self._show_warning([])
            return
        when, staff = planned
        cid = self.customer.id
        self.db_read(lambda s: s.wish_conflicts(cid, staff_id=staff, when=when),
                     self._show_warning, group="wishes")

    def _show_warning(self, broken: list[str]) -> None:
        box = self.query_one("#plan-warning", Static)
        box.update(_("⚠ {problems} Saving asks first and notes it on the follow-up.").format(
            problems=" ".join(broken)) if broken else "")
        box.set_class(bool(broken), "-shown")

    # --- checking and saving ------------------------------------------------------------

    def check(self, *, show_empty: bool) -> dict[str, Any] | None:
        ok = True
        text = self.query_one("#text", Input).value
        field = self.query_one("#field-text", Field)
        try:
            text = validate.text(text, "text", required=True,
                                 label=_("promise") if self.kind == "promise" else
                                 _("follow-up"))
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
                field.set_error(
                    _("Type a number of days between 1 and 3650, or leave it empty."))
                ok = False
        staff = self.query_one("#staff", Select).value
        return {"text": text, "due": due.due, "every": every,
                "staff": None if staff is Select.NULL else staff} if ok else None

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self.check(show_empty=False)
        if event.input.id == "due":
            self._warn()

    def whose_wishes(self, values: dict[str, Any]) -> str:
        return self.customer.name

    def write(self, store: Store, values: dict[str, Any],
              anyway: bool) -> Promise | Followup | None:
        if self.kind == "promise":
            draft = ContactDraft(self.customer.id, promise=values["text"],
                                 promise_due=values["due"], staff_id=values["staff"])
            return store.record_contact(draft).promise
        draft = ContactDraft(self.customer.id, followup=values["text"],
                             followup_due=values["due"], followup_every=values["every"],
                             staff_id=values["staff"])
        return store.record_contact(draft, anyway=anyway).followup

    def made(self, result: Promise | Followup | None) -> list[Ref]:
        return refs_of(result)

    def change_text(self, result: Promise | Followup | None) -> str:
        if isinstance(result, Promise):
            return said.contact(Contact(None, result, None))
        return said.contact(Contact(None, None, result))

    def saved(self, item: Promise | Followup | None) -> None:
        if isinstance(item, Promise):
            self.app.notify(_("Promise due {when}").format(when=fmt.promise_due(item)),
                            title=_("Saved"))
        elif isinstance(item, Followup):
            message = (_("Follow-up {when} (noted: against their wishes)")
                       if item.against_wishes else _("Follow-up {when}"))
            self.app.notify(message.format(when=fmt.followup_due(item)), title=_("Saved"))
        self.dismiss(item)
