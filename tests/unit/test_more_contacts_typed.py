"""More contacts as a person types them: an email must be one, a number labelled as a phone
must be one; everything else a line may hold (a web address, a handle, opening hours) is
kept as typed."""

from __future__ import annotations

import pytest

from kbm_tui.core import cardfields
from kbm_tui.core.errors import InputError


@pytest.mark.parametrize("line", [
    "work: anna@firma.de", "Handy: +49 171 2345678", "Tel.: (0341) 98765-43", "0171 2345678",
    "web: https://medium.com/@anna", "mastodon: @anna@social.example", "Instagram: @anna.rad",
    "work: Mo-Fr 8-17 Uhr", "home: Gartenweg 3, 04109 Leipzig", "nickname: Anni",
])
def test_what_a_line_may_hold(line):
    assert cardfields.typed_more_contacts(line) == line


@pytest.mark.parametrize("line, says", [
    ("privat: anna@", 'line 1: "anna@" is not an email address'),
    ("E-Mail: anna.firma.de", 'line 1: "anna.firma.de" is not an email address'),
    ("Handy: 0171 23456x", 'line 1: "0171 23456x" is not a phone number'),
    ("Fax: abends", 'line 1: "abends" is not a phone number'),
])
def test_a_bad_email_or_number_is_refused_naming_the_line(line, says):
    with pytest.raises(InputError, match=says):
        cardfields.typed_more_contacts(line)
