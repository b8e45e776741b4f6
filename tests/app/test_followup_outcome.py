"""Issue 11, point 7: marking a follow-up done asks what came of it, and logs that as a
conversation, so the customer's story stays whole."""

from __future__ import annotations

from kbm_tui.store import Store
from support import cursor_to, notes, running, screen_text, settle, type_text


def spring_service(s: Store):
    (found,) = [f for f in s.followups(open_only=False)
                if f.text == "Remind about the spring service"]
    return found


async def open_outcome(pilot) -> None:
    await cursor_to(pilot, "#today-list",
                    lambda r: getattr(r, "text", "") == "Remind about the spring service")
    await pilot.press("d")
    await settle(pilot)


async def test_done_with_what_came_of_it_logs_a_conversation(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await open_outcome(pilot)
        text = screen_text(app)
        assert "What came of it?" in text and "Remind about the spring service" in text
        await type_text(pilot, "Booked the service for March")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodayScreen"
        assert "what came of it is logged" in notes(app)[-1]
        with Store.open(shop) as s:
            assert spring_service(s).done_at is not None
            (logged,) = [c for c in s.conversations(customer_id=2)
                         if c.summary == "Booked the service for March"]
            # how Ben was last in touch (the service at the counter), not a made-up default
            assert logged.channel == "store"
        await pilot.press("u")  # one change: both go back
        await settle(pilot)
        assert notes(app)[-1] == ("Undone: follow-up with Ben Schulz “Remind about the spring "
                                  "service” marked done, with what came of it.")
    with Store.open(shop) as s:
        assert spring_service(s).done_at is None
        assert not [c for c in s.conversations(customer_id=2) if "March" in c.summary]


async def test_enter_on_an_empty_outcome_only_marks_done_and_escape_keeps_it_open(shop):
    async with running(shop) as pilot:
        await open_outcome(pilot)
        await pilot.press("escape")
        await settle(pilot)
        with Store.open(shop) as s:
            assert spring_service(s).done_at is None
            talks = len(s.conversations(customer_id=2))
        await open_outcome(pilot)
        await pilot.press("enter")
        await settle(pilot)
    with Store.open(shop) as s:
        assert spring_service(s).done_at is not None
        assert len(s.conversations(customer_id=2)) == talks
