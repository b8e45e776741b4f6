"""When two cards are one person, or maybe are: the rules, without the database.

The same person: the same phone number in any notation, the same email ignoring case, or the
same name after German folding (Müller = Mueller = Muller) plus one more shared detail
(birthday, street and house number, organisation; a town alone is shared by too many).
Maybe the same person: the same number or email under another first name (a family, a
business), the same name with nothing else to compare, or a close name
(rapidfuzz: "Jürgen Müller" and "Jürgen Müler", "Müller, Jürgen") at the same street or in
the same town.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbm_tui.core import cardfields, phone, vocab
from kbm_tui.core.i18n import N_, _

SAME, MAYBE = "same", "maybe"
CLOSE_NAME = 85  # rapidfuzz token_sort_ratio from which two names are "close"

_POSTCODE_TOWN = re.compile(r"\b(\d{4,5})\s+([^\d,\n]+)")
_HOUSE = re.compile(r"^(.*?\D)\s*(\d+\s*[a-z]?)\b")
_NOT_A_LETTER = re.compile(r"[^\w\s]")

# What a reason says, for the shop owner.
REASONS = {
    "source": N_("the same card as imported before"),
    "phone": N_("same phone number"),
    "email": N_("same email"),
    "name+birthday": N_("same name and birthday"),
    "name+street": N_("same name and street"),
    "name+organization": N_("same name and organisation"),
    "name": N_("same name"),
    "close+street": N_("similar name, same street"),
    "close+town": N_("similar name, same town"),
}


def reason_text(reasons: tuple[str, ...]) -> str:
    return ", ".join(_(REASONS[r]) for r in reasons)


@dataclass(frozen=True)
class Facts:
    """What is compared of one card."""

    name_key: str
    phones: frozenset[str]
    emails: frozenset[str]
    street: str | None
    town: str | None
    birthday: str | None
    organization: str | None
    compare_name: str = ""  # the name without punctuation, for rapidfuzz


def facts(name: str, phone_text: str | None = None, email: str | None = None,
          address: str | None = None, more_contacts: str | None = None,
          birthday: str | None = None, organization: str | None = None,
          region: str | None = None) -> Facts:
    numbers = ([phone_text] if phone_text else []) + cardfields.numbers_in(more_contacts)
    keys = {phone.number_key(n, region) for n in numbers}
    mails = ([email] if email else []) + cardfields.emails_in(more_contacts)
    street, town = address_parts(address)
    key = vocab.name_fold(name)
    return Facts(key, frozenset(k for k in keys if k and len(k) >= 6),
                 frozenset(m.strip().lower() for m in mails), street, town,
                 birthday[-5:] if birthday else None,
                 vocab.name_fold(organization) if organization else None,
                 " ".join(_NOT_A_LETTER.sub(" ", key).split()))


def address_parts(address: str | None) -> tuple[str | None, str | None]:
    """(street and house number, town) of an address, folded: "Hauptstr. 5, 04109 Leipzig"
    and "Hauptstraße 5\n04109 Leipzig" give ("hauptstrasse 5", "04109")."""
    if not address:
        return None, None
    text = vocab.name_fold(address.replace("\n", ", "))
    text = re.sub(r"str\.", "strasse", text)
    town = None
    if m := _POSTCODE_TOWN.search(text):
        town = m[1]
    else:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        town = parts[-1] if len(parts) > 1 else None
    street = None
    first = text.split(",")[0].strip()
    if m := _HOUSE.match(first):
        street = f"{' '.join(m[1].replace('-', ' ').split())} {m[2].replace(' ', '')}"
    return street, town


def compare(new: Facts, old: Facts) -> tuple[str, tuple[str, ...]] | None:
    """(SAME or MAYBE, the reasons) when the two cards look like one person, else None."""
    reasons: list[str] = []
    if new.phones & old.phones:
        reasons.append("phone")
    if new.emails & old.emails:
        reasons.append("email")
    if new.name_key == old.name_key or new.compare_name == old.compare_name:
        for detail in ("birthday", "street", "organization"):
            if getattr(new, detail) and getattr(new, detail) == getattr(old, detail):
                reasons.append(f"name+{detail}")
                break
        if not reasons:
            known = new.phones or new.emails or new.street or new.birthday
            other = old.phones or old.emails or old.street or old.birthday
            # The same name where one card says nothing more: maybe. Two cards that both
            # say more and share none of it are two people with one name.
            return (MAYBE, ("name",)) if not (known and other) else None
        return SAME, tuple(reasons)
    if reasons:
        # A family or a business shares a number or an email: with another first name it
        # is maybe the same person, not surely.
        return (SAME if names_fit(new.compare_name, old.compare_name) else MAYBE), tuple(reasons)
    place = ("street" if new.street and new.street == old.street
             else "town" if new.town and new.town == old.town else None)
    if place and close_names(new.compare_name, old.compare_name):
        return MAYBE, (f"close+{place}",)
    return None


def names_fit(a: str, b: str) -> bool:
    """Two names that can be one person's: close, or the same first name (or its initial:
    "J. Müller" and "Jürgen Müller"), or one name missing its first name."""
    first_a, first_b = (a.split() or [""])[0], (b.split() or [""])[0]
    if len(a.split()) < 2 or len(b.split()) < 2 or first_a == first_b:
        return True
    if (len(first_a) == 1 and first_b.startswith(first_a)) or \
            (len(first_b) == 1 and first_a.startswith(first_b)):
        return True
    return close_names(a, b)


def close_names(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(a, b) >= CLOSE_NAME


class Index:
    """Cards by what makes them alike, for comparing many at once (an import, `kbm
    duplicates`): each card is compared only with those sharing a number, an email, a
    name or a street; close names in the same town are found by rapidfuzz in one call
    per town and first letter."""

    def __init__(self) -> None:
        self.facts: dict[int, Facts] = {}
        self._by: dict[tuple[str, str], list[int]] = {}
        self._towns: dict[str, tuple[list[int], list[str]]] = {}

    def add(self, key: int, card: Facts) -> None:
        self.facts[key] = card
        for bucket in _buckets(card):
            self._by.setdefault(bucket, []).append(key)
        if card.town:
            keys, names = self._towns.setdefault(_town_bucket(card), ([], []))
            keys.append(key)
            names.append(card.compare_name)

    def matches(self, card: Facts) -> list[tuple[int, str, tuple[str, ...]]]:
        """(key, SAME or MAYBE, reasons) of every card added that looks like this one,
        the surest first."""
        candidates: dict[int, None] = {}
        for bucket in _buckets(card):
            for key in self._by.get(bucket, ()):
                candidates[key] = None
        if card.town and (town := self._towns.get(_town_bucket(card))):
            from rapidfuzz import fuzz, process

            keys, names = town
            for _name, _score, at in process.extract(
                    card.compare_name, names, scorer=fuzz.token_sort_ratio,
                    score_cutoff=CLOSE_NAME, limit=None):
                candidates[keys[at]] = None
        found = []
        for key in candidates:
            verdict = compare(card, self.facts[key])
            if verdict:
                found.append((key, *verdict))
        found.sort(key=lambda m: (m[1] != SAME, m[0]))
        return found


def _buckets(card: Facts) -> list[tuple[str, str]]:
    buckets = [("phone", p) for p in card.phones] + [("email", e) for e in card.emails]
    buckets.append(("name", card.compare_name))
    if card.street:
        buckets.append(("street", card.street))
    return buckets


def _town_bucket(card: Facts) -> str:
    # The first letter of the first word in sorted order: "Müller, Jürgen" and "Jürgen
    # Müller" share it, as rapidfuzz's token sort compares them.
    return f"{card.town} {min(card.compare_name.split() or [''])[:1]}"
