"""Adding a customer, or editing the card of one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from kbm_tui.core import validate
from kbm_tui.core.errors import InputError, KbmError
from kbm_tui.core.records import Customer
from kbm_tui.ui.dbwork import DbWork
from kbm_tui.widgets.form import Field

FIELDS = (
    ("name", "Name", "first and last name, or the business"),
    ("phone", "Phone", "+49 30 1234567"),
    ("email", "Email", "name@example.com"),
    ("address", "Address", "street, town"),
    ("tags", "Tags", "comma-separated, e.g. road bike, club"),
    ("notes", "Notes", "anything worth remembering"),
)
CHECKS = {
    "name": lambda v: validate.text(v, "name", required=True),
    "phone": validate.phone,
    "email": validate.email,
    "address": lambda v: validate.text(v, "address"),
    "tags": validate.tags,
    "notes": lambda v: validate.text(v, "notes"),
}


class CustomerForm(DbWork, ModalScreen[Customer | None]):
    """Saves the customer itself; dismisses with the saved record, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save"),
    ]

    def __init__(self, customer: Customer | None = None, *, name: str = "") -> None:
        super().__init__(classes="dialog")
        self.customer = customer
        self.start_name = name
        self._saving = False

    def compose(self) -> ComposeResult:
        title = f"Edit {self.customer.name}" if self.customer else "New customer"
        with Vertical(classes="dialog-box"):
            yield Label(title, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-fields"):
                for key, label, hint in FIELDS:
                    value = getattr(self.customer, key) if self.customer else ""
                    if key == "name" and not self.customer:
                        value = self.start_name
                    yield Field(label, Input(value or "", placeholder=hint, id=f"f-{key}",
                                             compact=True), id=f"field-{key}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#f-name", Input).focus()

    def _check(self, key: str, *, show_empty: bool) -> bool:
        value = self.query_one(f"#f-{key}", Input).value
        field = self.query_one(f"#field-{key}", Field)
        try:
            CHECKS[key](value)
        except InputError as exc:
            field.set_error(exc.message if (value.strip() or show_empty) else None)
            return False
        field.set_error(None)
        return True

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("f-")
        if key in CHECKS:
            self._check(key, show_empty=False)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if event.input.id == "f-notes":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._saving:
            return
        bad = [key for key, *_ in FIELDS if not self._check(key, show_empty=True)]
        if bad:
            self.query_one(f"#f-{bad[0]}", Input).focus()
            self.notify("Please correct the marked field first.", severity="warning")
            return
        values = {key: self.query_one(f"#f-{key}", Input).value for key, *_ in FIELDS}
        values = {k: (v if v.strip() else None) for k, v in values.items()}
        name = values.pop("name")
        self._saving = True
        if self.customer is None:
            self.db_write(lambda s: s.add_customer(name, **values), self._saved,
                          on_error=self._refused)
        else:
            cid = self.customer.id
            self.db_write(lambda s: s.update_customer(cid, name=name, **values), self._saved,
                          on_error=self._refused)

    def _saved(self, customer: Customer) -> None:
        verb = "Saved" if self.customer else "Added"
        self.app.notify(f"{verb}: {customer.name}", title="Customer")
        self.dismiss(customer)

    def _refused(self, exc: KbmError) -> None:
        self._saving = False
        key = getattr(exc, "field", None)
        if key in CHECKS:
            self.query_one(f"#field-{key}", Field).set_error(exc.message)
            self.query_one(f"#f-{key}", Input).focus()
        else:
            self.notify(exc.message, title="Not saved", severity="error")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
