"""`kbm add/edit --birthday/--org/--more` say what the app's customer form says about the
same input (both read it with core/cardfields), and change nothing when they refuse."""

from __future__ import annotations

from support import contents


def test_a_bad_email_or_number_among_more_contacts_is_refused_in_both_languages(kbm):
    kbm.ok("add", "Ben Schulz", "--more", "mobile: 0171 555 0199")
    before = contents(kbm.db_path)
    said = kbm.fails("edit", "ben", "--more", "mobile: 0171 555 0199", "--more", "privat: ben@")
    assert 'More contacts, line 2: "ben@" is not an email address.' in said
    said = kbm.fails("edit", "ben", "--more", "Handy: 0171 55x", env={"KBM_LANG": "de"})
    assert 'Weitere Kontakte, Zeile 1: "0171 55x" ist keine Telefonnummer.' in said
    said = kbm.fails("add", "Berta", "--birthday", "31.2.", env={"KBM_LANG": "de"})
    assert "„31.2.“ ist kein Tag im Kalender." in said
    assert contents(kbm.db_path) == before
    kbm.ok("edit", "ben", "--more", "mobile: 0171 555 0199", "--more", "work: ben@rad.de")
    assert "work: ben@rad.de" in kbm.ok("show", "ben")
    assert "Ben Schulz" in kbm.ok("show", "ben@rad.de")  # found by a further email too


def test_adding_the_same_name_with_the_same_birthday_is_asked_about(kbm):
    kbm.ok("add", "Anna Schmidt", "--birthday", "14.03.1985")
    said = kbm.fails("add", "Anna Schmidt", "--birthday", "14.3.1985")
    assert "may be here already" in said and "same name and birthday" in said
    kbm.ok("add", "Anna Schmidt", "--birthday", "2.7.1990")  # another Anna
