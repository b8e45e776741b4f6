"""The demo shop's relationship care (demo/shop.py): the promises made in its conversations
(kept, late, broken, renegotiated, still open) and the follow-ups it planned.

`Care` is a half of demo._Shop, mixed into it like `People`: every draw comes from the shop's
one random stream, in the shop's order, so a seed still makes exactly the same shop.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any

from kbm_tui.demo.people import DAY

DUE_TIMES = [36_000, 39_600, 43_200, 50_400, 50_400, 54_000, 57_600, 61_200, 64_800]
LUNCH_END = 50_400


class Care:
    """Promises and follow-ups. The shop supplies what is declared here and calls
    `promise_rows` and `followup_rows` after planning the conversations."""

    rng: random.Random
    rnd: Callable[[], float]
    pick: Callable[[Any], Any]
    between: Callable[[int, int], int]
    fill: Callable[..., str]
    C: int  # customers
    N: int  # conversations
    K: int  # customers + 1: a conversation's key is moment * K + customer
    cal: Any  # demo._Calendar: today and now (moments), stamp(), day
    W: Any  # demo/words.py, or words_de.py in German
    keys: Any  # every conversation's key, sorted
    entries: list[tuple]
    conv_entry: Any
    conv_staff: Any
    rota: list[tuple]
    archived: bytearray
    shy: bytearray
    pref_staff: list[int]

    def _source(self, lo: int, hi: int, current: bool) -> tuple[int, int, int | None, str, int]:
        """(customer, moment, conversation id, promise text, staff) of a talk from lo to hi."""
        rnd, K = self.rnd, self.K
        a, b = bisect_left(self.keys, lo * K), bisect_left(self.keys, (hi + 1) * K)
        for _n in range(6):  # open ones to archived customers, or two to one, would look odd
            if a < b:
                j = a + int(rnd() * (b - a))
                m, cid = divmod(self.keys[j], K)
                found = (cid, m, j + 1 if rnd() < 0.85 else None,
                         self.entries[self.conv_entry[j + 1]][6], self.conv_staff[j + 1] or 1)
            else:
                found = (1 + int(rnd() * self.C), self.between(lo, hi), None,
                         self.pick(self.entries)[6], 1)
            if not current or not (self.archived[found[0]] or found[0] in self.promised):
                break
        if current:
            self.promised.add(found[0])
        return found

    def promise_rows(self) -> Iterable[tuple]:
        cal, rnd, pick, D, now = self.cal, self.rnd, self.pick, self.cal.today, self.cal.now
        stamp, day, now_t = cal.stamp, cal.day, now - D * DAY
        P = max(40, self.N // 12)
        plan = {"today": max(3, P // 150), "overdue": max(4, P // 60), "future": max(6, P // 30),
                "open": max(3, P // 80), "recent": max(3, P // 60)}
        plan["closed"] = max(0, P - sum(plan.values()))
        made_in = {"today": (D - 6) * DAY, "overdue": (D - 40) * DAY, "future": (D - 20) * DAY,
                   "open": (D - 30) * DAY, "recent": (D - 10) * DAY, "closed": 0}
        made_by = {"overdue": (D - 2) * DAY, "recent": (D - 1) * DAY, "closed": (D - 20) * DAY}
        self.changes: list[tuple] = []
        self.promised: set[int] = set()
        pid = 0
        for scene, n in plan.items():
            for nth in range(n):
                pid += 1
                # "Back after lunch": made this morning, due at 14:00, while that is ahead.
                lunch = scene == "today" and cal.opens[D] + 1800 < now_t < LUNCH_END - 600 \
                    and (nth == 0 or rnd() < 0.4)
                cid, made, conv, text, staff = self._source(
                    D * DAY if lunch else made_in[scene], made_by.get(scene, now),
                    scene not in ("closed", "recent"))
                made_d, due_d, due_m, closed, note = made // DAY, None, None, None, None
                if scene == "today":
                    due_d, later = D, [t for t in DUE_TIMES if t > now_t + 600]
                    if lunch:
                        due_m, text = D * DAY + LUNCH_END, self.fill(pick(self.W.AFTER_LUNCH))
                    elif later and rnd() < 0.7:
                        due_m = D * DAY + pick(later)
                elif scene == "overdue":
                    due_d = made_d + 1 + int(rnd() * (D - 1 - made_d))
                elif scene == "future":
                    due_d = D + 1 + int(rnd() * 30)
                elif scene != "open" and (scene == "recent" or rnd() < 0.88):
                    due_d = made_d + pick([0, 1, 1, 2, 2, 3, 4, 5, 7, 7, 10, 14])
                    later = [t for t in DUE_TIMES if t > made - made_d * DAY + 3600]
                    if due_d == made_d and later:
                        due_m = due_d * DAY + pick(later)
                    elif due_d == made_d:
                        due_d += 1
                if due_d is not None and due_m is None and scene != "today" and rnd() < 0.5:
                    due_m = due_d * DAY + pick(DUE_TIMES)
                end = made + 20 * DAY if due_d is None else \
                    due_d * DAY + DAY - 1 if due_m is None else due_m
                floor = made
                if due_d is not None and scene != "today" and rnd() < 0.06:
                    floor = self._change(pid, made, due_d, due_m) or made
                status, r = "open", rnd()
                if scene == "recent":
                    status, closed = "kept", self.between(floor + 600, min(end, now))
                elif scene == "closed" and (due_d is None or r < 0.74):  # on time
                    status = "kept" if due_d is not None or r < 0.85 else "cancelled"
                    closed = self.between(floor + 600, end)
                elif scene == "closed" and r < 0.86:
                    status, closed = "kept", self.between(end + 3600, end + 5 * DAY)
                elif scene == "closed" and r < 0.93:
                    status, closed = "broken", self.between(end + 600, end + 3 * DAY)
                    note = pick(self.W.CLOSE_NOTES["broken"])
                elif scene == "closed":
                    status, closed = "cancelled", self.between(floor + 600, end)
                    note = pick(self.W.CLOSE_NOTES["cancelled"]) if rnd() < 0.8 else None
                yield (pid, cid, conv, text, staff, stamp(made),
                       None if due_d is None else day[due_d],
                       None if due_m is None else stamp(due_m), status,
                       None if closed is None else stamp(min(closed, now)), note)

    def _change(self, pid: int, made: int, due_d: int, due_m: int | None) -> int | None:
        """A renegotiated due; the earlier one stays on record. Returns when it changed."""
        cal, shift = self.cal, 1 + int(self.rnd() * 3)
        old_d = due_d - shift
        old_m = None if due_m is None else due_m - shift * DAY
        end = min(cal.now, old_d * DAY + DAY - 1 if old_m is None else old_m)
        if old_d <= made // DAY or end <= made + 600:
            return None
        changed = self.between(made + 600, end)
        self.changes.append((len(self.changes) + 1, pid, cal.stamp(changed), cal.day[old_d],
                             None if old_m is None else cal.stamp(old_m), cal.day[due_d],
                             None if due_m is None else cal.stamp(due_m),
                             self.pick(self.W.CHANGE_REASONS)))
        return changed

    # --- follow-ups ------------------------------------------------------------------------

    def followup_rows(self, every: list) -> Iterable[tuple]:
        cal, rnd, pick, D, now = self.cal, self.rnd, self.pick, self.cal.today, self.cal.now
        stamp, day, fid = cal.stamp, cal.day, 0
        reach = [c for c in range(1, self.C + 1) if self.shy[c] != 2 and not self.archived[c]]
        F = max(40, self.C // 2) if reach else 0
        plan = {"today": max(3, F // 60), "overdue": max(4, F // 40), "upcoming": max(8, F // 10),
                "snoozed": max(3, F // 60)} if reach else {}
        plan["done"] = max(0, F - sum(plan.values()))
        for scene, n in plan.items():
            for _n in range(n):
                cid, snooze, done, fid = pick(reach), None, None, fid + 1
                due = {"today": D, "overdue": D - 1 - int(rnd() * 25),
                       "upcoming": D + 1 + int(rnd() * 60), "snoozed": D - int(rnd() * 14),
                       "done": 1 + int(rnd() * (D - 2))}[scene]
                if scene == "snoozed":
                    snooze = day[D + 1 + int(rnd() * 14)]
                created = self.between(max(0, min(due, D) - 30) * DAY, min(due * DAY, now))
                if scene == "done":
                    done = stamp(min(max(self.between(due * DAY - DAY, due * DAY + 3 * DAY),
                                         created + 600), now))
                due_at = stamp(due * DAY + pick([36_000, 57_600])) if rnd() < 0.2 else None
                yield (fid, cid, self.fill(pick(self.W.FOLLOWUPS)), self.pref_staff[cid] or
                       pick(self.rota[min(due, D)]), stamp(created), day[due], due_at, None,
                       snooze, done, None)
        for cid in (c for c in reach if every[c]):  # the customer asked to hear from us
            n = every[cid]
            text, staff = self.W.CHECK_IN.format(n=n), self.pref_staff[cid] or 1
            due = D - 5 + int(rnd() * (n + 5))
            created = self.between(max(0, due - n - 20) * DAY, max(1, due - n) * DAY)
            if due - n >= 1:  # last time's, done, as followup_done leaves it
                done = min(self.between((due - n) * DAY, (due - n + 3) * DAY), now)
                fid += 1
                yield (fid, cid, text, staff, stamp(created), day[due - n], None, n, None,
                       stamp(done), None)
                created = done
            fid += 1
            yield (fid, cid, text, staff, stamp(created), day[due], None, n, None, None, None)
