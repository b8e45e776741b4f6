"""Part of the store: recording a contact, with what was promised and planned in it.

The one workflow behind `kbm log`, `kbm promise`, `kbm remind`, the app's quick-log and its
promise and follow-up dialogs: everything in one transaction, and the customer's wishes
checked the same way everywhere.
"""

from __future__ import annotations

from kbm_tui.core import clock
from kbm_tui.core.errors import AgainstWishes
from kbm_tui.core.records import Contact, ContactDraft
from kbm_tui.db.base import Part


class ContactPart(Part):
    def record_contact(self, draft: ContactDraft, *, anyway: bool = False) -> Contact:
        """Store the draft all or nothing.

        Reaching out to the customer (direction out), advertising in any direction and
        planning a follow-up are checked against the customer's wishes; a follow-up counts
        from the contact just logged.
        What breaks a wish raises AgainstWishes naming it, unless `anyway`: then it is
        stored and noted as against their wishes.
        """
        cid = draft.customer_id
        notes: dict[str, str] = {}
        with self.transaction():
            conversation = promise = followup = None
            if draft.summary is not None:
                against = None
                direction = self._word("direction", draft.direction, "in")
                staff = draft.staff_id if draft.staff_id is not None or direction != "out" \
                    else self.owner().id
                broken = self.wish_conflicts(cid, channel=draft.channel or "store",
                                             staff_id=staff, when=draft.at, kind=draft.kind,
                                             direction=direction)
                against = " ".join(broken) or None
                if against:
                    notes["contact"] = against
                conversation = self.log_conversation(
                    cid, draft.summary, channel=draft.channel, direction=draft.direction,
                    kind=draft.kind, staff_id=draft.staff_id, at=draft.at,
                    amount_cents=draft.amount_cents, against_wishes=against)
            if draft.promise is not None:
                promise = self.make_promise(
                    cid, draft.promise, draft.promise_due, staff_id=draft.staff_id,
                    conversation_id=conversation.id if conversation else None)
            if draft.followup_due is not None:
                when = draft.followup_due.start(clock.local_tz())
                broken = self.wish_conflicts(cid, staff_id=draft.staff_id, when=when)
                against = " ".join(broken) or None
                if against:
                    notes["followup"] = against
                followup = self.plan_followup(
                    cid, draft.followup or draft.summary or "", draft.followup_due,
                    every_days=draft.followup_every, staff_id=draft.staff_id,
                    against_wishes=against)
            if notes and not anyway:
                raise AgainstWishes(notes)
        return Contact(conversation, promise, followup)
