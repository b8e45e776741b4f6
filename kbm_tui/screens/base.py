"""What every screen of the app shares: the bar on top, the footer, reading again, and
acting on the promise, follow-up or conversation under the cursor."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ..records import Conversation, CustomerSummary, Followup, Promise
from ..widgets import fmt
from ..widgets.dbwork import DbWork
from ..widgets.virtual_table import VirtualTable

ROW_BINDINGS = [
    Binding("k", "kept", "Kept", id="row.kept"),
    Binding("b", "broken", "Broken", id="row.broken"),
    Binding("d", "done", "Done", id="row.done"),
    Binding("s", "snooze", "Snooze", id="row.snooze"),
    Binding("delete", "delete", "Delete", id="row.delete"),
    Binding("r", "restore", "Restore", id="row.restore"),
]
ROW_ACTIONS = {"kept", "broken", "done", "snooze", "delete", "restore"}


class KbmScreen(DbWork, Screen):
    """A screen that shows data: it reads it again whenever it comes back into view."""

    MODE = ""

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read what is shown again (after a change here or in another program)."""

    def changed(self, message: str, *, title: str = "Saved", undo=None,
                undone: str = "") -> None:
        """A change went through: say so, offer undo (`undone` says what undo brings
        back), and let every screen catch up."""
        if undo is not None:
            self.app.push_undo(undone or message, undo)
            message += "  (u: undo)"
        self.app.notify(message, title=title)
        self.app.reload_screens()


class ItemActions:
    """Keys that act on the record under the cursor, wherever it is shown."""

    def current_item(self) -> Any | None:
        tables = list(self.query("VirtualTable.items").results(VirtualTable))
        return tables[0].cursor_item if tables else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in ROW_ACTIONS:
            return True
        item = self.current_item()
        if action in ("kept", "broken"):
            return isinstance(item, Promise) and item.status == "open"
        if action in ("done", "snooze"):
            return isinstance(item, Followup) and item.done_at is None
        if action == "delete":
            return isinstance(item, Conversation) and item.deleted_at is None
        if action == "restore":
            return isinstance(item, Conversation) and item.deleted_at is not None
        return True

    def on_virtual_table_highlighted(self, event: VirtualTable.Highlighted) -> None:
        self.refresh_bindings()
        for line in self.query("#detail").results(Static):
            line.update(fmt.describe(event.item) or "")

    def on_virtual_table_selected(self, event: VirtualTable.Selected) -> None:
        customer_id = getattr(event.item, "customer_id", None)
        if isinstance(event.item, CustomerSummary):
            customer_id = event.item.id
        if customer_id is not None:
            self.app.open_customer(customer_id)

    def action_kept(self) -> None:
        item = self.current_item()
        if isinstance(item, Promise) and item.status == "open":
            pid = item.id
            self.db_write(lambda s: s.close_promise(pid, "kept"),
                          lambda p: self.changed(f"Kept: {fmt.short(p.text, 40)}",
                                                 undo=lambda s: s.reopen_promise(pid),
                                                 undone="the promise is open again"))

    def action_broken(self) -> None:
        item = self.current_item()
        if not (isinstance(item, Promise) and item.status == "open"):
            return
        from .reason import ReasonDialog

        def got(reason: str | None) -> None:
            if reason:
                pid = item.id
                self.db_write(lambda s: s.close_promise(pid, "broken", reason),
                              lambda p: self.changed(f"Broken: {fmt.short(p.text, 40)}",
                                                     undo=lambda s: s.reopen_promise(pid),
                                                     undone="the promise is open again"))

        self.app.push_screen(ReasonDialog(
            "Why was this promise broken?", f"{item.customer_name}: {item.text}"), got)

    def action_done(self) -> None:
        item = self.current_item()
        if isinstance(item, Followup) and item.done_at is None:
            fid = item.id

            def finished(next_one: Followup | None) -> None:
                extra = f" — next one {fmt.followup_due(next_one)}" if next_one else ""
                self.changed(f"Done: {fmt.short(item.text, 40)}{extra}")

            self.db_write(lambda s: s.followup_done(fid), finished)

    def action_snooze(self) -> None:
        item = self.current_item()
        if not (isinstance(item, Followup) and item.done_at is None):
            return
        from .snooze import SnoozeDialog

        def got(day) -> None:
            if day is not None:
                fid = item.id
                self.db_write(lambda s: s.snooze_followup(fid, day),
                              lambda f: self.changed(f"Snoozed until {fmt.day(day)}"))

        self.app.push_screen(SnoozeDialog("Snooze this follow-up",
                                          f"{item.customer_name}: {item.text}"), got)

    def action_delete(self) -> None:
        item = self.current_item()
        if not (isinstance(item, Conversation) and item.deleted_at is None):
            return
        from .confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                cid = item.id
                self.db_write(lambda s: s.set_conversation_deleted(cid, True),
                              lambda c: self.changed(
                                  "Conversation moved to the archive", title="Deleted",
                                  undo=lambda s: s.set_conversation_deleted(cid, False),
                                  undone="the conversation is back"))

        self.app.push_screen(ConfirmDialog(
            "Delete this conversation?",
            f"{item.customer_name}, {fmt.moment(item.at)}: {fmt.short(item.summary, 120)}\n\n"
            "It goes to the archive (Conversations → show deleted) and can be brought back.",
            yes="Delete"), answered)

    def action_restore(self) -> None:
        item = self.current_item()
        if isinstance(item, Conversation) and item.deleted_at is not None:
            cid = item.id
            self.db_write(lambda s: s.set_conversation_deleted(cid, False),
                          lambda c: self.changed("Conversation brought back", title="Restored"))

