"""Demo data: a believable bike shop in Leipzig, dated around `clock.now()`.

A million conversations must be written in well under a minute on a small machine, so:
every moment is an integer of local wall-clock seconds since the first day of the history
(comparisons stay plain integer ones) and becomes stored UTC text by two table look-ups,
since strftime per row would cost more than the insert; summaries come from pools filled
once; rows are tuples in the schema's column order, written in batches in one transaction.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from itertools import accumulate, islice

from kbm_tui.core import clock
from kbm_tui.core.i18n import _, language
from kbm_tui.demo import words as W
from kbm_tui.demo import words_de
from kbm_tui.demo.care import Care
from kbm_tui.demo.people import DAY, STAFF, People

Progress = Callable[[str, int, int], None]
BATCH = 10_000
HEAVY = 5_000  # conversations of each of the three big customers in large runs
# Opening hours by weekday; on Sundays the shop is closed and only online contact happens.
HOURS = [(32_400, 64_800)] * 5 + [(34_200, 50_400), (36_000, 72_000)]
BUSY = [10, 10, 10, 10, 11, 8, 1]
ONLINE = ("email", "web", "social")
KINDS = list(W.TEMPLATES)


class _Calendar:
    """Local days as list indexes, 0 = first day of the history; moments as wall seconds."""

    def __init__(self, now: datetime, history_days: int, future_days: int = 400):
        first = now.date() - timedelta(days=history_days)
        days = [first + timedelta(days=i) for i in range(history_days + future_days + 1)]
        self.today = history_days
        self.day = [d.isoformat() for d in days]
        self.weekday = [d.weekday() for d in days]
        self.opens, self.closes = zip(*(HOURS[w] for w in self.weekday))
        base, tz = first.toordinal() - date(1970, 1, 1).toordinal(), clock.local_tz()
        # The day's noon offset serves the whole day: clocks change at night, shops don't.
        self.midnight = [(base + i) * DAY - _offset(datetime.combine(d, time(12), tz))
                         for i, d in enumerate(days)]
        self.u0 = base - 1
        # Measured from the stored midnight, so that stamp(now) is exactly now even in the
        # night a clock changes.
        self.now = history_days * DAY + int(now.timestamp()) - self.midnight[history_days]
        self.udays = [(first + timedelta(days=i - 1)).isoformat() for i in range(len(days) + 2)]
        self.tod = [f"T{h:02d}:{m:02d}:{s:02d}Z" for h in range(24) for m in range(60)
                    for s in range(60)]

    def stamp(self, m: int) -> str:
        d, t = divmod(m, DAY)
        q, r = divmod(self.midnight[d] + t, DAY)
        return self.udays[q - self.u0] + self.tod[r]


class _Shop(Care, People):
    """The generator's state: who the customers are (the People half, demo/people.py),
    when they talked to the shop, and what came of it (the Care half, demo/care.py)."""

    def __init__(self, customers: int, conversations: int, seed: int):
        self.W = words_de if language() == "de" else W
        self.rng = random.Random(seed)
        self.rnd = self.rng.random
        self.C, self.N, self.K = customers, conversations, customers + 1
        years = 1 if conversations <= 20_000 else 3 if conversations <= 200_000 else 6
        self.cal = _Calendar(clock.now(), 365 * years)
        D = self.cal.today
        self.joined = {s[0]: max(0, D - s[3]) if s[3] else 0 for s in STAFF}
        left = {s[0]: D - s[4] if s[4] else D + 1 for s in STAFF}
        rotas: dict[tuple, tuple] = {}
        self.rota = [rotas.setdefault(r, r) for r in (
            tuple(i for i, _, w, _, _ in STAFF for _n in range(w) if self.joined[i] <= d < left[i])
            for d in range(D + 1))]
        entries = [e for k in KINDS for e in self._entries(k, self.W.KIND_WEIGHTS[k] * 20)]
        self.entries = [(*e, n) for n, e in enumerate(entries)]
        self.in_entries = [e for e in self.entries if e[1] == "in"]
        self.online_entries = [e for e in self.entries if e[2] in ONLINE]

    def fill(self, template: str, bike=None, part=None, service=None, size=None) -> str:
        bike, part = bike or self.pick(self.W.BIKES), part or self.pick(self.W.PARTS)
        service = service or self.pick(self.W.SERVICES)
        return template.format(bike=bike[0], size=size or self.pick(self.W.SIZES), part=part[0],
                               service=service[0], done=service[1])

    def _entries(self, kind: str, n: int) -> Iterable[tuple]:
        """(kind, direction, channel, summary, amount, resolution, promise), filled once."""
        W = self.W
        for _n in range(n):
            direction, channels, text, price, promises, resolution = self.pick(W.TEMPLATES[kind])
            things = (self.pick(W.BIKES), self.pick(W.PARTS), self.pick(W.SERVICES),
                      self.pick(W.SIZES))
            amount = {"bike": things[0][1], "part": things[1][1],
                      "service": things[2][2]}.get(price)
            if amount is not None and price == "bike" and self.rnd() < 0.3:
                amount = amount * 95 // 10_000 * 100  # 5 % off, in whole euros
            yield (KINDS.index(kind), direction, self.pick(channels.split()),
                   self.fill(text, *things), amount, resolution or None,
                   self.fill(self.pick(promises.split(" / ")), *things))

    def between(self, a: int, b: int) -> int:
        """A moment from a to b, in opening hours when the range allows."""
        if b <= a:
            return a
        cal, rnd = self.cal, self.rnd
        for _n in range(3):
            d = a // DAY + int(rnd() * (b // DAY - a // DAY + 1))
            lo, hi = max(a, d * DAY + cal.opens[d]), min(b, d * DAY + cal.closes[d])
            if lo < hi:
                return lo + int(rnd() * (hi - lo))
        return a + int(rnd() * (b - a))

    # --- conversations ---------------------------------------------------------------------

    def plan_moments(self) -> None:
        """Sorted keys moment*K + customer, so ids follow time as in a real shop's file."""
        cal, rnd, C, D, K, heavy = self.cal, self.rnd, self.C, self.cal.today, self.K, self.heavy
        pool: list[int] = []
        start: list[int] = []
        for d in range(D):
            start.append(len(pool))
            pool += [d] * BUSY[cal.weekday[d]]
        spans = [c - o for o, c in zip(cal.opens, cal.closes)]
        open_today = min(cal.now - D * DAY, cal.closes[D]) - cal.opens[D]
        n_today = max(3, round(self.N / D * open_today / spans[D])) if open_today > 1800 else 0
        n_today = min(n_today, self.N - HEAVY * len(heavy))
        regular = self.N - HEAVY * len(heavy) - n_today
        weights = [0.0] + [0.0 if c in heavy else self.rng.lognormvariate(0, 0.9)
                           * (D - self.since[c] + 20) for c in range(1, C + 1)]
        share = regular / sum(weights)
        counts = [int(w * share) for w in weights]
        for c in self.rng.choices(range(C + 1), cum_weights=list(accumulate(weights)),
                                  k=regular - sum(counts)):
            counts[c] += 1
        for c in heavy:
            counts[c] = HEAVY
        keys: list[int] = []
        last = [0] * (C + 1)
        add, opens = keys.append, cal.opens
        for cid in range(1, C + 1):
            lo = start[self.since[cid]]
            span, top = len(pool) - lo, 0
            for _n in range(counts[cid]):
                d = pool[lo + int(rnd() * span)]
                m = d * DAY + opens[d] + int(rnd() * spans[d])
                top = m if m > top else top
                add(m * K + cid)
            last[cid] = top
        for _n in range(n_today):  # so the day's list is never empty once the shop is open
            cid = 1 + int(rnd() * C)
            last[cid] = m = D * DAY + opens[D] + int(rnd() * open_today)
            add(m * K + cid)
        keys.sort()
        self.keys, self.last = keys, last

    def conversation_rows(self) -> Iterable[tuple]:
        cal, rnd, K, now = self.cal, self.rnd, self.K, self.cal.now
        midnight, udays, u0, tod, weekday = cal.midnight, cal.udays, cal.u0, cal.tod, cal.weekday
        entries, in_entries, online = self.entries, self.in_entries, self.online_entries
        ne, ni, no = len(entries), len(in_entries), len(online)
        shy, pref_staff, pref_channel = self.shy, self.pref_staff, self.pref_channel
        joined, rota, stamp, kinds = self.joined, self.rota, cal.stamp, KINDS
        complaint, feedback, invoice = map(KINDS.index, ("complaint", "feedback", "invoice"))
        self.conv_entry = centry = array("H", bytes(2 * (len(self.keys) + 1)))
        self.conv_staff = cstaff = bytearray(len(self.keys) + 1)
        for i, key in enumerate(self.keys, 1):
            m, cid = divmod(key, K)
            d, t = divmod(m, DAY)
            e = entries[int(rnd() * ne)]
            if weekday[d] == 6 and e[2] not in ONLINE:
                e = online[int(rnd() * no)]
            s = shy[cid]  # 1: only when asked, 2: do not contact
            if s and e[1] == "out" and rnd() < (0.8 if s == 1 else 0.97):
                e = in_entries[int(rnd() * ni)]
            k, direction, channel, summary, amount, resolution, _, n = e
            against = None
            if direction == "out" and s == 2:
                against = self.W.AGAINST["dnc"]
            elif direction == "out" and (p := pref_channel[cid]) and p != channel \
                    and p not in ("store", "visit") and k != invoice:
                if rnd() < 0.9:
                    channel = p
                else:
                    against = self.W.AGAINST["channel"].format(channel=self.W.CHANNELS[p])
            staff: int | None = pref_staff[cid]
            if not staff or rnd() < 0.4 or joined[staff] > d:
                here = rota[d]
                staff = None if channel == "web" and direction == "in" and rnd() < 0.5 \
                    else here[int(rnd() * len(here))]
            q, r = divmod(midnight[d] + t, DAY)
            at = udays[q - u0] + tod[r]
            resolved_at = solution = idea = None
            if k == complaint:
                age = now - m
                if age > 3600 and rnd() < (0.97 if age > 21 * DAY else 0.5 if age > 3 * DAY
                                           else 0.1):
                    resolved_at = stamp(self.between(m + 3600, min(m + 10 * DAY, now)))
                    solution = resolution
            elif k == feedback:
                idea = "new" if now - m < 30 * DAY and rnd() < 0.7 else \
                    ("new", "considered", "considered", "done", "done")[int(rnd() * 5)]
            created = at if rnd() < 0.8 else stamp(min(m + 60 + int(rnd() * 1800), now))
            deleted = None if rnd() > 0.0015 else stamp(min(m + 1900, now))
            centry[i], cstaff[i] = n, staff or 0
            yield (i, cid, at, channel, direction, kinds[k], staff, summary, amount, against,
                   resolved_at, solution, idea, created, deleted)

    # --- promises --------------------------------------------------------------------------


