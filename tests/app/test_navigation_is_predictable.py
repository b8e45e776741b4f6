"""Navigation is predictable (issue 11, point 3) and lists say what they hold (point 6)."""

from __future__ import annotations

from kbm_tui.store import Store
from support import notes, running, screen_text, settle, type_text, typed


def nav_current(app) -> str:
    """The screen the bar on top highlights."""
    return app.screen.query_one("NavBar").current


async def test_the_highlighted_screen_always_matches_the_screen_shown(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("enter")  # a customer's card, from Today
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
        assert nav_current(app) == "today"
        await pilot.press("p", "t")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodayScreen"  # t shows Today itself
        assert nav_current(app) == "today"


async def test_after_forgetting_a_customer_you_land_where_you_came_from(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "enter")  # Anna's card, on the Customers screen
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        app.open_customer(2)  # Ben's card, from Today
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await type_text(pilot, "Ben Schulz")
        await pilot.press("enter")
        await settle(pilot)
        assert any(n.startswith("Erased Ben Schulz") for n in notes(app))
        assert app.screen.__class__.__name__ == "TodayScreen"  # never Anna's card


async def test_after_archiving_from_the_card_you_land_where_you_came_from(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("a", "y")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomersScreen"
        assert "Anna Bauer" not in screen_text(app)


async def test_escape_leaves_the_filter_and_l_n_work_from_the_list(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "zzz")  # no match: escape still leaves the field
        await typed(pilot)
        assert "Log" not in screen_text(app).splitlines()[-1]  # the footer offers no l
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused.id == "customer-list"
        assert "Log" in screen_text(app).splitlines()[-1]
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "QuickLog"


async def test_escape_leaves_a_conversation_filter_and_a_bad_day_is_called_a_day(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("v")
        await settle(pilot)
        app.screen.query_one("#cv-since").focus()
        await type_text(pilot, "blue")
        await typed(pilot)
        text = screen_text(app)
        assert "“blue” is not a day" in text and "due time" not in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused.id == "conversation-list"


async def test_archiving_the_only_customer_says_the_list_is_empty_because_of_it(db_path):
    with Store.open(db_path) as s:
        s.add_customer("Greta Hoffmann")
    async with running(db_path) as pilot:
        app = pilot.app
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape", "a", "y")
        await settle(pilot)
        text = screen_text(app)
        assert "every customer is archived" in text and "ctrl+a" in text
        assert "No customers yet" not in text
