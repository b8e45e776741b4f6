"""Part of the store: conversations — every contact, any channel, either direction."""

from __future__ import annotations

from datetime import datetime

from kbm_tui.core import clock, timefmt, validate
from kbm_tui.core.i18n import _
from kbm_tui.core.records import Conversation
from kbm_tui.db.base import Part
from kbm_tui.db.sql import CONVERSATION_ROWS


class ConversationsPart(Part):
    def log_conversation(self, customer_id: int, summary: str, *, channel: str | None = None,
                         direction: str | None = None, kind: str | None = None,
                         staff_id: int | None = None, at: datetime | None = None,
                         amount_cents: int | None = None,
                         against_wishes: str | None = None) -> Conversation:
        text = validate.text(summary, "summary", required=True) or ""
        channel = self._word("channel", channel, "store")
        direction = self._word("direction", direction, "in")
        kind = self._word("kind", kind, "other")
        customer = self.get_customer(customer_id)
        staff_id = staff_id if staff_id is not None else self.owner().id
        moment = timefmt.to_db(at or clock.now())
        idea_status = "new" if kind == "feedback" else None
        with self.transaction():
            new_id = self._insert("conversation", dict(
                customer_id=customer.id, at=moment, channel=channel, direction=direction,
                kind=kind, staff_id=staff_id, summary=text, amount_cents=amount_cents,
                against_wishes=against_wishes, idea_status=idea_status,
                created_at=self._now()))
            self._touch_last_contact(customer.id)
            self.engine.search.said_add(self.conn, customer.id, text)
        return self.get_conversation(int(new_id))

    def _touch_last_contact(self, customer_id: int) -> None:
        self.conn.execute(
            "UPDATE customer SET last_contact_at=(SELECT max(at) FROM conversation "
            "WHERE customer_id=? AND deleted_at IS NULL) WHERE id=?", (customer_id, customer_id))

    def get_conversation(self, conversation_id: int) -> Conversation:
        return self._get(Conversation, CONVERSATION_ROWS + "WHERE v.id=?", conversation_id,
                         _("There is no conversation #{id}.").format(id=conversation_id))

    def set_conversation_deleted(self, conversation_id: int, deleted: bool = True) -> Conversation:
        """Deleting only moves a conversation to the archive; it can be brought back."""
        conv = self.get_conversation(conversation_id)
        with self.transaction():
            self.conn.execute("UPDATE conversation SET deleted_at=? WHERE id=?",
                              (self._now() if deleted else None, conversation_id))
            self._touch_last_contact(conv.customer_id)
            self.engine.search.said_refresh(self.conn, conv.customer_id)
        return self.get_conversation(conversation_id)
