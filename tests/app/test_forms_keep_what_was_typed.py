"""Forms never lose what was typed (issue 11, point 2): escape and ctrl+q ask first, Tab
goes where the person expects, a filled field is never selected whole, and the quick-log
says where its channel comes from."""

from __future__ import annotations

from kbm_tui.store import Store
from support import quick_log_for, running, screen_text, settle, type_text, typed


async def test_escape_on_a_form_with_typed_text_asks_first(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: it just closes
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodayScreen"
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Greta Hoffmann")
        await pilot.press("escape")
        await settle(pilot)
        assert "Throw away what you typed?" in screen_text(app)
        await pilot.press("escape")  # no: back to the form, the text still there
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerForm"
        assert app.screen.query_one("#f-name").value == "Greta Hoffmann"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodayScreen"
    with Store.open(shop) as s:
        assert not s.find_customers("Greta")


async def test_ctrl_q_on_a_form_with_typed_text_asks_before_quitting(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await quick_log_for(pilot, "Ben Sch")
        await type_text(pilot, "Wants a new saddle")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert "Quit without saving what you typed?" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one("#summary").value == "Wants a new saddle"


async def test_tab_after_choosing_a_customer_goes_to_the_summary(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("l")
        await settle(pilot)
        await type_text(pilot, "Ben Sch")
        await typed(pilot)
        await pilot.press("tab")  # takes the match shown, like enter
        await settle(pilot)
        assert app.focused.id == "summary"
        assert app.screen.query_one("CustomerPicker").customer.name == "Ben Schulz"


async def test_focus_stays_on_a_field_and_typing_never_replaces_a_filled_one(shop):
    """The issue's steps: shift+tab, down, enter in the quick-log left no field focused,
    and the next Tab selected the name, so typing replaced it."""
    async with running(shop) as pilot:
        app = pilot.app
        await quick_log_for(pilot, "Ben Sch")
        for key in ("shift+tab", "down", "enter"):
            await pilot.press(key)
            await settle(pilot)
            assert app.focused is not None and app.focused.id in ("customer-input", "summary")
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.focused.id == "customer-input"
        assert app.focused.selection.is_empty  # the cursor at the end, nothing selected
        assert app.focused.cursor_position == len("Ben Schulz")


async def test_tab_into_a_filled_field_puts_the_cursor_at_its_end(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "e")  # Anna's card: every field filled
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        phone = app.focused
        assert phone.id == "f-phone" and phone.selection.is_empty
        await type_text(pilot, "9")
        assert phone.value == "+49 30 12345679"


async def test_the_quick_log_says_where_its_channel_comes_from(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await quick_log_for(pilot, "Anna B")
        assert app.screen.query_one("#channel").value == "phone"
        assert "phone: how Anna Bauer was last in touch" in screen_text(app)
        await pilot.press("escape", "escape")  # the question, since nothing was typed: none
        await settle(pilot)
        await quick_log_for(pilot, "Emil")
        assert "in store: the default, nothing is known about Emil Weber yet" in \
            screen_text(app)


async def test_escaping_out_of_new_customer_offers_it_again_in_the_quick_log(shop):
    """The walk's surprise: back in the quick-log, the typed name stayed but its
    "+ New customer" line was gone until the name was edited."""
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("l")
        await type_text(pilot, "Hanna Neu")
        await typed(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerForm"
        await pilot.press("escape")  # only the name it was given: it closes without asking
        await settle(pilot)
        assert app.screen.__class__.__name__ == "QuickLog"
        assert app.screen.query_one("#customer-input").value == "Hanna Neu"
        assert app.focused is app.screen.query_one("#customer-input")
        assert "+ New customer “Hanna Neu”" in screen_text(app)
        await pilot.press("enter")  # and it can be chosen again at once
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerForm"
