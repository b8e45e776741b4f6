"""Helpers for the tests: a small shop with fixed dates, and driving the app under Pilot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kbm_tui.app import KbmApp
from kbm_tui.core import clock
from kbm_tui.core.when import parse_when
from kbm_tui.store import Store

SIZE = (100, 30)  # the terminal the app tests run in, unless a test is about the size


@asynccontextmanager
async def running(db: Path, size: tuple[int, int] = SIZE, **kwargs: Any) -> AsyncIterator[Any]:
    """The app on `db` under Pilot, settled after start; its store closed on the way out."""
    app = KbmApp(db, watch_seconds=0, **kwargs)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield pilot
    finally:
        app.close_store()


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    """A moment relative to the fixed 'now' of the tests (Sun 22 Nov 2026, 11:30 Berlin)."""
    base = clock.now().replace(hour=hour, minute=minute, second=0, microsecond=0)
    return base + timedelta(days=day_offset)


def build_shop(path: Path) -> None:
    """A bike shop in miniature: every state a promise or follow-up can be in."""
    with Store.open(path) as s:
        mia = s.add_staff("Mia")
        anna = s.add_customer("Anna Bauer", phone="+49 30 1234567", email="anna@example.com",
                              tags="road bike, club", notes="Rides to work every day.")
        ben = s.add_customer("Ben Schulz", phone="0171 555 0101", address="Hauptstr. 5, Berlin")
        cem = s.add_customer("Cem Yilmaz", email="cem@example.org", tags="e-bike")
        dora = s.add_customer("Dora Krüger", phone="030 777 888", notes="Only by letter, please")
        s.add_customer("Emil Weber", phone="0160 222 333")
        talk = s.log_conversation(anna.id, "Asked about a new chain for her road bike",
                                  channel="phone", kind="inquiry", at=at(0, 9, 15))
        s.make_promise(anna.id, "Call back with the chain price", parse_when("after lunch"),
                       conversation_id=talk.id)
        s.log_conversation(ben.id, "Brought the bike in for a service", channel="store",
                           kind="service", at=at(-3, 10), amount_cents=8950, staff_id=mia.id)
        s.make_promise(ben.id, "Order brake pads", parse_when("yesterday", allow_past=True),
                       staff_id=mia.id)
        s.log_conversation(cem.id, "Complained that the e-bike display flickers",
                           channel="email", kind="complaint", direction="in", at=at(-10, 16))
        kept = s.make_promise(cem.id, "Send a replacement display", parse_when("next week"))
        s.close_promise(kept.id, "kept")
        broken = s.make_promise(cem.id, "Ring back the same day", parse_when("today"))
        s.close_promise(broken.id, "broken", "Forgot in the rush before closing")
        s.log_conversation(dora.id, "Wrote to thank us for the quick repair", channel="letter",
                           kind="feedback", at=at(-40, 12))
        s.log_conversation(dora.id, "Wants a child seat for her granddaughter",
                           channel="store", kind="inquiry", at=at(0, 10, 5))
        s.plan_followup(anna.id, "Ask whether the new chain runs smoothly",
                        parse_when("3 days ago", allow_past=True))
        s.plan_followup(ben.id, "Remind about the spring service", parse_when("today"))
        s.plan_followup(dora.id, "Child seat catalogue by letter", parse_when("next week"))


def screen_text(app) -> str:
    """What the screen shows, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip).rstrip() for strip in strips)


async def settle(pilot, rounds: int = 3) -> None:
    """Let workers finish and their results reach the screen."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[_key(c) for c in text])


def _key(char: str) -> str:
    return {" ": "space", ".": "full_stop", ",": "comma", "+": "plus", "-": "minus",
            ":": "colon", "@": "at", "/": "slash", "?": "question_mark", "(": "left_parenthesis",
            ")": "right_parenthesis", "'": "apostrophe"}.get(char, char)


def notes(app) -> list[str]:
    """The messages of the notifications shown so far."""
    return [n.message for n in app._notifications]


def rows(app, selector: str) -> list:
    """The records a list on the current screen holds (timeline entries unwrapped)."""
    items = app.screen.query_one(selector).loaded_items()
    return [getattr(i, "record", i) for i in items]


async def wait_for(pilot, check, timeout: float = 5.0, step: float = 0.1) -> bool:
    """Let the app run until `check()` is true, or `timeout` seconds have passed."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(step)
        if check():
            return True
    return check()
