"""A customer's notes run over several lines: typed in a box where Enter starts a new line,
shown whole on the card (wrapped, the pane scrolls), never cut to `always fri…`."""

from __future__ import annotations

from kbm_tui.store import Store
from support import running, screen_text, settle, type_text

LONG = ("Always friendly, pays cash, brings the kids' bikes in every spring and asks for the "
        "same mechanic; allergic to the smell of chain oil, so keep the workshop door shut")


async def open_notes(pilot, customer_id: int) -> None:
    pilot.app.open_customer(customer_id)
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    await pilot.press(*["tab"] * 5)  # name, phone, email, address, tags, notes
    await settle(pilot)
    assert pilot.app.focused.id == "f-notes"


async def test_enter_starts_a_new_line_in_the_notes_and_ctrl_s_saves_them(shop):
    async with running(shop) as pilot:
        await open_notes(pilot, 2)
        await type_text(pilot, "Rides a Brompton")
        await pilot.press("enter")
        await type_text(pilot, "Call after 17:00")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "CustomerForm"  # enter did not save
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "CustomerScreen"
        lines = screen_text(pilot.app).splitlines()
        (first,) = [n for n, line in enumerate(lines) if "Rides a Brompton" in line]
        # the second line of the notes sits under the first, in the values' column
        column = lines[first].index("Rides a Brompton")
        assert lines[first + 1][column:].startswith("Call after 17:00")
    with Store.open(shop) as s:
        assert s.get_customer(2).notes == "Rides a Brompton\nCall after 17:00"


async def test_notes_typed_and_escape_asks_before_throwing_them_away(shop):
    async with running(shop) as pilot:
        await open_notes(pilot, 2)
        await type_text(pilot, "Wants a bell")
        await pilot.press("escape")
        await settle(pilot)
        assert "Throw away what you typed?" in screen_text(pilot.app)
        await pilot.press("escape")  # no: back to the notes, the text still there
        await settle(pilot)
        assert pilot.app.screen.query_one("#f-notes").text == "Wants a bell"
    with Store.open(shop) as s:
        assert s.get_customer(2).notes is None


async def test_long_notes_are_shown_whole_on_the_card(shop):
    with Store.open(shop) as s:
        s.update_customer(2, notes=LONG)
    for size in ((200, 50), (80, 24)):
        async with running(shop, size=size) as pilot:
            pilot.app.open_customer(2)
            await settle(pilot)
            pane = pilot.app.screen.query_one("#card-left")
            top = pane_text(pilot.app, pane)
            pane.scroll_end(animate=False, immediate=True)
            await settle(pilot)
            bottom = pane_text(pilot.app, pane)
            assert "Notes   Always friendly" in top, (size, top)
            assert "keep the workshop door shut" in bottom, (size, bottom)
            assert "…" not in top + bottom


def pane_text(app, pane) -> str:
    box = pane.region
    return " ".join(line[box.x:box.right].strip(" │")
                    for line in screen_text(app).splitlines()[box.y:box.bottom])
