"""Every action is one key away, listed in the help and in the command palette (ctrl+p)."""

from __future__ import annotations

from kbm_tui.screens.help import key_sections, markdown_table
from kbm_tui.store import Store
from support import in_palette, running, screen_text, settle


async def test_palette_offers_the_screen_actions(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await in_palette(pilot, "promise kept", "Mark the promise kept")
        assert "Mark the promise kept" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Order brake pads" not in screen_text(app)
    with Store.open(shop) as s:
        assert "Order brake pads" in [p.text for p in s.promises(status="kept", limit=10)]



def test_help_names_the_new_keys():
    table = markdown_table()
    for key, words in (("`g`", "a new due time"), ("`R (shift+r)`", "Resolve a complaint"),
                       ("`W (shift+w)`", "contact wishes"), ("`x`", "Export everything"),
                       ("`F (shift+f)`", "Forget this customer"), ("`i`", "Ideas"),
                       ("`1`", "idea new"), ("`2`", "idea considered"), ("`3 / d`", "done")):
        assert any(key in line and words in line for line in table.splitlines()), key
    sections = dict(key_sections())
    assert "Ideas" in sections and "A customer" in sections


async def test_palette_lists_the_care_actions_where_they_apply(pilot):
    app = pilot.app
    app.open_customer(1)
    await settle(pilot)
    for typed, offered in (("wishes", "Edit the customer's contact wishes"),
                           ("export", "Export this customer's data"),
                           ("forget", "Forget this customer"),
                           ("renegotiate", "Renegotiate the promise")):
        await in_palette(pilot, typed, offered)
        assert offered in screen_text(app), typed
        await pilot.press("escape")
        await settle(pilot)
    await in_palette(pilot, "wishes", "Edit the customer's contact wishes")
    await pilot.press("enter")
    await settle(pilot)
    assert app.screen.__class__.__name__ == "WishesDialog"
    await pilot.press("escape")
    await in_palette(pilot, "Ideas", "Feedback and ideas from every customer")
    await pilot.press("enter")
    await settle(pilot)
    assert app.current_mode == "ideas"
