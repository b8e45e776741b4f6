"""What every screen of the app shares: the bar on top, the footer, reading again, and
acting on the promise, follow-up or conversation under the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeGuard

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from kbm_tui.core import clock
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.records import Conversation, CustomerSummary, Followup, Promise
from kbm_tui.core.text import age, short
from kbm_tui.ui import actions, fmt, said
from kbm_tui.ui.changes import refs_of
from kbm_tui.ui.dbwork import DbWork

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host
from kbm_tui.widgets.virtual_table import VirtualTable

ROW_ACTIONS = actions.ROW_ACTIONS


def record_of(item: Any) -> Any:
    """The record a row stands for (a timeline entry or a Today row wraps one)."""
    return getattr(item, "record", item)


def is_open_complaint(item: Any) -> TypeGuard[Conversation]:
    return (isinstance(item, Conversation) and item.kind == "complaint"
            and item.resolved_at is None and item.deleted_at is None)


class KbmScreen(DbWork, Screen):
    """A screen that shows data: it reads it again whenever it comes back into view."""

    if TYPE_CHECKING:
        app: Host

    MODE = ""

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read what is shown again (after a change here or in another program)."""

    def changed(self, message: str, *, title: str = "", undoable: bool = True) -> None:
        """A change went through: say so (and that u undoes it), and let every screen
        catch up."""
        if undoable:
            message = _("{message}  (u: undo)").format(message=message)
        self.app.notify(message, title=title or _("Saved"), markup=False)
        self.app.reload_screens()


