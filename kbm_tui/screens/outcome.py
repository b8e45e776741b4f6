"""A follow-up done: what came of it (optional) — logged as a conversation with the customer,
so their story stays whole."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select

from kbm_tui.core.i18n import _
from kbm_tui.core.records import Followup
from kbm_tui.core.vocab import CHANNEL_LABELS
from kbm_tui.ui import actions, fmt
from kbm_tui.ui.dbwork import DbWork
from kbm_tui.widgets.form import Field, heading


@dataclass(frozen=True)
class Outcome:
    """What came of a follow-up ("" when nothing was typed) and how it went."""

    text: str
    channel: str


class OutcomeDialog(DbWork, ModalScreen[Outcome | None]):
    """Dismisses with the outcome to log (enter on an empty field: done, nothing logged), or
    None when cancelled (the follow-up stays open)."""

    BINDINGS = actions.bindings("dialog.cancel")

    def __init__(self, followup: Followup) -> None:
        super().__init__(classes="dialog")
        self.followup = followup

    def compose(self) -> ComposeResult:
        f = self.followup
        with Vertical(classes="dialog-box small"):
            yield from heading(_("Done: {text}").format(text=f.text),
                               _("What came of it? Optional: it is logged as a conversation "
                                 "with {name}. Enter on an empty field just marks it done."
                                 ).format(name=f.customer_name))
            yield Field(_("Outcome"), Input(placeholder=_("e.g. ordered the part, call again "
                                                          "in spring"),
                                            id="outcome", compact=True), id="outcome-field")
            yield Field(_("Channel"), Select([(fmt.channel(k), k) for k in CHANNEL_LABELS],
                                             value="phone", allow_blank=False,
                                             id="outcome-channel", compact=True))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Done (enter)"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel (esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#outcome", Input).focus()
        cid = self.followup.customer_id
        self.db_read(lambda s: s.last_channel(cid) or s.get_customer(cid).pref_channel,
                     self._channel, group="outcome-channel")

    def _channel(self, channel: str | None) -> None:
        if channel:
            self.query_one("#outcome-channel", Select).value = channel

    @on(Input.Submitted, "#outcome")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        text = self.query_one("#outcome", Input).value.strip()
        channel = self.query_one("#outcome-channel", Select).value
        self.dismiss(Outcome(text, str(channel)))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
