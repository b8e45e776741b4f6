"""`kbm log`/`kbm show` and the app's customer picker take a customer by the address as it
is on the card ("Hauptstr. 3") when no name, number or email matches what was typed; a
number alone stays a phone number, never a postcode."""

from __future__ import annotations

import pytest

from kbm_tui.core.errors import Ambiguous, NotFound

pytestmark = pytest.mark.both_engines


@pytest.fixture
def street(store):
    store.add_customer("Anneliese Schäfer", phone="0341 2223344",
                       address="Hauptstr. 3, 04109 Leipzig")
    store.add_customer("Karl Weber", address="Hauptstraße 30\n04177 Leipzig")
    store.add_customer("Emil Sommer", address="Eisenbahnstraße 3, 04315 Leipzig")
    store.add_customer("Hauptmann Lutz", phone="0171 3040506")
    return store


@pytest.mark.parametrize("typed", ["Hauptstr. 3", "Hauptstr 3", "hauptstraße 3",
                                   "Hauptstr. 3, 04109 Leipzig", "04109 leipzig"])
def test_an_address_as_on_the_card_picks_the_one_living_there(street, typed):
    assert street.match_customer(typed).name == "Anneliese Schäfer"


def test_a_name_still_wins_and_an_address_of_several_lists_them(street):
    assert street.match_customer("hauptmann").name == "Hauptmann Lutz"
    with pytest.raises(Ambiguous) as many:
        street.match_customer("leipzig 3")
    assert [c.name for c in many.value.candidates] == ["Anneliese Schäfer", "Emil Sommer"]


@pytest.mark.parametrize("typed", ["04109", "3", "30", "hauptstraße"])
def test_a_number_alone_is_a_phone_number_and_a_street_alone_no_one(street, typed):
    with pytest.raises(NotFound):
        street.match_customer(typed)


def test_kbm_show_takes_the_address(kbm):
    kbm("add", "Anneliese Schäfer", "--address", "Hauptstr. 3, 04109 Leipzig")
    kbm("add", "Karl Weber", "--address", "Hauptstraße 30, 04177 Leipzig")
    shown = kbm("show", "Hauptstraße 3")
    assert shown.returncode == 0, shown.stderr
    assert "Anneliese Schäfer" in shown.stdout and "Karl Weber" not in shown.stdout


@pytest.fixture
def words_elsewhere(store):
    """Customers who have the words typed on their card or in what they said, but not in
    their address (review finding 2)."""
    hans = store.add_customer("Hans Hinz", address="Müllerstraße 5, 04109 Leipzig")
    store.log_conversation(hans.id, "Frau Müller war da, Rahmen 56")
    anna = store.add_customer("Anna Alt", address="Hauptstr. 3, 04109 Leipzig")
    store.log_conversation(anna.id, "Kommt aus dem Schwarzwald")
    store.add_customer("Carla Cee", notes="3 Kinder, Rahmen 56", tags="stammkunde",
                       email="carla.12@web.de", address="Am Markt 1")
    store.add_customer("Dora Dee", more_contacts="Mobil: 0176 12 34 56 78",
                       address="Gohliser Str. 7")
    return store


@pytest.mark.parametrize("typed", ["Schwarzwald 3", "Kinder 3", "stammkunde 1",
                                   "Rahmen 56", "carla 12", "Müller 5", "Mobil 34",
                                   "Frau Müller 5", "Leipzig 56"])
def test_words_said_or_on_the_card_but_not_in_the_address_pick_no_one(words_elsewhere, typed):
    with pytest.raises(NotFound):
        words_elsewhere.match_customer(typed)


@pytest.mark.parametrize(("typed", "name"), [("Müllerstr. 5", "Hans Hinz"),
                                             ("müllerstraße 5 leipzig", "Hans Hinz"),
                                             ("Gohliser Straße 7", "Dora Dee"),
                                             ("Am Markt 1", "Carla Cee")])
def test_the_address_itself_still_picks_them(words_elsewhere, typed, name):
    assert words_elsewhere.match_customer(typed).name == name


def test_kbm_log_and_forget_leave_a_customer_alone_who_only_said_the_words(kbm):
    kbm("add", "Hans Hinz", "--address", "Müllerstraße 5, 04109 Leipzig")
    kbm("log", "Hans Hinz", "Frau Müller holt morgen ab")
    logged = kbm("log", "Müller 5", "Frau Müller holt ihr Rad ab")
    assert logged.returncode == 2 and "Hans Hinz" not in logged.stdout
    erased = kbm("forget", "Müller 5", "--yes")
    assert erased.returncode == 2
    assert "Hans Hinz" in kbm("customers").stdout