def generate(store, *, customers: int = 200, conversations: int | None = None, seed: int = 7,
             progress: Progress | None = None) -> dict[str, int]:
    """Fill an empty store with a bike shop's customers and their history; row counts back.

    `conversations` defaults to 15 per customer (about a year); from 50,000 on, three
    business customers get 5,000 each. All of it is one transaction: all or nothing.
    """
    if customers < 1:
        raise ValueError("The demo needs at least one customer.")
    report = progress or (lambda stage, done, total: None)
    report(_("planning"), 0, 1)
    total = customers * 15 if conversations is None else max(0, conversations)
    shop = _Shop(customers, total, seed)
    rows = shop.customer_rows()
    shop.plan_moments()
    report(_("planning"), 1, 1)
    staff = [(i, name, "staff", int(left is None), shop.cal.stamp(shop.joined[i] * DAY + 28_800))
             for i, name, _, _, left in STAFF[1:]]
    # One transaction; the search columns and indexes are built once at its end (a server
    # takes the rows as a move brings them: store.filling).
    with store.filling() as target:
        target.rename_staff(1, STAFF[0][1])  # joins the transaction: all or nothing
        _write(target, "staff", staff, _("staff"), len(staff), report)
        _write(target, "customer", shop.finish_customers(rows), _("customers"), customers,
               report)
        _write(target, "conversation", shop.conversation_rows(), _("conversations"), total,
               report)
        promises = list(shop.promise_rows())
        _write(target, "promise", promises, _("promises"), len(promises), report)
        _write(target, "promise_change", shop.changes, _("promise changes"),
               len(shop.changes), report)
        followups = list(shop.followup_rows([None] + [row[9] for row in rows[1:]]))
        _write(target, "followup", followups, _("follow-ups"), len(followups), report)
        report(_("search index"), 0, 1)
    report(_("search index"), 1, 1)
    return store.row_counts()


def _write(store, table: str, rows: Iterable[tuple], stage: str, total: int,
           report: Progress) -> None:
    """Rows follow the schema's column order (models.py); a column added there makes the
    insert fail loudly on the count of values instead of filling the wrong column."""
    columns = store.table_columns(table, stored_only=True)
    rows, done, count = iter(rows), 0, BATCH
    while count == BATCH:
        done += (count := max(0, store.insert_rows(table, columns, islice(rows, BATCH))))
        report(stage, done, max(total, done) if count == BATCH else done)


def _offset(moment: datetime) -> int:
    """Seconds the moment's zone is ahead of UTC."""
    offset = moment.utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0
