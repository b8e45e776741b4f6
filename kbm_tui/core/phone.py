"""Phone numbers compared whatever their notation: `+49 341 9876543`, `0341 9876543`,
`0049 341 98 76 543` and `(0341) 98765-43` are one number.

Two keys, one for each use:
- `search_digits` turns what someone typed, even part of a number, into the digits of its
  international form ("0341 987" -> "49341987"). It needs only the shop's country code and
  trunk prefix, so `kbm log 0341…` never loads a phone library.
- `number_key` is the international form of a whole number (E.164 digits), for deciding
  that two cards are one person; the phonenumbers library reads what the region's prefixes
  alone can't (see there). For the usual notations the two agree
  (tests/unit/test_phone_numbers.py), so a stored key is found by a typed one.

The region is the `phone_region` setting (two letters, Germany out of the box).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

# country code, trunk prefix, international prefix: the shop regions kbm-tui knows without
# loading phonenumbers. Any other region asks the library once.
_KNOWN = {
    "DE": ("49", "0", "00"), "AT": ("43", "0", "00"), "CH": ("41", "0", "00"),
    "LI": ("423", "", "00"), "LU": ("352", "", "00"), "NL": ("31", "0", "00"),
    "BE": ("32", "0", "00"), "FR": ("33", "0", "00"), "DK": ("45", "", "00"),
    "PL": ("48", "", "00"), "CZ": ("420", "", "00"), "IT": ("39", "", "00"),
    "GB": ("44", "0", "00"), "US": ("1", "1", "011"),
}
_ZERO_IN_BRACKETS = re.compile(r"\(\s*0\s*\)")  # "+49 (0)341 …": the 0 is dialled at home only


_REGION_READ: dict[tuple, str] = {}
_SETTINGS_AT: dict[str | None, Path] = {}  # finding the config folder costs 30 µs


def default_region() -> str:
    """The `phone_region` setting, read again only when the settings file changed."""
    from kbm_tui.core.settings import Settings

    where = os.environ.get("KBM_CONFIG_DIR")
    if where not in _SETTINGS_AT:
        _SETTINGS_AT[where] = Settings.path()
    path = _SETTINGS_AT[where]
    try:
        stat = os.stat(path)
        seen: tuple = (path, stat.st_mtime_ns, stat.st_size)
    except OSError:
        seen = (path,)
    if seen not in _REGION_READ:
        region = Settings.load().phone_region.strip().upper()
        _REGION_READ.clear()
        _REGION_READ[seen] = region if len(region) == 2 and region.isalpha() else "DE"
    return _REGION_READ[seen]


@lru_cache(maxsize=8)
def _prefixes(region: str) -> tuple[str, str, str]:
    if region in _KNOWN:
        return _KNOWN[region]
    import phonenumbers

    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return _KNOWN["DE"]
    international = meta.preferred_international_prefix or meta.international_prefix or "00"
    if not international.isdigit():
        international = "00"
    return str(meta.country_code), meta.national_prefix or "", international


def _read(text: str | None, region: str) -> tuple[str | None, str]:
    """The digits in international form, and how the number was written: "international"
    (+ or 00), "national" (with the trunk prefix) or "local" (neither)."""
    raw = _ZERO_IN_BRACKETS.sub("", text or "").strip()
    digits = "".join(c for c in raw if c.isdigit())
    if not digits:
        return None, "local"
    if raw.startswith("+"):
        return digits, "international"
    code, trunk, international = _prefixes(region)
    if digits.startswith(international) and len(digits) > len(international):
        return digits[len(international):], "international"
    if trunk and digits.startswith(trunk) and len(digits) > len(trunk):
        return code + digits[len(trunk):], "national"
    return digits, "local"


def search_digits(text: str | None, region: str | None = None) -> str | None:
    """The digits of (part of) a number in international form; None without digits. The
    first key of a number typed, "0" (or "00"), is the start of every national (or
    international) number: "", which every number starts with."""
    region = region or default_region()
    digits = "".join(c for c in _ZERO_IN_BRACKETS.sub("", text or "") if c.isdigit())
    _code, _trunk, international = _prefixes(region)
    if digits and international.startswith(digits) and not (text or "").strip().startswith("+"):
        return ""
    return _read(text, region)[0]


def number_key(text: str | None, region: str | None = None) -> str | None:
    """One whole number as E.164 digits. A national number is its region's code and the
    rest; an international one is read by phonenumbers where it might carry a trunk
    prefix after the country code (+49 0341 …) or comes from a country not listed here.
    A number without either prefix stays as written: its area is not known."""
    region = region or default_region()
    digits, how = _read(text, region)
    if digits is None or how != "international" or len(digits) < 6:
        return digits
    for code, trunk, _ in _KNOWN.values():
        if trunk and digits.startswith(code):
            if not digits[len(code):].startswith(trunk):
                return digits  # already in its international form
            break
    import phonenumbers

    try:
        parsed = phonenumbers.parse("+" + digits, region)
    except phonenumbers.NumberParseException:
        return digits
    if not phonenumbers.is_possible_number(parsed):
        return digits
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)[1:]


def looks_like_number(text: str) -> bool:
    """True for what can only be (part of) a phone number: digits and + ( ) / - . spaces."""
    stripped = text.strip()
    return (any(c.isdigit() for c in stripped)
            and all(c.isdigit() or c in " +()/-." for c in stripped))
