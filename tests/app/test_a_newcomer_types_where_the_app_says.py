"""A German shop owner in the first week does what the README and the screens say, and the
keys go where they expect: "c, then type part of the name" types into the filter, even after
the list had the focus; tab into the notes adds to them instead of writing before them."""

from __future__ import annotations

import pytest
from german_shop import build_german_shop

from kbm_tui.core import i18n
from kbm_tui.screens.help import key_sections
from kbm_tui.store import Store
from support import in_palette, running, screen_text, settle, type_text, typed


@pytest.fixture
def german():
    i18n.use("de")
    yield
    i18n.use("en")


async def test_c_then_typing_filters_even_when_the_list_had_the_focus(db_path, german):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape")  # to the list, as a shop owner does to press n or e
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "krueger")  # the u of it must not undo, the e must not edit
        await typed(pilot)
        assert app.screen.__class__.__name__ == "CustomersScreen"
        assert app.screen.query_one("#filter").value == "krueger"
        text = screen_text(app)
        assert "Dora Krüger" in text and "Anna Bauer" not in text


async def test_c_from_a_card_opened_on_the_list_types_into_the_filter(db_path, german):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "enter")  # a card, over the list
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "0171")
        await typed(pilot)
        assert app.screen.__class__.__name__ == "CustomersScreen"
        assert app.screen.query_one("#filter").value == "0171"
        assert "Ben Schulz" in screen_text(app)


async def test_tab_into_the_notes_adds_to_them_at_their_end(db_path, german):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        app.open_customer(1)  # Anna Bauer: "Fährt jeden Tag zur Arbeit."
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # name … tags, then the notes
        await type_text(pilot, " Kette bestellt.")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with Store.open(db_path) as s:
        assert s.get_customer(1).notes == "Fährt jeden Tag zur Arbeit. Kette bestellt."


async def test_the_palette_finds_the_import_by_the_word_a_german_shop_uses(db_path, german):
    async with running(db_path, size=(80, 24)) as pilot:  # a new shop, no customers yet
        assert "Strg+P" in screen_text(pilot.app)  # the welcome: "Kunden … übernehmen"
        await in_palette(pilot, "import", "Kunden übernehmen")
        await pilot.press("escape")
        await settle(pilot)
        await in_palette(pilot, "übern", "Kunden übernehmen")


def test_the_help_says_where_an_action_without_a_key_of_its_own_is(german):
    lines = [entry for _title, entries in key_sections() for entry in entries]
    keys = {what: key for key, what in lines}
    assert keys["Kunden aus einer vCard-, CSV- oder Excel-Datei übernehmen"] == "Strg+P"
    assert all(key for key, _what in lines)  # no line without a key to press


async def test_c_then_typing_looks_for_the_new_name_not_the_last_one_plus_it(db_path, german):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("c")
        await type_text(pilot, "krueger")
        await typed(pilot)
        assert "/ Filtern" not in screen_text(app).splitlines()[-1]  # "/" here is a letter
        await pilot.press("enter", "t")  # to the list, then Today
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "/ Filtern" not in screen_text(app).splitlines()[-1]
        await type_text(pilot, "0171")
        await typed(pilot)
        assert app.screen.query_one("#filter").value == "0171"
        assert "Ben Schulz" in screen_text(app)
        await pilot.press("escape")  # the list: "/" goes back to the filter
        await settle(pilot)
        assert "/ Filtern" in screen_text(app).splitlines()[-1]


async def test_the_conversations_filter_offers_no_slash_where_it_is_a_letter(db_path, german):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "brems")
        await typed(pilot)
        assert "/ Filtern" not in screen_text(app).splitlines()[-1]
        await pilot.press("escape")
        await settle(pilot)
        assert "/ Filtern" in screen_text(app).splitlines()[-1]
