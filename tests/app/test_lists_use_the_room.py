"""The lists use the room a terminal gives: aligned, titled columns; an amount right-aligned
in a column of its own and never cut; a status word in its own column; more columns on a
wide terminal instead of wider gaps; at 80×24 nothing a shop owner needs is lost."""

from __future__ import annotations

from german_shop import CARE_EN, add_care

from kbm_tui.store import Store
from support import at, build_shop, running, screen_text, settle

NARROW, MIDDLE, WIDE = (80, 24), (100, 30), (200, 50)


def _shop(db_path) -> None:
    build_shop(db_path)
    add_care(db_path, CARE_EN)
    with Store.open(db_path) as s:
        # A sale logged when it happened and again when it was invoiced: bought once.
        s.log_conversation(1, "Bought a road bike", kind="purchase", amount_cents=123450,
                           at=at(-20, 10))
        s.log_conversation(1, "Invoice for the road bike", kind="invoice",
                           amount_cents=123450, at=at(-19, 10))


def _lines(app) -> list[str]:
    return screen_text(app).splitlines()


def _row(lines: list[str], text: str) -> str:
    return next(line for line in lines if text in line)


def _right_edge(line: str, word: str) -> int:
    return line.index(word) + len(word)


async def test_customers_show_more_columns_on_a_wide_terminal(db_path):
    _shop(db_path)
    seen = {}
    for size in (NARROW, WIDE):
        async with running(db_path, size=size) as pilot:
            await pilot.press("c", "escape")
            await settle(pilot)
            seen[size] = _lines(pilot.app)
    narrow, wide = seen[NARROW], seen[WIDE]
    header = _row(wide, "Last contact")
    for title in ("Name", "Phone", "Email", "Tags", "Bought"):
        assert title in header, header
    anna = _row(wide, "Anna Bauer")
    assert "anna@example.com" in anna and "road bike, club" in anna
    # What she bought, once (the invoice bills the purchase), right-aligned under its title
    assert "€1,234.50" in anna
    assert _right_edge(anna, "€1,234.50") == _right_edge(header, "Bought")
    header = _row(narrow, "Last contact")
    assert "Email" not in header and "Tags" not in header
    assert "Phone" in header and "+49 30 1234567" in _row(narrow, "Anna Bauer")  # whole


async def test_an_amount_has_its_own_right_aligned_column_and_is_never_cut(db_path):
    _shop(db_path)
    async with running(db_path, size=MIDDLE) as pilot:
        await pilot.press("v", "escape")
        await settle(pilot)
        lines = _lines(pilot.app)
    header = _row(lines, "Amount")
    ben = _row(lines, "Brought the bike in")
    assert "€89.50" in ben and "…" not in ben.split("€89.50")[0][-2:]
    assert _right_edge(ben, "€89.50") == _right_edge(header, "Amount")
    sale = _row(lines, "Bought a road bike")
    assert _right_edge(sale, "€1,234.50") == _right_edge(header, "Amount")
    # the summary is its own column, after the amount, not glued to it
    assert sale.index("Bought a road bike") > _right_edge(sale, "€1,234.50")


async def test_the_status_word_and_who_have_their_own_columns_at_80_columns(db_path):
    _shop(db_path)
    async with running(db_path, size=NARROW) as pilot:
        await pilot.press("p")
        await settle(pilot)
        lines = _lines(pilot.app)
        header = _row(lines, "Promise ")
        assert "Who" in header and "Status" in header
        brake = _row(lines, "Order brake pads")
        assert brake.index("Mia") == header.index("Who")
        assert brake.index("overdue") == header.index("Status")
        await pilot.press("v", "escape")
        await settle(pilot)
        lines = _lines(pilot.app)
        assert "Who" in _row(lines, "Summary")
        assert _row(lines, "Brought the bike in").rstrip().endswith("Mia")


async def test_a_complaint_shows_its_state_in_a_column_on_a_wide_terminal(db_path):
    _shop(db_path)
    async with running(db_path, size=WIDE) as pilot:
        await pilot.press("v", "escape")
        await settle(pilot)
        lines = _lines(pilot.app)
    header = _row(lines, "Summary")
    flicker = _row(lines, "Complained that the e-bike display flickers")
    assert flicker.index("open 9 days") == header.index("Status")
    assert flicker.index("complaint") == header.index("Kind")


async def test_the_footer_names_the_screen_keys_and_keeps_help(db_path):
    _shop(db_path)
    async with running(db_path, size=WIDE) as pilot:
        footer = _lines(pilot.app)[-1]
        for words in ("c Customers", "v Conversations", "p Promises", "f Follow-ups",
                      "i Ideas", "? Help"):
            assert words in footer, footer
        assert "t Today" not in footer  # the screen shown needs no key
        assert "Screens" not in footer and "tcvpfi" not in footer
    async with running(db_path, size=NARROW) as pilot:
        await pilot.press("c")  # the filter has focus: "?" would be typed into it
        await settle(pilot)
        footer = _lines(pilot.app)[-1]
        assert "f1 Help" in footer and "esc To the list" in footer, footer
        await pilot.press("escape")
        await settle(pilot)
        footer = _lines(pilot.app)[-1]
        assert "? Help" in footer and "esc To the list" not in footer, footer


async def test_an_empty_customer_list_says_so_whole_at_80_columns(db_path):
    async with running(db_path, size=NARROW) as pilot:
        await pilot.press("c", "escape")
        await settle(pilot)
        text = screen_text(pilot.app)
    said = " ".join(text.split())
    assert "No customers yet. Press n to add the first one." in said
    assert "quit with ctrl+q and start kbm --demo.)" in said
    assert "…" not in text

