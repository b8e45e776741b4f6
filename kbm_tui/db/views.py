"""Part of the store: the read-only views the screens and `kbm today`/`kbm customers` show.

Lists are always read a window at a time (offset/limit), never all rows at once.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from kbm_tui.core import clock, phone, timefmt, vocab
from kbm_tui.core.money import bought_cents
from kbm_tui.core.records import Conversation, CustomerSummary, Followup, Promise
from kbm_tui.core.timefmt import day_bounds
from kbm_tui.core.vocab import digits_of
from kbm_tui.db.base import Part
from kbm_tui.db.search_plan import SearchPlan
from kbm_tui.db.sql import BOUGHT_SQL, CONVERSATION_ROWS, FOLLOWUP_ROWS, PROMISE_ROWS

_SORTS = {
    "name": "c.name_key, c.id",
    "last_contact": "c.last_contact_at IS NULL, c.last_contact_at DESC, c.id",
    "newest": "c.id DESC",
}


# Recent customer counts, to plan the list query (see list_customers).
_COUNTED: dict[tuple, int] = {}
# Where pages of a list ended (row number -> sort key of the row before it), so the next
# page is read from there along the index: OFFSET 90,000 would step over 90,000 rows,
# 120 ms at 100k customers, where this takes half a millisecond.
_ANCHORS: dict[tuple, dict[int, tuple]] = {}
# Sorts that can be continued from a row's key: the key's columns, the condition for
# "after it", and the order backwards (to read the end of a long list from the end).
_KEYSETS = {
    "name": ("c.name_key AS sort_1, c.id AS sort_2", "(c.name_key, c.id) > (?, ?)",
             "c.name_key DESC, c.id DESC"),
    "newest": ("c.id AS sort_1", "c.id < ?", "c.id"),
}


# Per search: what the engine's indexes told about its words (see _plan); and per
# database and revision, what they told about each word (typing "cargo bike" asks about
# "cargo" once).
_PLANS: dict[tuple, SearchPlan | None] = {}
_LOOKED_UP: dict[tuple, dict] = {}
# What customers bought, per database and revision: the shop's busiest customers come up
# in most searches, and reading their thousand sales again for every key typed took half
# the time of a page.
_BOUGHT: dict[tuple, dict[int, int]] = {}
_BOUGHT_KEPT = 20_000


def _search_words(search: str) -> list[str]:
    """The words typed, longest first: the longest is likely the rarest, so its matches
    are looked up and the other words only checked against them."""
    words = sorted(vocab.fold(search).split(), key=len, reverse=True)
    digits = digits_of(search)
    if digits and len(digits) >= 3 and phone.looks_like_number(search):
        return [search.replace(" ", "")]  # "0171 234 56" is one phone number
    return words


class ViewsPart(Part):
    # --- customers ---------------------------------------------------------------------

    def _customer_filter(self, search: str, include_archived: bool,
                         in_name_order: bool = False, row_by_row: bool = False,
                         plan: SearchPlan | None = None) -> tuple[str, list]:
        """Every typed word must match the card, the phone digits or a conversation."""
        clauses: list[str] = []
        params: list[Any] = []
        if not include_archived:
            clauses.append("c.archived_at IS NULL")
        said_by_few = plan.said_by_few if plan else {}
        for n, word in enumerate(_search_words(search)):
            sql, values = self.engine.search.word_condition(
                word, in_name_order=in_name_order or n > 0, row_by_row=row_by_row,
                said_by=said_by_few.get(word))
            clauses.append(sql)
            params += values
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return where, params

    def list_customers(self, search: str = "", *, sort: str = "name", offset: int = 0,
                       limit: int = 50, include_archived: bool = False) -> list[CustomerSummary]:
        """One window of the customer list, filtered by every word typed."""
        # Sorted by name, a large result is best read along the name index until the page
        # is full; a small one (known from the count the list asked for first, or from the
        # engine's indexes) by looking its few rows up and sorting them.
        listing = self._count_key(search, include_archived)
        known = _COUNTED.get(listing)
        sort = sort if sort in _SORTS else "name"
        along_names = sort == "name" and (known is None or known > 2000)
        # An engine may learn from its indexes that a word typed is rare and read its few
        # customers by id (db/postgres/search.py); a broad word's page then along the names,
        # the search checked on each row as it comes.
        plan = self._plan(listing, search)
        narrowed = plan.narrowed if plan else None
        row_by_row = narrowed is not None or along_names
        window = (self.engine.search.names_window()
                  if along_names and not narrowed and _search_words(search) else 0)
        along_names = along_names and narrowed is None
        where, params = self._customer_filter(search, include_archived, along_names,
                                              row_by_row, plan)
        if narrowed:
            where, params = f"{where} AND {narrowed[0]}", params + narrowed[1]
        order, skip, after, backwards = _SORTS[sort], offset, (), False
        keyset = _KEYSETS.get(sort)
        anchors = _ANCHORS.setdefault(listing + (sort,), {}) if keyset else {}
        start = max((n for n in anchors if n <= offset), default=0)
        source, walked = "customer c", ""
        if keyset and known is not None and known - offset < offset - start:
            backwards = True  # nearer the end: read from the end
            order, skip = keyset[2], max(0, known - offset - limit)
            limit = max(0, min(limit, known - offset))
        elif start and keyset:
            after, skip = anchors[start], offset - start
            if window:
                walked = "WHERE " + keyset[1]
            else:
                where += (" AND " if where else "WHERE ") + keyset[1]
        if window:
            # The rows in name order as the index gives them, the search checked on each
            # as it comes: a server's planner would otherwise collect every match first.
            source = f"(SELECT * FROM customer c {walked} ORDER BY {order} LIMIT ?) c"
            params, after = [*after, window, *params], ()
        sql = ("SELECT c.id, c.name, c.phone, c.email, c.tags, c.last_contact_at, c.archived_at, "
               "c.no_ads_since, "
               "(SELECT count(*) FROM promise p WHERE p.customer_id=c.id AND p.status='open') "
               "AS open_promises, (SELECT min(coalesce(f.snoozed_until, f.due_day)) FROM "
               "followup f WHERE f.customer_id=c.id AND f.done_at IS NULL) AS next_followup_day"
               f"{', ' + keyset[0] if keyset else ''} FROM {{source}} {{where}} ORDER BY {order} "
               "LIMIT ? OFFSET ?")
        rows = list(self.conn.execute(sql.format(source=source, where=where),
                                      (*params, *after, limit, skip)))
        if window and len(rows) < limit:
            # The window ran out before the page was full: the search's own plan.
            where, params = self._customer_filter(search, include_archived, True, plan=plan)
            if start and keyset:
                where += " AND " + keyset[1]
                params += list(anchors[start])
            rows = list(self.conn.execute(sql.format(source="customer c", where=where),
                                          (*params, limit, skip)))
        if backwards:
            rows.reverse()
        if keyset and rows:
            if len(_ANCHORS) > 64:
                _ANCHORS.clear()
            anchors[offset + len(rows)] = tuple(v for k, v in dict(rows[-1]).items()
                                                if k.startswith("sort_"))
        found = [CustomerSummary.from_row(r) for r in rows]
        bought = self._bought([c.id for c in found], listing[-1])
        return [replace(c, bought_cents=bought[c.id]) if c.id in bought else c for c in found]

    def _plan(self, listing: tuple, search: str) -> SearchPlan | None:
        """What the engine's indexes tell about the search's words (kept while the data
        stays the same: the pages after the first and the count use it too)."""
        if not _search_words(search):
            return None
        if listing not in _PLANS:
            if len(_PLANS) > 64:
                _PLANS.clear()
            data = (listing[0], listing[-1])  # the database and its revision
            if data not in _LOOKED_UP or len(_LOOKED_UP[data]) > 256:
                _LOOKED_UP.clear()  # an older revision's answers may be out of date
            _PLANS[listing] = self.engine.search.customer_ids(
                self.conn, _search_words(search), _LOOKED_UP.setdefault(data, {}))
        return _PLANS[listing]

    def _bought(self, customer_ids: list[int], revision: int) -> dict[int, int]:
        """What each of these customers bought (the card's rule, core.money.bought_cents),
        read for the window's customers only, and kept until the data changes."""
        key = (str(self.path), revision)
        if key not in _BOUGHT:
            _BOUGHT.clear()  # an older revision's figures may be out of date
        known = _BOUGHT.setdefault(key, {})
        missing = [cid for cid in customer_ids if cid not in known]
        if missing:
            if len(known) + len(missing) > _BOUGHT_KEPT:
                known.clear()
            sales: dict[int, list[tuple[str, int, datetime]]] = {cid: [] for cid in missing}
            marks = ", ".join("?" * len(missing))
            for cid, kind, cents, when in self.conn.execute(
                    "SELECT customer_id, kind, amount_cents, at FROM conversation WHERE "
                    f"customer_id IN ({marks}) AND kind IN {BOUGHT_SQL} AND "
                    "amount_cents IS NOT NULL AND deleted_at IS NULL ORDER BY at, id",
                    tuple(missing)):
                sales[cid].append((kind, cents, timefmt.from_db(when) or clock.now()))
            known.update((cid, bought_cents(listed)) for cid, listed in sales.items())
        return {cid: known[cid] for cid in customer_ids if known.get(cid)}

    def count_customers(self, search: str = "", *, include_archived: bool = False) -> int:
        plan = self._plan(self._count_key(search, include_archived), search)
        narrowed = plan.narrowed if plan else None
        where, params = self._customer_filter(search, include_archived,
                                              row_by_row=narrowed is not None, plan=plan)
        if narrowed:
            where, params = f"{where} AND {narrowed[0]}", params + narrowed[1]
        total = self.conn.execute(f"SELECT count(*) FROM customer c {where}", params).fetchone()[0]
        if len(_COUNTED) > 256:
            _COUNTED.clear()
        _COUNTED[self._count_key(search, include_archived)] = total
        return total

    def _count_key(self, search: str, include_archived: bool) -> tuple:
        # The revision is shared by every connection, so a count made on one (the app's
        # counting connection) plans the list query on another.
        return (str(self.path), vocab.fold(search), include_archived, self.revision())

    # --- lists across customers --------------------------------------------------------

    def _conversation_filter(self, customer_id=None, channel=None, kind=None, staff_id=None,
                             since=None, until=None, text: str = "",
                             include_deleted: bool = False) -> tuple[str, list]:
        clauses: list[str] = []
        params: list[Any] = []
        if not include_deleted:
            clauses.append("v.deleted_at IS NULL")
        for column, value in (("v.customer_id", customer_id), ("v.channel", channel),
                              ("v.kind", kind), ("v.staff_id", staff_id)):
            if value is not None:
                clauses.append(f"{column}=?")
                params.append(value)
        if since is not None:
            clauses.append("v.at>=?")
            params.append(day_bounds(since)[0])
        if until is not None:
            clauses.append("v.at<?")
            params.append(day_bounds(until)[1])
        for word in vocab.fold(text).split():
            # The word index answers at any size; the LIKE keeps it to what was typed.
            condition, values = self.engine.search.conversation_word(word)
            clauses.append(condition)
            params += values
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return where, params

    def conversations(self, *, offset: int = 0, limit: int = 50,
                      **filters) -> list[Conversation]:
        """Newest first. Filters: customer_id, channel, kind, staff_id, since/until (local
        calendar days, both included), text (words said), include_deleted."""
        where, params = self._conversation_filter(**filters)
        rows = self.conn.execute(
            CONVERSATION_ROWS + f"{where} ORDER BY v.at DESC, v.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset))
        return [Conversation.from_row(r) for r in rows]

    def count_conversations(self, **filters) -> int:
        """How many conversations `conversations(**filters)` pages through."""
        where, params = self._conversation_filter(**filters)
        return self.conn.execute(f"SELECT count(*) FROM conversation v {where}",
                                 params).fetchone()[0]

    def promises(self, *, status: str | None = "open", customer_id: int | None = None,
                 offset: int = 0, limit: int = 100) -> list[Promise]:
        """Open ones soonest due first (open-ended last); closed ones newest first.
        `status="overdue"`: open ones past their due time, in the agenda's order."""
        clauses: list[str] = []
        params: list[Any] = []
        if status == "overdue":
            now = clock.now()
            clauses.append("p.status='open' AND ((p.due_at IS NOT NULL AND p.due_at<?) OR "
                           "(p.due_at IS NULL AND p.due_day<?))")
            params += [timefmt.to_db(now), timefmt.day_to_db(now.date())]
        elif status is not None:
            clauses.append("p.status=?")
            params.append(status)
        if customer_id is not None:
            clauses.append("p.customer_id=?")
            params.append(customer_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        order = ("p.due_day IS NULL, p.due_day, p.due_at, p.id" if status in ("open", "overdue")
                 else "coalesce(p.closed_at, p.made_at) DESC, p.id DESC")
        rows = self.conn.execute(PROMISE_ROWS + f"{where} ORDER BY {order} LIMIT ? OFFSET ?",
                                 (*params, limit, offset))
        return [Promise.from_row(r) for r in rows]

    def followups(self, *, open_only: bool = True, customer_id: int | None = None,
                  due: str | None = None, offset: int = 0, limit: int = 100) -> list[Followup]:
        """Soonest first. `due` picks open ones: "overdue", "today" or "upcoming"."""
        clauses: list[str] = []
        params: list[Any] = []
        if open_only or due:
            clauses.append("f.done_at IS NULL")
        if due is not None:
            compare = {"overdue": "<", "today": "=", "upcoming": ">"}[due]
            clauses.append(f"coalesce(f.snoozed_until, f.due_day){compare}?")
            params.append(timefmt.day_to_db(clock.today()))
        if customer_id is not None:
            clauses.append("f.customer_id=?")
            params.append(customer_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        # Open ones only: read in order from the open follow-ups' index, not sorted.
        done_last = "" if clauses and clauses[0] == "f.done_at IS NULL" else \
            "f.done_at IS NOT NULL, "
        rows = self.conn.execute(
            FOLLOWUP_ROWS + f"{where} ORDER BY {done_last}"
            "coalesce(f.snoozed_until, f.due_day), f.due_at, f.id LIMIT ? OFFSET ?",
            (*params, limit, offset))
        return [Followup.from_row(r) for r in rows]

    def next_followup(self, customer_id: int) -> Followup | None:
        found = self.followups(customer_id=customer_id, limit=1)
        return found[0] if found else None

    def promise_counts(self, customer_id: int) -> dict[str, int]:
        """How many of the customer's promises are open, kept, broken and cancelled."""
        counts = dict.fromkeys(("open", "kept", "broken", "cancelled"), 0)
        for status, n in self.conn.execute(
                "SELECT status, count(*) FROM promise WHERE customer_id=? GROUP BY status",
                (customer_id,)):
            counts[status] = n
        return counts

    def open_promise_count(self, customer_id: int) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM promise WHERE customer_id=? AND status='open'",
            (customer_id,)).fetchone()[0]

    def last_channel(self, customer_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT channel FROM conversation WHERE customer_id=? AND deleted_at IS NULL "
            "ORDER BY at DESC, id DESC LIMIT 1", (customer_id,)).fetchone()
        return row[0] if row else None
