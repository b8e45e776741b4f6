"""Issue 11's last look defects: words that were cut or glued at the sizes a shop uses.
A snoozed follow-up says so in its status column; a long follow-up is whole at 160 columns;
the German card and its wishes fit 80×24; the quick-log uses a wide terminal; a day in a
question has no zero ("Mon 7 Dec"); the German conversations give the summary room at 80;
a filter's unticked box is empty and a ticked one filled, in both themes.

Fixed clock: Sunday 22 November 2026, 11:30 Berlin.
"""

from __future__ import annotations

from datetime import date

import pytest
from german_shop import CARE_EN, add_care, build_german_shop
from textual.widgets import Checkbox

from kbm_tui.core import i18n
from kbm_tui.core.settings import Settings
from kbm_tui.core.when import Due
from kbm_tui.store import Store
from support import (
    build_shop,
    cursor_to,
    notes,
    quick_log_for,
    running,
    screen_text,
    settle,
    type_text,
)

LONG = "Prüfen, ob das Ersatzteil Schwalbe Marathon Plus Reifen (Paar) angekommen ist"


@pytest.fixture
def german(db_path):
    build_german_shop(db_path)
    i18n.use("de")
    yield db_path
    i18n.use("en")


def _row(app, text: str) -> str:
    return next(line for line in screen_text(app).splitlines() if text in line)


def _snooze_bens(db_path, day: date) -> None:
    with Store.open(db_path) as s:
        (ben,) = [f for f in s.followups() if f.customer_name == "Ben Schulz"]
        s.snooze_followup(ben.id, day)


async def test_a_snoozed_follow_up_says_so_in_its_status_column_not_glued_to_the_day(german):
    _snooze_bens(german, date(2026, 12, 1))
    # A narrow list writes the day in digits (names need the room at 80 columns)
    for size, day in (((160, 40), "Di., 1. Dez."), ((80, 24), "Di 01.12.")):
        async with running(german, size=size) as pilot:
            await pilot.press("f", "left")  # All open
            await settle(pilot)
            header, row = _row(pilot.app, "Fällig"), _row(pilot.app, "Ben Schulz")
            assert "(zurück" not in row
            due = row[header.index("Fällig"):header.index("Kunde")]
            assert due.strip() == day, row  # the day, whole
            assert row.rstrip(" ▁▂▃▄▅▆▇█▔▕").endswith("zurückgestellt"), row  # whole
            assert row.index("zurückgestellt") >= header.index("Status")
            # The sentence under the list still says it: "(zurückgestellt)"
            await cursor_to(pilot, "#followup-list", lambda f: f.customer_name == "Ben Schulz")
            said = " ".join(screen_text(pilot.app).split())
            assert "Ben Schulz: An die Frühjahrsinspektion erinnern · Di., 1. Dez. " \
                "(zurückgestellt)" in said


async def test_a_long_follow_up_is_whole_at_160_columns_and_repeats_get_a_column_at_200(german):
    with Store.open(german) as s:
        anna = s.find_customers("Anna Bauer", limit=1)[0]
        s.plan_followup(anna.id, LONG, Due(date(2026, 12, 11)), every_days=28)
    async with running(german, size=(160, 40)) as pilot:
        await pilot.press("f", "left")
        await settle(pilot)
        assert LONG in _row(pilot.app, LONG[:30])
        assert "Wiederholung" not in _row(pilot.app, "Fällig")
    async with running(german, size=(200, 50)) as pilot:
        await pilot.press("f", "left")
        await settle(pilot)
        header, row = _row(pilot.app, "Fällig"), _row(pilot.app, LONG)
        assert row.index("alle 4 Wochen") == header.index("Wiederholung")


async def test_the_german_card_and_its_wishes_fit_side_by_side_at_80_columns(german):
    async with running(german, size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "anna")
        await pilot.press("enter", "enter")
        await settle(pilot)
        text = screen_text(pilot.app)
        card = text.split("Verlauf")[0]
        assert "Gespräche" in card
        assert "…" not in card, card
        talks = _row(pilot.app, "Gespräche")
        assert "in 12 Mon." in talks.split("│")[1], talks  # inside the card's pane
        # Every wish on one line beside its label, up to the next follow-up (its text is
        # Anna's own words and may wrap): no line before it continues a value
        wishes = [line.split("││")[1].strip(" │") for line in card.splitlines() if "││" in line]
        labels = [cell.split()[0] for cell in wishes[:5]]
        assert labels == ["Kanal", "Person", "Wie", "Versprechen", "Nächste"], wishes
        assert wishes[3].split() == ["Versprechen", "1", "offen"], wishes


