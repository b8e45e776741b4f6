"""Issue 11, point 8: the shop's opening days are a setting (Monday–Saturday unless set);
a snooze or a due time that falls on a closed day says so and offers the next opening day."""

from __future__ import annotations

from datetime import timedelta

from kbm_tui.core import clock
from kbm_tui.core.settings import Settings
from kbm_tui.store import Store
from support import cursor_to, running, screen_text, settle, type_text


def words(app) -> str:
    """The screen's text with the lines of a dialog joined (its borders taken out)."""
    return " ".join(screen_text(app).replace("│", " ").split())


def spring_service(s: Store):
    (found,) = [f for f in s.followups() if f.text == "Remind about the spring service"]
    return found


async def snooze(pilot) -> None:
    await cursor_to(pilot, "#today-list",
                    lambda r: getattr(r, "text", "") == "Remind about the spring service")
    await pilot.press("s")
    await settle(pilot)


async def test_next_week_on_a_sunday_offers_the_monday(shop):
    # today is Sunday 22 November: "next week" (7) is Sunday 29, a closed day
    async with running(shop) as pilot:
        app = pilot.app
        await snooze(pilot)
        await pilot.press("7")
        await settle(pilot)
        text = words(app)
        assert "The shop is closed on Sunday 29 November 2026." in text
        assert "Mon 30 Nov (y)" in text
        assert "Snooze until Monday 30 November 2026, the next opening" in text
        await pilot.press("escape")  # not that: back to choose another day
        await settle(pilot)
        assert app.screen.__class__.__name__ == "SnoozeDialog"
        with Store.open(shop) as s:
            assert spring_service(s).snoozed_until is None
        await pilot.press("1")  # tomorrow is Monday: open, no question
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodayScreen"
    with Store.open(shop) as s:
        assert str(spring_service(s).snoozed_until) == "2026-11-23"


async def test_a_typed_day_when_closed_is_questioned_by_the_setting(shop):
    Settings(opening_days="Mo Di Mi Do Fr").save()  # a shop closed on Saturdays too
    async with running(shop) as pilot:
        app = pilot.app
        await snooze(pilot)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Saturday")
        await pilot.press("enter")
        await settle(pilot)
        assert "The shop is closed on Saturday 28 November 2026." in words(app)
        await pilot.press("y")
        await settle(pilot)
    with Store.open(shop) as s:
        assert str(spring_service(s).snoozed_until) == "2026-11-30"


async def test_tomorrow_morning_on_a_saturday_says_sunday_is_closed(shop):
    clock.set_now(clock.now() - timedelta(days=1))  # Saturday 21 November
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("l")
        await settle(pilot)
        app.screen.query_one("#promise-due").value = "tomorrow morning"
        await settle(pilot)
        text = words(app)
        assert "the shop is closed that day; the next opening day is Monday 23" in text
        app.screen.query_one("#promise-due").value = "Monday morning"
        await settle(pilot)
        assert "closed that day" not in screen_text(app)


async def test_the_snooze_dialogs_example_day_is_written_the_english_way(shop):
    """The English snooze dialog offered "Friday, 3.12., in 10 days" — a German way to write
    a day. The example is written as an English shop owner writes it, and reads as shown."""
    async with running(shop) as pilot:
        app = pilot.app
        await cursor_to(pilot, "#today-list",
                        lambda r: getattr(r, "text", "") == "Remind about the spring service")
        await pilot.press("s")
        await settle(pilot)
        assert "Friday, in 10 days, 3 Dec" in words(app)
        assert "3.12." not in words(app)
        await pilot.press("tab", "tab")
        await type_text(pilot, "3 Dec")
        await settle(pilot)
        assert "→ Thu 3 Dec 2026 (all day)" in words(app)
