"""A phone number is one number whatever its notation, and a typed part of it finds it."""

from __future__ import annotations

import pytest

from kbm_tui.core import phone, vocab

LEIPZIG = ["+49 341 9876543", "0341 9876543", "0049 341 98 76 543", "(0341) 98765-43",
           "+49 (0)341 9876543", "0341/9876543", "+49-341-987-6543"]


@pytest.mark.parametrize("notation", LEIPZIG)
def test_every_notation_of_a_leipzig_number_is_one_number(notation):
    assert phone.number_key(notation, "DE") == "493419876543"
    assert phone.search_digits(notation, "DE") == "493419876543"


@pytest.mark.parametrize("typed, digits", [
    ("0341 987", "49341987"), ("+49 341 987", "49341987"), ("987", "987"),
    ("0171", "49171"), ("0043 1 234", "431234"),
])
def test_part_of_a_number_is_read_in_international_form(typed, digits):
    assert phone.search_digits(typed, "DE") == digits


@pytest.mark.parametrize("typed", ["0", "00", "0 ", "(0"])
def test_the_first_keys_of_a_number_are_the_start_of_every_number(typed):
    # Not "0…" in international digits, which no number is: "0" found nobody.
    assert phone.search_digits(typed, "DE") == ""
    assert phone.search_digits("+0", "DE") == "0"


def test_the_shops_region_decides_what_a_leading_zero_means():
    assert phone.number_key("01 5123456", "AT") == "4315123456"
    assert phone.number_key("044 668 18 00", "CH") == "41446681800"
    assert phone.search_digits("044 668 18 00", "CH") == "41446681800"
    assert phone.number_key("0341 9876543", "DE") != phone.number_key("0341 9876543", "AT")


def test_the_region_is_a_setting_germany_by_default(tmp_path):
    from kbm_tui.core.settings import Settings

    assert phone.default_region() == "DE"
    Settings(phone_region="at").save()
    assert phone.default_region() == "AT"


def test_foreign_numbers_keep_their_country():
    assert phone.number_key("+44 20 7946 0958", "DE") == "442079460958"
    assert phone.number_key("0044 20 7946 0958", "DE") == "442079460958"


@pytest.mark.parametrize("a, b", [
    ("Müller", "Mueller"), ("Müller", "Muller"), ("Jürgen", "Juergen"), ("Größe", "Groesse"),
    ("Straße", "strasse"), ("Bäcker", "Baecker"), ("Renée", "Renee"), ("ÖZTÜRK", "oezturk"),
])
def test_german_spellings_fold_to_one_name(a, b):
    assert vocab.name_fold(a) == vocab.name_fold(b)


def test_folding_is_applied_alike_so_names_with_ue_still_find_themselves():
    assert vocab.name_fold("Samuel") == vocab.name_fold("samuel")
    assert vocab.name_fold("Samuel") != vocab.name_fold("Samantha")


def test_a_trunk_zero_written_after_the_country_code_is_read_by_phonenumbers():
    assert phone.number_key("+49 0341 9876543", "DE") == "493419876543"
    assert phone.number_key("+39 06 1234 5678", "DE") == "390612345678"


def test_a_number_without_area_code_stays_as_written():
    assert phone.number_key("9876543", "DE") == "9876543"
