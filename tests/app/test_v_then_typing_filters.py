"""The two lists with a typed filter behave alike: `c` and then typing filters the
customers, and `v` and then typing filters the conversations. After `v` the typed letters
ran as keys (the t of "kette" went to Today) while after `c` they went into the filter.

Fixed clock: Sunday 22 November 2026, 11:30 Berlin.
"""

from __future__ import annotations

from german_shop import build_german_shop

from support import running, screen_text, settle, type_text, typed


async def _type_after_v(pilot, words: str) -> None:
    await pilot.press("v")
    await settle(pilot)
    await type_text(pilot, words)  # t is Today, e edits, l logs, u undoes, on the list
    await typed(pilot)


async def test_v_then_typing_filters_the_conversations(db_path):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        await _type_after_v(pilot, "kette")
        assert app.screen.__class__.__name__ == "ConversationsScreen"
        assert app.screen.query_one("#cv-text").value == "kette"
        text = screen_text(app)
        assert "Anna Bauer" in text and "Dora Krüger" not in text


async def test_v_types_into_the_filter_even_when_the_list_had_the_focus(db_path):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        await _type_after_v(pilot, "kette")
        await pilot.press("escape")  # to the list, to delete one or open its customer
        await settle(pilot)
        assert app.focused is app.screen.query_one("#conversation-list")
        await pilot.press("t")
        await settle(pilot)
        await _type_after_v(pilot, "display")  # typing anew replaces the old words
        assert app.screen.query_one("#cv-text").value == "display"
        text = screen_text(app)
        assert "Cem Yilmaz" in text and "Anna Bauer" not in text


async def test_down_or_enter_leave_the_filter_for_the_list_as_on_customers(db_path):
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        for key in ("down", "enter"):
            await _type_after_v(pilot, "kette")
            await pilot.press(key)
            await settle(pilot)
            assert app.focused is app.screen.query_one("#conversation-list"), key
            await pilot.press("slash")  # and / brings the typing back to the filter
            await settle(pilot)
            assert app.focused is app.screen.query_one("#cv-text")
            await pilot.press("escape", "t")
            await settle(pilot)


async def test_the_status_line_offers_delete_only_where_it_deletes(db_path):
    """In the words field, delete takes back a letter: the line under the list said
    "delete: to the archive" there too, now the state on arrival."""
    build_german_shop(db_path)
    async with running(db_path, size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        assert "delete: to the archive" not in screen_text(pilot.app)
        await pilot.press("escape")
        await settle(pilot)
        assert "delete: to the archive" in screen_text(pilot.app)
