"""Read a due time the way a shop owner types it: "morgen früh", "Fri 14:00", "+2w".

Stdlib only, and settings/clock are imported lazily: quick-add imports this on
its hot path.  The zone of `now` is taken as the shop's zone; a `Due` keeps the
local calendar day and wall-clock time, so "Friday 14:00" stays 14:00 across a
daylight-saving change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TYPE_CHECKING = False  # typing itself is not worth importing on the quick-add path
if TYPE_CHECKING:
    from typing import Any

    from kbm_tui.core.settings import Settings

    Token = tuple[str, Any, str]  # (kind, value, what was typed)

EXAMPLES = "tomorrow, Friday 14:00, in 3 days, +2w, 24.12., after lunch, morgen früh"

_MAX_LEN = 100  # longer than any real due time; also keeps int() and regexes cheap

_MONTHS = ("January February March April May June July August September October "
           "November December").split()
_LONGEST = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_WEEKDAYS = ("monday mon montag mo", "tuesday tue tues dienstag di", "wednesday wed mittwoch mi",
             "thursday thu thur thurs donnerstag do", "friday fri freitag fr",
             "saturday sat samstag sonnabend sa", "sunday sun sonntag so")
_WEEKDAY = {n: i for i, names in enumerate(_WEEKDAYS) for n in names.split()}

_DAYS = {"today": 0, "heute": 0, "tomorrow": 1, "morgen": 1, "uebermorgen": 2,
         "yesterday": -1, "gestern": -1, "vorgestern": -2}
_NEXT = set("next naechste naechsten naechster kommende kommenden kommender".split())
_LAST = set("last letzte letzten letzter vergangene vergangenen vergangener".split())
_COUNT = {"a": 1, "an": 1, "one": 1, "ein": 1, "eine": 1, "einem": 1, "einer": 1,
          "two": 2, "zwei": 2, "three": 3, "drei": 3}
_UNIT = {word: unit for words, unit in (
    ("day days d tag tage tagen", "days"), ("week weeks w woche wochen", "weeks"),
    ("hour hours h hr hrs stunde stunden std", "hours"),
    ("minute minutes min mins minuten", "minutes"),
) for word in words.split()}
# Dropped while reading, so "nach dem Mittagessen" and "ende der Woche" need no
# variants.  "am" stays after a number, where it means a.m.
_FILLERS = set("on am by bis until till the den dem der des of zum zur".split())
# Words that make the "try ..." hint answer in German.
_GERMAN = set("heute morgen uebermorgen gestern uhr um frueh vormittag vormittags morgens "
              "nachmittag nachmittags abend abends mittag mittags nach feierabend jetzt".split())
# A "soft" time is a part of the day: an explicit clock time wins over it, and
# "Abend" + "um 7" reads as 19:00 (the flag: bare hours shift to p.m.).
_PHRASES: dict[tuple[str, ...], tuple[Any, ...]] = {
    tuple(phrase.split()): action for phrases, action in (
    ("day after tomorrow", ("day", 2)),
    ("day before yesterday", ("day", -2)),
    ("end week|ende woche", ("eow",)),
    ("end day|ende tages|eod|closing|feierabend|ladenschluss", ("hard", "closing", None)),
    ("morning|frueh|vormittag|vormittags|morgens", ("soft", "morning", False)),
    ("after lunch|nach mittagessen|nach mittagspause|nach mittag|nach essen|afternoon"
     "|nachmittag|nachmittags", ("soft", "lunch_end", True)),
    ("evening|abend|abends", ("soft", "evening", True)),
    ("noon|midday|mittag|mittags", ("soft", dt.time(12), True)),
    ("tonight", ("tonight",)),
    ("now|jetzt", ("now",)),
) for phrase in phrases.split("|")}

# Umlauts fold to ae/oe/ue, also when typed as a vowel plus a combining diaeresis.
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "\u0308": "e"})
_ISO_T = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})t(?=\d)", re.ASCII)
_WORD = re.compile(r"[a-z]+")
_OFFSET = re.compile(r"([+-])(\d{1,5})(d|w|h|min)", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(am|pm|h|uhr)?", re.ASCII)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?\.?", re.ASCII)
_NUM = re.compile(r"(\d{1,4})(\.|[a-z]+)?", re.ASCII)


_INTERVAL = re.compile(r"\s*(?:every\s+|alle\s+)?(\d{1,4})\s*([a-zA-Z]*)\s*", re.IGNORECASE)
_INTERVAL_UNITS = {**dict.fromkeys(("", "d", "day", "days", "t", "tag", "tage"), 1),
                   **dict.fromkeys(("w", "week", "weeks", "wo", "woche", "wochen"), 7)}


def parse_days(text: str) -> int:
    """A repeat interval as days: 14, 14d, 2w, 4 weeks, every 4 weeks, 2 Wochen."""
    match = _INTERVAL.fullmatch(text or "")
    factor = _INTERVAL_UNITS.get(match.group(2).lower(), 0) if match else 0
    if not match or not factor or not 1 <= int(match.group(1)) * factor <= 3650:
        from kbm_tui.core.errors import InputError

        raise InputError(f'"{text}" is not a number of days. Write it like 14, 2w or 4w '
                         "(at most 3650 days).", field="every")
    return int(match.group(1)) * factor


class WhenError(ValueError):
    """A due time that can't be used; the message is meant for the shop owner."""


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _show_day(day: dt.date) -> str:
    """ "Fri 27 Nov 2026", in English whatever the locale (no strftime)."""
    weekday, month = _WEEKDAYS[day.weekday()][:3].title(), _MONTHS[day.month - 1][:3]
    return f"{weekday} {day.day:02d} {month} {day.year}"


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
        if self.time is None:
            return f"{_show_day(self.day)} (all day)"
        seconds = f":{self.time.second:02d}" if self.time.second else ""
        return f"{_show_day(self.day)}, {self.time:%H:%M}{seconds}"


