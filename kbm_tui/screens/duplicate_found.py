"""Asked before a new card is saved that looks like a customer the shop has already:
open that customer, save and merge the two, or add the new one anyway."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from kbm_tui.core import likeness
from kbm_tui.core.errors import KbmError
from kbm_tui.core.i18n import N_, _
from kbm_tui.store import Likely
from kbm_tui.widgets.form import heading


class MaybeKnown(KbmError):
    """A new card that looks like customers already there (`found`, surest first)."""

    def __init__(self, found: list[Likely]) -> None:
        super().__init__(_("This customer may be here already."))
        self.found = found


def describe(found: list[Likely]) -> str:
    lines = []
    for match in found[:5]:
        c = match.customer
        sure = _("the same person") if match.sure else _("maybe the same person")
        details = ", ".join(x for x in (c.phone, c.email, c.address) if x)
        lines.append(f"#{c.id} {c.name} ({details}): {sure}, "
                     f"{likeness.reason_text(match.reasons)}" if details else
                     f"#{c.id} {c.name}: {sure}, {likeness.reason_text(match.reasons)}")
    return "\n".join(lines)


class DuplicateFound(ModalScreen[str | None]):
    """Dismisses with "open", "merge", "add" or None (back to the form)."""

    BINDINGS = [
        Binding("escape", "answer('')", N_("Back"), id="duplicate.back"),
        Binding("o", "answer('open')", N_("Open"), id="duplicate.open"),
        Binding("m", "answer('merge')", N_("Merge"), id="duplicate.merge"),
        Binding("a", "answer('add')", N_("Add anyway"), id="duplicate.add"),
    ]

    def __init__(self, name: str, found: list[Likely]) -> None:
        super().__init__(classes="dialog")
        self.new_name, self.found = name, found

    def compose(self) -> ComposeResult:
        first = self.found[0].customer
        with Vertical(classes="dialog-box wide"):
            yield from heading(_("{name} may be here already").format(name=self.new_name),
                               describe(self.found))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Open #{id} (o)").format(id=first.id), variant="primary",
                             id="open", compact=True)
                yield Button(_("Save and merge (m)"), id="merge", compact=True)
                yield Button(_("Add anyway (a)"), id="add", compact=True)
                yield Button(_("Back (esc)"), id="back", compact=True)

    def on_mount(self) -> None:
        self.query_one("#open", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer("" if event.button.id == "back" else str(event.button.id))

    def action_answer(self, choice: str) -> None:
        self.dismiss(choice or None)
