"""Part of the store: the day's agenda, section by section, each as a page and a count.

A shop that has run for years can have thousands of rows in a section; the agenda gives
the first `limit` of each, with how many there are in all.
"""

from __future__ import annotations

from datetime import timedelta

from kbm_tui.core import clock, timefmt
from kbm_tui.core.records import Agenda, Conversation, Followup, KeepInTouch, Promise
from kbm_tui.core.timefmt import day_bounds
from kbm_tui.db.base import Part
from kbm_tui.db.sql import CONVERSATION_ROWS, FOLLOWUP_ROWS, PROMISE_ROWS

_PROMISES = (PROMISE_ROWS, "promise p ")
_FOLLOWUPS = (FOLLOWUP_ROWS, "followup f ")
_TALKS = (CONVERSATION_ROWS, "conversation v ")
# When a customer is next due for a call: written with the engine's date arithmetic, word for
# word as the index ix_customer_keep_in_touch has it.
_LAST_CONTACT = "coalesce(c.last_contact_at, c.created_at)"
_KEEP_IN_TOUCH = (
    "SELECT c.id AS customer_id, c.name AS customer_name, c.contact_every_days, "
    "c.last_contact_at, c.pref_channel, s.name AS pref_staff_name, {due_at} AS due_at "
    "FROM customer c LEFT JOIN staff s ON s.id=c.pref_staff_id ")


class AgendaPart(Part):
    def _sections(self, waiting_days: int = 7) -> dict:
        """Each section: (record, (select, count from), where, order, params)."""
        now = clock.now()
        now_db, today = timefmt.to_db(now), timefmt.day_to_db(now.date())
        start, end = day_bounds(now.date())
        waited = timefmt.to_db(now - timedelta(days=waiting_days))
        due_at = self.engine.days_later(_LAST_CONTACT, "c.contact_every_days")
        keep_in_touch = (_KEEP_IN_TOUCH.format(due_at=due_at), "customer c ")
        return {
            "overdue_promises": (
                Promise, _PROMISES, "WHERE p.status='open' AND ((p.due_at IS NOT NULL AND "
                "p.due_at<?) OR (p.due_at IS NULL AND p.due_day<?))",
                "ORDER BY p.due_day, p.due_at, p.id", (now_db, today)),
            "promises_today": (
                Promise, _PROMISES, "WHERE p.status='open' AND p.due_day=? AND "
                "(p.due_at IS NULL OR p.due_at>=?)",
                "ORDER BY p.due_at IS NULL, p.due_at, p.id", (today, now_db)),
            "followups_due": (
                Followup, _FOLLOWUPS, "WHERE f.done_at IS NULL AND "
                "coalesce(f.snoozed_until, f.due_day)<=?",
                "ORDER BY coalesce(f.snoozed_until, f.due_day), f.due_at, f.id", (today,)),
            "conversations_today": (
                Conversation, _TALKS, "WHERE v.at>=? AND v.at<? AND v.deleted_at IS NULL",
                "ORDER BY v.at DESC, v.id DESC", (start, end)),
            "keep_in_touch": (
                KeepInTouch, keep_in_touch, "WHERE c.contact_every_days IS NOT NULL AND "
                "c.do_not_contact=0 AND c.only_when_asked=0 AND c.archived_at IS NULL AND "
                f"{due_at}<=?", "ORDER BY due_at, c.id", (now_db,)),
            "open_complaints": (  # the longest wait first
                Conversation, _TALKS, "WHERE v.kind='complaint' AND v.resolved_at IS NULL AND "
                "v.deleted_at IS NULL", "ORDER BY v.at, v.id", ()),
            "waiting_promises": (  # open-ended: no due time
                Promise, _PROMISES, "WHERE p.status='open' AND p.due_day IS NULL AND "
                "p.made_at<=?", "ORDER BY p.made_at, p.id", (waited,)),
        }

    def _section(self, name: str, *, limit: int | None, offset: int = 0,
                 waiting_days: int = 7) -> tuple[list, int]:
        """A page of one section and how many rows it has in all."""
        record, (select, count_from), where, order, params = self._sections(waiting_days)[name]
        page = self.engine.no_limit if limit is None else limit
        rows = self.conn.execute(f"{select}{where} {order} LIMIT ? OFFSET ?",
                                 (*params, page, offset))
        items = [record.from_row(r) for r in rows]
        if offset == 0 and (limit is None or len(items) < limit):
            return items, len(items)
        total = self.conn.execute(f"SELECT count(*) FROM {count_from}{where}", params)
        return items, total.fetchone()[0]

    def agenda(self, limit: int | None = None) -> Agenda:
        """Everything for today; with `limit`, the first rows of each section (the totals
        say how many there are)."""
        lists, totals = {}, {}
        for name in self._sections():
            lists[name], totals[name] = self._section(name, limit=limit)
        return Agenda(**lists, totals=totals)

    def open_complaints(self, limit: int = 200) -> list[Conversation]:
        """Unresolved complaints, oldest first (the longest wait matters most)."""
        return self._section("open_complaints", limit=limit)[0]

    def open_ended_promises(self, *, waiting_days: int = 0, offset: int = 0,
                            limit: int = 200) -> list[Promise]:
        """Open promises without a due time, oldest first; `waiting_days` keeps the older ones."""
        return self._section("waiting_promises", limit=limit, offset=offset,
                             waiting_days=waiting_days)[0]