def parse_when(text: str, *, now: dt.datetime | None = None,
               settings: Settings | None = None, allow_past: bool = False) -> Due:
    """Read `text` as a due time; raise WhenError with a readable message if it isn't one."""
    text = text.strip()
    shown = " ".join("".join(c if c.isprintable() else " " for c in text[:4 * _MAX_LEN]).split())
    if not shown:
        raise WhenError(f"Please type when it is due, for example: {EXAMPLES}")
    if len(shown) > _MAX_LEN or len(text) > 4 * _MAX_LEN:
        raise WhenError(f'"{shown[:40]}…" is too long for a due time. '
                        f"Try for example: {EXAMPLES}")
    if now is None or now.tzinfo is None:
        from kbm_tui.core import clock

        now = clock.now() if now is None else now.replace(tzinfo=clock.local_tz())
    reader = _Reader(shown, now, settings, allow_past)
    tokens = _lex(text)
    if not tokens:
        raise reader.unreadable()
    try:
        return reader.read(tokens)
    except OverflowError:
        raise WhenError(f'"{shown}" is too far away to be a due time.') from None


def _lex(text: str) -> list[Token] | None:
    """Split into (kind, value, raw) tokens; None when a piece is unreadable."""
    text = text.casefold().translate(_FOLD).replace("a.m.", "am").replace("p.m.", "pm")
    text = _ISO_T.sub(r"\1 ", text.replace(",", " ").replace("@", " at "))
    tokens: list[Token] = []
    for piece in text.split():
        word = piece.rstrip(".")  # "Fr." and "morgen." are words too
        if _WORD.fullmatch(word):
            after_number = tokens and tokens[-1][0] in ("n", "clock")
            if word not in _FILLERS or (word == "am" and after_number):
                tokens.append(("w", word, word))
        elif m := _OFFSET.fullmatch(piece):
            tokens.append(("off", (int(m[1] + m[2]), _UNIT[m[3]]), piece))
        elif m := _ISO.fullmatch(piece):
            tokens.append(("date", (int(m[1]), int(m[2]), int(m[3])), piece))
        elif m := _CLOCK.fullmatch(piece):
            tokens.append(("clock", (int(m[1]), int(m[2]), int(m[3] or 0), m[4]), piece))
        elif m := _DOTTED.fullmatch(piece):
            year = None if m[3] is None else int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            tokens.append(("dot", (int(m[1]), int(m[2]), year), piece))
        elif m := _NUM.fullmatch(piece):
            tokens.append(("n", int(m[1]), m[1]))
            if m[2] and m[2] != ".":  # "2pm", "14h", "3days"
                tokens.append(("w", m[2], m[2]))
        else:
            return None
    return tokens


