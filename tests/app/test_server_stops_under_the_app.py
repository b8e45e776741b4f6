"""The database server stops while the app is open and a form is being typed, then comes
back: the form keeps its text, a save while it is away says plainly that nothing was saved,
and the same save goes through once the server is back (PostgreSQL only: a file does not go
away like this)."""

from __future__ import annotations

import pg_server as pg
import pytest

from kbm_tui.store import Store
from support import build_shop, notes, running, settle, type_text, typed


@pytest.fixture
def switch(server_db):
    build_shop(server_db)
    between = pg.ServerSwitch(server_db)
    yield between
    between.close()


async def test_a_new_customer_typed_while_the_server_is_away_is_saved_once_it_is_back(
        switch, server_db):
    async with running(switch.url) as pilot:
        app = pilot.app
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Greta Hoff")
        switch.down()
        await type_text(pilot, "mann")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerForm"  # still open, text and all
        assert app.screen.query_one("#f-name").value == "Greta Hoffmann"
        assert "does not answer — nothing was saved" in notes(app)[-1]
        with Store.open(server_db) as direct:  # beside the switch: really nothing written
            assert direct.find_customers("Greta") == []
        switch.up()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"  # the new card, saved
    with Store.open(server_db) as s:
        assert [c.name for c in s.find_customers("Greta")] == ["Greta Hoffmann"]


async def test_a_talk_being_logged_survives_the_server_going_away(switch, server_db):
    async with running(switch.url) as pilot:
        app = pilot.app
        await pilot.press("l")
        await settle(pilot)
        await type_text(pilot, "Ben Sch")
        await typed(pilot)
        await pilot.press("enter")
        await settle(pilot)
        switch.down()
        await type_text(pilot, "Wants a new saddle")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#summary").value == "Wants a new saddle"
        assert "does not answer — nothing was saved" in notes(app)[-1]
        switch.up()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodayScreen"
    with Store.open(server_db) as s:
        (ben,) = s.find_customers("Ben Schulz")
        assert [c.summary for c in s.conversations(customer_id=ben.id)
                if c.summary == "Wants a new saddle"] == ["Wants a new saddle"]
