"""Cleaning what people type before it is stored. Limits are documented in the README."""

from __future__ import annotations

import re
import unicodedata

from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _, n_

LIMITS = {
    "name": 200,
    "phone": 50,
    "email": 254,
    "address": 500,
    "notes": 10_000,
    "tags": 500,
    "summary": 5_000,
    "text": 1_000,
    "reason": 1_000,
    "staff": 100,
    "organization": 200,
    "more_contacts": 2_000,
    "source_key": 500,
}
MULTILINE = {"address", "notes", "summary", "text", "reason", "more_contacts"}
# What the fields are called in messages ("The name is empty."): the field names above and
# the labels the store and the app pass; `_()` says them in the language in use.
LABELS = (N_("name"), N_("phone"), N_("email"), N_("address"), N_("notes"), N_("tags"),
          N_("summary"), N_("text"), N_("reason"), N_("staff"), N_("promise"), N_("follow-up"),
          N_("staff name"), N_("reason for the new time"), N_("note of what was done"),
          N_("reason it was broken"), N_("organisation"), N_("more contacts"), N_("source"))
# The days a date or moment may fall on: wide enough for any shop's history and plans,
# narrow enough that local time, repeats and 3,650-day intervals never leave the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2999
FIRST_DAY, LAST_DAY = f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()/.\- ]+$")


def _has_control(text: str, multiline: bool) -> bool:
    if text.isprintable():  # no control character at all: the usual case, found fast
        return False
    allowed = {"\n", "\t"} if multiline else set()
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def text(value: str | None, field: str, *, required: bool = False, label: str | None = None):
    """Trimmed text, or None for empty optional text; InputError when it can't be stored."""
    label = _(label or field)
    if value is None or not value.strip():
        if required:
            raise InputError(_("The {label} is empty. Type at least one character.").format(
                label=label), field=field)
        return None
    multiline = field in MULTILINE
    cleaned = value.replace("\r\n", "\n").strip()
    if _has_control(cleaned, multiline):
        message = (_("The {label} contains control characters. Remove them and try again.")
                   if multiline else
                   _("The {label} contains control characters (and no line breaks). Remove "
                     "them and try again."))
        raise InputError(message.format(label=label), field=field)
    limit = LIMITS.get(field, 1_000)
    if len(cleaned) > limit:
        raise InputError(n_("The {label} is {length} characters long; at most {limit} fit. "
                            "Shorten it.",
                            "The {label} is {length} characters long; at most {limit} fit. "
                            "Shorten it.", len(cleaned)).format(
                                label=label, length=len(cleaned), limit=limit), field=field)
    return cleaned


def email(value: str | None) -> str | None:
    cleaned = text(value, "email")
    if cleaned is not None and not _EMAIL.match(cleaned):
        raise InputError(_('"{typed}" is not an email address. It should look like '
                           'name@example.com.').format(typed=cleaned), field="email")
    return cleaned


def phone(value: str | None) -> str | None:
    cleaned = text(value, "phone")
    if cleaned is not None and (not _PHONE.match(cleaned) or not any(c.isdigit() for c in cleaned)):
        raise InputError(_('"{typed}" is not a phone number. Use digits, spaces, + ( ) / . - '
                           'only.').format(typed=cleaned), field="phone")
    return cleaned


def tags(values: list[str] | str | None) -> str | None:
    """Tags as one comma-separated text, each tag trimmed, duplicates dropped."""
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    seen: dict[str, str] = {}
    for value in values:
        for part in value.split(","):
            tag = part.strip()
            if tag:
                seen.setdefault(tag.casefold(), tag)
    return text(", ".join(seen.values()), "tags")


def positive_days(value: int | None, field: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3650:
        raise InputError(_("The number of days must be between 1 and 3650, not {value}.").format(
            value=value), field=field)
    return value
