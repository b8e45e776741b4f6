"""The customer form (e, n) edits everything the card shows: besides name, phone, email,
address, tags and notes also the company, the birthday and further numbers, emails and
addresses ("Also"), which an import fills and `kbm edit --org/--birthday/--more` changes.
Refused as the command line refuses them, said next to the field; undo takes them back.

The small shop: Ben Schulz (#2) has the phone 0171 555 0101, Dora Krüger (#4) 030 777 888.
"""

from __future__ import annotations

import pytest

from kbm_tui.core import i18n
from kbm_tui.store import Store
from support import contents, notes, running, screen_text, settle, type_text, wait_for


async def edit(pilot, customer_id: int) -> None:
    pilot.app.open_customer(customer_id)
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)


async def into(pilot, key: str) -> None:
    """Tab from the name to a field, as a person would (the new fields come after notes)."""
    order = ["name", "phone", "email", "address", "tags", "notes", "organization",
             "birthday", "more_contacts"]
    pilot.app.screen.query_one("#f-name").focus()
    await pilot.press(*["tab"] * order.index(key))
    await settle(pilot)
    assert pilot.app.focused.id == f"f-{key}"


async def save(pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


def error_of(app, key: str) -> str:
    return str(app.screen.query_one(f"#field-{key} .field--error").render())


def card(shop) -> object:
    with Store.open(shop) as s:
        return s.get_customer(2)


async def test_company_birthday_and_more_contacts_are_added_changed_and_cleared(shop):
    async with running(shop) as pilot:
        await edit(pilot, 2)
        await into(pilot, "organization")
        await type_text(pilot, "Radsport Schulz")
        await pilot.press("tab")
        await type_text(pilot, "14.3.1985")
        await settle(pilot)
        assert "14 March 1985" in screen_text(pilot.app)  # read back under the field
        await pilot.press("tab")
        await type_text(pilot, "mobile: 0171 555 0199")
        await pilot.press("enter")  # a new line, not saving
        await type_text(pilot, "work: ben@schulz-rad.de")
        await save(pilot)
        shown = screen_text(pilot.app)
        for seen in ("Company  Radsport Schulz", "Birthday 14 March 1985",
                     "Also     mobile: 0171 555 0199", "work: ben@schulz-rad.de"):
            assert seen in shown, seen
        ben = card(shop)
        assert (ben.organization, ben.birthday, ben.more_contacts) == (
            "Radsport Schulz", "1985-03-14", "mobile: 0171 555 0199\nwork: ben@schulz-rad.de")

        await pilot.press("e")  # the form shows them as typed, and changes them
        await settle(pilot)
        assert pilot.app.screen.query_one("#f-birthday").value == "14.03.1985"
        await into(pilot, "birthday")
        await pilot.press("ctrl+u")
        await type_text(pilot, "14.3.")
        await save(pilot)
        assert "Birthday 14 March" in screen_text(pilot.app)
        assert card(shop).birthday == "--03-14"

        await pilot.press("e")  # emptied, they are gone from the card
        await settle(pilot)
        await into(pilot, "organization")
        await pilot.press("ctrl+u", "tab", "ctrl+u", "tab", "f7", "backspace")
        await save(pilot)
        shown = screen_text(pilot.app)
        assert "Company" not in shown and "Birthday" not in shown and "Also" not in shown
    ben = card(shop)
    assert (ben.organization, ben.birthday, ben.more_contacts) == (None, None, None)


@pytest.mark.parametrize("key, typed, says", [
    ("birthday", "31.2.", '"31.2." is not a day of the calendar.'),
    ("birthday", "gestern", '"gestern" is not a birthday. Write it like 14.03.1985 or 14.03.'),
    ("more_contacts", "mobile: 0171 555 0199\nprivate: ben@",
     'More contacts, line 2: "ben@" is not an email address.'),
    ("more_contacts", "Handy: 0171 55x", 'More contacts, line 1: "0171 55x" is not a phone'),
])
async def test_bad_input_is_said_next_to_its_field_and_nothing_is_saved(shop, key, typed, says):
    before = contents(shop)
    async with running(shop) as pilot:
        await edit(pilot, 2)
        await into(pilot, key)
        for n, line in enumerate(typed.split("\n")):
            if n:
                await pilot.press("enter")
            await type_text(pilot, line)
        pilot.app.screen.query_one("#f-name").focus()  # saved from another field
        await save(pilot)
        assert pilot.app.screen.__class__.__name__ == "CustomerForm"
        assert error_of(pilot.app, key).startswith(says)
        assert "Please correct the marked fields first." in notes(pilot.app)
        assert pilot.app.focused.id == f"f-{key}"  # the cursor is put where the problem is
    assert contents(shop) == before


async def test_undo_after_an_edit_brings_back_company_birthday_and_more_contacts(shop):
    with Store.open(shop) as s:
        s.update_customer(2, organization="Radsport Schulz", birthday="14.03.1985",
                          more_contacts="mobile: 0171 555 0199")
    async with running(shop) as pilot:
        await edit(pilot, 2)
        await into(pilot, "organization")
        await pilot.press("ctrl+u")
        await type_text(pilot, "Schulz & Söhne")
        await pilot.press("tab", "ctrl+u", "tab", "enter")  # a line added after the number
        await type_text(pilot, "work: ben@schulz-rad.de")
        await save(pilot)
        changed = card(shop)
        assert (changed.organization, changed.birthday) == ("Schulz & Söhne", None)
        assert changed.more_contacts == "mobile: 0171 555 0199\nwork: ben@schulz-rad.de"
        await pilot.press("u")
        await settle(pilot)
        assert notes(pilot.app)[-1].startswith("Undone:")
        assert await wait_for(pilot, lambda: "Radsport Schulz" in screen_text(pilot.app))
    ben = card(shop)
    assert (ben.organization, ben.birthday, ben.more_contacts) == (
        "Radsport Schulz", "1985-03-14", "mobile: 0171 555 0199")


async def test_what_another_till_saved_meanwhile_in_these_fields_is_kept(shop):
    with Store.open(shop) as s:
        s.update_customer(2, birthday="14.03.1985")
    async with running(shop) as pilot:
        await edit(pilot, 2)
        with Store.open(shop) as other:  # the other till, while this form is open
            ben = other.get_customer(2)
            other.update_customer(2, seen=ben, birthday="1.1.1980",
                                  more_contacts="work: ben@rad.example")
        await into(pilot, "organization")
        await type_text(pilot, "Radsport Schulz")
        await save(pilot)
        assert pilot.app.screen.__class__.__name__ != "CustomerForm"  # nothing to ask
        assert notes(pilot.app)[-1] == ("Saved: Ben Schulz\nKept what someone else changed "
                                        "meanwhile: birthday, more contacts.")
    ben = card(shop)
    assert (ben.organization, ben.birthday, ben.more_contacts) == (
        "Radsport Schulz", "1980-01-01", "work: ben@rad.example")


async def test_a_new_customer_whose_further_number_is_known_is_asked_about(shop):
    async with running(shop) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Benjamin Schulz")
        await into(pilot, "more_contacts")
        await type_text(pilot, "Handy: +49 171 5550101")  # Ben's phone, another notation
        await save(pilot)
        text = screen_text(pilot.app)
        assert "may be here already" in text and "same phone" in text, text
        assert "Ben Schulz" in text


async def test_a_further_number_or_email_finds_the_customer_in_the_list(shop):
    with Store.open(shop) as s:
        s.update_customer(4, more_contacts="Handy: 0151 999 88 77\nwork: dora@kruger.example")
    async with running(shop) as pilot:
        await pilot.press("c")
        await settle(pilot)
        for typed in ("0151 99988", "dora@kruger"):
            await pilot.press("ctrl+u")  # the filter's text typed anew
            await type_text(pilot, typed)
            assert await wait_for(pilot, lambda: "Dora Krüger" in screen_text(pilot.app) and
                                  "Ben Schulz" not in screen_text(pilot.app)), typed


@pytest.fixture
def german():
    i18n.use("de")
    yield
    i18n.use("en")


async def test_in_german_the_fields_their_read_back_and_their_refusals(shop, german):
    async with running(shop) as pilot:
        await edit(pilot, 2)
        shown = screen_text(pilot.app)
        for label in ("Firma", "Geburtstag", "Auch", "Firma oder Verein",
                      "14.03.1985, oder 14.03. ohne Jahr"):
            assert label in shown, label
        await into(pilot, "birthday")
        await type_text(pilot, "14.3.")
        await settle(pilot)
        assert "14. März" in screen_text(pilot.app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "31.2.")
        await pilot.press("tab")
        await type_text(pilot, "privat: ben@")
        await save(pilot)
        assert error_of(pilot.app, "birthday") == "„31.2.“ ist kein Tag im Kalender."
        assert error_of(pilot.app, "more_contacts").startswith(
            "Weitere Kontakte, Zeile 1: ")
        assert pilot.app.focused.id == "f-birthday"  # the cursor is put in the first problem
        await pilot.press("ctrl+u")
        await type_text(pilot, "14.3.1985")
        await pilot.press("tab", "f7", "backspace")
        await type_text(pilot, "privat: ben@schulz-rad.de")
        await save(pilot)
        shown = screen_text(pilot.app)
        assert "Geburtstag 14. März 1985" in shown and "Auch" in shown, shown
