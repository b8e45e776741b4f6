"""The words `core/when.py` reads in due times, in English and German.

Words are folded as the reader folds them: lower case, umlauts as ae/oe/ue ("nächste" is
"naechste"). Stdlib only, like the reader: the quick-add imports it.
"""

from __future__ import annotations

import datetime as dt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_WEEKDAYS = ("monday mon montag mo", "tuesday tue tues dienstag di", "wednesday wed mittwoch mi",
             "thursday thu thur thurs donnerstag do", "friday fri freitag fr",
             "saturday sat samstag sonnabend sa", "sunday sun sonntag so")
WEEKDAY = {n: i for i, names in enumerate(_WEEKDAYS) for n in names.split()}
_MONTHS = ("january januar jan jaenner", "february februar feb feber", "march maerz mar mrz",
           "april apr", "may mai", "june juni jun", "july juli jul", "august aug",
           "september sep sept", "october oktober oct okt", "november nov",
           "december dezember dec dez")
MONTH = {n: i + 1 for i, names in enumerate(_MONTHS) for n in names.split()}

DAYS = {"today": 0, "heute": 0, "tomorrow": 1, "morgen": 1, "uebermorgen": 2,
        "yesterday": -1, "gestern": -1, "vorgestern": -2}
THIS = set("this dieses diese diesen dieser".split())
NEXT = set("next naechste naechsten naechster naechstes kommende kommenden kommender "
           "kommendes".split())
LAST = set("last letzte letzten letzter letztes vergangene vergangenen vergangener".split())
COUNT = {"a": 1, "an": 1, "one": 1, "ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1,
         **{w: n for n, words in enumerate((
             "two zwei", "three drei", "four vier", "five fuenf", "six sechs", "seven sieben",
             "eight acht", "nine neun", "ten zehn", "eleven elf", "twelve zwoelf"), 2)
            for w in words.split()},
         "fourteen": 14, "vierzehn": 14}
UNIT = {word: unit for words, unit in (
    ("day days d t tag tage tagen", "days"), ("week weeks w woche wochen", "weeks"),
    ("hour hours h hr hrs stunde stunden std", "hours"),
    ("minute minutes min mins minuten", "minutes"),
) for word in words.split()}
# Units written out: "eine Woche", "3 Tage" on their own mean that long from now; "14 h" stays
# a clock time.
SPELLED_UNITS = set("day days tag tage tagen week weeks woche wochen hour hours stunde stunden "
                    "minute minutes minuten".split())
# The beginning, middle and end of a week, month or year ("Anfang Dezember", "end of next
# week"; the days are in core/when_calendar.py).
PART = {"anfang": "start", "beginning": "start", "start": "start", "early": "start",
        "mitte": "mid", "mid": "mid", "middle": "mid", "ende": "end", "end": "end"}
PERIOD = {"week": "week", "woche": "week", "month": "month", "monat": "month",
          "monats": "month", "year": "year", "jahr": "year", "jahres": "year"}
# One-word forms of the above: "Monatsende", "Jahresende".
PERIOD_PARTS = {"monatsanfang": ("start", "month"), "monatsmitte": ("mid", "month"),
                "monatsende": ("end", "month"), "jahresanfang": ("start", "year"),
                "jahresende": ("end", "year"), "wochenmitte": ("mid", "week")}
WEEKEND = set("weekend wochenende".split())
ORDINAL = set("st nd rd th".split())
# Dropped while reading, so "nach dem Mittagessen" and "ende der Woche" need no
# variants.  "am" stays after a number, where it means a.m.
FILLERS = set("on am by bis until till the den dem der des of zum zur".split())
# Words that make a hint answer in German.
GERMAN = set("heute morgen uebermorgen gestern uhr um frueh vormittag vormittags morgens "
             "nachmittag nachmittags abend abends mittag mittags nach feierabend jetzt "
             "gleich sofort spaeter nachher wochenende anfang mitte ende woche monats monat "
             "naechste naechsten naechster naechstes januar jaenner februar feber maerz mrz "
             "mai juni juli oktober okt dezember dez".split())

# A "soft" time is a part of the day: an explicit clock time wins over it, and
# "Abend" + "um 7" reads as 19:00 (the flag: bare hours shift to p.m.).
PHRASES: dict[tuple[str, ...], tuple[Any, ...]] = {
    tuple(phrase.split()): action for phrases, action in (
    ("day after tomorrow", ("day", 2)),
    ("day before yesterday", ("day", -2)),
    ("end day|ende tages|eod|closing|feierabend|ladenschluss", ("hard", "closing", None)),
    ("morning|frueh|vormittag|vormittags|morgens", ("soft", "morning", False)),
    ("after lunch|nach mittagessen|nach mittagspause|nach mittag|nach essen|afternoon"
     "|nachmittag|nachmittags", ("soft", "lunch_end", True)),
    ("evening|abend|abends", ("soft", "evening", True)),
    ("noon|midday|mittag|mittags", ("soft", dt.time(12), True)),
    ("tonight", ("tonight",)),
    ("now|jetzt|sofort|umgehend|immediately|right away|asap", ("now",)),
    # A moment: a quarter of an hour from now, rounded up to five minutes.
    ("gleich|shortly|in a moment|in kuerze", ("soon", 15)),
    # Later the same day, with no fixed time: the day given, else today, all day.
    ("spaeter|nachher|later|later on", ("later",)),
) for phrase in phrases.split("|")}

# Every word the reader knows: a near miss is compared with these (core/when_hint.py).
KNOWN = (set(WEEKDAY) | set(MONTH) | set(DAYS) | THIS | NEXT | LAST | set(COUNT) | set(UNIT)
         | set(PART) | set(PERIOD) | set(PERIOD_PARTS) | WEEKEND | FILLERS
         | {word for phrase in PHRASES for word in phrase}
         | set("at um in vor ago am pm uhr".split()))
# How the words people misspell most are written properly: umlauts and capitals.
DISPLAY = {word.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"): word
           for word in (
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Januar Jänner "
    "Februar März April Mai Juni Juli August September Oktober November Dezember heute "
    "morgen übermorgen gestern vorgestern nächste nächsten nächster nächstes früh Vormittag "
    "vormittags Nachmittag nachmittags Abend abends Mittag mittags Mittagessen Mittagspause "
    "Essen Feierabend Ladenschluss später nachher gleich sofort Wochenende Woche Wochen Tag "
    "Tage Tagen Stunde Stunden Minuten Anfang Mitte Ende Monats Monat Jahres Jahr "
    "Monatsende Monatsanfang Jahresende Uhr fünf zwölf").split()}
