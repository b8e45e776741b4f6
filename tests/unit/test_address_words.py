"""How a word of an address typed is looked for on the card (core/search_word.py), and which
numbers of a card are marked so that one or two digits typed are an index look-up."""

from __future__ import annotations

import pytest

from kbm_tui.core.search_word import ANYWHERE, number_marks, number_on_card, read


@pytest.mark.parametrize(("card", "marks"), [
    ("hauptstr. 3, 04109 leipzig", "¤3¤"),
    ("hauptstrasse 3a\n01067 dresden", "¤3¤ ¤3a¤"),
    ("str. des 17. juni 12-14", "¤17¤ ¤12¤ ¤14¤"),
    ("2x 29er, b7, 4711, 30 jahre", "¤2¤ ¤2x¤ ¤29¤ ¤30¤"),  # not b7 (inside a word) nor 4711
    ("work: +49 (0)351 4445556", "¤49¤ ¤0¤"),
    ("nəcəf 3", "¤3¤"),
    ("kein haus", ""),
])
def test_the_short_numbers_standing_on_a_card_are_marked_once(card, marks):
    assert number_marks(card) == marks


@pytest.mark.parametrize(("typed", "on_card"), [
    ("3", "¤3¤"), ("3,", "¤3¤"), ("3.", "¤3¤"), ("12", "¤12¤"), ("3a", "¤3a¤"), ("3A", "¤3a¤"),
    ("04109", "04109"),  # a postcode as typed, not only the phone's 494109
    ("10115", None),  # the same digits either way: the card is searched for them already
    ("0", None), ("00", None),  # the first keys of a phone number find every number
    ("0341/98765", None), ("+49", None), ("hauptstr", None), ("123a", None),
])
def test_what_a_word_of_digits_is_looked_for_on_the_card(typed, on_card):
    assert number_on_card(typed) == on_card


@pytest.mark.parametrize(("typed", "text"), [
    ("hauptstraße", "hauptstr"), ("Hauptstrasse", "hauptstr"), ("hauptstr.", "hauptstr"),
    ("karl-liebknecht-str.", "karl-liebknecht-str"), ("hauptstr", "hauptstr"),
    ("straße", "strasse"), ("str.", "str."), ("strassenbahn", "strassenbahn"),
])
def test_a_street_is_looked_for_as_every_card_has_it_written(typed, text):
    assert read(typed) == (ANYWHERE, text)
