"""Dates and money in German as the Unicode CLDR has them (Babel tells), English as before."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from kbm_tui.core import i18n, l10n, timefmt

DAYS = [date(2026, 11, 28) + __import__("datetime").timedelta(days=n) for n in range(0, 370, 17)]


@pytest.fixture
def german():
    i18n.use("de")
    yield
    i18n.use("en")


@pytest.mark.parametrize("day", DAYS)
def test_german_dates_are_the_cldr_ones(german, day):
    assert l10n.short_date(day) == format_date(day, "EEE, d. MMM", locale="de")
    assert l10n.short_date(day, weekday_too=False, year=True) == \
        format_date(day, "d. MMM y", locale="de")
    assert l10n.long_date(day) == format_date(day, "full", locale="de")


@pytest.mark.parametrize("cents", [0, 5, 99, 100, 123450, 100000000, -500, -123456789])
def test_german_money_is_the_cldr_one(german, cents):
    assert l10n.money(cents, "EUR") == format_currency(cents / 100, "EUR", locale="de")
    assert l10n.money(cents, "CHF") == format_currency(cents / 100, "CHF", locale="de")
    assert l10n.amount(cents) == format_decimal(cents / 100, "#,##0.00", locale="de")


def test_english_stays_as_it_was():
    day = date(2026, 12, 5)
    assert l10n.short_date(day) == "Sat 05 Dec"
    assert l10n.short_date(day, year=True) == "Sat 05 Dec 2026"  # lists line up their days


def test_english_dates_in_a_sentence_are_written_as_a_person_writes_them():
    """ "Sunday 6 December 2026", not "Sunday 06 December 2026" (the tmux walk's surprise)."""
    day = date(2026, 12, 6)
    assert l10n.long_date(day) == "Sunday 6 December 2026"
    assert l10n.day_month(date(2026, 10, 1)) == "1 October"
    assert l10n.long_date(date(2026, 11, 22)) == "Sunday 22 November 2026"
    assert l10n.money(123450, "EUR") == "€1,234.50" == format_currency(1234.5, "EUR", locale="en")
    assert l10n.money(-500, "EUR") == "-€5.00" == format_currency(-5, "EUR", locale="en")
    assert l10n.money(123450, "CHF") == "CHF 1,234.50"


def test_the_clock_says_uhr_in_german_sentences(german):
    assert l10n.clock(time(14, 0), uhr=True) == "14:00 Uhr"
    assert l10n.clock(time(9, 5)) == "09:05"


def test_the_settings_and_data_folders_on_linux_are_the_ones_platformdirs_names(monkeypatch):
    import sys

    import platformdirs

    from kbm_tui.core import settings

    monkeypatch.delenv("KBM_CONFIG_DIR")
    monkeypatch.delenv("KBM_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    for xdg in ("", "/tmp/xdg-config", "~/xdg-config", "relative/xdg-config", " "):
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        monkeypatch.setenv("XDG_DATA_HOME", xdg.replace("config", "data"))
        assert str(settings.config_dir()) == platformdirs.user_config_dir("kbm-tui")
        assert str(settings.data_dir()) == platformdirs.user_data_dir("kbm-tui")


def test_the_day_of_a_standing_wish_keeps_its_year_where_it_is_evidence(german):
    """Since when a customer objected: with the year in a sentence (the shop's evidence); on
    the card, where room is short, this year's day as the lists write it."""
    this_year = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)  # the fixed clock's year
    last_year = datetime(2025, 3, 2, 9, 0, tzinfo=UTC)
    assert timefmt.since_day(this_year) == "22. Nov. 2026"
    assert timefmt.since_day(this_year, this_year_short=True) == "22. Nov."
    assert timefmt.since_day(last_year, this_year_short=True) == "2. März 2025"
