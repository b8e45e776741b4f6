"""Reads the tokens of a due time (core/when.py lexes them) into a Due: each word or number
fills a slot, and a slot filled twice ("tomorrow tomorrow") makes the text unreadable."""

from __future__ import annotations

import datetime as dt

from kbm_tui.core import l10n
from kbm_tui.core import when_words as w
from kbm_tui.core.i18n import _
from kbm_tui.core.validate import FIRST_YEAR, LAST_YEAR
from kbm_tui.core.when_calendar import LONGEST, leap, month_part, period_part, weekend
from kbm_tui.core.when_due import EXAMPLES, Due, WhenError, fold, occurrence, show_day, utc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from kbm_tui.core.settings import Settings
    from kbm_tui.core.when_due import Token


class Reader:
    """Collects what each token says and refuses anything said twice.  Slots:
    day (date, written-as-a-date or "week"), weekday (Mon=0.., -1 last/0/+1 next), hard
    (clock time or Settings name, bare hour), soft (same, p.m.-ish), moment."""

    def __init__(self, shown: str, now: dt.datetime, settings: Settings | None,
                 allow_past: bool, reread: Callable[[str], object] | None):
        """`reread` reads another text the same way (raising WhenError), to check a
        suggestion for a near miss; None: no suggestions."""
        self.shown, self.now, self.today = shown, now, now.date()
        self.settings, self.allow_past, self.reread = settings, allow_past, reread
        self.got: dict[str, tuple] = {}
        self.marked = False  # the previous word was "at"/"um"
        self.later = False  # "später": the day said, else today
        self.german = False

    def unreadable(self) -> WhenError:
        if self.reread is not None:
            from kbm_tui.core.when_hint import near_miss

            meant = near_miss(self.shown, self.reread)
            if meant:
                return WhenError(_('Can\'t read "{typed}" as a due time. Did you mean '
                                   '"{meant}"?').format(typed=self.shown, meant=meant))
        return WhenError(_('Can\'t read "{typed}" as a due time. Try for example: {examples}')
                         .format(typed=self.shown, examples=_(EXAMPLES)))

    def _bare_hour(self, hour: int) -> WhenError:
        """ "morgen 10" after a day: say how to write the hour it may mean."""
        if not (("day" in self.got or "weekday" in self.got) and 0 <= hour <= 23):
            return self.unreadable()
        if 1 <= hour <= 11:
            return WhenError(_('"{typed}": is {raw} meant as a time? Write it as {clock} or '
                               '{later}.').format(typed=self.shown, raw=hour,
                                                  clock=f"{hour:02d}:00",
                                                  later=f"{hour + 12}:00"))
        return WhenError(_('"{typed}": is {raw} meant as a time? Write it as {clock}.').format(
            typed=self.shown, raw=hour, clock=f"{hour:02d}:00"))

    def _where(self, raw: str) -> str:
        return f'"{self.shown}"' if raw == fold(self.shown) else f'"{self.shown}": {raw}'

    def _bad_date(self, raw: str, reason: str) -> WhenError:
        return WhenError(_("{where} is not a real date: {reason}.").format(
            where=self._where(raw), reason=reason))

    def _bad_time(self, raw: str, reason: str) -> WhenError:
        return WhenError(_("{where} is not a real time: {reason}.").format(
            where=self._where(raw), reason=reason))

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
        self.german = any(kind == "w" and value in w.GERMAN for kind, value, _raw in tokens)
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
        elif kind == "n" and nxt in w.MONTH:  # "12. Dezember", "12 Dec 2026"
            return self._month_day(w.MONTH[nxt], value, tokens, i + 2, raw)
        elif kind == "n" and nxt in ("am", "pm", "uhr", "h"):
            self._put("hard", self._clock(value, 0, 0, nxt, raw), None)
            return i + 2
        elif kind == "n":  # a bare number could be an hour, a day or a count: don't guess
            if not marked:
                raise self._bare_hour(value) if nxt is None else self.unreadable()
            self._put("hard", self._clock(value, 0, 0, None, raw), value)
        else:
            return self._word(tokens, i, nxt)
        return i + 1

    def _relative(self, tokens: list[Token], i: int) -> int | None:
        """ "in 3 days", "vor einer Woche", "2 hours ago", "eine Woche" -> index after it,
        or None."""
        words: list[Any] = [t[1] if t[0] in ("w", "n") else None
                            for t in tokens[i:i + 3]] + [None] * 3
        sign, at = (1, 1) if words[0] == "in" else (-1, 1) if words[0] == "vor" else (-1, 0)
        count = words[at] if isinstance(words[at], int) else w.COUNT.get(words[at])
        unit = w.UNIT.get(words[at + 1]) if isinstance(words[at + 1], str) else None
        if count is None or unit is None:
            return None
        if at == 0 and words[2] != "ago":
            if words[1] not in w.SPELLED_UNITS:  # "14 h" is a clock time
                return None
            sign = 1  # "eine Woche", "3 Tage": that long from now
            self._shift(count, unit)
            return i + 2
        self._shift(sign * count, unit)
        return i + 3

    def _dotted(self, value: tuple, raw: str, marked: bool, nxt: object, i: int) -> int:
        d, m, year = value
        if year is None and (marked or nxt == "uhr"):  # "um 14.30", "14.30 Uhr"
            self._put("hard", self._clock(d, m, 0, None, raw), None)
            return i + 1 + (nxt == "uhr")
        if year is None and not 1 <= m <= 12 and d <= 23 and m <= 59:
            raise WhenError(_('"{typed}": is {raw} meant as a time? Write it as {clock} (or '
                              '{dotted} Uhr).').format(typed=self.shown, raw=raw,
                                                       clock=f"{d:02d}:{m:02d}",
                                                       dotted=f"{d}.{m:02d}"))
        self._put("day", self._date(year, m, d, raw), True)
        return i + 1

    def _month_day(self, month: int, day: int, tokens: list[Token], i: int, raw: str) -> int:
        """That day of that month, in the year written at `i` if there is one."""
        year = None
        if i < len(tokens) and tokens[i][0] == "n" and tokens[i][1] >= 1000:
            year, i = tokens[i][1], i + 1
        self._put("day", self._date(year, month, day, raw), True)
        return i

    def _word(self, tokens: list[Token], i: int, nxt: object) -> int:
        word = tokens[i][1]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in ("at", "um"):
            self.marked = True
        elif word in w.MONTH and after is not None and after[0] == "n" and after[1] <= 31:
            return self._month_day(w.MONTH[word], after[1], tokens, i + 2, after[2])  # "Dec 12"
        elif word in w.PART or word in w.PERIOD_PARTS:
            return self._part(tokens, i)
        elif word in w.WEEKEND:
            self._put("day", weekend(self.today, following=False), False)
        elif word in w.THIS:  # "this friday" is friday; "this evening" is today's
            if nxt not in w.WEEKDAY and nxt not in w.WEEKEND:
                self._day(0)
        elif word in w.NEXT or word in w.LAST:
            direction = 1 if word in w.NEXT else -1
            if nxt in w.WEEKDAY:
                self._put("weekday", w.WEEKDAY[nxt], direction)
            elif nxt in ("week", "woche"):  # a weekday with it: that day of that week
                self._put("day", self.today + dt.timedelta(days=7 * direction), "week")
            elif nxt in w.WEEKEND and direction > 0:
                self._put("day", weekend(self.today, following=True), False)
            else:
                raise self.unreadable()
            return i + 2
        elif word == "morgen" and ("day" in self.got or "weekday" in self.got):
            self._put("soft", "morning", False)  # "Freitag Morgen", "heute Morgen"
        elif word in w.DAYS:
            self._day(w.DAYS[word])
        elif word in w.WEEKDAY:
            self._put("weekday", w.WEEKDAY[word], 0)
        else:
            return self._phrase(tokens, i)
        return i + 1

    def _part(self, tokens: list[Token], i: int) -> int:
        """ "Anfang Dezember", "Mitte nächster Woche", "end of the month", "Jahresende"."""
        words: list[Any] = [t[1] if t[0] == "w" else None for t in tokens[i:i + 3]] + [None] * 3
        period: str | None
        if words[0] in w.PERIOD_PARTS:
            (part, period), ahead, used = w.PERIOD_PARTS[words[0]], False, 1
        elif words[1] in w.MONTH:
            month, year, used = w.MONTH[words[1]], None, 2
            if i + 2 < len(tokens) and tokens[i + 2][0] == "n" and tokens[i + 2][1] >= 1000:
                year, used = tokens[i + 2][1], 3
            day = month_part(year or self.today.year, month, w.PART[words[0]])
            self._put("day", self._date(year, month, day, tokens[i + 1][2]), True)
            return i + used
        else:
            part, ahead = w.PART[words[0]], words[1] in w.NEXT
            period, used = w.PERIOD.get(words[1 + ahead]), 2 + ahead
        if period is None:
            return self._phrase(tokens, i)  # "end of day"
        self._put("day", period_part(self.today, part, period, ahead), True)
        return i + used

    def _phrase(self, tokens: list[Token], i: int) -> int:
        for size in (3, 2, 1):
            phrase = tuple(t[1] for t in tokens[i:i + size] if t[0] == "w")
            action = w.PHRASES.get(phrase) if len(phrase) == size else None
            if action is None:
                continue
            if action[0] == "day":
                self._day(action[1])
            elif action[0] == "tonight":
                self._day(0)
                self._put("soft", "evening", True)
            elif action[0] == "now":
                self._put("moment", self.now.replace(second=0, microsecond=0))
            elif action[0] == "soon":
                self._shift(action[1], "minutes")
            elif action[0] == "later":
                self.later = True
            else:
                self._put(*action)
            return i + size
        raise self.unreadable()

    def _clock(self, h: int, m: int, s: int, meridiem: str | None, raw: str) -> dt.time:
        if meridiem in ("am", "pm"):
            if not 1 <= h <= 12:
                raise self._bad_time(raw, _("with am/pm, hours go from 1 to 12"))
            h = h % 12 + (12 if meridiem == "pm" else 0)
        if h > 23:
            raise self._bad_time(raw, _("hours go from 0 to 23"))
        if m > 59:
            raise self._bad_time(raw, _("minutes go from 0 to 59"))
        if s > 59:
            raise self._bad_time(raw, _("seconds go from 0 to 59"))
        return dt.time(h, m, s)

    def _date(self, year: int | None, month: int, day: int, raw: str) -> dt.date:
        if not 1 <= month <= 12:
            raise self._bad_date(raw, _("there is no month {month}").format(month=month))
        name, longest = l10n.month(dt.date(2000, month, 1), short=False), LONGEST[month - 1]
        if not 1 <= day <= longest:
            reason = (_("days go from 1 to 31") if not 1 <= day <= 31 else
                      _("{month} has at most {days} days") if longest == 29 else
                      _("{month} has only {days} days"))
            raise self._bad_date(raw, reason.format(month=name, days=longest))
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise self._bad_date(raw, _("year {year} is out of range (kbm keeps dates from "
                                        "{first} to {last})").format(
                year=year, first=FIRST_YEAR, last=LAST_YEAR))
        if year is not None and (month, day) == (2, 29) and not leap(year):
            raise self._bad_date(raw, _("{year} is not a leap year").format(year=year))
        if year is not None:
            return dt.date(year, month, day)
        # No year: for a due, the next such day (29.02. waits for a leap year); when
        # the past is allowed (logging), the nearest, so "20.11." typed on 22.11. is 2 days ago.
        years = range(max(1, self.today.year - 1), min(9999, self.today.year + 8) + 1)
        days = [dt.date(y, month, day) for y in years if (month, day) != (2, 29) or leap(y)]
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
        elif not got and self.later:
            due = Due(self.today)
        elif not got:
            raise self.unreadable()
        else:
            due = Due(self._resolve_day(), self._resolve_time())
        due = occurrence(due, self.now, allow_past=self.allow_past)
        if not FIRST_YEAR <= due.day.year <= LAST_YEAR:
            message = (_('"{typed}" is too far away: kbm keeps dates from {first} to {last}.')
                       if due.day.year > LAST_YEAR else
                       _('"{typed}" is too long ago: kbm keeps dates from {first} to {last}.'))
            raise WhenError(message.format(typed=self.shown, first=FIRST_YEAR, last=LAST_YEAR))
        if not self.allow_past and self._passed(due):
            raise WhenError(_('"{typed}" means {when}, which has already passed. {hint}').format(
                typed=self.shown, when=due.describe(), hint=self._later_hint(said_day, due)))
        return due

    def _later_hint(self, said_day: bool, due: Due) -> str:
        if said_day:
            return _("Try a later date.") if due.time is None else _("Try a later time.")
        german = self.german or (l10n.language() == "de" and not any(
            c.isalpha() for c in self.shown))
        return _('Try "{tomorrow} {typed}" or a later time.').format(
            tomorrow="morgen" if german else "tomorrow", typed=self.shown)

    def _resolve_day(self) -> dt.date:
        day, dated = self.got.get("day", (None, False))
        if "weekday" not in self.got:
            return day or self.today
        index, direction = self.got["weekday"]
        if dated == "week" and not direction:  # "Dienstag nächste Woche": Monday-based weeks
            return day - dt.timedelta(days=self.today.weekday() - index)
        if day is None:
            # Never today itself: "sunday" on a Sunday is next week's, "last sunday" last week's.
            wd = self.today.weekday()
            days = (index - wd - 1) % 7 + 1 if direction >= 0 else -((wd - index - 1) % 7 + 1)
            return self.today + dt.timedelta(days=days)
        if not dated or direction:  # "tomorrow friday", "next friday 24.12."
            raise self.unreadable()
        if day.weekday() != index:
            raise WhenError(_('"{typed}" doesn\'t add up: {day} is a {weekday}.').format(
                typed=self.shown, day=show_day(day), weekday=l10n.weekday(day, short=False)))
        return day

    def _resolve_time(self) -> dt.time | None:
        hard, bare = self.got.get("hard", (None, None))
        soft, pm = self.got.get("soft", (None, False))
        if hard is None:
            return None if soft is None else self._named(soft)
        if bare is not None and pm and 1 <= bare < 12:
            return dt.time(bare + 12)  # "abends um 7", "afternoon at 3"
        if bare is not None and 1 <= bare <= 7 and soft is None:
            raise WhenError(_('"{typed}" could be {early} or {late}. Please type {early} or '
                              '{late} (or {hour}am / {hour}pm).').format(
                typed=self.shown, early=f"{bare:02d}:00", late=f"{bare + 12}:00", hour=bare))
        return self._named(hard)

    def _passed(self, due: Due) -> bool:
        if due.time is None:
            return due.day < self.today
        # Minute resolution: "now" (rounded down) and "11:30" at 11:30:40 still count.
        return utc(due.start(self.now.tzinfo or dt.UTC)) < utc(
            self.now.replace(second=0, microsecond=0))
