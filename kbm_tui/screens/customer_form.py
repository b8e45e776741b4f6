"""Adding a customer, or editing the card of one."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, TextArea

from kbm_tui.core import cardfields, validate
from kbm_tui.core.cardfields import FIELD_WORDS
from kbm_tui.core.errors import EditConflict, InputError, KbmError, NotFound
from kbm_tui.core.i18n import N_, _, n_
from kbm_tui.core.records import Customer
from kbm_tui.core.text import short
from kbm_tui.screens.duplicate_found import DuplicateFound, MaybeKnown
from kbm_tui.screens.form_dialog import FormDialog
from kbm_tui.store import Ref, Store, Where
from kbm_tui.ui import said
from kbm_tui.widgets.form import Field

FIELDS = (
    ("name", N_("Name"), N_("first and last name, or the business")),
    ("phone", N_("Phone"), "+49 30 1234567"),
    ("email", N_("Email"), "name@example.com"),
    ("address", N_("Address"), N_("street, town")),
    ("tags", N_("Tags"), N_("comma-separated, e.g. road bike, club")),
    ("notes", N_("Notes"), N_("anything worth remembering")),
    # What an import brings along and the card shows under the notes, named as it does there.
    ("organization", N_("Company"), N_("company or club they are with")),
    ("birthday", N_("Birthday"), N_("14.03.1985, or 14.03. without the year")),
    ("more_contacts", N_("Also"),
     N_("more numbers, emails, addresses, one a line, e.g. mobile: 0171 2345678")),
)
MULTILINE = ("notes", "more_contacts")  # a box where Enter starts a new line
CHECKS = {
    "name": lambda v: validate.text(v, "name", required=True),
    "phone": validate.phone,
    "email": validate.email,
    "address": lambda v: validate.text(v, "address"),
    "tags": validate.tags,
    "notes": lambda v: validate.text(v, "notes"),
    "organization": cardfields.organization,
    "birthday": cardfields.birthday,
}


class CustomerForm(FormDialog[Customer | None]):
    """Saves the customer itself; dismisses with the saved record, or None when cancelled."""

    ERROR_FIELDS = {key: f"field-{key}" for key, *_ in FIELDS}
    # Enter goes on to the next field; in the notes and more contacts (MULTILINE) it starts a
    # new line; ctrl+s saves.
    ENTER_SAVES: frozenset[str] = frozenset()

    def __init__(self, customer: Customer | None = None, *, name: str = "") -> None:
        super().__init__()
        self.customer = customer
        self.start_name = name
        self.then_merge_with: int | None = None  # a known customer to merge the new card into
        # The card's fields as the form showed them when it opened: what is still so was left
        # alone, and takes what someone else saves meanwhile (a three-way merge, as in git).
        self.opened = {key: shown(customer, key) for key, *_ in FIELDS}
        self.kept_theirs: list[str] = []  # fields someone else changed, kept by the last save

    def compose(self) -> ComposeResult:
        title = (_("Edit {name}").format(name=self.customer.name) if self.customer
                 else _("New customer"))
        with Vertical(classes="dialog-box"):
            yield Label(title, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-fields"):
                for key, label, hint in FIELDS:
                    value = self.opened[key]
                    if key == "name" and not self.customer:
                        value = self.start_name
                    box: Input | TextArea = Input(value, placeholder=_(hint),
                                                  id=f"f-{key}", compact=True)
                    if key in MULTILINE:
                        box = TextArea(value, placeholder=_(hint), id=f"f-{key}",
                                       compact=True, highlight_cursor_line=False)
                    yield Field(_(label), box, id=f"field-{key}")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#f-name", Input).focus()

    def _value(self, key: str) -> str:
        box = self.query_one(f"#f-{key}")
        return box.text if isinstance(box, TextArea) else self.query_one(f"#f-{key}", Input).value

    def _put(self, key: str, text: str) -> None:
        box = self.query_one(f"#f-{key}")
        if isinstance(box, TextArea):
            box.text = text
        else:
            self.query_one(f"#f-{key}", Input).value = text

    def _check_one(self, key: str, *, show_empty: bool) -> bool:
        value = self._value(key)
        field = self.query_one(f"#field-{key}", Field)
        try:
            if key == "more_contacts":  # lines the card had already stand as they are
                cleaned = cardfields.typed_more_contacts(value, self._known_more())
            else:
                cleaned = CHECKS[key](value)
        except InputError as exc:
            field.set_error(exc.message if (value.strip() or show_empty) else None)
            return False
        field.set_error(None)
        if key == "birthday":  # read back: "14.3." is the 14th of March
            field.set_hint(cardfields.show_birthday(cleaned) or None)
        return True

    def _known_more(self) -> str | None:
        return self.customer.more_contacts if self.customer else None

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("f-")
        if key in CHECKS:
            self._check_one(key, show_empty=False)

    @on(TextArea.Changed)
    def _noted(self, event: TextArea.Changed) -> None:
        key = (event.text_area.id or "").removeprefix("f-")
        if key in MULTILINE:
            self._check_one(key, show_empty=False)

    def check(self, *, show_empty: bool) -> dict[str, str | None] | None:
        bad = [key for key, *_ in FIELDS if not self._check_one(key, show_empty=show_empty)]
        if bad:
            return None
        values = {key: self._value(key) for key, *_ in FIELDS}
        return {k: (v if v.strip() else None) for k, v in values.items()}

    def write(self, store: Store, values: dict[str, str | None], anyway: bool) -> Customer:
        fields = dict(values)
        name = fields.pop("name") or ""
        if self.customer is None:
            if not anyway:  # someone the shop has already? ask first (screens/duplicate_found)
                found = store.likely_same(
                    name, phone=fields.get("phone"), email=fields.get("email"),
                    address=fields.get("address"), more_contacts=fields.get("more_contacts"),
                    birthday=fields.get("birthday"), organization=fields.get("organization"))
                if found:
                    raise MaybeKnown(found)
            return store.add_customer(name, **fields)
        seen = self.customer
        mine = {key: value for key, value in values.items() if (value or "") != self.opened[key]}
        try:
            result = store.update_customer(seen.id, seen=seen, **mine)
        except EditConflict as exc:
            # Shown and chosen on the UI thread (_refused); the form holds what was typed.
            self.customer = exc.current  # type: ignore[assignment]
            raise
        self.kept_theirs = [key for key in self.opened
                            if key not in mine and getattr(result, key) != getattr(seen, key)]
        return result

    def touches(self, values: Any) -> tuple[list[Where], list[Ref]]:
        return [], [("customer", self.customer.id)] if self.customer else []

    def made(self, result: Customer) -> list[Ref]:
        return [("customer", result.id)]

    def change_text(self, result: Customer) -> str:
        return said.edited(result) if self.customer else said.added(result)

    def _refused(self, exc: KbmError, values: Any) -> None:
        if isinstance(exc, EditConflict):
            self._saving = False
            self._both_changed(exc)
            return
        if isinstance(exc, NotFound) and self.customer is not None:
            self._saving = False  # "no customer #5" would name a number the form never showed
            self.notify(_("{name} is no longer in this database: someone else erased the card "
                          "or merged it into another meanwhile. Nothing was saved; escape "
                          "closes the form.").format(name=self.customer.name),
                        title=_("Not saved"), severity="error", markup=False)
            return
        if not isinstance(exc, MaybeKnown):
            super()._refused(exc, values)
            return
        first = exc.found[0].customer

        def answered(choice: str | None) -> None:
            if choice == "open":
                self.dismiss(None)
                self.app.open_customer(first.id)
            elif choice in ("merge", "add"):
                self.then_merge_with = first.id if choice == "merge" else None
                self._write(values, anyway=True)
            else:
                self._saving = False

        self.app.push_screen(DuplicateFound(values.get("name") or "", exc.found), answered)

    def _both_changed(self, exc: EditConflict) -> None:
        """Someone else saved this card meanwhile, in a field this form changed too: what
        this form left alone now shows their value; only the fields both changed are asked."""
        current: Customer = exc.current  # type: ignore[assignment]
        taken = []
        for key, was in self.opened.items():
            theirs = shown(current, key)
            field = self.query_one(f"#field-{key}", Field)
            field.set_hint(None)  # from an earlier conflict
            if key in exc.changed:
                field.set_hint(_("Someone else saved: {value}. Saving again keeps yours.")
                               .format(value=short(theirs)) if theirs else
                               _("Someone else emptied this field. Saving again keeps yours."))
            elif theirs != was and self._value(key) == was:
                self._put(key, theirs)
                field.set_hint(_("Changed by someone else meanwhile.") if theirs else
                               _("Emptied by someone else meanwhile."))
                taken.append(key)
        self.opened = {key: shown(current, key) for key in self.opened}
        self.query_one(".dialog-title", Label).update(_("Edit {name}").format(name=current.name))
        empty = _("empty")  # outside the f-string, where the catalogue tools see it
        both = ", ".join(f"{_(FIELD_WORDS[key])} ({short(shown(current, key)) or empty})"
                         for key in exc.changed)
        message = n_("Someone else has meanwhile changed the same field as you: {changes}. "
                     "Save again to keep what you typed, or cancel to keep their version.",
                     "Someone else has meanwhile changed the same fields as you: {changes}. "
                     "Save again to keep what you typed, or cancel to keep their version.",
                     len(exc.changed)).format(changes=both)
        if taken:
            message += " " + _("What else they changed is in the form now: {fields}.").format(
                fields=field_words(taken))
        self.notify(message, title=_("Not saved"), severity="warning", timeout=20)
        self.query_one(f"#f-{exc.changed[0]}").focus()

    def saved(self, customer: Customer | None) -> None:
        if customer is not None:
            done = _("Saved: {name}") if self.customer else _("Added: {name}")
            text = done.format(name=customer.name)
            if self.kept_theirs:
                text += "\n" + _("Kept what someone else changed meanwhile: {fields}.").format(
                    fields=field_words(self.kept_theirs))
            self.app.notify(text, title=_("Customer"))
        if customer is None or self.then_merge_with is None:
            self.dismiss(customer)
            return
        from kbm_tui.screens.merge import MergeDialog

        # The merge decides what becomes of the new card: whoever asked for the form gets
        # nothing to open, and a merged card opens as the one that stays.
        app, kept = self.app, self.then_merge_with
        self.dismiss(None)
        app.push_screen(MergeDialog(kept, customer.id),
                        lambda merge: app.open_customer(kept) if merge else None)


def shown(customer: Customer | None, key: str) -> str:
    """A field of the card as the form shows it: a birthday as it would be typed."""
    value = (getattr(customer, key) or "") if customer else ""
    return cardfields.birthday_as_typed(value) if key == "birthday" else value


def field_words(keys: list[str]) -> str:
    return ", ".join(_(FIELD_WORDS[key]) for key in keys)
