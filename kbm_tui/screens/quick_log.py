"""The quick-log dialog: one conversation, and what was promised or planned in it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select

from kbm_tui.core import validate
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.money import parse_amount
from kbm_tui.core.records import Contact, ContactDraft, Conversation, Customer
from kbm_tui.core.vocab import CHANNEL_LABELS, KIND_LABELS
from kbm_tui.screens.form_dialog import FormDialog
from kbm_tui.store import Ref, Store
from kbm_tui.ui import fmt, said
from kbm_tui.ui.changes import refs_of
from kbm_tui.widgets.customer_picker import CustomerPicker
from kbm_tui.widgets.due_input import DueInput
from kbm_tui.widgets.form import Field, chosen

# Translators: which way it went, in a drop-down beside the channel: short, and for every
# channel (a call, an email, a visit)
DIRECTIONS = ((N_("from them"), "in"), (N_("from us"), "out"))


class QuickLog(FormDialog[Conversation | None]):
    """Saves itself; dismisses with the conversation logged, or None when cancelled."""

    NAME_PARTS = True
    # On a wide terminal the form takes more of the room (app.tcss: QuickLog.-roomy), so the
    # customer's wishes and a long summary stay on one line.
    HORIZONTAL_BREAKPOINTS = [(0, "-normal"), (130, "-roomy")]
    ERROR_FIELDS = {"summary": "field-summary", "channel": "field-how", "kind": "field-how",
                    "direction": "field-how", "due": "field-followup-due",
                    "amount": "field-amount"}
    ENTER_SAVES = frozenset({"followup-due"})
    ENTER_SKIPS = frozenset({"customer-input"})
    NOT_TYPED = frozenset({"customer-input"})

    def __init__(self, customer_id: int | None = None) -> None:
        super().__init__()
        self.customer_id = customer_id
        self._channel_touched = False
        self._channel_source: Text | None = None  # where the channel's default comes from

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="quick-log"):
            yield Label(_("Log a conversation"), classes="dialog-title")
            with VerticalScroll(classes="dialog-fields"):
                yield Field(_("Customer"), CustomerPicker(id="picker"), id="field-customer")
                yield Field(_("Summary"), Input(placeholder=_("what was it about?"),
                                                id="summary", compact=True),
                            id="field-summary")
                yield Field(_("How"), Horizontal(
                        Select([(fmt.channel(k), k) for k in CHANNEL_LABELS], value="store",
                               allow_blank=False, id="channel", compact=True),
                        Select([(_(label), key) for label, key in DIRECTIONS], value="in",
                               allow_blank=False, id="direction", compact=True),
                        Select([(fmt.kind(k), k) for k in KIND_LABELS], value="other",
                               allow_blank=False, id="kind", compact=True),
                        classes="selects"), id="field-how")
                yield Field(_("Amount"), Horizontal(
                    Input(placeholder=_("optional, e.g. 49,90"), id="amount", compact=True),
                    # Translators: who logged it: "Amount [...] by [Mia]"
                    Label(_("by"), classes="inline-label"),
                    Select([], prompt=_("owner"), id="staff", compact=True),
                    classes="selects"), id="field-amount")
                yield Field(_("Promise"), Input(placeholder=_("optional: what we promised"),
                                                id="promise", compact=True),
                            id="field-promise")
                # Translators: the promise's due time, on the line under "Promise"
                yield Field(" " + _("due"), DueInput(
                    placeholder=_("after lunch, Friday 14:00, +2d"), id="promise-due",
                    compact=True), id="field-promise-due")
                yield Field(_("Follow-up"), Input(
                    placeholder=_("optional: why to get back to them"), id="followup",
                    compact=True), id="field-followup")
                # Translators: the follow-up's day, on the line under "Follow-up"
                yield Field(" " + _("when"), DueInput(placeholder=_("next week, in 3 days"),
                                                      id="followup-due", compact=True),
                            id="field-followup-due")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.db_read(lambda s: s.staff(), self._staff, group="staff")
        if self.customer_id is not None:
            cid = self.customer_id
            self.db_read(lambda s: s.get_customer(cid), self._preset)
        else:
            self.query_one("#customer-input", Input).focus()

    def _staff(self, staff) -> None:
        box = self.query_one("#staff", Select)
        box.set_options([(s.name, s.id) for s in staff])
        chosen = getattr(self.app, "last_staff_id", None)
        if chosen is None and staff:
            chosen = staff[0].id  # the owner comes first
        if chosen in {s.id for s in staff}:
            box.value = chosen

    def _preset(self, customer: Customer) -> None:
        self.query_one(CustomerPicker).pick(customer)
        self.query_one("#summary", Input).focus()

    # --- the customer -------------------------------------------------------------------

    @on(CustomerPicker.Picked)
    def _picked(self, event: CustomerPicker.Picked) -> None:
        field = self.query_one("#field-customer", Field)
        customer = event.customer
        if customer is None:
            field.set_hint(None)
            self._warn()
            return
        field.set_error(None)
        self._warn()
        if event.by_person:
            self.query_one("#summary", Input).focus()
        field.set_hint(_("Wishes — {wishes}").format(wishes=fmt.wishes_line(customer)))
        if not self._channel_touched:
            cid = customer.id
            self.db_read(lambda s: (s.last_channel(cid), customer.pref_channel),
                         lambda found: self._default_channel(customer, *found),
                         group="last-channel")

    def _default_channel(self, customer: Customer, last: str | None,
                         preferred: str | None) -> None:
        """The channel they were last in touch on, else the one they prefer — and say
        which, so a talk at the counter is not logged as a phone call unnoticed."""
        if self._channel_touched:
            return
        channel = last or preferred or "store"
        if last:
            why = _("{channel}: how {name} was last in touch — change it if not")
        elif preferred:
            why = _("{channel}: the channel {name} prefers — change it if not")
        else:
            why = _("{channel}: the default, nothing is known about {name} yet")
        self._channel_source = Text("→ " + why.format(channel=fmt.channel(channel),
                                                     name=customer.name), style="dim")
        self.query_one("#channel", Select).value = channel
        self._show_warning([])

    @on(Select.Changed, "#channel")
    def _channel_chosen(self, event: Select.Changed) -> None:
        if event.select.has_focus_within:  # chosen by the person, not by the default
            self._channel_touched = True
            self._channel_source = None
        self._warn()

    @on(Select.Changed, "#direction")
    @on(Select.Changed, "#staff")
    @on(Select.Changed, "#kind")
    def _warn(self) -> None:
        """Say so, before saving, when reaching out (or advertising, whatever the direction)
        goes against the customer's wishes."""
        customer = self.query_one(CustomerPicker).customer
        if customer is None:
            self._show_warning([])
            return
        cid, channel = customer.id, chosen(self.query_one("#channel", Select))
        staff = chosen(self.query_one("#staff", Select))
        kind = chosen(self.query_one("#kind", Select))
        direction = str(self.query_one("#direction", Select).value)
        self.db_read(lambda s: s.wish_conflicts(cid, channel=channel, staff_id=staff, kind=kind,
                                                direction=direction),
                     self._show_warning, group="wishes")

    def _show_warning(self, broken: list[str]) -> None:
        text = self._channel_source.copy() if self._channel_source else None
        if broken:
            warning = Text(_("⚠ {problems} Saving asks first and notes it.").format(
                problems=" ".join(broken)), style="bold yellow")
            text = warning if text is None else text.append("\n").append_text(warning)
        self.query_one("#field-how", Field).set_hint(text)

    @on(CustomerPicker.NewWanted)
    def _new_customer(self, event: CustomerPicker.NewWanted) -> None:
        from kbm_tui.screens.customer_form import CustomerForm

        def created(customer: Customer | None) -> None:
            picker = self.query_one(CustomerPicker)
            if customer is not None:
                picker.pick(customer)
                self.query_one("#summary", Input).focus()
            else:  # not created: the typed name is still there, and so are its choices
                picker.input.focus()
                picker.show_matches()

        self.app.push_screen(CustomerForm(name=event.name), created)

    # --- checking as you type -----------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input.id in ("summary", "amount", "promise", "followup", "promise-due",
                               "followup-due"):
            self.check(show_empty=False)

    def _set(self, field: str, message: str | None) -> None:
        self.query_one(f"#field-{field}", Field).set_error(message)

    def check(self, *, show_empty: bool) -> dict[str, Any] | None:
        """What would be saved, or None (with every problem shown next to its field)."""
        ok = True
        picker = self.query_one(CustomerPicker)
        if picker.customer is None and show_empty:
            typed = picker.input.value.strip()
            self._set("customer", _("Choose a customer from the list (or “+ New customer”).")
                      if typed else
                      _("Type a name, phone number or email to choose a customer."))
            ok = False
        summary = self.query_one("#summary", Input).value
        try:
            summary = validate.text(summary, "summary", required=True)
            self._set("summary", None)
        except InputError as exc:
            self._set("summary", exc.message if (summary.strip() or show_empty) else None)
            ok = False
        amount_text = self.query_one("#amount", Input).value.strip()
        amount = None
        try:
            amount = parse_amount(amount_text) if amount_text else None
            self._set("amount", None)
        except InputError as exc:
            self._set("amount", exc.message)
            ok = False
        promise = self.query_one("#promise", Input).value
        promise_due = self.query_one("#promise-due", DueInput)
        try:
            promise = validate.text(promise, "text", label=_("promise"))
            if promise is None and promise_due.value.strip():
                raise InputError(_("Say what was promised, or clear the due time."))
            self._set("promise", None)
        except InputError as exc:
            self._set("promise", exc.message)
            ok = False
        ok = promise_due.check(show_empty=False) and ok
        followup = self.query_one("#followup", Input).value
        followup_due = self.query_one("#followup-due", DueInput)
        followup_due.required = bool(followup.strip())
        try:
            followup = validate.text(followup, "text", label=_("follow-up"))
            self._set("followup", None)
        except InputError as exc:
            self._set("followup", exc.message)
            ok = False
        ok = followup_due.check(show_empty=show_empty) and ok
        if not ok:
            return None
        return {
            "customer": picker.customer, "summary": summary, "amount": amount,
            "channel": self.query_one("#channel", Select).value,
            "direction": self.query_one("#direction", Select).value,
            "kind": self.query_one("#kind", Select).value,
            "staff": chosen(self.query_one("#staff", Select)),
            "promise": promise, "promise_due": promise_due.due,
            "followup": followup, "followup_due": followup_due.due,
        }

    # --- saving -------------------------------------------------------------------------

    def whose_wishes(self, values: dict[str, Any]) -> str:
        return str(values["customer"].name)

    def write(self, store: Store, v: dict[str, Any], anyway: bool) -> Contact:
        return store.record_contact(ContactDraft(
            v["customer"].id, v["summary"], channel=v["channel"], direction=v["direction"],
            kind=v["kind"], staff_id=v["staff"], amount_cents=v["amount"],
            promise=v["promise"], promise_due=v["promise_due"],
            followup=v["followup"], followup_due=v["followup_due"]), anyway=anyway)

    def made(self, result: Contact) -> list[Ref]:
        return refs_of(result.conversation, result.promise, result.followup)

    def change_text(self, result: Contact) -> str:
        return said.contact(result)

    def saved(self, result: Contact) -> None:
        conversation, promise, followup = result.conversation, result.promise, result.followup
        assert conversation is not None
        self.app.last_staff_id = conversation.staff_id
        parts = [_("Logged for {name}").format(name=conversation.customer_name)]
        if result.against_wishes:
            parts.append(_("noted as against their wishes"))
        if promise is not None:
            parts.append(_("promise due {when}").format(when=fmt.promise_due(promise)))
        if followup is not None:
            parts.append(_("follow-up {when}").format(when=fmt.followup_due(followup)))
        self.app.notify(" · ".join(parts), title=_("Saved"))
        self.dismiss(conversation)
