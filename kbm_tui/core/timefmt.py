"""How moments and days are written into the database and shown to people.

Moments are stored as UTC text `YYYY-MM-DDTHH:MM:SSZ` (fixed width, so text order is
time order); calendar days as `YYYY-MM-DD` and never converted between time zones,
so a promise for "Friday" stays on Friday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from kbm_tui.core import clock, l10n
from kbm_tui.core.i18n import _

DB_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def to_db(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime cannot be stored")
    return moment.astimezone(UTC).strftime(DB_FORMAT)


def from_db(text: str | None) -> datetime | None:
    if not text:
        return None
    # fromisoformat is C code and reads the trailing Z; strptime is twenty times slower.
    return datetime.fromisoformat(text)


def day_to_db(day: date) -> str:
    return day.isoformat()


def day_from_db(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def local(moment: datetime) -> datetime:
    return moment.astimezone(clock.local_tz())


def show_moment(moment: datetime | None, *, today: date | None = None,
                compact: bool = False) -> str:
    """"14:05" today, "Tue 17 Nov 14:05" this year, "17 Nov 2025 14:05" otherwise
    (German: "14:05", "Di., 17. Nov. 14:05", "17. Nov. 2025 14:05"; `compact`, for a narrow
    list: "Di 17.11. 14:05", "17.11.25 14:05")."""
    if moment is None:
        return ""
    m = local(moment)
    today = today or clock.today()
    if m.date() == today:
        return l10n.clock(m.time())
    if m.year == today.year:
        return f"{l10n.short_date(m.date(), compact=compact)} {l10n.clock(m.time())}"
    day = l10n.short_date(m.date(), weekday_too=False, year=True, compact=compact)
    return f"{day} {l10n.clock(m.time())}"


def show_day(day: date | None, *, today: date | None = None, padded: bool = True,
             compact: bool = False) -> str:
    """ "today", "tomorrow", "yesterday", "Fri 27 Nov" this year, "27 Nov 2027" otherwise
    (`padded`: "Mon 07 Dec" for a list's column, else "Mon 7 Dec" as in a sentence;
    `compact`: German in digits for a narrow list, "Mo 07.12.")."""
    if day is None:
        return ""
    today = today or clock.today()
    delta = (day - today).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("tomorrow")
    if delta == -1:
        return _("yesterday")
    if day.year == today.year:
        return l10n.short_date(day, padded=padded, compact=compact)
    return l10n.short_date(day, weekday_too=False, year=True, padded=padded, compact=compact)


def since_day(moment: datetime, *, this_year_short: bool = False) -> str:
    """The day a standing wish was recorded, with its year as evidence is written:
    "29 Nov 2026" / "29. Nov. 2026" (`this_year_short`: "29 Nov" in the current year, where
    room is short, as the lists write days)."""
    day = local(moment).date()
    year = not this_year_short or day.year != clock.today().year
    return l10n.short_date(day, weekday_too=False, year=year, padded=False)


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month `back` months before the one holding `day`."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def day_bounds(day: date) -> tuple[str, str]:
    """The stored UTC text range [start, end) of a local calendar day."""
    tz = clock.local_tz()
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return to_db(start), to_db(end)
