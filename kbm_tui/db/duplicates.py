"""Part of the store: customers who are, or maybe are, the same person (core/likeness.py
says when), for one card about to be added and for the whole shop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kbm_tui.core import cardfields, likeness, phone, search_word
from kbm_tui.core.records import Customer
from kbm_tui.db.base import Part
from kbm_tui.db.sql import marks

FACT_COLUMNS = "id, name, phone, email, address, more_contacts, birthday, organization"
_PLACE_CANDIDATES = 5000  # a town this size is compared name by name; more would be slow


@dataclass(frozen=True)
class Likely:
    """An existing customer who looks like the card, and why."""

    customer: Customer
    level: str  # likeness.SAME or likeness.MAYBE
    reasons: tuple[str, ...]

    @property
    def sure(self) -> bool:
        return self.level == likeness.SAME


@dataclass(frozen=True)
class Pair:
    """Two customers who look like one person: `first` is the older card."""

    first: Customer
    second: Customer
    level: str
    reasons: tuple[str, ...]


def facts_of(row: Any, region: str | None = None) -> likeness.Facts:
    return likeness.facts(row["name"], row["phone"], row["email"], row["address"],
                          row["more_contacts"], row["birthday"], row["organization"], region)


_GENERIC = {"strasse", "weg", "platz", "allee", "gasse", "ring", "markt", "damm", "str"}


def _street_word(street: str | None) -> str | None:
    """The word of a street that finds it best: "karl heine strasse 12" -> "heine"."""
    words = [w for w in (street or "").split() if not w[:1].isdigit() and w not in _GENERIC]
    return max(words, key=len) if words else None


class DuplicatesPart(Part):
    def likely_same(self, name: str, *, quick: bool = False, exclude: int | None = None,
                    **card: str | None) -> list[Likely]:
        """Existing customers who are (or maybe are) the person on this card, surest first.
        `card` holds phone, email, address, more_contacts, birthday, organization.
        `quick` compares only numbers, emails and the name, each one index look-up (for
        `kbm log --new`); otherwise also close names in the same street or town."""
        # A birthday as typed ("14.3.1985") is compared as stored ("1985-03-14").
        new = likeness.facts(name, card.get("phone"), card.get("email"), card.get("address"),
                             card.get("more_contacts"), cardfields.birthday(card.get("birthday")),
                             card.get("organization"))
        ids = self._candidates(new, quick)
        if exclude is not None:
            ids.discard(exclude)
        if not ids:
            return []
        region = phone.default_region()
        rows = self.conn.execute(f"SELECT {FACT_COLUMNS} FROM customer "
                                 f"WHERE id IN ({marks(len(ids))})", tuple(ids)).fetchall()
        found = []
        for row in rows:
            verdict = likeness.compare(new, facts_of(row, region))
            if verdict:
                found.append((row["id"], *verdict))
        found.sort(key=lambda m: (m[1] != likeness.SAME, m[0]))
        return [Likely(self.get_customer(cid), level, reasons) for cid, level, reasons in found]

    def _candidates(self, new: likeness.Facts, quick: bool) -> set[int]:
        ids: set[int] = set()

        def fts(column: str, text: str, limit: int = 200) -> None:
            condition, params = self.engine.search.card_has(column, text)
            ids.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM customer WHERE {condition} LIMIT ?", (*params, limit)))

        for key in new.phones:
            fts("phone_digits", key)
        if new.emails:
            emails = tuple(new.emails)
            ids.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM customer WHERE lower(email) IN ({marks(len(emails))})", emails))
            for email in emails:
                if len(email) >= 3:
                    fts("search_text", likeness.vocab.name_fold(email))
        ids.update(r[0] for r in self.conn.execute(
            "SELECT id FROM customer WHERE name_key=? LIMIT 200", (new.name_key,)))
        if not quick:
            street = _street_word(new.street)
            for word in (street and search_word.street_cut(street), new.town):
                if word and len(word) >= 3:
                    fts("search_text", word, _PLACE_CANDIDATES)
        return ids

    def duplicate_pairs(self, *, limit: int | None = None) -> list[Pair]:
        """Pairs of customers who look like one person, the surest first, then by age. Each
        card is paired with the oldest card it surely (else maybe) matches: merging pair by
        pair makes a group one card."""
        region = phone.default_region()
        index = likeness.Index()
        pairs: list[tuple[int, int, str, tuple[str, ...]]] = []
        rows = self.conn.execute(f"SELECT {FACT_COLUMNS} FROM customer "
                                 "WHERE archived_at IS NULL ORDER BY id")
        for row in rows:
            card = facts_of(row, region)
            found = index.matches(card)
            if found:  # the surest, oldest match: a group of n cards is n - 1 pairs, not n²
                other, level, reasons = found[0]
                pairs.append((other, row["id"], level, reasons))
            index.add(row["id"], card)
        pairs.sort(key=lambda p: (p[2] != likeness.SAME, p[0], p[1]))
        if limit is not None:
            pairs = pairs[:limit]
        return [Pair(self.get_customer(a), self.get_customer(b), level, reasons)
                for a, b, level, reasons in pairs]