class ItemActions(KbmScreen):
    """Keys that act on the record under the cursor, wherever it is shown."""

    def current_item(self) -> Any | None:
        tables = list(self.query("VirtualTable.items").results(VirtualTable))
        return record_of(tables[0].cursor_item) if tables else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in ROW_ACTIONS:
            return True
        item = self.current_item()
        if action in ("kept", "broken", "renegotiate"):
            return isinstance(item, Promise) and item.status == "open"
        if action in ("done", "snooze", "reschedule"):
            return isinstance(item, Followup) and item.done_at is None
        if action == "resolve":
            return is_open_complaint(item)
        if action == "delete":
            return isinstance(item, Conversation) and item.deleted_at is None
        if action == "restore":
            return isinstance(item, Conversation) and item.deleted_at is not None
        return True

    def describe(self, item) -> Text | None:
        """The whole of the record under the cursor, for the line under the list."""
        return fmt.describe(item)

    def on_virtual_table_highlighted(self, event: VirtualTable.Highlighted) -> None:
        self.refresh_bindings()
        item = record_of(event.item)
        for line in self.query("#detail").results(Static):
            line.update(self.describe(item) or "")
            if isinstance(item, Promise):
                self._show_history(line, item)

    def _show_history(self, line: Static, promise: Promise) -> None:
        """A renegotiated promise keeps its earlier due times in view."""
        pid = promise.id

        def show(changes) -> None:
            if changes and self.current_item() == promise:
                text = self.describe(promise) or Text()
                text.append(f" · {fmt.history_text(changes)}", style="dim italic")
                line.update(text)

        self.db_read(lambda s: s.promise_history(pid), show, group="history")

    def on_virtual_table_selected(self, event: VirtualTable.Selected) -> None:
        item = record_of(event.item)
        customer_id = getattr(item, "customer_id", None)
        if isinstance(item, CustomerSummary):
            customer_id = item.id
        if customer_id is not None:
            self.app.open_customer(customer_id)

    # --- promises -----------------------------------------------------------------------

    def action_kept(self) -> None:
        item = self.current_item()
        if isinstance(item, Promise) and item.status == "open":
            pid = item.id
            self.db_change(lambda s: s.close_promise(pid, "kept"), said.kept,
                           lambda p: self.changed(_("Kept: {what}").format(
                               what=short(p.text, 40))), refs=[("promise", pid)])

    def action_broken(self) -> None:
        item = self.current_item()
        if not (isinstance(item, Promise) and item.status == "open"):
            return
        from kbm_tui.screens.reason import ReasonDialog

        def got(reason: str | None) -> None:
            if reason:
                pid = item.id
                self.db_change(lambda s: s.close_promise(pid, "broken", reason), said.broken,
                               lambda p: self.changed(
                                   _("Broken: {what}").format(what=short(p.text, 40))),
                               refs=[("promise", pid)])

        self.app.push_screen(ReasonDialog(
            _("Why was this promise broken?"), f"{item.customer_name}: {item.text}"), got)

    def action_renegotiate(self) -> None:
        item = self.current_item()
        if isinstance(item, Promise) and item.status == "open":
            from kbm_tui.screens.new_time import RenegotiateDialog

            self.app.push_screen(RenegotiateDialog(item),
                                 lambda p: self.changed(
                                     _("New time for “{what}”: {due}").format(
                                         what=short(p.text, 30), due=fmt.promise_due(p)))
                                 if p else None)

    # --- follow-ups ---------------------------------------------------------------------

    def action_done(self) -> None:
        """Mark the follow-up done, after asking (optionally) what came of it: that is
        logged as a conversation in the same change, so one undo takes back both."""
        item = self.current_item()
        if not (isinstance(item, Followup) and item.done_at is None):
            return
        from kbm_tui.screens.outcome import Outcome, OutcomeDialog

        fid, cid = item.id, item.customer_id

        def finished(result: tuple[Followup | None, Conversation | None]) -> None:
            next_one, logged = result
            what = short(item.text, 40)
            if next_one:
                message = _("Done: {what} — next one {due}").format(
                    what=what, due=fmt.followup_due(next_one))
            else:
                message = _("Done: {what}").format(what=what)
            if logged:
                message += " " + _("(what came of it is logged)")
            self.changed(message)

        def got(outcome: Outcome | None) -> None:
            if outcome is None:
                return

            def write(s) -> tuple[Followup | None, Conversation | None]:
                with s.transaction():
                    next_one = s.followup_done(fid)
                    logged = (s.log_conversation(cid, outcome.text, channel=outcome.channel,
                                                 kind="other") if outcome.text else None)
                return next_one, logged

            self.db_change(write, lambda r: (said.done_with_outcome(item) if r[1]
                                             else said.done(item)),
                           finished, refs=[("followup", fid)], made=lambda r: refs_of(*r))

        self.app.push_screen(OutcomeDialog(item), got)

    def action_snooze(self) -> None:
        item = self.current_item()
        if not (isinstance(item, Followup) and item.done_at is None):
            return
        from kbm_tui.screens.snooze import SnoozeDialog

        def got(day) -> None:
            if day is not None:
                fid = item.id
                self.db_change(lambda s: s.snooze_followup(fid, day), said.snoozed,
                               lambda f: self.changed(
                                   _("Snoozed until {day}").format(day=fmt.said_day(day))),
                               refs=[("followup", fid)])

        self.app.push_screen(SnoozeDialog(_("Snooze this follow-up"),
                                          f"{item.customer_name}: {item.text}"), got)

    def action_reschedule(self) -> None:
        item = self.current_item()
        if isinstance(item, Followup) and item.done_at is None:
            from kbm_tui.screens.new_time import RescheduleDialog

            self.app.push_screen(RescheduleDialog(item),
                                 lambda f: self.changed(
                                     _("Follow-up moved to {due}").format(
                                         due=fmt.followup_due(f)))
                                 if f else None)

    # --- conversations ------------------------------------------------------------------

    def action_resolve(self) -> None:
        item = self.current_item()
        if not is_open_complaint(item):
            return
        from kbm_tui.screens.reason import ReasonDialog

        def got(note: str | None) -> None:
            if note:
                cid = item.id
                self.db_change(
                    lambda s: s.resolve_complaint(cid, note), said.resolved,
                    lambda c: self.changed(resolved_text(c, note), title=_("Resolved")),
                    refs=[("conversation", cid)])

        self.app.push_screen(ReasonDialog(
            _("Resolve this complaint"),
            _("{name}, {when} (open {age}): {summary}").format(
                name=item.customer_name, when=fmt.moment(item.at), age=age(item.at),
                summary=short(item.summary, 160)),
            label=_("Resolution"), placeholder=_("what we did about it, in a few words"),
            what=_("note of what was done")), got)

    def action_delete(self) -> None:
        item = self.current_item()
        if not (isinstance(item, Conversation) and item.deleted_at is None):
            return
        from kbm_tui.screens.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                cid = item.id
                self.db_change(lambda s: s.set_conversation_deleted(cid, True), said.deleted,
                               lambda c: self.changed(
                                   _("Conversation moved to the archive"), title=_("Deleted")),
                               refs=[("conversation", cid)])

        self.app.push_screen(ConfirmDialog(
            _("Delete this conversation?"),
            f"{item.customer_name}, {fmt.moment(item.at)}: {short(item.summary, 120)}\n\n"
            + _("It goes to the archive (Conversations → show deleted) and can be brought "
                "back."),
            yes=_("Delete")), answered)

    def action_restore(self) -> None:
        item = self.current_item()
        if isinstance(item, Conversation) and item.deleted_at is not None:
            cid = item.id
            self.db_change(lambda s: s.set_conversation_deleted(cid, False), said.brought_back,
                           lambda c: self.changed(_("Conversation brought back"),
                                                  title=_("Restored")),
                           refs=[("conversation", cid)])


def resolved_text(c: Conversation, note: str) -> str:
    """ "… resolved after 9 days: …", "… resolved the same day: …" (not "after since
    today")."""
    days = (clock.now() - c.at).days
    if days < 1:
        return _("Complaint from {name} resolved the same day: {note}").format(
            name=c.customer_name, note=short(note, 40))
    return n_("Complaint from {name} resolved after {n} day: {note}",
              "Complaint from {name} resolved after {n} days: {note}", days).format(
        name=c.customer_name, n=days, note=short(note, 40))