class _Reader:
    """Collects what each token says and refuses anything said twice.  Slots:
    day (date, written-as-a-date), weekday (Mon=0.., -1 last/0/+1 next), hard
    (clock time or Settings name, bare hour), soft (same, p.m.-ish), moment."""

    def __init__(self, shown: str, now: dt.datetime, settings: Settings | None, allow_past: bool):
        self.shown, self.now, self.today = shown, now, now.date()
        self.settings, self.allow_past = settings, allow_past
        self.got: dict[str, tuple] = {}
        self.marked = False  # the previous word was "at"/"um"
        self.german = False

    def unreadable(self) -> WhenError:
        return WhenError(f'Can\'t read "{self.shown}" as a due time. Try for example: {EXAMPLES}')

    def _invalid(self, raw: str, what: str, reason: str) -> WhenError:
        where = f'"{self.shown}"' if raw == self.shown.casefold() else f'"{self.shown}": {raw}'
        return WhenError(f"{where} is not a real {what}: {reason}.")

    def _put(self, slot: str, *value: object) -> None:
        if slot in self.got or "moment" in self.got or (slot == "moment" and self.got):
            raise self.unreadable()
        self.got[slot] = value

    def _day(self, days: int) -> None:
        self._put("day", self.today + dt.timedelta(days=days), False)

    def _shift(self, n: int, unit: str) -> None:
        if unit in ("days", "weeks"):
            return self._day(n * 7 if unit == "weeks" else n)
        delta = dt.timedelta(hours=n) if unit == "hours" else dt.timedelta(minutes=n)
        # Elapsed time, not wall time ("in 3 hours" across a DST change), then to
        # 5 minutes away from now so a future moment never lands in the past.
        step, epoch = dt.timedelta(minutes=5), dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
        steps, rest = divmod(self.now.astimezone(dt.UTC) + delta - epoch, step)
        steps += 1 if rest and n > 0 else 0
        self._put("moment", (epoch + steps * step).astimezone(self.now.tzinfo))

    def read(self, tokens: list[Token]) -> Due:
        self.german = any(kind == "w" and value in _GERMAN for kind, value, _ in tokens)
        i = 0
        while i < len(tokens):
            i = self._item(tokens, i)
        return self._finish()

    def _item(self, tokens: list[Token], i: int) -> int:
        kind, value, raw = tokens[i]
        marked, self.marked = self.marked, False
        nxt = tokens[i + 1][1] if i + 1 < len(tokens) else None
        if end := self._relative(tokens, i):
            return end
        if kind == "off":
            self._shift(*value)
        elif kind == "date":
            year, month, day = value
            self._put("day", self._date(year, month, day, raw), True)
        elif kind == "clock":
            h, m, s, suffix = value
            if suffix is None and nxt in ("am", "pm"):
                suffix, i = nxt, i + 1
            elif suffix in (None, "h", "uhr") and nxt == "uhr":
                i += 1
            self._put("hard", self._clock(h, m, s, suffix, raw), None)
        elif kind == "dot":
            return self._dotted(value, raw, marked, nxt, i)
        elif kind == "n" and nxt in ("am", "pm", "uhr", "h"):
            self._put("hard", self._clock(value, 0, 0, nxt, raw), None)
            return i + 2
        elif kind == "n":  # a bare number could be an hour, a day or a count: don't guess
            if not marked:
                raise self.unreadable()
            self._put("hard", self._clock(value, 0, 0, None, raw), value)
        else:
            return self._word(tokens, i, nxt)
        return i + 1

    def _relative(self, tokens: list[Token], i: int) -> int | None:
        """ "in 3 days", "vor einer Woche", "2 hours ago" -> index after it, or None."""
        words: list[Any] = [t[1] if t[0] in ("w", "n") else None
                            for t in tokens[i:i + 3]] + [None] * 3
        sign, at = (1, 1) if words[0] == "in" else (-1, 1) if words[0] == "vor" else (-1, 0)
        count = words[at] if isinstance(words[at], int) else _COUNT.get(words[at])
        unit = _UNIT.get(words[at + 1]) if isinstance(words[at + 1], str) else None
        if count is None or unit is None or (at == 0 and words[2] != "ago"):
            return None
        self._shift(sign * count, unit)
        return i + 3

    def _dotted(self, value: tuple, raw: str, marked: bool, nxt: object, i: int) -> int:
        d, m, year = value
        if year is None and (marked or nxt == "uhr"):  # "um 14.30", "14.30 Uhr"
            self._put("hard", self._clock(d, m, 0, None, raw), None)
            return i + 1 + (nxt == "uhr")
        if year is None and not 1 <= m <= 12 and d <= 23 and m <= 59:
            raise WhenError(f'"{self.shown}": is {raw} meant as a time? '
                            f"Write it as {d:02d}:{m:02d} (or {d}.{m:02d} Uhr).")
        self._put("day", self._date(year, m, d, raw), True)
        return i + 1

    def _word(self, tokens: list[Token], i: int, nxt: object) -> int:
        word = tokens[i][1]
        if word in ("at", "um"):
            self.marked = True
        elif word == "this":  # "this friday" is friday; "this evening" is today's
            if nxt not in _WEEKDAY:
                self._day(0)
        elif word in _NEXT or word in _LAST:
            direction = 1 if word in _NEXT else -1
            if nxt in _WEEKDAY:
                self._put("weekday", _WEEKDAY[nxt], direction)
            elif nxt in ("week", "woche"):
                self._day(7 * direction)
            else:
                raise self.unreadable()
            return i + 2
        elif word == "morgen" and ("day" in self.got or "weekday" in self.got):
            self._put("soft", "morning", False)  # "Freitag Morgen", "heute Morgen"
        elif word in _DAYS:
            self._day(_DAYS[word])
        elif word in _WEEKDAY:
            self._put("weekday", _WEEKDAY[word], 0)
        else:
            return self._phrase(tokens, i)
        return i + 1

    def _phrase(self, tokens: list[Token], i: int) -> int:
        for size in (3, 2, 1):
            phrase = tuple(t[1] for t in tokens[i:i + size] if t[0] == "w")
            action = _PHRASES.get(phrase) if len(phrase) == size else None
            if action is None:
                continue
            if action[0] == "day":
                self._day(action[1])
            elif action[0] == "eow":  # Friday of this week; at the weekend, the coming one
                self._day((4 - self.today.weekday()) % 7)
            elif action[0] == "tonight":
                self._day(0)
                self._put("soft", "evening", True)
            elif action[0] == "now":
                self._put("moment", self.now.replace(second=0, microsecond=0))
            else:
                self._put(*action)
            return i + size
        raise self.unreadable()

    def _clock(self, h: int, m: int, s: int, meridiem: str | None, raw: str) -> dt.time:
        if meridiem in ("am", "pm"):
            if not 1 <= h <= 12:
                raise self._invalid(raw, "time", "with am/pm, hours go from 1 to 12")
            h = h % 12 + (12 if meridiem == "pm" else 0)
        for value, limit, name in ((h, 23, "hours"), (m, 59, "minutes"), (s, 59, "seconds")):
            if value > limit:
                raise self._invalid(raw, "time", f"{name} go from 0 to {limit}")
        return dt.time(h, m, s)

    def _date(self, year: int | None, month: int, day: int, raw: str) -> dt.date:
        if not 1 <= month <= 12:
            raise self._invalid(raw, "date", f"there is no month {month}")
        name, longest = _MONTHS[month - 1], _LONGEST[month - 1]
        if not 1 <= day <= longest:
            reason = f"{name} has {'at most' if longest == 29 else 'only'} {longest} days"
            raise self._invalid(raw, "date", reason if 1 <= day <= 31 else "days go from 1 to 31")
        if year is not None and not 1 <= year <= 9999:
            raise self._invalid(raw, "date", f"year {year} is out of range")
        if year is not None and (month, day) == (2, 29) and not _leap(year):
            raise self._invalid(raw, "date", f"{year} is not a leap year")
        if year is not None:
            return dt.date(year, month, day)
        # No year: for a due, the next such day (29.02. waits for a leap year); when
        # the past is allowed (logging), the nearest, so "20.11." typed on 22.11. is 2 days ago.
        years = range(max(1, self.today.year - 1), min(9999, self.today.year + 8) + 1)
        days = [dt.date(y, month, day) for y in years if (month, day) != (2, 29) or _leap(y)]
        if self.allow_past and days:
            return min(days, key=lambda d: (abs((d - self.today).days), d < self.today))
        for d in days:
            if d >= self.today:
                return d
        raise OverflowError  # only near the year 9999

    def _named(self, value: dt.time | str) -> dt.time:
        if isinstance(value, dt.time):
            return value
        if self.settings is None:
            from kbm_tui.core.settings import Settings

            self.settings = Settings.load()
        return self.settings.clock_time(value)

    def _finish(self) -> Due:
        got = self.got
        said_day = any(slot in got for slot in ("day", "weekday", "moment"))
        if "moment" in got:
            due = Due(got["moment"][0].date(), got["moment"][0].time())
        elif not got:
            raise self.unreadable()
        else:
            due = Due(self._resolve_day(), self._resolve_time())
        if not self.allow_past and self._passed(due):
            if not said_day:
                tomorrow = "morgen" if self.german else "tomorrow"
                hint = f'Try "{tomorrow} {self.shown}" or a later time.'
            else:
                hint = "Try a later date." if due.time is None else "Try a later time."
            raise WhenError(f'"{self.shown}" means {due.describe()}, '
                            f"which has already passed. {hint}")
        return due

    def _resolve_day(self) -> dt.date:
        day, dated = self.got.get("day", (None, False))
        if "weekday" not in self.got:
            return day or self.today
        index, direction = self.got["weekday"]
        if day is None:
            # Never today itself: "sunday" on a Sunday is next week's, "last sunday" last week's.
            wd = self.today.weekday()
            days = (index - wd - 1) % 7 + 1 if direction >= 0 else -((wd - index - 1) % 7 + 1)
            return self.today + dt.timedelta(days=days)
        if not dated or direction:  # "tomorrow friday", "next friday 24.12."
            raise self.unreadable()
        if day.weekday() != index:
            actual = _WEEKDAYS[day.weekday()].split()[0].title()
            raise WhenError(f'"{self.shown}" doesn\'t add up: {_show_day(day)} is a {actual}.')
        return day

    def _resolve_time(self) -> dt.time | None:
        hard, bare = self.got.get("hard", (None, None))
        soft, pm = self.got.get("soft", (None, False))
        if hard is None:
            return None if soft is None else self._named(soft)
        if bare is not None and pm and 1 <= bare < 12:
            return dt.time(bare + 12)  # "abends um 7", "afternoon at 3"
        if bare is not None and 1 <= bare <= 7 and soft is None:
            early, late = f"{bare:02d}:00", f"{bare + 12}:00"
            raise WhenError(f'"{self.shown}" could be {early} or {late}. '
                            f"Please type {early} or {late} (or {bare}am / {bare}pm).")
        return self._named(hard)

    def _passed(self, due: Due) -> bool:
        if due.time is None:
            return due.day < self.today
        # Minute resolution: "now" (rounded down) and "11:30" at 11:30:40 still count.
        return due.start(self.now.tzinfo or dt.UTC) < self.now.replace(second=0,
                                                                             microsecond=0)
