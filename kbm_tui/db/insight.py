"""Part of the store: how the shop keeps its promises, and one relationship at a glance."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal, overload

from kbm_tui.core import clock, l10n, timefmt
from kbm_tui.core.money import bought_cents
from kbm_tui.core.records import Conversation, Glance, PromiseStats
from kbm_tui.core.timefmt import month_start
from kbm_tui.db.base import Part
from kbm_tui.db.sql import BOUGHT_SQL, CONVERSATION_ROWS


class InsightPart(Part):
    @overload
    def promise_stats(self, start: date, end: date, *, label: str = "",
                      by_staff: Literal[False] = False) -> PromiseStats: ...

    @overload
    def promise_stats(self, start: date, end: date, *, label: str = "",
                      by_staff: Literal[True]) -> dict[str, PromiseStats]: ...

    def promise_stats(self, start: date, end: date, *, label: str = "",
                      by_staff: bool = False) -> PromiseStats | dict[str, PromiseStats]:
        """Promises kept or broken between two local days (end excluded).

        Kept on time means closed by the due time (or on the due day, for a date-only due;
        always, for an open-ended one). Cancelled promises don't count either way.
        """
        tz = clock.local_tz()
        lo = timefmt.to_db(datetime.combine(start, time(0), tzinfo=tz))
        hi = timefmt.to_db(datetime.combine(end, time(0), tzinfo=tz))
        rows = self.conn.execute(
            "SELECT p.status, p.closed_at, p.due_day, p.due_at, s.name AS staff_name "
            "FROM promise p LEFT JOIN staff s ON s.id=p.staff_id "
            "WHERE p.status IN ('kept', 'broken') AND p.closed_at>=? AND p.closed_at<?", (lo, hi))
        tally: dict[str, list[int]] = {}
        for status, closed, due_day, due_at, staff in rows:
            key = (staff or "nobody") if by_staff else label
            counts = tally.setdefault(key, [0, 0, 0])
            if status == "broken":
                counts[2] += 1
            elif _late(closed, due_day, due_at, tz):
                counts[1] += 1
            else:
                counts[0] += 1
        if by_staff:
            return {k: PromiseStats(k, *v) for k, v in sorted(tally.items())}
        return PromiseStats(label, *tally.get(label, [0, 0, 0]))

    def month_stats(self) -> tuple[PromiseStats, PromiseStats]:
        """This month so far, and last month."""
        today = clock.today()
        this = month_start(today)
        last = month_start(today, 1)
        return (self.promise_stats(this, today + timedelta(days=1),
                                   label=l10n.month(this, short=False)),
                self.promise_stats(last, this, label=l10n.month(last, short=False)))

    def glance(self, customer_id: int) -> Glance:
        customer = self.get_customer(customer_id)
        today = clock.today()
        tz = clock.local_tz()
        # Twelve local month boundaries in UTC; SQLite counts between them from the index.
        edges = [timefmt.to_db(datetime.combine(month_start(today, back), time(0), tzinfo=tz))
                 for back in range(11, -2, -1)]
        counts = ", ".join("count(CASE WHEN at>=? AND at<? THEN 1 END)" for _ in range(12))
        per_month = list(self.conn.execute(
            f"SELECT {counts} FROM conversation WHERE customer_id=? AND at>=? AND at<? "
            "AND deleted_at IS NULL",
            (*[e for pair in zip(edges, edges[1:]) for e in pair], customer_id, edges[0],
             edges[-1])).fetchone())
        earliest = self.conn.execute(
            "SELECT min(at) FROM conversation WHERE customer_id=? AND deleted_at IS NULL",
            (customer_id,)).fetchone()[0]
        # Sales, invoices and returns: core.money.bought_cents says how they add up
        bought = bought_cents(
            (kind, cents, timefmt.from_db(when) or clock.now())
            for kind, cents, when in self.conn.execute(
                "SELECT kind, amount_cents, at FROM conversation WHERE customer_id=? AND "
                f"kind IN {BOUGHT_SQL} AND amount_cents IS NOT NULL AND "
                "deleted_at IS NULL ORDER BY at, id", (customer_id,)))
        first_contact = timefmt.from_db(earliest)
        since_when = (min(customer.created_at, first_contact) if first_contact
                      else customer.created_at)
        said = self.conn.execute(
            CONVERSATION_ROWS + "WHERE v.customer_id=? AND v.direction='in' AND "
            "v.deleted_at IS NULL ORDER BY v.at DESC, v.id DESC LIMIT 1", (customer_id,)).fetchone()
        return Glance(since_when, per_month, bought, self.open_promise_count(customer_id),
                      Conversation.from_row(said) if said else None)


def _late(closed: str, due_day: str | None, due_at: str | None, tz: tzinfo) -> bool:
    if due_at is not None:
        return closed > due_at
    if due_day is not None:
        return datetime.fromisoformat(closed).astimezone(tz).date().isoformat() > due_day
    return False
