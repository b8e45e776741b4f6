"""The card fields a phone book or a spreadsheet brings along: organisation, birthday and
further numbers, emails and addresses ("more contacts", one "label: value" a line)."""

from __future__ import annotations

import re
from datetime import date

from kbm_tui.core import clock, l10n, validate
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _

# How each field of a card is named in a sentence ("someone else changed the phone").
FIELD_WORDS = {"name": N_("name"), "phone": N_("phone"), "email": N_("email"),
               "address": N_("address"), "notes": N_("notes"), "tags": N_("tags"),
               "organization": N_("organisation"), "birthday": N_("birthday"),
               "more_contacts": N_("more contacts"), "source_key": N_("source")}

_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_GERMAN = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})?$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# Apple writes 1604 for a birthday whose year nobody typed.
_NO_YEAR_MARKERS = {1604, 1900}


def birthday(value: str | None) -> str | None:
    """ "1985-03-14", "14.03.1985", "14.3.", "--0314", "19850314" -> "1985-03-14" or
    "--03-14"; None for empty; InputError for what is not a day."""
    text = (value or "").strip()
    if not text:
        return None
    year: int | None = None
    if m := _ISO.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _NO_YEAR.match(text):
        month, day = int(m[1]), int(m[2])
    elif m := _GERMAN.match(text):
        day, month = int(m[1]), int(m[2])
        if m[3]:
            year = int(m[3]) if len(m[3]) == 4 else _century_for(int(m[3]))
    elif m := _SLASHED.match(text):  # month/day/year, as US exports write it
        month, day, year = int(m[1]), int(m[2]), int(m[3])
    else:
        raise InputError(_('"{text}" is not a birthday. Write it like 14.03.1985 or 14.03.')
                         .format(text=text[:40]), field="birthday")
    if year in _NO_YEAR_MARKERS:
        year = None
    if year is not None and not validate.FIRST_YEAR <= year <= validate.LAST_YEAR:
        raise InputError(_('"{text}" is not a birthday between {first} and {last}.').format(
            text=text[:40], first=validate.FIRST_YEAR, last=validate.LAST_YEAR),
            field="birthday")
    try:
        date(year or 2000, month, day)  # 2000: a leap year, so 29 February is a day
    except ValueError:
        raise InputError(_('"{text}" is not a day of the calendar.').format(text=text[:40]),
                         field="birthday") from None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def show_birthday(stored: str | None) -> str:
    """ "14 March 1985" / "14. März 1985"; without the year "14 March" / "14. März"."""
    if not stored:
        return ""
    year = None if stored.startswith("--") else int(stored[:4])
    month, day = int(stored[-5:-3]), int(stored[-2:])
    day_of = date(year or 2000, month, day)
    name = l10n.month(day_of, short=False)
    if l10n.language() == "de":
        text = f"{day}. {name}"
    else:
        text = f"{day} {name}"
    return f"{text} {year}" if year else text


def _century_for(two_digits: int) -> int:
    """ "05" is 2005 and "85" 1985: the latest year ending so that is not in the future."""
    year = 2000 + two_digits
    return year if year <= clock.today().year else year - 100


def birthday_as_typed(stored: str | None) -> str:
    """A stored birthday as a person would type it, read back the same: "14.03.1985",
    "14.03." without the year."""
    if not stored:
        return ""
    day_month = f"{stored[-2:]}.{stored[-5:-3]}."
    return day_month if stored.startswith("--") else day_month + stored[:4]


def organization(value: str | None) -> str | None:
    return validate.text(value, "organization", label="organisation")


def more_contacts(value: str | None) -> str | None:
    """Further numbers, emails and addresses: one "label: value" a line, empty lines out."""
    if value is None:
        return None
    lines = [" ".join(line.split()) for line in value.replace("\r\n", "\n").split("\n")]
    return validate.text("\n".join(line for line in lines if line), "more_contacts",
                         label="more contacts")


# The labels that say a line holds a phone number ("mobile: …", "Telefon privat: …"); the
# words are those of the import's files and of people, in both languages.
_PHONE_WORDS = {"phone", "telephone", "tel", "mobile", "mobil", "cell", "cellphone", "fax",
                "pager", "landline", "telefon", "handy", "fon", "festnetz", "mobiltelefon",
                "mobilnummer", "telefonnummer", "rufnummer", "faxnummer"}
_EMAIL_WORDS = {"email", "mail", "emailadresse", "mailadresse"}  # "E-Mail" is e + mail


def typed_more_contacts(value: str | None, known: str | None = None) -> str | None:
    """More contacts as a person typed them (`kbm add/edit --more`, the customer form):
    a line labelled as an email, or whose value looks like one (an @ inside, no web address
    or handle: https://…/@anna, @anna@social.example), must be an email, and one labelled
    as a phone a phone number, checked as the main email and phone are. Lines the card
    already had (`known`, perhaps from an imported file that kept what it could not read)
    are left as they are."""
    kept = {" ".join(line.split()) for line in (known or "").splitlines()}
    for number, line in enumerate((value or "").replace("\r\n", "\n").split("\n"), 1):
        line = " ".join(line.split())
        if not line or line in kept:
            continue
        label, _colon, rest = line.rpartition(": ")
        words = set(re.findall(r"\w+", label.casefold()))
        email_like = "@" in rest and not rest.startswith("@") and "/" not in rest
        try:
            if words & _EMAIL_WORDS or email_like:
                validate.email(rest)
            elif words & _PHONE_WORDS:
                validate.phone(rest)
        except InputError as exc:
            raise InputError(_("More contacts, line {n}: {problem}").format(
                n=number, problem=exc.message), field="more_contacts") from None
    return more_contacts(value)


def more_line(label: str, value: str) -> str:
    """One line of more contacts: "work phone: 0341 123456"."""
    value = " ".join(value.split())
    return f"{label}: {value}" if label else value


def numbers_in(more: str | None) -> list[str]:
    """The phone numbers among the more-contacts lines (a value of digits and + ( ) / - .)."""
    found = []
    for line in (more or "").splitlines():
        value = line.rsplit(": ", 1)[-1]
        digits = sum(c.isdigit() for c in value)
        if value and digits >= 5 and re.fullmatch(r"[0-9+()/.\- ]+", value):
            found.append(value)
    return found


def emails_in(more: str | None) -> list[str]:
    return [line.rsplit(": ", 1)[-1] for line in (more or "").splitlines()
            if "@" in line.rsplit(": ", 1)[-1]]
