"""A due time as kbm keeps it (Due), the error for one that can't be used, and how typed
text is cut into tokens for core/when_reader.py. Stdlib only, like all of core/when*."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kbm_tui.core import l10n
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.when_words import FILLERS, ORDINAL, UNIT

TYPE_CHECKING = False  # typing itself is not worth importing on the quick-add path
if TYPE_CHECKING:
    from typing import Any

    Token = tuple[str, Any, str]  # (kind, value, what was typed)

EXAMPLES = N_("tomorrow, Friday 14:00, in 3 days, +2w, 24.12., after lunch, morgen früh")

MAX_LEN = 100  # longer than any real due time; also keeps int() and regexes cheap

# Umlauts fold to ae/oe/ue, also when typed as a vowel plus a combining diaeresis.
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "\u0308": "e"})
_ISO_T = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})t(?=\d)", re.ASCII)
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")  # "mid-December"
_HALF_HOUR = re.compile(r"\b(?:(?:eine[rn]?\s+)?halbe[n]?\s+stunde|(?:a\s+)?half\s+(?:an\s+)?"
                        r"hour)\b")
_WORD = re.compile(r"[a-z]+")
_OFFSET = re.compile(r"([+-])(\d{1,5})(d|t|w|h|min)", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(am|pm|h|uhr)?", re.ASCII)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?\.?", re.ASCII)
_NUM = re.compile(r"(\d{1,4})(\.|[a-z]+)?", re.ASCII)


class WhenError(ValueError):
    """A due time that can't be used; the message is meant for the shop owner."""


def show_day(day: dt.date) -> str:
    """ "Fri 27 Nov 2026", "Thu 3 Dec 2026" / "Fr., 27. Nov. 2026"."""
    return l10n.short_date(day, year=True, padded=False)  # said, not a column: "Thu 3 Dec"


@dataclass(frozen=True)
class Due:
    day: dt.date
    time: dt.time | None = None  # None: the whole day

    def moment(self, tz: dt.tzinfo) -> dt.datetime | None:
        return None if self.time is None else dt.datetime.combine(self.day, self.time, tzinfo=tz)

    def start(self, tz: dt.tzinfo) -> dt.datetime:
        """When a planned contact happens: its time, or the start of its day."""
        return dt.datetime.combine(self.day, self.time or dt.time(0), tzinfo=tz)

    @classmethod
    def of(cls, day: dt.date, at: dt.datetime | None, tz: dt.tzinfo) -> Due:
        """A stored due (day, moment) as a Due again, e.g. to put it back on undo."""
        return cls(day, at.astimezone(tz).time().replace(tzinfo=None) if at is not None else None)

    def describe(self) -> str:
        """ "Fri 27 Nov 2026, 14:00" / "Fr., 27. Nov. 2026, 14:00 Uhr"; "(all day)" /
        "(ganztägig)" without a time."""
        if self.time is None:
            return _("{day} (all day)").format(day=show_day(self.day))
        seconds = f":{self.time.second:02d}" if self.time.second else ""
        return _("{day}, {time}").format(day=show_day(self.day),
                                         time=f"{self.time:%H:%M}{seconds}")


def occurrence(due: Due, now: dt.datetime, *, allow_past: bool) -> Due:
    """In the hour the clocks go back, a wall time comes twice: a due time means the next
    of the two still to come, a past one (logging) the latest gone by."""
    if due.time is None or now.tzinfo is None:
        return due
    first = dt.datetime.combine(due.day, due.time.replace(fold=0), tzinfo=now.tzinfo)
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset():
        return due
    minute = utc(now.replace(second=0, microsecond=0))
    if allow_past:
        later = 1 if utc(second) <= minute else 0
    else:
        later = 0 if utc(first) >= minute else 1
    return Due(due.day, due.time.replace(fold=later))


def utc(moment: dt.datetime) -> dt.datetime:
    """Moments compared in UTC: in one zone, Python compares wall times and ignores which
    of a repeated hour's two passes is meant."""
    return moment.astimezone(dt.UTC)


def fold(text: str) -> str:
    """How the reader sees text: lower case, umlauts as ae/oe/ue."""
    return text.casefold().translate(_FOLD)


def lex(text: str) -> list[Token] | None:
    """Split into (kind, value, raw) tokens; None when a piece is unreadable."""
    text = fold(text).replace("a.m.", "am").replace("p.m.", "pm")
    text = _ISO_T.sub(r"\1 ", text.replace(",", " ").replace("@", " at "))
    text = _HALF_HOUR.sub("30 minutes", _HYPHEN.sub(" ", text))
    tokens: list[Token] = []
    for piece in text.split():
        word = piece.rstrip(".")  # "Fr." and "morgen." are words too
        if _WORD.fullmatch(word):
            after_number = tokens and tokens[-1][0] in ("n", "clock")
            if word not in FILLERS or (word == "am" and after_number):
                tokens.append(("w", word, word))
        elif m := _OFFSET.fullmatch(piece):
            tokens.append(("off", (int(m[1] + m[2]), UNIT[m[3]]), piece))
        elif m := _ISO.fullmatch(piece):
            tokens.append(("date", (int(m[1]), int(m[2]), int(m[3])), piece))
        elif m := _CLOCK.fullmatch(piece):
            tokens.append(("clock", (int(m[1]), int(m[2]), int(m[3] or 0), m[4]), piece))
        elif m := _DOTTED.fullmatch(piece):
            year = None if m[3] is None else int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            tokens.append(("dot", (int(m[1]), int(m[2]), year), piece))
        elif m := _NUM.fullmatch(piece):
            tokens.append(("n", int(m[1]), m[1]))
            if m[2] and m[2] != "." and m[2] not in ORDINAL:  # "2pm", "14h", "3days"
                tokens.append(("w", m[2], m[2]))
        else:
            return None
    return tokens
