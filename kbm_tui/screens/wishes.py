"""The customer decides: their channel, their person, how often, or not at all."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from kbm_tui.core import validate
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Customer, Staff
from kbm_tui.core.vocab import CHANNEL_LABELS
from kbm_tui.core.when import parse_days
from kbm_tui.screens.form_dialog import FormDialog
from kbm_tui.store import Ref, Store, Where
from kbm_tui.ui import fmt, said
from kbm_tui.widgets.form import Field

EXPLAIN = N_("Their choice, not ours: whoever is about to contact them sees these wishes, "
             "and a warning before going against them.")


def read_interval(text: str) -> int | None:
    """ "4w", "90", "28 days", "every 4 weeks" → days; empty → None (no rhythm)."""
    return parse_days(text) if text.strip() else None


class WishesDialog(FormDialog[Customer | None]):
    """Saves the wishes; dismisses with the customer as now recorded, or None."""

    FOCUS_FIRST_PROBLEM = False
    ERROR_FIELDS = {"every": "field-every", "reason": "field-reason"}

    def __init__(self, customer: Customer) -> None:
        super().__init__()
        self.customer = customer

    def compose(self) -> ComposeResult:
        c = self.customer
        with Vertical(classes="dialog-box", id="wishes-box"):
            yield Label(_("How {name} wants to be contacted").format(name=c.name),
                        classes="dialog-title", markup=False)
            yield Static(_(EXPLAIN), classes="dialog-detail")
            with VerticalScroll(classes="dialog-fields"):
                yield Field(_("Channel"), Select(
                    [(fmt.channel(k), k) for k in CHANNEL_LABELS], prompt=_("any"),
                    value=c.pref_channel or Select.NULL, id="w-channel", compact=True),
                    id="field-channel")
                yield Field(_("Person"), Select([], prompt=_("anyone"), id="w-staff",
                                                compact=True), id="field-staff")
                every = str(c.contact_every_days) if c.contact_every_days else ""
                yield Field(_("How often"), Input(
                    every, placeholder=_("every 4w, 90, 28 days — empty: no rhythm"),
                    id="w-every", compact=True), id="field-every")
                yield Field("", Checkbox(_("only when they ask (we never reach out first)"),
                                         c.only_when_asked, id="w-asked", compact=True),
                            id="field-asked")
                yield Field("", Checkbox(
                    _("no advertising (newsletters, unrequested offers)"),
                    c.no_ads_since is not None, id="w-noads", compact=True), id="field-noads")
                yield Field("", Checkbox(_("do not contact them at all"), c.do_not_contact,
                                         id="w-dnc", compact=True), id="field-dnc")
                yield Field(_("Why"), Input(
                    c.dnc_reason or "", placeholder=_("optional: what they said, e.g. moved away"),
                    id="w-reason", compact=True), id="field-reason")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#w-channel", Select).focus()
        self.db_read(lambda s: s.staff(), self._staff, group="staff")
        self._dnc_changed()
        self.check(show_empty=False)

    def _staff(self, staff: list[Staff]) -> None:
        box = self.query_one("#w-staff", Select)
        box.set_options([(s.name, s.id) for s in staff])
        if self.customer.pref_staff_id in {s.id for s in staff}:
            box.value = self.customer.pref_staff_id

    @on(Checkbox.Changed, "#w-dnc")
    def _dnc_changed(self) -> None:
        self.query_one("#field-reason").display = self.query_one("#w-dnc", Checkbox).value

    @on(Checkbox.Changed, "#w-asked")
    @on(Input.Changed, "#w-every")
    def _typed(self) -> None:
        self.check(show_empty=False)

    def check(self, *, show_empty: bool) -> dict[str, Any] | None:
        field = self.query_one("#field-every", Field)
        ok = True
        every = None
        try:
            every = read_interval(self.query_one("#w-every", Input).value)
            if every is not None and self.query_one("#w-asked", Checkbox).value:
                raise InputError(_("Either a rhythm or “only when they ask” — not both."))
            field.set_error(None)
            field.set_hint("→ " + _("{every} since the last contact, in or out").format(
                every=fmt.every_days(every)) if every else None)
        except InputError as exc:
            field.set_error(exc.message)
            ok = False
        reason_field = self.query_one("#field-reason", Field)
        reason = None
        dnc = self.query_one("#w-dnc", Checkbox).value
        try:
            reason = validate.text(self.query_one("#w-reason", Input).value, "reason") if dnc \
                else None
            reason_field.set_error(None)
        except InputError as exc:
            reason_field.set_error(exc.message)
            ok = False
        if not ok:
            return None
        channel = self.query_one("#w-channel", Select).value
        staff = self.query_one("#w-staff", Select).value
        no_ads = self.query_one("#w-noads", Checkbox).value
        # Only a change of the box is written: an objection another till recorded while this
        # dialog was open is never withdrawn by a box that merely showed the older state.
        changed = {"no_ads": no_ads} if no_ads != (self.customer.no_ads_since is not None) \
            else {}
        return {
            "channel": None if channel is Select.NULL else channel,
            "staff_id": None if staff is Select.NULL else staff,
            "every_days": every,
            "only_when_asked": self.query_one("#w-asked", Checkbox).value,
            "do_not_contact": dnc,
            "dnc_reason": reason,
            **changed,
        }

    def write(self, store: Store, values: dict[str, Any], anyway: bool) -> Customer:
        return store.set_wishes(self.customer.id, **values)

    def touches(self, values: Any) -> tuple[list[Where], list[Ref]]:
        return [], [("customer", self.customer.id)]

    def change_text(self, result: Customer) -> str:
        return said.wishes(result)


def wishes_of(c: Customer) -> dict[str, Any]:
    """A customer's wishes as `set_wishes` arguments (to put them back on undo)."""
    return {"channel": c.pref_channel, "staff_id": c.pref_staff_id,
            "every_days": c.contact_every_days, "only_when_asked": c.only_when_asked,
            "do_not_contact": c.do_not_contact, "dnc_reason": c.dnc_reason}
