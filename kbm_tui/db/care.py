"""Part of the store: what makes it relationship care rather than case handling.

The customer's own contact wishes and the warnings when a contact would break them;
staying in touch at the customer's chosen interval; renegotiating promises; resolving
complaints; hearing ideas.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kbm_tui.core import clock, l10n, timefmt, validate, vocab
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _, n_
from kbm_tui.core.records import Conversation, Promise, PromiseChange
from kbm_tui.core.text import every_text
from kbm_tui.db.base import Part
from kbm_tui.db.promises import already_closed
from kbm_tui.db.sql import CONVERSATION_ROWS

_UNSET = object()


class CarePart(Part):
    # --- the customer decides ----------------------------------------------------------

    def set_wishes(self, customer_id: int, *, channel=_UNSET, staff_id=_UNSET, every_days=_UNSET,
                   only_when_asked=_UNSET, do_not_contact=_UNSET, dnc_reason=_UNSET,
                   no_ads=_UNSET, clear: bool = False):
        """Record how the customer wants to be contacted; only the given wishes change.

        `no_ads` True records the objection to advertising now, unless it stands already
        (its first day is the evidence); False withdraws it. `clear` leaves it: an objection
        is withdrawn only by saying so."""
        current = self.get_customer(customer_id)
        values = {"pref_channel": current.pref_channel, "pref_staff_id": current.pref_staff_id,
                  "contact_every_days": current.contact_every_days,
                  "only_when_asked": current.only_when_asked,
                  "do_not_contact": current.do_not_contact, "dnc_reason": current.dnc_reason}
        if clear:
            values = dict.fromkeys(values)
            values.update(only_when_asked=False, do_not_contact=False)
        if no_ads is not _UNSET:
            since = current.no_ads_since
            values["no_ads_since"] = (timefmt.to_db(since) if since else self._now()) \
                if no_ads else None
        if channel is not _UNSET:
            values["pref_channel"] = None if channel is None else self._word("channel", channel, "")
        if staff_id is not _UNSET:
            values["pref_staff_id"] = staff_id
        if every_days is not _UNSET:
            values["contact_every_days"] = validate.positive_days(every_days, "every")
            if every_days is not None:
                values["only_when_asked"] = False
        if only_when_asked is not _UNSET:
            values["only_when_asked"] = bool(only_when_asked)
            if only_when_asked:
                values["contact_every_days"] = None
        if do_not_contact is not _UNSET:
            values["do_not_contact"] = bool(do_not_contact)
            if not do_not_contact:
                values["dnc_reason"] = None
        if dnc_reason is not _UNSET and values["do_not_contact"]:
            values["dnc_reason"] = validate.text(dnc_reason, "reason")
        sets = ", ".join(f"{k}=?" for k in values)
        with self.transaction():
            self.conn.execute(f"UPDATE customer SET {sets}, updated_at=? WHERE id=?",
                              (*values.values(), self._now(), customer_id))
        return self.get_customer(customer_id)

    def wish_conflicts(self, customer_id: int, *, channel: str | None = None,
                       staff_id: int | None = None, when: datetime | None = None,
                       kind: str | None = None, direction: str = "out") -> list[str]:
        """The customer's wishes that an outgoing contact (now, or planned for `when`) of
        `kind` breaks, each as a sentence naming the wish. Empty when it is fine.

        Advertising is what the shop sends, whatever the direction it was logged with (left
        at "from them", typed without --out): it is checked against "do not contact" and
        "no advertising" in every direction; the rest of the wishes only for `out`."""
        advertising = bool(kind) and vocab.canonical("kind", kind or "") == "advertising"
        if direction != "out" and not advertising:
            return []
        c = self.get_customer(customer_id)
        broken = []
        if c.do_not_contact:
            broken.append(
                _("{name} asked not to be contacted (reason: {reason}).").format(
                    name=c.name, reason=c.dnc_reason) if c.dnc_reason else
                _("{name} asked not to be contacted.").format(name=c.name))
        elif c.no_ads_since and advertising:
            # Only advertising: the call-back, the quote they asked for are still welcome.
            broken.append(_("{name} objected to advertising (since {day}).").format(
                name=c.name, day=timefmt.since_day(c.no_ads_since)))
        if direction != "out":  # the customer's own visit, call or mail: only that
            return broken
        if c.only_when_asked:
            broken.append(_("{name} wants to hear from the shop only when they ask.").format(
                name=c.name))
        word = vocab.canonical("channel", channel) if channel else None
        if c.pref_channel and word and word != c.pref_channel:
            # Translators: {wanted} and {used} are channels such as "phone", "email".
            broken.append(_("{name} prefers {wanted}, not {used}.").format(
                name=c.name, wanted=vocab.label("channel", c.pref_channel),
                used=vocab.label("channel", word)))
        if c.pref_staff_id and staff_id is not None and staff_id != c.pref_staff_id:
            other = self.get_staff(staff_id).name
            broken.append(_("{name} prefers to deal with {wanted}, not {other}.").format(
                name=c.name, wanted=c.pref_staff_name, other=other))
        if c.contact_every_days and c.last_contact_at:
            moment = when or clock.now()
            next_due = c.last_contact_at + timedelta(days=c.contact_every_days)
            if moment < next_due:
                days = (timefmt.local(moment).date() - timefmt.local(c.last_contact_at).date()).days
                ago = {0: _("the same day"), 1: _("the day before")}.get(
                    days, n_("{n} day before", "{n} days before", days).format(n=days))
                # Translators: {every} is a rhythm such as "every 4 weeks", "every 10 days"
                broken.append(_(
                    "{name} wants to hear from the shop {every}; the last contact was {ago} "
                    "(next from {next}).").format(
                    name=c.name, every=every_text(c.contact_every_days), ago=ago,
                    next=l10n.short_date(timefmt.local(next_due).date(), padded=False)))
        return broken

    def renegotiate_promise(self, promise_id: int, due, reason: str) -> Promise:
        """A new due time agreed with the customer; the earlier one stays in the history."""
        reason = validate.text(reason, "reason", required=True,
                               label=N_("reason for the new time"))
        promise = self.get_promise(promise_id)
        if promise.status != "open":
            raise InputError(already_closed(promise_id, promise.status))
        new_day, new_at = self._due_columns(due)
        with self.transaction():
            self._insert("promise_change", dict(
                promise_id=promise_id, changed_at=self._now(),
                old_due_day=timefmt.day_to_db(promise.due_day) if promise.due_day else None,
                old_due_at=timefmt.to_db(promise.due_at) if promise.due_at else None,
                new_due_day=new_day, new_due_at=new_at, reason=reason))
            self.conn.execute("UPDATE promise SET due_day=?, due_at=? WHERE id=?",
                              (new_day, new_at, promise_id))
        return self.get_promise(promise_id)

    def undo_renegotiation(self, promise_id: int) -> Promise:
        """Take the last new due time back: the earlier one again, its history entry gone."""
        promise = self.get_promise(promise_id)
        last = self.conn.execute(
            "SELECT * FROM promise_change WHERE promise_id=? ORDER BY changed_at DESC, id DESC "
            "LIMIT 1", (promise_id,)).fetchone()
        current = (timefmt.day_to_db(promise.due_day) if promise.due_day else None,
                   timefmt.to_db(promise.due_at) if promise.due_at else None)
        if last is None or promise.status != "open" or \
                current != (last["new_due_day"], last["new_due_at"]):
            raise InputError(_("Promise #{id}'s due time has changed since; set the time you "
                               "want with a new renegotiation.").format(id=promise_id))
        with self.transaction():
            self.conn.execute("UPDATE promise SET due_day=?, due_at=? WHERE id=?",
                              (last["old_due_day"], last["old_due_at"], promise_id))
            self.conn.execute("DELETE FROM promise_change WHERE id=?", (last["id"],))
        return self.get_promise(promise_id)

    def promise_history(self, promise_id: int) -> list[PromiseChange]:
        rows = self.conn.execute(
            "SELECT * FROM promise_change WHERE promise_id=? ORDER BY changed_at, id",
            (promise_id,))
        return [PromiseChange.from_row(r) for r in rows]

    def resolve_complaint(self, conversation_id: int, resolution: str) -> Conversation:
        resolution = validate.text(resolution, "reason", required=True,
                                   label=N_("note of what was done"))
        conv = self.get_conversation(conversation_id)
        if conv.kind != "complaint":
            raise InputError(_("Conversation #{id} is not a complaint.").format(
                id=conversation_id))
        if conv.resolved_at is not None:
            raise InputError(_("Complaint #{id} is already resolved.").format(
                id=conversation_id))
        with self.transaction():
            self.conn.execute("UPDATE conversation SET resolved_at=?, resolution=? WHERE id=?",
                              (self._now(), resolution, conversation_id))
        return self.get_conversation(conversation_id)

    def reopen_complaint(self, conversation_id: int) -> Conversation:
        """A resolved complaint open again (its resolution note goes)."""
        conv = self.get_conversation(conversation_id)
        if conv.kind != "complaint" or conv.resolved_at is None:
            raise InputError(_("Conversation #{id} is not a resolved complaint.").format(
                id=conversation_id))
        with self.transaction():
            self.conn.execute("UPDATE conversation SET resolved_at=NULL, resolution=NULL "
                              "WHERE id=?", (conversation_id,))
        return self.get_conversation(conversation_id)

    def median_days_to_resolve(self) -> float | None:
        """The median time from a complaint to its resolution, in days."""
        # Counted and then read at the middle, both along ix_conversation_complaint_days.
        resolved = "FROM conversation WHERE kind='complaint' AND resolved_at IS NOT NULL AND " \
            "deleted_at IS NULL"
        count = self.conn.execute(f"SELECT count(*) {resolved}").fetchone()[0]
        if not count:
            return None
        spans = [r[0] for r in self.conn.execute(
            f"SELECT {self.engine.days_between('at', 'resolved_at')} {resolved} ORDER BY 1 "
            "LIMIT ? OFFSET ?", (2 - count % 2, (count - 1) // 2))]
        return sum(spans) / len(spans)

    # --- ideas are heard ---------------------------------------------------------------

    def ideas(self, *, status: str | None = None, offset: int = 0,
              limit: int = 100) -> list[Conversation]:
        """Feedback and ideas from every customer, newest first."""
        where, params = "v.kind='feedback' AND v.deleted_at IS NULL", []
        if status is not None:
            where += " AND v.idea_status=?"
            params.append(status)
        rows = self.conn.execute(
            CONVERSATION_ROWS + f"WHERE {where} ORDER BY v.at DESC, v.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset))
        return [Conversation.from_row(r) for r in rows]

    def set_idea_status(self, conversation_id: int, status: str) -> Conversation:
        if status not in vocab.IDEA_STATUSES:
            raise InputError(_('An idea is new, considered or done, not "{status}".').format(
                status=status))
        conv = self.get_conversation(conversation_id)
        if conv.kind != "feedback":
            raise InputError(_("Conversation #{id} is not feedback or an idea.").format(
                id=conversation_id))
        with self.transaction():
            self.conn.execute("UPDATE conversation SET idea_status=? WHERE id=?",
                              (status, conversation_id))
        return self.get_conversation(conversation_id)
