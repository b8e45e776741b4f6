"""The calendar arithmetic of due times: leap years, month ends, weekends, and the start,
middle and end of a week, month or year. Stdlib only."""

from __future__ import annotations

import datetime as dt

LONGEST = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# The start, middle and end of a week (its weekday), a month (its day; None: the last) and
# a year (month, day).
PART_WEEKDAY = {"start": 0, "mid": 2, "end": 4}
PART_MONTH_DAY = {"start": 1, "mid": 15, "end": None}
PART_YEAR = {"start": (1, 1), "mid": (7, 1), "end": (12, 31)}


def leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def last_day(year: int, month: int) -> int:
    return 29 if month == 2 and leap(year) else LONGEST[month - 1] - (month == 2)


def month_part(year: int, month: int, part: str) -> int:
    """The day of the month that starts, halves or ends it."""
    return PART_MONTH_DAY[part] or last_day(year, month)


def weekend(today: dt.date, *, following: bool) -> dt.date:
    """The Saturday of the weekend: this one (today on a Saturday; on a Sunday the coming
    one), or with `following` the first Saturday after today."""
    wd = today.weekday()
    return today + dt.timedelta(days=(4 - wd) % 7 + 1 if following else (5 - wd) % 7)


def period_part(today: dt.date, part: str, period: str, ahead: bool) -> dt.date:
    """The start, middle or end ("start", "mid", "end") of this week, month or year, or with
    `ahead` of the next one. This one's when it hasn't passed yet, else the coming one's:
    "end of the week" on a Saturday is next Friday."""
    if period == "week":
        target, wd = PART_WEEKDAY[part], today.weekday()
        return today + dt.timedelta(days=target - wd + 7 if ahead else (target - wd) % 7)
    if period == "month":
        for step in ((1,) if ahead else (0, 1)):
            year, month = divmod(today.year * 12 + today.month - 1 + step, 12)
            day = dt.date(year, month + 1, month_part(year, month + 1, part))
            if ahead or day >= today:
                return day
        return day
    month, day_of_month = PART_YEAR[part]
    year = today.year + ahead
    if not ahead and dt.date(year, month, day_of_month) < today:
        year += 1
    return dt.date(year, month, day_of_month)
