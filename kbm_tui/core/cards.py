"""A customer card as a file brings it (a vCard, a row of a spreadsheet), before it is a
customer: what the readers in moving/ make and the store's import takes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kbm_tui.core import cardfields, validate, vocab
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import _

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line break
CARD_FIELDS = ("name", "phone", "email", "address", "notes", "tags", "organization",
               "birthday", "more_contacts")


@dataclass(frozen=True)
class Card:
    """One person (or business) from a file. `where` says where it stood ("line 7",
    "card 3") for messages; `source_key` is its id there, if the file has one."""

    where: str
    name: str = ""
    phones: tuple[tuple[str, str], ...] = ()  # (label, number), the first is the main one
    emails: tuple[tuple[str, str], ...] = ()
    addresses: tuple[tuple[str, str], ...] = ()
    notes: str = ""
    tags: tuple[str, ...] = ()
    organization: str = ""
    birthday: str = ""
    source_key: str = ""
    more: tuple[str, ...] = field(default=())  # further "label: value" lines


@dataclass(frozen=True)
class Rejected:
    where: str
    reason: str


def _plain(text: str, multiline: bool = False) -> str:
    """Control characters a file may hide (escape sequences, NUL) become spaces; what a
    spreadsheet would run as a formula stays plain text (kbm never runs it, the backup
    marks it)."""
    cleaned = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not multiline:
        return " ".join(cleaned.split())
    return "\n".join(" ".join(line.split()) for line in cleaned.split("\n")).strip()


def to_customer(card: Card) -> dict[str, str | None]:
    """The customer fields for a card, checked as typed input is: InputError names the
    field and what is wrong. A number that isn't one (words in it) and every further
    number, email and address go to more contacts, so nothing the file held is lost."""
    name = _plain(card.name) or _plain(card.organization)
    if not name:
        raise InputError(_("It has no name."), field="name")
    more = [_plain(line) for line in card.more]
    phone = email = address = None
    for label, number in card.phones:
        number = _plain(number)
        if not number:
            continue
        if phone is None and _is_phone(number):
            phone = number
        else:
            more.append(cardfields.more_line(_plain(label) or _("phone"), number))
    for label, mail in card.emails:
        mail = _plain(mail)
        if not mail:
            continue
        if email is None and _is_email(mail):
            email = mail
        else:
            more.append(cardfields.more_line(_plain(label) or _("email"), mail))
    for label, text in card.addresses:
        text = _plain(text, multiline=True)
        if not text:
            continue
        if address is None:
            address = text
        else:
            more.append(cardfields.more_line(_plain(label) or _("address"),
                                             text.replace("\n", ", ")))
    try:
        birthday = cardfields.birthday(_plain(card.birthday))
    except InputError:
        birthday = None
        more.append(cardfields.more_line(_("birthday"), _plain(card.birthday)[:100]))
    values = {
        "name": validate.text(name, "name", required=True),
        "phone": phone, "email": email,
        "address": validate.text(address, "address"),
        "notes": validate.text(_plain(card.notes, multiline=True), "notes"),
        "tags": validate.tags([_plain(t) for t in card.tags if _plain(t)] or None),
        # An organisation that is also the name says the card is a business (vCard KIND:org).
        "organization": cardfields.organization(_plain(card.organization) or None),
        "birthday": birthday,
        "more_contacts": cardfields.more_contacts("\n".join(dict.fromkeys(more)) or None),
    }
    values["source_key"] = _plain(card.source_key)[:200] or content_key(values)
    return values


def content_key(values: dict[str, str | None]) -> str:
    """A card's identity when the file gives none: the same row imported again is found."""
    import hashlib  # not at the top: `kbm log` loads this module and has no use for it

    parts = [vocab.name_fold(values["name"] or "")] + [
        vocab.name_fold(values[k] or "") for k in ("phone", "email", "address", "birthday")]
    return "content:" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]


def _is_phone(text: str) -> bool:
    try:
        return validate.phone(text) is not None
    except InputError:
        return False


def _is_email(text: str) -> bool:
    try:
        return validate.email(text) is not None
    except InputError:
        return False


def with_where(card: Card, where: str) -> Card:
    return replace(card, where=where)
