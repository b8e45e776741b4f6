"""What a German (or English) speaker also says for a due time, read the same whichever
language kbm speaks, and every message about a due time in both languages. The fixed "now"
is Sunday 22 Nov 2026, 11:30 in Berlin (as in test_due_times.py)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from kbm_tui.core import i18n
from kbm_tui.core.errors import InputError
from kbm_tui.core.settings import Settings
from kbm_tui.core.when import Due, WhenError, parse_days, parse_when

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 22, 11, 30, tzinfo=BERLIN)  # a Sunday
TODAY, TOMORROW, SATURDAY = date(2026, 11, 22), date(2026, 11, 23), date(2026, 11, 28)
MONDAY, WEDNESDAY, FRIDAY = date(2026, 11, 23), date(2026, 11, 25), date(2026, 11, 27)
DEC_12 = date(2026, 12, 12)


def when(text: str, now: datetime = NOW, **kwargs) -> Due:
    return parse_when(text, now=now, settings=Settings(), **kwargs)


NEW_FORMS = [
    # the weekend: this weekend's Saturday; on a Sunday the coming one
    ("Wochenende", SATURDAY, None),
    ("am Wochenende", SATURDAY, None),
    ("weekend", SATURDAY, None),
    ("this weekend", SATURDAY, None),
    ("dieses Wochenende", SATURDAY, None),
    ("nächstes Wochenende", SATURDAY, None),
    ("next weekend", SATURDAY, None),
    # right away, in a moment, later today
    ("sofort", TODAY, time(11, 30)),
    ("umgehend", TODAY, time(11, 30)),
    ("right away", TODAY, time(11, 30)),
    ("gleich", TODAY, time(11, 45)),
    ("shortly", TODAY, time(11, 45)),
    ("in a moment", TODAY, time(11, 45)),
    ("in Kürze", TODAY, time(11, 45)),
    ("später", TODAY, None),
    ("nachher", TODAY, None),
    ("bis später", TODAY, None),
    ("later", TODAY, None),
    ("morgen später", TOMORROW, None),
    ("später 16 Uhr", TODAY, time(16)),
    # a month written as a word
    ("12. Dezember", DEC_12, None),
    ("am 12. Dezember", DEC_12, None),
    ("12 Dezember", DEC_12, None),
    ("12. Dez.", DEC_12, None),
    ("12. Dezember 2027", date(2027, 12, 12), None),
    ("am 12. Dezember um 14 Uhr", DEC_12, time(14)),
    ("December 12", DEC_12, None),
    ("Dec 12th", DEC_12, None),
    ("12th December 2027", date(2027, 12, 12), None),
    ("December 12, 2027 14:00", date(2027, 12, 12), time(14)),
    ("1. März", date(2027, 3, 1), None),
    ("1. Maerz", date(2027, 3, 1), None),
    ("3. Jänner", date(2027, 1, 3), None),
    ("21. November", date(2027, 11, 21), None),  # passed this year: next year's
    # the start, middle and end of a month
    ("Anfang Dezember", date(2026, 12, 1), None),
    ("Mitte Dezember", date(2026, 12, 15), None),
    ("Ende Dezember", date(2026, 12, 31), None),
    ("Ende Februar", date(2027, 2, 28), None),
    ("Ende Februar 2028", date(2028, 2, 29), None),
    ("early December", date(2026, 12, 1), None),
    ("mid-December", date(2026, 12, 15), None),
    ("end of December", date(2026, 12, 31), None),
    ("Ende des Monats", date(2026, 11, 30), None),
    ("Monatsende", date(2026, 11, 30), None),
    ("end of the month", date(2026, 11, 30), None),
    ("Anfang nächsten Monats", date(2026, 12, 1), None),
    ("Mitte nächsten Monats", date(2026, 12, 15), None),
    ("Anfang des Monats", date(2026, 12, 1), None),  # this one's has passed
    ("Jahresende", date(2026, 12, 31), None),
    ("Ende des Jahres", date(2026, 12, 31), None),
    ("Anfang nächsten Jahres", date(2027, 1, 1), None),
    # the start, middle and end of a week
    ("Anfang nächster Woche", MONDAY, None),
    ("Mitte nächster Woche", WEDNESDAY, None),
    ("Ende nächster Woche", FRIDAY, None),
    ("start of next week", MONDAY, None),
    ("middle of next week", WEDNESDAY, None),
    ("end of next week", FRIDAY, None),
    ("Ende der Woche", FRIDAY, None),
    ("Wochenmitte", WEDNESDAY, None),
    # a length of time on its own: that long from now
    ("eine Woche", date(2026, 11, 29), None),
    ("zwei Wochen", date(2026, 12, 6), None),
    ("vier Wochen", date(2026, 12, 20), None),
    ("3 Tage", date(2026, 11, 25), None),
    ("a week", date(2026, 11, 29), None),
    ("eine Stunde", TODAY, time(12, 30)),
    ("in einer Stunde", TODAY, time(12, 30)),
    ("in an hour", TODAY, time(12, 30)),
    ("in einer halben Stunde", TODAY, time(12)),
    ("in half an hour", TODAY, time(12)),
    ("in fünf Tagen", date(2026, 11, 27), None),
    ("in zwölf Wochen", date(2027, 2, 14), None),
]


@pytest.mark.parametrize(("text", "day", "at"), NEW_FORMS)
def test_reads_in_either_language(language, text, day, at):
    assert when(text) == Due(day, at)


ON_OTHER_DAYS = [  # (now, text, day)
    (datetime(2026, 11, 28, 10, tzinfo=BERLIN), "Wochenende", SATURDAY),  # a Saturday: today
    (datetime(2026, 11, 28, 10, tzinfo=BERLIN), "nächstes Wochenende", date(2026, 12, 5)),
    (datetime(2026, 11, 25, 10, tzinfo=BERLIN), "Wochenende", SATURDAY),  # a Wednesday
    (datetime(2026, 11, 25, 10, tzinfo=BERLIN), "nächstes Wochenende", SATURDAY),
    (datetime(2026, 11, 25, 10, tzinfo=BERLIN), "Ende der Woche", FRIDAY),
    (datetime(2026, 11, 25, 10, tzinfo=BERLIN), "Ende nächster Woche", date(2026, 12, 4)),
    (datetime(2026, 11, 25, 10, tzinfo=BERLIN), "Mitte nächster Woche", date(2026, 12, 2)),
    (datetime(2026, 11, 25, 10, tzinfo=BERLIN), "Anfang nächster Woche", date(2026, 11, 30)),
    (datetime(2026, 11, 2, 10, tzinfo=BERLIN), "Anfang des Monats", date(2026, 12, 1)),
    (datetime(2026, 11, 1, 10, tzinfo=BERLIN), "Anfang des Monats", date(2026, 11, 1)),
    (datetime(2026, 11, 30, 10, tzinfo=BERLIN), "Monatsende", date(2026, 11, 30)),
    (datetime(2026, 12, 31, 10, tzinfo=BERLIN), "Jahresende", date(2026, 12, 31)),
    (datetime(2026, 12, 31, 10, tzinfo=BERLIN), "Anfang Dezember", date(2027, 12, 1)),
]


@pytest.mark.parametrize(("now", "text", "day"), ON_OTHER_DAYS)
def test_weeks_and_months_from_other_days(language, now, text, day):
    assert when(text, now=now) == Due(day)


def test_months_and_weeks_may_lie_in_the_past_when_logging(language):
    assert when("Anfang November", allow_past=True) == Due(date(2026, 11, 1))
    assert when("20. November", allow_past=True) == Due(date(2026, 11, 20))
    assert when("Anfang November") == Due(date(2027, 11, 1))


NEAR_MISSES = [  # (typed, what kbm suggests)
    ("nach dem mittagesen", "nach dem Mittagessen"),
    ("nach dem Mitagessen", "nach dem Mittagessen"),
    ("Freitg 14 Uhr", "Freitag 14 Uhr"),
    ("morgn früh", "morgen früh"),
    ("übermorgn", "übermorgen"),
    ("nächste Wohe", "nächste Woche"),
    ("Ende nächster Wohce", "Ende nächster Woche"),
    ("Wochenend", "Wochenende"),
    ("12. Dezmber", "12. Dezember"),
    ("tomorow", "tomorrow"),
    ("fridya 2pm", "friday 2pm"),
    ("tomorrow mornign", "tomorrow morning"),
]


@pytest.mark.parametrize(("typed", "meant"), NEAR_MISSES)
def test_a_near_miss_suggests_the_phrase(typed, meant):
    assert when(meant)  # the suggestion reads
    for language, message in (
            ("en", f'Can\'t read "{typed}" as a due time. Did you mean "{meant}"?'),
            ("de", f'"{typed}" verstehe ich nicht als Termin. Meinten Sie "{meant}"?')):
        i18n.use(language)
        try:
            with pytest.raises(WhenError) as err:
                when(typed)
        finally:
            i18n.use("en")
        assert str(err.value) == message


@pytest.mark.parametrize("typed", ["next blursday", "blah 14:00", "xyzzy", "morgen 10",
                                   "nach dem Kaffee", "tomorrow tomorrow", "im Dezember"])
def test_no_suggestion_when_nothing_is_close(typed):
    with pytest.raises(WhenError) as err:
        when(typed)
    assert "Did you mean" not in str(err.value)


def test_no_suggestion_that_would_not_read():
    # "Freitgg" is close to "Freitag", but "Freitag Freitag" says the day twice.
    with pytest.raises(WhenError) as err:
        when("Freitag Freitgg")
    assert "Did you mean" not in str(err.value)


GERMAN_MESSAGES = [  # (typed, allow_past, the message in German)
    ("next blursday", False,
     '"next blursday" verstehe ich nicht als Termin. Zum Beispiel: morgen, Freitag 14 Uhr, '
     "in 3 Tagen, 24.12., nach dem Mittagessen, Ende nächster Woche"),
    ("", False, "Bitte geben Sie an, wann es fällig ist, zum Beispiel: morgen, Freitag 14 Uhr, "
                "in 3 Tagen, 24.12., nach dem Mittagessen, Ende nächster Woche"),
    ("09:00", False, '"09:00" wäre So., 22. Nov. 2026, 09:00 Uhr, und das ist schon vorbei. '
                     'Versuchen Sie "morgen 09:00" oder eine spätere Zeit.'),
    ("um 9 Uhr", False, '"um 9 Uhr" wäre So., 22. Nov. 2026, 09:00 Uhr, und das ist schon '
                        'vorbei. Versuchen Sie "morgen um 9 Uhr" oder eine spätere Zeit.'),
    ("9am", False, '"9am" wäre So., 22. Nov. 2026, 09:00 Uhr, und das ist schon vorbei. '
                   'Versuchen Sie "tomorrow 9am" oder eine spätere Zeit.'),
    ("gestern", False, '"gestern" wäre Sa., 21. Nov. 2026 (ganztägig), und das ist schon '
                       "vorbei. Versuchen Sie einen späteren Tag."),
    ("heute früh", False, '"heute früh" wäre So., 22. Nov. 2026, 09:00 Uhr, und das ist schon '
                          "vorbei. Versuchen Sie eine spätere Zeit."),
    ("morgen 15", False, '"morgen 15": Ist 15 eine Uhrzeit? Dann schreiben Sie 15:00 oder '
                         '15 Uhr.'),
    ("Freitag 7", False, '"Freitag 7": Ist 7 eine Uhrzeit? Dann schreiben Sie 07:00 oder 19:00.'),
    ("31.02.", True, '"31.02." ist kein gültiges Datum: der Februar hat höchstens 29 Tage.'),
    ("31.04.2027", True, '"31.04.2027" ist kein gültiges Datum: der April hat nur 30 Tage.'),
    ("29.02.2027", True, '"29.02.2027" ist kein gültiges Datum: 2027 ist kein Schaltjahr.'),
    ("32.1.", True, '"32.1." ist kein gültiges Datum: Tage gehen von 1 bis 31.'),
    ("2026-13-01", True, '"2026-13-01" ist kein gültiges Datum: einen Monat 13 gibt es nicht.'),
    ("25:00", True, '"25:00" ist keine gültige Uhrzeit: Stunden gehen von 0 bis 23.'),
    ("10:60", True, '"10:60" ist keine gültige Uhrzeit: Minuten gehen von 0 bis 59.'),
    ("morgen 25 Uhr", True, '"morgen 25 Uhr": 25 ist keine gültige Uhrzeit: Stunden gehen '
                            "von 0 bis 23."),
    ("13pm", True, '"13pm": 13 ist keine gültige Uhrzeit: mit am/pm gehen die Stunden von 1 '
                   "bis 12."),
    ("14.00", False, '"14.00": Ist 14.00 eine Uhrzeit? Dann schreiben Sie 14:00 (oder '
                     "14.00 Uhr)."),
    ("um 2", False, '"um 2" kann 02:00 oder 14:00 heißen. Schreiben Sie bitte 02:00 oder '
                    "14:00 (2 Uhr ist 02:00)."),
    ("Fr 24.12.", False, '"Fr 24.12." passt nicht zusammen: Do., 24. Dez. 2026 ist ein '
                         "Donnerstag."),
]


@pytest.mark.parametrize(("typed", "allow_past", "message"), GERMAN_MESSAGES)
def test_messages_in_german(typed, allow_past, message):
    i18n.use("de")
    try:
        with pytest.raises(WhenError) as err:
            when(typed, allow_past=allow_past)
    finally:
        i18n.use("en")
    assert str(err.value) == message


def test_too_far_and_too_long_in_german():
    i18n.use("de")
    try:
        with pytest.raises(WhenError, match="liegt zu weit in der Zukunft"):
            when("in 2 Wochen", now=datetime(9999, 12, 30, 12, tzinfo=BERLIN))
        with pytest.raises(WhenError, match="ist zu lang für einen Termin"):
            when("morgen " * 50)
    finally:
        i18n.use("en")


def test_describe_in_both_languages():
    friday = Due(FRIDAY, time(14))
    assert friday.describe() == "Fri 27 Nov 2026, 14:00"
    assert Due(FRIDAY).describe() == "Fri 27 Nov 2026 (all day)"
    i18n.use("de")
    try:
        assert friday.describe() == "Fr., 27. Nov. 2026, 14:00 Uhr"
        assert Due(FRIDAY).describe() == "Fr., 27. Nov. 2026 (ganztägig)"
        assert Due(date(2026, 12, 1), time(9, 5, 7)).describe() == "Di., 1. Dez. 2026, 09:05:07 Uhr"
    finally:
        i18n.use("en")


REPEATS = [
    ("14", 14), ("14d", 14), ("2w", 14), ("4 weeks", 28), ("every 4 weeks", 28),
    ("alle 4 Wochen", 28), ("alle vier Wochen", 28), ("alle zwei Wochen", 14),
    ("alle 14 Tage", 14), ("4 Wo.", 28), ("jede Woche", 7), ("every week", 7),
    ("wöchentlich", 7), ("weekly", 7), ("täglich", 1), ("monatlich", 30), ("monthly", 30),
    ("alle 3 Monate", 90), ("jährlich", 365), ("every year", 365), ("alle 10 Jahre", 3650),
    # one word for "every two weeks", as it is said (newcomer #37)
    ("zweiwöchentlich", 14), ("Vierzehntäglich", 14), ("vierzehntägig", 14), ("14-tägig", 14),
    ("vierwöchentlich", 28), ("2-wöchentlich", 14), ("dreimonatlich", 90),
]


@pytest.mark.parametrize(("typed", "days"), REPEATS)
def test_repeat_intervals_in_either_language(language, typed, days):
    assert parse_days(typed) == days


@pytest.mark.parametrize("typed", ["often", "-5", "0", "3651", "alle 11 Jahre", "4.5w",
                                   "every", "1e5", "9" * 5000, "Wochen 4", "manchwöchentlich",
                                   "-tägig", "14-"])
def test_a_repeat_interval_that_is_not_one(typed):
    with pytest.raises(InputError) as err:
        parse_days(typed)
    assert "is not a number of days" in err.value.message
    i18n.use("de")
    try:
        with pytest.raises(InputError) as err:
            parse_days(typed)
    finally:
        i18n.use("en")
    assert "ist keine Anzahl Tage" in err.value.message and len(err.value.message) < 200


def test_reading_a_due_time_imports_no_difflib():
    """The near-miss hint (difflib) is imported only when a due time can't be read."""
    code = ("import sys, kbm_tui.core.when as w; w.parse_when('nach dem Mittagessen'); "
            "print('difflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
