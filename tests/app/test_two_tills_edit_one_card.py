"""Two tills edit one customer's card: a save after another till's save keeps that till's
changes to the fields this form left alone (a three-way merge); only a field both changed,
to different values, is asked about, and saving again is then the person's choice."""

from __future__ import annotations

import pytest

from kbm_tui.store import Store
from support import edit_form_of, notes, running, settle, type_text

pytestmark = pytest.mark.both_engines


async def _edit_emil(pilot) -> None:
    await edit_form_of(pilot, "emil")
    assert pilot.app.screen.query_one("#f-name").value == "Emil Weber"


def _other_till(shop, **fields) -> None:
    """The other till saves the card while this form is open."""
    with Store.open(shop) as other:
        emil = other.match_customer("Emil Weber")
        other.update_customer(emil.id, seen=emil, **fields)


def _emil(shop):
    with Store.open(shop) as s:
        return s.match_customer("Emil Weber")


async def _type_into(pilot, tabs: int, text: str) -> None:
    await pilot.press(*["tab"] * tabs)
    await type_text(pilot, text)


async def test_a_field_this_till_left_alone_keeps_the_other_tills_change(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await _edit_emil(pilot)
        _other_till(shop, phone="0160 999 000")
        await _type_into(pilot, 4, "gravel")  # to tags
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ != "CustomerForm"  # saved at once, nothing asked
        assert notes(app)[-1] == ("Saved: Emil Weber\nKept what someone else changed "
                                  "meanwhile: phone.")
    emil = _emil(shop)
    assert (emil.tags, emil.phone) == ("gravel", "0160 999 000")


async def test_a_field_the_other_till_emptied_stays_empty(shop):
    async with running(shop) as pilot:
        await _edit_emil(pilot)
        _other_till(shop, phone=None, email="emil@example.org")
        await _type_into(pilot, 4, "gravel")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "phone, email" in notes(pilot.app)[-1]
    emil = _emil(shop)
    assert (emil.tags, emil.phone, emil.email) == ("gravel", None, "emil@example.org")


async def test_a_field_both_changed_is_asked_about_and_saving_again_keeps_this_tills(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await _edit_emil(pilot)
        _other_till(shop, phone="0160 999 000", email="emil@example.org")
        await _type_into(pilot, 1, "1")  # the phone: 0160 222 3331
        await _type_into(pilot, 3, "gravel")  # and the tags
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert form.__class__.__name__ == "CustomerForm"
        assert notes(app)[-1] == (
            "Someone else has meanwhile changed the same field as you: phone (0160 999 000). "
            "Save again to keep what you typed, or cancel to keep their version. What else "
            "they changed is in the form now: email.")
        # what was typed is still there; the field left alone shows what will be saved
        assert form.query_one("#f-phone").value == "0160 222 3331"
        assert form.query_one("#f-tags").value == "gravel"
        assert form.query_one("#f-email").value == "emil@example.org"
        assert form.focused is form.query_one("#f-phone")
        assert _emil(shop).tags is None  # nothing written yet
        await pilot.press("ctrl+s")  # again: this till's phone, as it said
        await settle(pilot)
        assert app.screen.__class__.__name__ != "CustomerForm"
    emil = _emil(shop)
    assert (emil.phone, emil.tags, emil.email) == ("0160 222 3331", "gravel",
                                                   "emil@example.org")


async def test_cancel_after_the_question_keeps_the_other_tills_card(shop):
    async with running(shop) as pilot:
        await _edit_emil(pilot)
        _other_till(shop, phone="0160 999 000")
        await _type_into(pilot, 1, "1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")  # "throw away what you typed?" — yes
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ != "CustomerForm"
    assert _emil(shop).phone == "0160 999 000"


async def test_both_changing_a_field_to_the_same_value_is_no_question(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await _edit_emil(pilot)
        _other_till(shop, phone="0160 222 3331", notes="Gravel rider")
        await _type_into(pilot, 1, "1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ != "CustomerForm"
        assert notes(app)[-1].endswith("Kept what someone else changed meanwhile: notes.")
    emil = _emil(shop)
    assert (emil.phone, emil.notes) == ("0160 222 3331", "Gravel rider")


async def test_the_fields_an_import_brings_are_merged_too(shop):
    """Company, birthday and more contacts: a birthday both typed differently is asked about,
    shown as the form shows birthdays; the other till's further contacts come into the form."""
    async with running(shop) as pilot:
        app = pilot.app
        await _edit_emil(pilot)
        _other_till(shop, birthday="1980-03-14", more_contacts="mobile: 0171 2345678")
        form = app.screen
        form.query_one("#f-birthday").value = "15.03.1980"
        form.query_one("#f-organization").value = "RSV Leipzig"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert notes(app)[-1].startswith("Someone else has meanwhile changed the same field as "
                                         "you: birthday (14.03.1980).")
        assert notes(app)[-1].endswith("What else they changed is in the form now: "
                                       "more contacts.")
        assert form.query_one("#f-more_contacts").text == "mobile: 0171 2345678"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not form
    emil = _emil(shop)
    assert (emil.birthday, emil.organization, emil.more_contacts) == (
        "1980-03-15", "RSV Leipzig", "mobile: 0171 2345678")


async def test_a_card_erased_by_the_other_till_is_named_and_nothing_is_saved(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await _edit_emil(pilot)
        with Store.open(shop) as other:
            other.forget_customer(other.match_customer("Emil Weber").id)
        await _type_into(pilot, 4, "gravel")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notes(app)[-1] == (
            "Emil Weber is no longer in this database: someone else erased the card or merged "
            "it into another meanwhile. Nothing was saved; escape closes the form.")
        assert app.screen.query_one("#f-tags").value == "gravel"  # what was typed stays


async def test_a_name_the_other_till_changed_comes_into_the_form_and_its_title(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await _edit_emil(pilot)
        _other_till(shop, name="Emil Weber-Krause", phone="0160 999 000")
        await _type_into(pilot, 1, "1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert form.query_one("#f-name").value == "Emil Weber-Krause"
        assert str(form.query_one(".dialog-title").render()) == "Edit Emil Weber-Krause"
