"""What every form dialog shares: save and cancel keys, checking before saving, asking first
when a contact goes against the customer's wishes, and showing a refusal next to its field.

A dialog says what its fields hold (`check`) and how it is stored (`write`); the base runs
the write off the UI thread and dismisses with what was saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, TextArea

from kbm_tui.core.errors import AgainstWishes, KbmError
from kbm_tui.core.i18n import N_, _
from kbm_tui.store import Ref, Store, Where
from kbm_tui.ui import actions
from kbm_tui.ui.dbwork import DbWork

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host
from kbm_tui.widgets.form import Field

T = TypeVar("T")

# How each part of a contact is named when asking about the customer's wishes.
PARTS = {"contact": N_("This contact"), "followup": N_("The follow-up")}


class FormDialog(DbWork, ModalScreen[T], Generic[T]):
    """Subclasses compose their fields inside a `.dialog-box` and end it with `buttons()`."""

    if TYPE_CHECKING:
        app: Host

    BINDINGS = actions.bindings("form.cancel", "form.save")
    # Which form field shows a refusal the store gives for one of its fields.
    ERROR_FIELDS: dict[str, str] = {}
    # A refusal for no field in particular goes here (a Field id), else to a notification.
    DEFAULT_ERROR_FIELD: str | None = None
    # Asking before going against the customer's wishes: the question's tail and the button.
    ANYWAY = (N_("Save anyway? It is noted as against their wishes."), N_("Save anyway"))
    ENTER_SAVES: frozenset[str] | None = None
    # When saving finds a problem: say so in a notification, and put the cursor in it.
    NOTIFY_PROBLEMS = True
    FOCUS_FIRST_PROBLEM = True
    # Name each part (this contact, the follow-up) when asking about the wishes.
    NAME_PARTS = False
    ENTER_SKIPS: frozenset[str] = frozenset()
    # Inputs whose text is not the person's typing to lose (a customer chosen for them).
    NOT_TYPED: frozenset[str] = frozenset()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(classes="dialog", **kwargs)
        self._saving = False
        self._start: dict[int, str] | None = None

    def on_mount(self) -> None:
        self.call_after_refresh(self.remember_start)

    # --- never losing what was typed -------------------------------------------------------

    def remember_start(self) -> None:
        """What the fields hold before the person types (after any preset)."""
        self._start = self._typed_texts()

    def _typed_texts(self) -> dict[int, str]:
        texts = {id(box): box.value.strip() for box in self.query(Input)
                 if box.id not in self.NOT_TYPED}
        texts.update({id(area): area.text.strip() for area in self.query(TextArea)})
        return texts

    def has_changes(self) -> bool:
        """True when a field holds text the person typed and has not saved."""
        return self._start is not None and self._typed_texts() != self._start

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save (ctrl+s)"), variant="primary", id="save", compact=True)
            yield Button(_("Cancel (esc)"), id="cancel", compact=True)

    # --- what a dialog says about itself -----------------------------------------------

    def check(self, *, show_empty: bool) -> Any | None:
        """The values to save, or None with every problem shown next to its field."""
        raise NotImplementedError

    def write(self, store: Store, values: Any, anyway: bool) -> Any:
        """Store the values (in a worker thread); what is returned is dismissed with."""
        raise NotImplementedError

    def saved(self, result: Any) -> None:
        self.dismiss(result)

    # --- what goes on the undo history ----------------------------------------------------

    def touches(self, values: Any) -> tuple[list[Where], list[Ref]]:
        """The rows saving changes that are there already: found by (table, column, value)
        and named as (table, id)."""
        return [], []

    def made(self, result: Any) -> list[Ref]:
        """The rows saving made."""
        return []

    def change_text(self, result: Any) -> str | None:
        """What saving did, for undo's message; None keeps it off the history."""
        return None

    def whose_wishes(self, values: Any) -> str:
        return ""  # the customer's (a dialog that knows the name says it)

    # --- the flow ------------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._saving:
            return
        values = self.check(show_empty=True)
        if values is None:
            if self.NOTIFY_PROBLEMS:
                self.notify(_("Please correct the marked fields first."), severity="warning")
            problems = self.query(".-invalid")
            if self.FOCUS_FIRST_PROBLEM and problems:
                _focus_box_of(problems.first(Field))
            return
        self._saving = True
        self._write(values, anyway=False)

    def _write(self, values: Any, *, anyway: bool) -> None:
        where, refs = self.touches(values)
        self.db_change(lambda s: self.write(s, values, anyway), self.change_text, self._done,
                       where=where, refs=refs, made=self.made,
                       on_error=lambda exc: self._refused(exc, values))

    def _done(self, result: Any) -> None:
        self._saving = False
        self.saved(result)

    def _refused(self, exc: KbmError, values: Any) -> None:
        if isinstance(exc, AgainstWishes):
            self._ask_anyway(exc, values)
            return
        self._saving = False
        self.show_refusal(exc)

    def _ask_anyway(self, exc: AgainstWishes, values: Any) -> None:
        """Going against the customer's wishes is theirs to forgive: ask first."""
        from kbm_tui.screens.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(values, anyway=True)
            else:
                self._saving = False

        if self.NAME_PARTS:
            detail = "\n".join(f"{_(PARTS[k]) if k in PARTS else k}: {text}"
                               for k, text in exc.notes.items())
        else:
            detail = " ".join(exc.notes.values())
        question, yes = self.ANYWAY
        whose = self.whose_wishes(values)
        title = (_("This goes against {name}'s wishes").format(name=whose) if whose
                 else _("This goes against the customer's wishes"))
        self.app.push_screen(ConfirmDialog(title, f"{detail}\n\n{_(question)}", yes=_(yes)),
                             answered)

    def show_refusal(self, exc: KbmError) -> None:
        """The store's refusal next to the field it is about, else as a notification."""
        target = self.ERROR_FIELDS.get(getattr(exc, "field", None) or "",
                                       self.DEFAULT_ERROR_FIELD)
        fields = self.query(f"#{target}") if target else None
        if fields:
            field = fields.first(Field)
            field.set_error(exc.message)
            _focus_box_of(field)
        else:
            self.notify(exc.message, title=_("Not saved"), severity="error")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Escape closes the form; with typed text in it, only after asking."""
        if self._saving:
            return
        if not self.has_changes():
            self.dismiss(None)
            return
        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(discard_question(), answered)

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        """Enter saves on the inputs named in ENTER_SAVES (all when None) and moves to the
        next field on the others; ENTER_SKIPS leaves it to the input itself."""
        if event.input.id in self.ENTER_SKIPS:
            return
        if self.ENTER_SAVES is None or event.input.id in self.ENTER_SAVES:
            self.action_save()
        else:
            self.focus_next()


def _focus_box_of(field: Field) -> None:
    """The cursor into a field's box, one line or several (a Select keeps its own ways)."""
    boxes = field.query("Input, TextArea")
    if boxes:
        boxes.first().focus()


def discard_question(quitting: bool = False) -> ModalScreen[bool]:
    """"Throw away what you typed?" — asked before a form with typed text closes."""
    from kbm_tui.screens.confirm import ConfirmDialog

    if quitting:
        return ConfirmDialog(_("Quit without saving what you typed?"),
                             _("A form holds text that is not saved yet. Press escape to go "
                               "back to it and save it with ctrl+s."), yes=_("Quit anyway"))
    return ConfirmDialog(_("Throw away what you typed?"),
                         _("Nothing of this form is saved. Press escape to go back to it."),
                         yes=_("Throw away"))
