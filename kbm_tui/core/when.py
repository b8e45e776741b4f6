"""Read a due time the way a shop owner types it: "morgen früh", "Fri 14:00", "+2w".

Stdlib only (and kbm's own stdlib-only i18n/l10n), and settings/clock are imported lazily:
quick-add imports this on its hot path. This is the public face: the value and the lexer are
in core/when_due.py, the reading in core/when_reader.py, the words it reads in
core/when_words.py, the calendar arithmetic in core/when_calendar.py, and a near miss is
answered by core/when_hint.py. The zone of `now` is taken as the shop's zone; a `Due` keeps
the local calendar day and wall-clock time, so "Friday 14:00" stays 14:00 across a
daylight-saving change.
"""

from __future__ import annotations

import datetime as dt
import re

from kbm_tui.core.i18n import _
from kbm_tui.core.when_due import EXAMPLES, MAX_LEN, Due, WhenError, fold, lex
from kbm_tui.core.when_reader import Reader
from kbm_tui.core.when_words import COUNT

__all__ = ["EXAMPLES", "Due", "WhenError", "next_opening_day", "parse_days", "parse_when"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from kbm_tui.core.settings import Settings

_INTERVAL_UNITS = {**dict.fromkeys(("", "d", "day", "days", "t", "tag", "tage", "tagen"), 1),
                   **dict.fromkeys(("w", "week", "weeks", "wo", "woche", "wochen"), 7),
                   **dict.fromkeys(("month", "months", "monat", "monate", "monaten"), 30),
                   **dict.fromkeys(("year", "years", "jahr", "jahre", "jahren"), 365)}
_INTERVAL_WORDS = {"daily": 1, "taeglich": 1, "weekly": 7, "woechentlich": 7,
                   "fortnightly": 14, "biweekly": 14, "monthly": 30, "monatlich": 30,
                   "yearly": 365, "annually": 365, "jaehrlich": 365}
_EVERY = ("every", "alle", "jede", "jeden", "jedes")
# German says a rhythm in one word: "zweiwöchentlich", "vierzehntägig", "14-tägig".
_RHYTHM_ENDINGS = {"woechentlich": 7, "woechig": 7, "taeglich": 1, "taegig": 1,
                   "monatlich": 30, "jaehrlich": 365}


def parse_days(text: str) -> int:
    """A repeat interval as days: 14, 14d, 2w, 4 weeks, every 4 weeks, alle 4 Wochen,
    alle zwei Wochen, jede Woche; a month counts 30 days and a year 365 (monatlich)."""
    folded = re.sub(r"(?<=\d)-(?=[a-z])", " ", fold(text or "").strip())  # 14-tägig
    words = re.findall(r"\d+|[a-z]+", folded) if re.fullmatch(r"[a-z0-9.\s]*", folded) else []
    words = words[1:] if words[:1] and words[0] in _EVERY else words
    days = None
    if len(words) == 1 and words[0] in _INTERVAL_WORDS:
        days = _INTERVAL_WORDS[words[0]]
    elif len(words) in (1, 2) and (rhythm := _rhythm_ending("".join(words))):
        days = rhythm[0] * rhythm[1]
    elif 1 <= len(words) <= 2 and len(words[0]) <= 5:
        count = int(words[0]) if words[0].isdigit() else COUNT.get(words[0])
        unit = words[1] if len(words) == 2 else ""
        if count is None and len(words) == 1 and words[0] in _INTERVAL_UNITS:
            count, unit = 1, words[0]  # "every week", "jede Woche"
        factor = _INTERVAL_UNITS.get(unit)
        days = count * factor if count and factor else None
    if days is None or not 1 <= days <= 3650:
        from kbm_tui.core.errors import InputError

        typed = text if len(text) <= 40 else text[:40] + "…"
        raise InputError(_('"{typed}" is not a number of days. Write it like 14, 2w or 4w '
                           "(at most 3650 days).").format(typed=typed), field="every")
    return days


def _rhythm_ending(word: str) -> tuple[int, int] | None:
    """ "zweiwoechentlich" -> (2, 7), "14taegig" -> (14, 1); None for anything else."""
    for ending, factor in _RHYTHM_ENDINGS.items():
        count = word.removesuffix(ending)
        if count != word and (number := int(count) if count.isdigit() and len(count) <= 4
                              else COUNT.get(count)):
            return number, factor
    return None


def parse_when(text: str, *, now: dt.datetime | None = None,
               settings: Settings | None = None, allow_past: bool = False,
               hint: bool = True) -> Due:
    """Read `text` as a due time; raise WhenError with a readable message if it isn't one
    (for a near miss, with the phrase it probably meant, unless `hint` is False)."""
    if now is None or now.tzinfo is None:
        from kbm_tui.core import clock

        now = clock.now() if now is None else now.replace(tzinfo=clock.local_tz())
    text = text.strip()
    shown = " ".join("".join(c if c.isprintable() else " " for c in text[:4 * MAX_LEN]).split())
    if not shown:
        raise WhenError(_("Please type when it is due, for example: {examples}").format(
            examples=_(EXAMPLES)))
    if len(shown) > MAX_LEN or len(text) > 4 * MAX_LEN:
        raise WhenError(_('"{typed}…" is too long for a due time. Try for example: {examples}')
                        .format(typed=shown[:40], examples=_(EXAMPLES)))
    reread = (lambda meant: parse_when(meant, now=now, settings=settings,
                                       allow_past=allow_past, hint=False)) if hint else None
    reader = Reader(shown, now, settings, allow_past, reread)
    tokens = lex(text)
    if not tokens:
        raise reader.unreadable()
    try:
        return reader.read(tokens)
    except OverflowError:
        raise WhenError(_('"{typed}" is too far away to be a due time.').format(
            typed=shown)) from None


def next_opening_day(day: dt.date, settings: Settings | None = None) -> dt.date:
    """`day` if the shop is open then, else the next day it is (the opening_days setting)."""
    if settings is None:
        from kbm_tui.core.settings import Settings

        settings = Settings.load()
    open_days = settings.open_weekdays()
    while day.weekday() not in open_days:
        day += dt.timedelta(days=1)
    return day
