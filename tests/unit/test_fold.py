"""Folding for search and comparison: what a German keyboard types finds the letter that
isn't on it, whether or not it comes apart into a letter and an accent."""

from __future__ import annotations

import pytest

from kbm_tui.core import vocab


@pytest.mark.parametrize(("written", "typed"), [
    ("Søren Łada", "soren lada"), ("SØREN", "soren"), ("Łukasz", "lukasz"),
    ("Ærmel", "aermel"), ("Œuvre", "oeuvre"), ("Đuro", "duro"), ("Þór", "thor"),
    ("Kılıç", "kilic"), ("Smørrebrød", "smorrebrod"), ("Guðrún", "gudrun"),
    ("GROẞE Straße", "grosse strasse"), ("Zoë  Æbelø", "zoe aebelo"), ("ǿ", "o"),
    # accents typed as a letter and a combining mark are stripped as well
    ("Jo\u0301zef", "jozef"), ("Mu\u0308ller", "muller"),
])
def test_letters_beyond_the_keyboard_fold_to_what_is_typed(written, typed):
    assert vocab.fold(written) == typed


def test_name_fold_reads_the_german_spellings_after_the_letters():
    assert vocab.name_fold("Ærø") == vocab.name_fold("Aero") == vocab.name_fold("Ärö") == "aro"
    assert vocab.name_fold("Søren Łada") == "soren lada"


def test_plain_text_folds_as_before():
    assert vocab.fold("  Anna   SCHMIDT ") == "anna schmidt"
    assert vocab.fold("Müller-Lüdenscheidt") == "muller-ludenscheidt"
