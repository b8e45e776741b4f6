"""When two cards are one person, maybe one person, or two people."""

from __future__ import annotations

from kbm_tui.core.likeness import MAYBE, SAME, address_parts, compare, facts


def test_one_number_in_two_notations_is_one_person():
    a = facts("Jürgen Müller", "+49 341 9876543")
    b = facts("J. Müller", "(0341) 98765-43")
    assert compare(a, b) == (SAME, ("phone",))


def test_one_email_in_two_cases_is_one_person():
    assert compare(facts("Heike Groß", email="Heike.Gross@Web.de"),
                   facts("Heike Gross", email="heike.gross@web.de")) == (SAME, ("email",))


def test_a_second_number_among_more_contacts_counts():
    a = facts("Anna Schmidt", "0171 2345678")
    b = facts("Anna Schmidt", "030 111", more_contacts="mobile: +49 171 2345678")
    assert compare(a, b)[0] == SAME


def test_a_german_spelling_and_one_shared_detail_is_one_person():
    a = facts("Jürgen Müller", address="Hauptstraße 5, 04109 Leipzig")
    b = facts("Juergen Mueller", address="Hauptstr. 5\n04109 Leipzig")
    assert compare(a, b) == (SAME, ("name+street",))
    assert compare(facts("Jürgen Müller", birthday="1970-05-04"),
                   facts("Jurgen Muller", birthday="--05-04")) == (SAME, ("name+birthday",))


def test_the_same_name_alone_is_maybe_and_two_different_cards_are_two_people():
    assert compare(facts("Anna Schmidt"), facts("Anna Schmidt", "0171 2345678")) == (MAYBE, ("name",))
    assert compare(facts("Anna Schmidt", "0171 1111111"),
                   facts("Anna Schmidt", "0171 2222222")) is None


def test_a_close_name_at_the_same_street_or_town_is_maybe():
    a = facts("Jürgen Müller", address="Karl-Heine-Straße 12, 04229 Leipzig")
    assert compare(a, facts("Jürgen Müler", address="Karl-Heine-Str. 12, 04229 Leipzig")) == \
        (MAYBE, ("close+street",))
    assert compare(a, facts("Müller, Jürgen", address="Gohliser Str. 3, 04229 Leipzig")) == \
        (MAYBE, ("close+town",))
    assert compare(a, facts("Jürgen Müller-Lüdenscheidt", address="Markt 1, 10115 Berlin")) is None
    assert compare(a, facts("Petra Meier", address="Karl-Heine-Straße 12, 04229 Leipzig")) is None


def test_address_parts_read_street_and_town():
    assert address_parts("Hauptstr. 5a, 04109 Leipzig") == ("hauptstrasse 5a", "04109")
    assert address_parts("Gartenweg 3, Berlin") == ("gartenweg 3", "berlin")
    assert address_parts(None) == (None, None)


def test_a_family_sharing_a_number_or_email_is_maybe_not_surely_one_person():
    a = facts("Sarah Roth", "0341 1234567", email="roth@web.de")
    assert compare(a, facts("Stefanie Roth", "0341 1234567")) == (MAYBE, ("phone",))
    assert compare(a, facts("Stefanie Roth", email="ROTH@web.de")) == (MAYBE, ("email",))
    assert compare(a, facts("S. Roth", "0341 1234567"))[0] == SAME
    assert compare(a, facts("Roth", "0341 1234567"))[0] == SAME
