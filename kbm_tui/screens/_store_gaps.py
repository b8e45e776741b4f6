"""STORE GAPS — small adapters over public Store methods, until the store offers them.

Each function names the Store method it stands in for. They call only public Store
methods (no SQL here), and each should be replaced by that method once it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterator

from .. import clock
from ..records import Followup, Promise

PAGE = 200


def count_conversations(store, **filters) -> int | None:
    """GAP: `Store.count_conversations(*, customer_id=None, channel=None, kind=None,
    staff_id=None, since=None, until=None, text="", include_deleted=False) -> int`.
    Until it exists the list learns its length while scrolling (None = unknown)."""
    method = getattr(store, "count_conversations", None)
    return method(**filters) if method is not None else None


def overdue_promises(store, offset: int, limit: int) -> list[Promise]:
    """GAP: `Store.promises(status="overdue", offset=, limit=)` — open and past due.
    Stand-in: the agenda's overdue list (it holds only open promises, which stay few)."""
    return store.agenda().overdue_promises[offset:offset + limit]


def _open_followups(store) -> Iterator[Followup]:
    """Open follow-ups, soonest first, read a page at a time."""
    offset = 0
    while True:
        page = store.followups(open_only=True, offset=offset, limit=PAGE)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def followups_due(store, when: str, offset: int, limit: int) -> list[Followup]:
    """GAP: `Store.followups(open_only=True, due="overdue"|"today"|"upcoming", offset=,
    limit=)`. Stand-in: the open ones come soonest first, so read until past the part."""
    today = clock.today()
    tests = {
        "overdue": lambda d: d < today,
        "today": lambda d: d == today,
        "upcoming": lambda d: d > today,
        "all": lambda d: True,
    }
    wanted, found = tests[when], []
    for item in _open_followups(store):
        day = item.effective_day
        if when in ("overdue", "today") and day > today:
            break
        if wanted(day):
            found.append(item)
            if len(found) >= offset + limit:
                break
    return found[offset:offset + limit]


@dataclass(frozen=True)
class Entry:
    """One line of a customer's timeline."""

    at: datetime | date
    item: Any  # Conversation, Promise or Followup

    @property
    def sort_key(self) -> datetime:
        if isinstance(self.at, datetime):
            return self.at
        return datetime.combine(self.at, datetime.max.time(), tzinfo=clock.local_tz())

    @property
    def customer_id(self) -> int:
        return self.item.customer_id


def timeline(store, customer_id: int, *, channel: str | None = None, kind: str | None = None,
             limit: int = 300) -> tuple[list[Entry], bool]:
    """GAP: `Store.timeline(customer_id, *, channel=None, kind=None, offset=0, limit=100)
    -> list[TimelineEntry]` — conversations, promises and follow-ups, newest first.
    Stand-in: the newest `limit` of each, merged. Returns (entries, more_exist).

    `kind` is "conversation", "promise", "followup" or one conversation kind (inquiry…).
    A channel shows only conversations on that channel.
    """
    entries: list[Entry] = []
    more = False
    only = kind if kind in ("conversation", "promise", "followup") else None
    talk_kind = None if only else kind
    if only in (None, "conversation"):
        talks = store.conversations(customer_id=customer_id, channel=channel, kind=talk_kind,
                                    limit=limit)
        more |= len(talks) == limit
        entries += [Entry(c.at, c) for c in talks]
    if channel is None and talk_kind is None and only in (None, "promise"):
        promises = store.promises(status=None, customer_id=customer_id, limit=limit)
        more |= len(promises) == limit
        entries += [Entry(p.made_at, p) for p in promises]
    if channel is None and talk_kind is None and only in (None, "followup"):
        followups = store.followups(open_only=False, customer_id=customer_id, limit=limit)
        more |= len(followups) == limit
        entries += [Entry(f.done_at or f.due_at or f.effective_day, f) for f in followups]
    entries.sort(key=lambda e: e.sort_key, reverse=True)
    return entries, more


def customer_card(store, customer_id: int) -> dict:
    """GAP (nice to have): `Store.customer_card(customer_id) -> CustomerCard` with the
    customer, open promise count, next follow-up and how reliably promises were kept."""
    customer = store.get_customer(customer_id)
    promises = store.promises(status=None, customer_id=customer_id, limit=1000)
    kept = sum(1 for p in promises if p.status == "kept")
    broken = sum(1 for p in promises if p.status == "broken")
    return {
        "customer": customer,
        "open_promises": sum(1 for p in promises if p.status == "open"),
        "kept": kept,
        "broken": broken,
        "next_followup": store.next_followup(customer_id),
        "glance": store.glance(customer_id) if hasattr(store, "glance") else None,
    }
