"""A birthday as people and phone books write it, kept as the database's rule wants it."""

from __future__ import annotations

import pytest

from kbm_tui.core import cardfields
from kbm_tui.core.errors import InputError


@pytest.mark.parametrize("typed, kept", [
    ("14.03.1985", "1985-03-14"), ("14.3.", "--03-14"), ("--0314", "--03-14"),
    ("19850314", "1985-03-14"), ("1604-03-14", "--03-14"), ("3/14/1985", "1985-03-14"),
    ("29.02.", "--02-29"), ("", None),
])
def test_a_birthday_in_any_common_notation(typed, kept):
    assert cardfields.birthday(typed) == kept


@pytest.mark.parametrize("typed, says", [
    ("30.02.1985", "is not a day of the calendar"),
    ("14.03.1850", "is not a birthday between 1900 and 2999"),
    ("gestern", "is not a birthday"),
])
def test_what_is_no_birthday_is_refused_saying_why(typed, says):
    with pytest.raises(InputError, match=says):
        cardfields.birthday(typed)


@pytest.mark.parametrize("typed, kept", [
    ("14.3.85", "1985-03-14"), ("14.3.05", "2005-03-14"), ("1.1.26", "2026-01-01"),
    ("31.12.27", "1927-12-31"), ("14.03.99", "1999-03-14"),
])
def test_a_year_of_two_digits_is_the_latest_that_is_not_in_the_future(typed, kept):
    # The tests' clock stands in November 2026: a customer born in 2005 is not 121 years old.
    assert cardfields.birthday(typed) == kept
