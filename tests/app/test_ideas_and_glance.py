"""Issue 4 in the app, rules 5 and 6: ideas are heard, the whole relationship at a glance;
and a customer's timeline read from the database a page at a time.

Fixed clock: Sun 22 Nov 2026, 11:30 Berlin. Dora (#4) wrote to thank us 40 days ago
(feedback, so an idea with the status new).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from kbm_tui.app import KbmApp
from kbm_tui.core import clock, i18n
from kbm_tui.store import Store
from support import SIZE, at, build_shop, rows, running, screen_text, settle


@pytest.fixture
def shop(db_path):
    build_shop(db_path)
    with Store.open(db_path) as s:
        s.log_conversation(2, "Idea: a loan bike while his is in the workshop", kind="feedback",
                           at=at(-2, 17))
    return db_path


async def test_ideas_come_together_with_a_status_and_done_offers_to_tell_the_customer(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("i")
        await settle(pilot)
        assert app.current_mode == "ideas"
        ideas = rows(app, "#idea-list")
        assert [i.customer_name for i in ideas] == ["Ben Schulz", "Dora Krüger"]
        assert all(i.idea_status == "new" for i in ideas)
        await pilot.press("2")  # Ben's idea: considered
        await settle(pilot)
        assert rows(app, "#idea-list")[0].idea_status == "considered"
        await pilot.press("right")  # the "New" tab: only Dora's is left
        await settle(pilot)
        assert [i.customer_name for i in rows(app, "#idea-list")] == ["Dora Krüger"]
        await pilot.press("left")
        await settle(pilot)
        await pilot.press("3")  # done: tell Ben?
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        assert "Tell Ben Schulz?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        dialog = app.screen
        assert dialog.__class__.__name__ == "PlanDialog"
        assert dialog.query_one("#text").value.startswith(
            'Tell them what became of their idea: "Idea: a loan bike')
        assert "Mon 23 Nov 2026 (all day)" in screen_text(app)  # tomorrow, as suggested
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "IdeasScreen"
        assert rows(app, "#idea-list")[0].idea_status == "done"
        await pilot.press("d")  # already done: the key does nothing
        await settle(pilot)
        assert app.screen.__class__.__name__ == "IdeasScreen"
        with Store.open(shop) as s:
            (tell,) = s.followups(customer_id=2, due=None)[-1:]
            assert tell.text.startswith("Tell them what became of their idea")
            assert tell.due_day == clock.today() + timedelta(days=1)
        await pilot.press("u")  # undo: the follow-up planned last goes ...
        await settle(pilot)
        assert rows(app, "#idea-list")[0].idea_status == "done"
        await pilot.press("u")  # ... then the idea is considered again
        await settle(pilot)
        assert rows(app, "#idea-list")[0].idea_status == "considered"
    with Store.open(shop) as s:
        assert not [f for f in s.followups(customer_id=2) if f.text.startswith("Tell them")]
        assert [i.idea_status for i in s.ideas()] == ["considered", "new"]


async def test_done_without_telling_the_customer(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("i", "down", "d")
        await settle(pilot)
        assert "Tell Dora Krüger?" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert rows(app, "#idea-list")[1].idea_status == "done"
    with Store.open(shop) as s:
        assert not [f for f in s.followups(customer_id=4) if f.text.startswith("Tell them")]


async def test_the_customer_card_shows_the_relationship_at_a_glance(shop):
    with Store.open(shop) as s:
        s.log_conversation(1, "Bought a new chain", kind="purchase", amount_cents=2990,
                           at=at(-60, 10))
        s.log_conversation(1, "Bought a saddle bag", kind="purchase", amount_cents=4500,
                           at=at(-1, 16), direction="in")
    async with running(shop, size=(120, 36)) as pilot:
        app = pilot.app
        app.open_customer(1)
        await settle(pilot)
        text = screen_text(app)
        assert "Customer since 23 Sep 2026" in text  # the first conversation, before the card
        assert "€74.90 · sales − returns" in text
        assert "Said    “Asked about a new chain" in text  # the last thing they said
        assert "1 open" in text and "0 kept" not in text  # the counts there are
        spark = app.screen.query_one("#glance-spark")
        assert spark.data == [0] * 9 + [1, 0, 2]  # Sep, Oct (none), November
        assert "3 in 12 mo." in text
        for graded in ("score", "rank", "ABC", "A-customer"):
            assert graded not in text


async def test_the_card_fits_at_80_by_24(shop):
    async with running(shop, size=(80, 24)) as pilot:
        app = pilot.app
        app.open_customer(2)
        await settle(pilot)
        text = screen_text(app)
        for words in ("Ben Schulz", "Customer since", "Talks", "Their wishes", "Promises"):
            assert words in text, words
        assert len(rows(app, "#timeline")) == 4


async def test_the_timeline_is_read_a_page_at_a_time_with_no_cap(shop):
    with Store.open(shop) as s, s.transaction():
        for i in range(450):
            s.log_conversation(5, f"Visit {i:03d}", at=at(-400 + i // 2, 9, i % 60))
    app = KbmApp(shop, watch_seconds=0)
    calls = []
    real = app.store.timeline

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    app.store.timeline = spy
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_customer(5)
        await settle(pilot)
        table = app.screen.query_one("#timeline")
        assert table.total == 450
        assert all(c["limit"] <= 100 for c in calls)
        await pilot.press("end")
        await settle(pilot)
        await settle(pilot)
        assert table.cursor_item.record.summary == "Visit 000"  # the oldest, at the end
        assert sum(c["limit"] for c in calls) < 450
        app.screen.query_one("#tl-kind").value = "promise"
        await settle(pilot)
        assert table.total == 0
    app.close_store()


async def test_the_card_says_what_bought_counts(shop):
    with Store.open(shop) as s:
        s.log_conversation(3, "Invoice for the display", kind="invoice", amount_cents=218400)
    async with running(shop) as pilot:
        pilot.app.open_customer(3)
        await settle(pilot)
        text = " ".join(screen_text(pilot.app).split())
        # the invoice counts (no purchase was logged for it), and the card says what counts
        assert "Bought €2,184.00 · sales − returns" in text
        await pilot.press("escape")
        await settle(pilot)
        pilot.app.open_customer(2)  # Ben: his service for 89.50 was paid, so he bought it
        await settle(pilot)
        assert "Bought €89.50 · sales − returns" in " ".join(
            screen_text(pilot.app).split())


async def test_the_talks_count_keeps_its_last_letter_when_the_card_scrolls(shop):
    """English "1 in 12 months" lost its "s" at 80x24 beside the card's scrollbar (newcomer
    #34): the count is short enough for half of 80 columns, as German "in 12 Mon." is."""
    with Store.open(shop) as s:
        s.update_customer(1, address="Hauptstr. 3, 04109 Leipzig", birthday="14.3.1980",
                          more_contacts="work: 0341 1234567\nmobile: 0171 7654321")
    async with running(shop, size=(80, 24)) as pilot:
        pilot.app.open_customer(1)
        await settle(pilot)
        pilot.app.screen.query_one("#card-left").scroll_end(animate=False)
        await settle(pilot)
        assert re.search(r"█ 1 in 12 mo\.\s*│", screen_text(pilot.app))
    i18n.use("de")
    try:
        async with running(shop, size=(80, 24)) as pilot:
            pilot.app.open_customer(1)
            await settle(pilot)
            pilot.app.screen.query_one("#card-left").scroll_end(animate=False)
            await settle(pilot)
            assert re.search(r"█ 1 in 12 Mon\.\s*│", screen_text(pilot.app))
    finally:
        i18n.use("en")
