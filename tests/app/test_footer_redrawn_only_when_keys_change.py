"""The footer is drawn anew when what its keys do changes, and only then: a list asks for
its keys at every row the cursor lands on, so at every key typed into its filter, and
drawing the same keys again took the thread that draws 15 ms a key, which the next rows
waited for."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from kbm_tui.ui.footer import KbmFooter
from support import running, settle, type_text, typed


def footer_keys(pilot) -> list[FooterKey]:
    return list(pilot.app.screen.query_one(KbmFooter).query(FooterKey))


async def test_typing_into_the_filter_keeps_the_footer_as_it_is(shop):
    async with running(shop, size=(160, 40)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        before = footer_keys(pilot)
        await type_text(pilot, "anna")
        await typed(pilot)
        await settle(pilot)
        assert pilot.app.screen.table.row_count == 1
        assert footer_keys(pilot) == before  # the same widgets: not drawn again
        assert [key.description for key in before]  # and there are keys to show


async def test_the_footer_follows_what_applies_to_the_row_under_the_cursor(shop):
    async with running(shop, size=(160, 40)) as pilot:
        await pilot.press("t")
        await settle(pilot)
        shown = []
        for _ in range(6):  # the day's promises, follow-ups, then a complaint
            shown.append({key.action for key in footer_keys(pilot)})
            await pilot.press("down")
            await settle(pilot)
        assert "kept" in shown[0] and "done" not in shown[0]
        assert any("done" in keys and "kept" not in keys for keys in shown)
        assert any("resolve" in keys for keys in shown)


async def test_a_redraw_that_comes_round_after_its_screen_closed_is_dropped(shop):
    async with running(shop) as pilot:
        footer = pilot.app.screen.query_one(KbmFooter)
        await footer.remove()  # as when a screen is closed with a redraw still queued
        await footer._redraw_if_changed()  # ended the app with NoScreen before
        await settle(pilot)
        assert pilot.app.is_running
