"""Part of the store: promises the shop made and follow-ups it owes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kbm_tui.core import clock, timefmt, validate
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Followup, Promise
from kbm_tui.db.base import Part
from kbm_tui.db.sql import FOLLOWUP_ROWS, PROMISE_ROWS

NEEDS_A_DAY = N_("A follow-up needs a day. Try tomorrow, Friday or in 2 weeks.")
ALREADY_DONE = N_("Follow-up #{id} is already done.")


def already_closed(promise_id: int, status: str) -> str:
    """Why a promise that is no longer open can't be closed or moved."""
    if status == "kept":
        return _("Promise #{id} is already kept.").format(id=promise_id)
    if status == "broken":
        return _("Promise #{id} is already broken.").format(id=promise_id)
    return _("Promise #{id} is already cancelled.").format(id=promise_id)


class PromisesPart(Part):
    # --- promises ----------------------------------------------------------------------

    def make_promise(self, customer_id: int, text: str, due=None, *, staff_id: int | None = None,
                     conversation_id: int | None = None) -> Promise:
        text = validate.text(text, "text", required=True, label="promise")
        self.get_customer(customer_id)
        due_day, due_at = self._due_columns(due)
        staff_id = staff_id if staff_id is not None else self.owner().id
        with self.transaction():
            new = self._insert("promise", dict(
                customer_id=customer_id, conversation_id=conversation_id, text=text,
                staff_id=staff_id, made_at=self._now(), due_day=due_day, due_at=due_at,
                status="open"))
        return self.get_promise(new)

    def get_promise(self, promise_id: int) -> Promise:
        return self._get(Promise, PROMISE_ROWS + "WHERE p.id=?", promise_id,
                         _("There is no promise #{id}.").format(id=promise_id))

    def close_promise(self, promise_id: int, status: str, note: str | None = None) -> Promise:
        """Mark a promise kept, broken (a reason is required) or cancelled."""
        if status not in ("kept", "broken", "cancelled"):
            raise InputError(_('A promise can be marked kept, broken or cancelled, not '
                               '"{status}".').format(status=status))
        note = validate.text(note, "reason", required=(status == "broken"),
                             label="reason it was broken")
        promise = self.get_promise(promise_id)
        if promise.status != "open":
            raise InputError(already_closed(promise_id, promise.status))
        with self.transaction():
            self.conn.execute(
                "UPDATE promise SET status=?, closed_at=?, close_note=? WHERE id=?",
                (status, self._now(), note, promise_id))
        return self.get_promise(promise_id)

    def reopen_promise(self, promise_id: int) -> Promise:
        with self.transaction():
            self.conn.execute(
                "UPDATE promise SET status='open', closed_at=NULL, close_note=NULL WHERE id=?",
                (promise_id,))
        return self.get_promise(promise_id)

    # --- follow-ups --------------------------------------------------------------------

    def plan_followup(self, customer_id: int, text: str, due, *, every_days: int | None = None,
                      staff_id: int | None = None, against_wishes: str | None = None) -> Followup:
        text = validate.text(text, "text", required=True, label="follow-up")
        every_days = validate.positive_days(every_days, "every")
        if due is None:
            raise InputError(_(NEEDS_A_DAY), field="due")
        self.get_customer(customer_id)
        due_day, due_at = self._due_columns(due)
        with self.transaction():
            new = self._insert("followup", dict(
                customer_id=customer_id, text=text, staff_id=staff_id, created_at=self._now(),
                due_day=due_day, due_at=due_at, every_days=every_days,
                against_wishes=against_wishes))
        return self.get_followup(new)

    def get_followup(self, followup_id: int) -> Followup:
        return self._get(Followup, FOLLOWUP_ROWS + "WHERE f.id=?", followup_id,
                         _("There is no follow-up #{id}.").format(id=followup_id))

    def followup_done(self, followup_id: int) -> Followup | None:
        """Mark done; a repeating one comes back every N days. Returns the next one, if any."""
        item = self.get_followup(followup_id)
        if item.done_at is not None:
            raise InputError(_(ALREADY_DONE).format(id=followup_id))
        with self.transaction():
            self.conn.execute("UPDATE followup SET done_at=? WHERE id=?",
                              (self._now(), followup_id))
            if not item.every_days:
                return None
            next_day = max(item.due_day, clock.today()) + timedelta(days=item.every_days)
            if next_day.isoformat() > validate.LAST_DAY:  # the calendar ends here
                return None
            next_at = None
            if item.due_at is not None:
                local_time = timefmt.local(item.due_at).timetz().replace(tzinfo=None)
                moment = datetime.combine(next_day, local_time, tzinfo=clock.local_tz())
                next_at = timefmt.to_db(moment)
            new_id = self._insert("followup", dict(
                customer_id=item.customer_id, text=item.text, staff_id=item.staff_id,
                created_at=self._now(), due_day=timefmt.day_to_db(next_day), due_at=next_at,
                every_days=item.every_days))
        return self.get_followup(new_id)

    def snooze_followup(self, followup_id: int, until: date) -> Followup:
        if until <= clock.today():
            raise InputError(_("Snooze until a day after today."), field="until")
        self.get_followup(followup_id)
        with self.transaction():
            self.conn.execute("UPDATE followup SET snoozed_until=? WHERE id=?",
                              (timefmt.day_to_db(until), followup_id))
        return self.get_followup(followup_id)

    def reschedule_followup(self, followup_id: int, due) -> Followup:
        """A new day (and time) for an open follow-up; today is allowed, the snooze goes."""
        item = self.get_followup(followup_id)
        if item.done_at is not None:
            raise InputError(_(ALREADY_DONE).format(id=followup_id))
        if due is None:
            raise InputError(_(NEEDS_A_DAY), field="due")
        due_day, due_at = self._due_columns(due)
        with self.transaction():
            self.conn.execute(
                "UPDATE followup SET due_day=?, due_at=?, snoozed_until=NULL WHERE id=?",
                (due_day, due_at, followup_id))
        return self.get_followup(followup_id)

    def unsnooze_followup(self, followup_id: int) -> Followup:
        self.get_followup(followup_id)
        with self.transaction():
            self.conn.execute("UPDATE followup SET snoozed_until=NULL WHERE id=?", (followup_id,))
        return self.get_followup(followup_id)

    def reopen_followup(self, followup_id: int) -> Followup:
        """Undo "done": open it again, and take back the repeat that marking it done made."""
        item = self.get_followup(followup_id)
        if item.done_at is None:
            return item
        with self.transaction():
            if item.every_days:
                self.conn.execute(
                    "DELETE FROM followup WHERE id = (SELECT id FROM followup WHERE "
                    "customer_id=? AND text=? AND every_days=? AND created_at=? AND "
                    "done_at IS NULL AND id>? ORDER BY id LIMIT 1)",
                    (item.customer_id, item.text, item.every_days, timefmt.to_db(item.done_at),
                     followup_id))
            self.conn.execute("UPDATE followup SET done_at=NULL WHERE id=?", (followup_id,))
        return self.get_followup(followup_id)
