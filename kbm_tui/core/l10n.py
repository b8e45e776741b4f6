"""Dates, times, numbers and money in the form of the language in use.

German follows the Unicode CLDR forms that Babel uses ("Sa., 28. Nov.", "Samstag,
28. November 2026", "1.234,50 €"; tests/unit/test_l10n.py compares with Babel); English stays
as the product always wrote it ("Sat 28 Nov", "Saturday 28 November 2026", "€1,234.50").
Written out here rather than asking Babel at run time: importing it would cost `kbm log` a
large part of its time.
"""

from __future__ import annotations

from datetime import date, time

from kbm_tui.core.i18n import language

_DAYS = {"en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
         "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()}
_DAYS_SHORT = {"en": "Mon Tue Wed Thu Fri Sat Sun".split(),
               "de": "Mo. Di. Mi. Do. Fr. Sa. So.".split()}
_MONTHS = {"en": ("January February March April May June July August September October "
                  "November December").split(),
           "de": ("Januar Februar März April Mai Juni Juli August September Oktober "
                  "November Dezember").split()}
_MONTHS_SHORT = {"en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
                 "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split()}
_SEPARATORS = {"en": (",", "."), "de": (".", ",")}  # (thousands, decimals)
CURRENCIES = {"EUR": "€", "CHF": "CHF"}


def weekday(day: date, *, short: bool = True) -> str:
    return (_DAYS_SHORT if short else _DAYS)[language()][day.weekday()]


def month(day: date, *, short: bool = True) -> str:
    return (_MONTHS_SHORT if short else _MONTHS)[language()][day.month - 1]


def short_date(day: date, *, weekday_too: bool = True, year: bool = False,
               padded: bool = True, compact: bool = False) -> str:
    """ "Sat 28 Nov" / "Sa., 28. Nov."; with the year and no weekday: "28 Nov 2025" /
    "28. Nov. 2025". English lists pad the day ("Mon 07 Dec") so their columns line up; in
    a sentence or on a button (`padded=False`) it reads "Mon 7 Dec". `compact`, for a
    narrow list's column: German in digits, "Sa 28.11." / "28.11.25" (9 cells, not 14, which
    leaves the room to the names); English is short enough as it is."""
    if language() == "de" and compact:
        digits = f"{day.day:02d}.{day.month:02d}."
        if year:
            return f"{digits}{day.year % 100:02d}"
        return f"{weekday(day).rstrip('.')} {digits}" if weekday_too else digits
    if language() == "de":
        text = f"{day.day}. {month(day)}"
        text = f"{weekday(day)}, {text}" if weekday_too else text
        return f"{text} {day.year}" if year else text
    text = f"{day.day:02d} {month(day)}" if padded else f"{day.day} {month(day)}"
    text = f"{weekday(day)} {text}" if weekday_too else text
    return f"{text} {day.year}" if year else text


def long_date(day: date) -> str:
    """ "Saturday 28 November 2026", "Sunday 6 December 2026" / "Samstag, 28. November 2026"."""
    if language() == "de":
        return f"{weekday(day, short=False)}, {day.day}. {month(day, short=False)} {day.year}"
    # In a sentence the day is written as a person writes it: "6 December", not "06".
    return f"{weekday(day, short=False)} {day.day} {month(day, short=False)} {day.year}"


def day_month(day: date) -> str:
    """ "1 October" / "1. Oktober"."""
    if language() == "de":
        return f"{day.day}. {month(day, short=False)}"
    return f"{day.day} {month(day, short=False)}"


def month_year(day: date) -> str:
    """ "November 2026" in both languages' words."""
    return f"{month(day, short=False)} {day.year}"


def clock(moment: time, *, uhr: bool = False) -> str:
    """ "14:05"; in German sentences "14:05 Uhr" reads naturally (`uhr=True`)."""
    text = f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{text} Uhr" if uhr and language() == "de" else text


def number(value: int) -> str:
    """ "1,234" / "1.234"."""
    thousands, _decimal = _SEPARATORS[language()]
    return f"{value:,}".replace(",", thousands)


def decimal(value: float, digits: int = 1) -> str:
    """ "2.5" / "2,5": a measured figure with `digits` decimals."""
    thousands, decimal_mark = _SEPARATORS[language()]
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", decimal_mark).replace("\0", thousands)


def percent(share: float) -> str:
    """ "75%" / "75 %" (CLDR puts a no-break space before the sign in German)."""
    whole = f"{share:.0%}"[:-1]
    return f"{number(int(whole))}\u00a0%" if language() == "de" else f"{whole}%"


def amount(cents: int) -> str:
    """An amount without its currency: "1,234.50" / "1.234,50"."""
    thousands, decimal = _SEPARATORS[language()]
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", thousands) + f"{decimal}{fraction:02d}"


def money(cents: int, currency: str = "EUR") -> str:
    """ "€1,234.50" / "1.234,50 €"; "CHF 1,234.50" / "1.234,50 CHF"."""
    symbol = CURRENCIES.get(currency, currency)
    if language() == "de":  # a no-break space, as CLDR has it: the € never wraps away
        return f"{amount(cents)}\u00a0{symbol}"
    sign, digits = ("-", amount(-cents)) if cents < 0 else ("", amount(cents))
    return f"{sign}{symbol}{digits}" if symbol == "€" else f"{sign}{symbol} {digits}"
