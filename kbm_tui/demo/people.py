"""The demo shop's people (demo.py): its staff, and customers made of demo_words' lists —
names, phones, e-mails, addresses, notes, tags and what each wants about being contacted.

`People` is the customers' half of demo._Shop, mixed into it: every draw comes from the
shop's one random stream, in the shop's order, so a seed still makes exactly the same shop.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Any

from kbm_tui.demo import words as W

DAY = 86_400
# (id, name, weight in the daily rota, joined days before today, left days before today)
STAFF = [(1, "Frank", 3, None, None), (2, "Maria", 3, None, None), (3, "Jonas", 2, 400, None),
         (4, "Aylin", 1, 150, None), (5, "Tobias", 2, None, 200)]
ORIGIN_WEIGHTS = list(accumulate(o[0] for o in W.ORIGINS))
_PLAIN = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "đ": "d", "ä": "ae", "ö": "oe", "ü": "ue",
                        " ": "", "'": ""})


class People:
    """Customers' cards and wishes, and which of them are shy, archived or customers since
    when. The shop (demo._Shop) supplies what is declared here and calls `customer_rows`
    before planning the conversations and `finish_customers` after."""

    rng: random.Random
    rnd: Callable[[], float]
    C: int  # customers
    N: int  # conversations
    cal: Any  # demo._Calendar: today and now (moments), stamp()
    last: list[int]  # each customer's last conversation (a moment), from the planning
    between: Callable[[int, int], int]
    W: Any  # demo/words.py, or words_de.py in German

    def pick(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def customer_rows(self) -> list[list]:
        C, D, rnd = self.C, self.cal.today, self.rnd
        self.heavy = {C // 7: 0, C // 2: 1, C * 5 // 6: 2} if self.N >= 50_000 and C >= 10 else {}
        self.shy, self.since = bytearray(C + 1), [0] * (C + 1)
        self.pref_staff = [0] * (C + 1)
        self.pref_channel: list[str | None] = [None] * (C + 1)
        rows: list[list] = [[]]
        for cid in range(1, C + 1):
            h = self.heavy.get(cid)
            row = self.person(cid, None if h is None else self.W.HEAVY_BUSINESSES[h])
            self.shy[cid], self.pref_staff[cid], self.pref_channel[cid] = \
                self.wishes(row, h is not None)
            if h is None and rnd() >= 0.3:  # the rest were customers before the history starts
                self.since[cid] = int(rnd() * D)
            rows.append(row)
        return rows

    def finish_customers(self, rows: list[list]) -> Iterable[tuple]:
        """Archiving needs each customer's last conversation, hence a pass after planning."""
        now, stamp, rnd, last = self.cal.now, self.cal.stamp, self.rnd, self.last
        self.archived = bytearray(self.C + 1)
        for cid in range(1, self.C + 1):
            created = self.since[cid] * DAY + 28_800
            updated = self.between(created, now) if rnd() < 0.3 else created
            archived = None
            if cid not in self.heavy and last[cid] < now - 30 * DAY and rnd() < 0.03:
                archived = updated = min(now, self.between(max(last[cid], created) + DAY,
                                                           now - DAY))
                self.archived[cid] = 1
            # One in 29 objected to advertising when their card was last changed; chosen
            # without a random draw, so the rest of the shop stays as it always was.
            no_ads = stamp(updated) if cid % 29 == 0 and not rows[cid][11] else None
            yield (*rows[cid][:7], stamp(created), stamp(updated),
                   None if archived is None else stamp(archived), *rows[cid][7:],
                   None, None, None, None,  # organisation, birthday, more contacts, source
                   no_ads)

    def person(self, cid: int, heavy: str | None) -> list:
        rnd, pick = self.rnd, self.pick
        business = heavy or (pick(self.W.BUSINESSES) if rnd() < 0.04 else None)
        origin = self.rng.choices(self.W.ORIGINS, cum_weights=ORIGIN_WEIGHTS)[0]
        female = rnd() < 0.5
        first, last = pick(origin[1] if female else origin[2]), pick(origin[3])
        if female and last.endswith(("ski", "cki", "ow")):  # Kowalska, Iwanowa
            last = last[:-1] + "a" if last.endswith("i") else last + "a"
        if business:
            name = business.format(last=last, last2=pick(self.W.ORIGINS[0][3]))
            words = name.replace(" GmbH", "").replace(" e.V.", "").replace(".", "").split()
            slug = "-".join(w for w in map(_plain, words) if w)
            email = f"info@{slug}.de" if rnd() < 0.85 else None
            if email and rnd() < 0.3:
                email = f"{_plain(first)}.{_plain(last)}@{slug}.de"
        else:
            name = f"{first} {last}"
            email = self._email(first, last) if rnd() < 0.75 else None
        phone = self._phone(landline=bool(business) or rnd() < 0.25) if rnd() < 0.9 else None
        address = None
        if business or rnd() < 0.35:
            town = "Leipzig" if rnd() < 0.9 else pick(["Markkleeberg", "Taucha", "Schkeuditz"])
            address = (f"{pick(self.W.STREETS)} {1 + int(rnd() * 120)}, "
                       f"{pick(self.W.POSTCODES) if town == 'Leipzig' else '04416'} {town}")
        notes = pick(self.W.NOTES) if rnd() < (0.9 if heavy else 0.3) else None
        tags: str | None
        if heavy:
            notes, tags = self.W.HEAVY_NOTES
        elif business:
            tags = "business" + (", cargo" if rnd() < 0.5 else "")
        else:
            count = int(rnd() * 4) if rnd() < 0.6 else 0
            tags = ", ".join(dict.fromkeys(pick(self.W.TAGS) for _ in range(count))) or None
        return [cid, name, phone, email, address, notes, tags]

    def _email(self, first: str, last: str) -> str:
        f, l = _plain(first), _plain(last)  # noqa: E741 (as written in the names below)
        local = self.pick([f"{f}.{l}", f"{f}.{l}", f"{f[0]}.{l}", f"{f}{l}", f"{l}.{f}",
                           f"{f}_{l}", f"{f}{10 + int(self.rnd() * 90)}", f"{l}{f[0]}"])
        return f"{local}@{self.pick(self.W.MAIL_HOSTS)}"

    def _phone(self, landline: bool) -> str:
        rnd = self.rnd
        if landline:
            code = self.pick(self.W.AREA_CODES)
            digits = 11 - len(code)
            number = str(2 * 10 ** (digits - 1) + int(rnd() * 7 * 10 ** (digits - 1)))
        else:
            code = self.pick(self.W.MOBILE_PREFIXES)
            number = str(1_000_000 + int(rnd() * (90_000_000 if code[2] == "5" else 9_000_000)))
        style = int(rnd() * 10)
        if style < 4:
            return f"{code} {number}"
        if style < 6:
            return f"+49 {code[1:]} {number}"
        if style < 8:
            return f"{code}/{number}"
        if style < 9 or len(number) < 7:
            return f"{code}-{number}" if not landline else f"({code}) {number}"
        return f"{code} {number[:3]} {number[3:5]} {number[5:]}"

    def wishes(self, row: list, heavy: bool) -> tuple[int, int, str | None]:
        """Appends the contact wishes; returns (shyness, pref staff, pref channel)."""
        rnd, pick = self.rnd, self.pick
        if heavy:
            row += ["email", 2, 28, 0, 0, None]
            return 0, 2, "email"
        if rnd() < 0.015:
            row += [None, None, None, 0, 1, pick(self.W.DNC_REASONS)]
            return 2, 0, None
        channel = pick(["phone", "phone", "email", "email", "email", "social", "letter",
                        "store", "store"]) if rnd() < 0.18 else None
        staff = pick([1, 2, 3, 4]) if rnd() < 0.1 else None
        every = pick([28, 90, 90, 180, 365]) if rnd() < 0.07 else None
        asked = 1 if every is None and rnd() < 0.08 else 0
        row += [channel, staff, every, asked, 0, None]
        return asked, staff or 0, channel


def _plain(text: str) -> str:
    """ASCII for e-mail addresses: Müller -> mueller, Łukasz -> lukasz."""
    text = text.lower().translate(_PLAIN)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii()
                   and (c.isalnum() or c in "-."))