async def test_the_quick_log_uses_a_wide_terminal_and_keeps_the_wishes_on_one_line(db_path):
    build_shop(db_path)
    add_care(db_path, CARE_EN)
    for size, least in (((160, 40), 110), ((80, 24), 0)):
        async with running(db_path, size=size) as pilot:
            await quick_log_for(pilot, "Anna Bauer")
            box = pilot.app.screen.query_one("#quick-log")
            assert least <= box.size.width <= size[0]
            if least:
                wishes = _row(pilot.app, "Wishes —")
                assert "how often: every 4 weeks" in wishes, wishes


async def test_a_day_in_the_snooze_question_and_its_answer_has_no_leading_zero(shop):
    Settings(opening_days="Mo Di Mi Do Fr Sa").save()
    async with running(shop) as pilot:
        app = pilot.app
        await cursor_to(pilot, "#today-list",
                        lambda r: getattr(r, "text", "") == "Remind about the spring service")
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("tab", "tab")
        await type_text(pilot, "6 Dec")  # a Sunday: closed
        await pilot.press("enter")
        await settle(pilot)
        words = " ".join(screen_text(app).replace("│", " ").split())
        assert "Mon 7 Dec (y)" in words and "07" not in words
        await pilot.press("y")
        await settle(pilot)
        assert "Snoozed until Mon 7 Dec" in notes(app)[-1]


async def test_the_german_conversations_give_the_summary_room_at_80_columns(german):
    async with running(german, size=(80, 24)) as pilot:
        await pilot.press("v", "escape")
        await settle(pilot)
        header = _row(pilot.app, "Wann ")
        assert "Kanal" not in header  # named in the line under the list instead
        assert header.index("Wer") - header.index("Inhalt") >= 26, header


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_filters_box_is_clearly_empty_or_clearly_ticked(db_path, theme):
    build_shop(db_path)
    async with running(db_path, size=(100, 30)) as pilot:
        pilot.app.theme = theme
        await pilot.press("c", "escape")
        await settle(pilot)
        box = pilot.app.screen.query_one(".filter-box Checkbox", Checkbox)
        empty = box.get_component_rich_style("toggle--button")
        assert not box.value and empty.color == empty.bgcolor  # no mark shows
        box.value = True
        await settle(pilot)
        ticked = box.get_component_rich_style("toggle--button")
        assert ticked.bgcolor != empty.bgcolor and ticked.color != ticked.bgcolor
        assert ticked.bold


async def test_a_german_shops_owner_is_named_whole_in_the_who_column_of_a_wide_list(db_path):
    """A fresh German database names its one staff member "Inhaber/in": every row of Today
    said "Inhabe…" even at 160 columns."""
    i18n.use("de")
    try:
        with Store.open(db_path) as s:
            lena = s.add_customer("Lena Vogel")
            s.log_conversation(lena.id, "Fragt nach Angeboten für ein Stadtrad")
        async with running(db_path, size=(160, 40)) as pilot:
            assert _row(pilot.app, "Lena Vogel").rstrip().endswith("Inhaber/in")
            await pilot.press("v", "escape")
            await settle(pilot)
            assert _row(pilot.app, "Lena Vogel").rstrip().endswith("Inhaber/in")
    finally:
        i18n.use("en")



async def test_the_german_welcome_names_keys_as_the_rest_of_the_german_app_does(db_path):
    """The footer and buttons say "Strg+S", "^p"; the welcome said "ctrl+p", "ctrl+q"."""
    i18n.use("de")
    try:
        async with running(db_path, size=(80, 24)) as pilot:
            text = screen_text(pilot.app)
            assert "Willkommen bei kbm" in text
            assert "Strg+P" in text and "Strg+Q" in text and "ctrl+" not in text
    finally:
        i18n.use("en")


async def test_a_channel_is_never_cut_in_a_lists_channel_column(db_path):
    """"messenger/social" did not fit the channel column at any width ("messenge…")."""
    build_shop(db_path)
    with Store.open(db_path) as s:
        s.log_conversation(1, "Asked on Instagram about the opening hours", channel="social")
    for size in ((100, 30), (200, 50)):
        async with running(db_path, size=size) as pilot:
            await pilot.press("v", "escape")
            await settle(pilot)
            row = _row(pilot.app, "Asked on Instagram")
            assert " messenger " in row and "messenge…" not in row, row
            await cursor_to(pilot, "#conversation-list",
                            lambda c: c.summary.startswith("Asked on Instagram"))
            assert "messenger/social" in screen_text(pilot.app)  # said whole underneath


async def test_the_timeline_says_snoozed_whole_in_german(german):
    _snooze_bens(german, date(2026, 12, 1))
    for size in ((80, 24), (200, 50)):
        async with running(german, size=size) as pilot:
            await pilot.press("c")
            await settle(pilot)
            await type_text(pilot, "ben")
            await pilot.press("enter", "enter")
            await settle(pilot)
            row = _row(pilot.app, "An die Frühjahrsins")
            assert " zurückgestellt " in row, row
