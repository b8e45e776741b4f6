"""Helpers for the tests: a small shop with fixed dates, and driving the app under Pilot."""

from __future__ import annotations

import html
import re
import time
import unicodedata
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from textual.worker import WorkerCancelled

from kbm_tui.app import KbmApp
from kbm_tui.core import clock
from kbm_tui.core.when import parse_when
from kbm_tui.store import Store

SIZE = (100, 30)  # the terminal the app tests run in, unless a test is about the size


@asynccontextmanager
async def running(db: Path, size: tuple[int, int] = SIZE, **kwargs: Any) -> AsyncIterator[Any]:
    """The app on `db` under Pilot, settled after start; its store closed on the way out.
    Lists count their matches at once (count_after=0) unless a test says otherwise."""
    kwargs.setdefault("count_after", 0)
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


# What the small shop's people said and noted, in the shop's language (tests/app/german_shop.py
# has the German); the customers, amounts and states are the same in both.
SHOP_WORDS = {
    "anna_tags": "road bike, club", "anna_notes": "Rides to work every day.",
    "cem_tags": "e-bike", "dora_notes": "Only by letter, please",
    "anna_asked": "Asked about a new chain for her road bike",
    "anna_promise": "Call back with the chain price",
    "ben_service": "Brought the bike in for a service", "ben_promise": "Order brake pads",
    "cem_complaint": "Complained that the e-bike display flickers",
    "cem_kept": "Send a replacement display", "cem_broken": "Ring back the same day",
    "cem_broken_why": "Forgot in the rush before closing",
    "dora_thanks": "Wrote to thank us for the quick repair",
    "dora_asked": "Wants a child seat for her granddaughter",
    "anna_followup": "Ask whether the new chain runs smoothly",
    "ben_followup": "Remind about the spring service",
    "dora_followup": "Child seat catalogue by letter",
}


def build_shop(path: Path, words: dict[str, str] = SHOP_WORDS) -> None:
    """A bike shop in miniature: every state a promise or follow-up can be in."""
    w = words
    with Store.open(path) as s:
        mia = s.add_staff("Mia")
        anna = s.add_customer("Anna Bauer", phone="+49 30 1234567", email="anna@example.com",
                              tags=w["anna_tags"], notes=w["anna_notes"])
        ben = s.add_customer("Ben Schulz", phone="0171 555 0101", address="Hauptstr. 5, Berlin")
        cem = s.add_customer("Cem Yilmaz", email="cem@example.org", tags=w["cem_tags"])
        dora = s.add_customer("Dora Krüger", phone="030 777 888", notes=w["dora_notes"])
        s.add_customer("Emil Weber", phone="0160 222 333")
        talk = s.log_conversation(anna.id, w["anna_asked"], channel="phone", kind="inquiry",
                                  at=at(0, 9, 15))
        s.make_promise(anna.id, w["anna_promise"], parse_when("after lunch"),
                       conversation_id=talk.id)
        s.log_conversation(ben.id, w["ben_service"], channel="store", kind="service",
                           at=at(-3, 10), amount_cents=8950, staff_id=mia.id)
        s.make_promise(ben.id, w["ben_promise"], parse_when("yesterday", allow_past=True),
                       staff_id=mia.id)
        s.log_conversation(cem.id, w["cem_complaint"], channel="email", kind="complaint",
                           direction="in", at=at(-10, 16))
        kept = s.make_promise(cem.id, w["cem_kept"], parse_when("next week"))
        s.close_promise(kept.id, "kept")
        broken = s.make_promise(cem.id, w["cem_broken"], parse_when("today"))
        s.close_promise(broken.id, "broken", w["cem_broken_why"])
        s.log_conversation(dora.id, w["dora_thanks"], channel="letter", kind="feedback",
                           at=at(-40, 12))
        s.log_conversation(dora.id, w["dora_asked"], channel="store", kind="inquiry",
                           at=at(0, 10, 5))
        s.plan_followup(anna.id, w["anna_followup"], parse_when("3 days ago", allow_past=True))
        s.plan_followup(ben.id, w["ben_followup"], parse_when("today"))
        s.plan_followup(dora.id, w["dora_followup"], parse_when("next week"))


async def quick_log_for(pilot, name: str) -> None:
    """The quick-log (l) with the first customer whose name starts so chosen (enter): the
    summary field has the focus."""
    await pilot.press("l")
    await settle(pilot)
    await type_text(pilot, name)
    await typed(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def edit_form_of(pilot, search: str) -> None:
    """The customer list filtered by `search`, then the edit form (e) of its first row."""
    await pilot.press("c")
    await type_text(pilot, search)
    await typed(pilot)
    await settle(pilot)
    await pilot.press("enter")  # into the list
    await pilot.press("e")
    await settle(pilot)


def screen_text(app) -> str:
    """What the screen shows, as plain text, read from the app's own SVG screenshot."""
    svg = app.export_screenshot()
    width, height = app.size
    lines = [[" "] * width for _ in range(height)]
    for x, row, content in _SVG_TEXT.findall(svg.split('-matrix">', 1)[-1]):
        column = round(float(x) / _CELL)
        for char in html.unescape(content).replace("\xa0", " "):
            if 0 <= int(row) < height and column < width:
                lines[int(row)][column] = char
            column += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return "\n".join("".join(line).rstrip() for line in lines)


_CELL = 12.2  # the width of one terminal cell in Rich's SVG export
_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
                       r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>')


async def settle(pilot, quiet_rounds: int = 2) -> None:
    """Let the app finish what it started: until its workers have been done for a while.

    It waits on what the app does, not on the clock, so a busy machine only makes it slower.
    """
    app = pilot.app
    quiet = 0
    for _ in range(200):
        await pilot.pause()
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            pass  # a newer read of the same group took its place; the next round waits for it
        busy = any(not worker.is_finished for worker in app.workers)
        quiet = 0 if busy else quiet + 1
        if quiet >= quiet_rounds:
            break
    await pilot.pause()


async def typed(pilot, timeout: float = 20.0) -> None:
    """After typing into a field that reads it once typing pauses (a filter, the customer
    picker): until it has read it, then settled."""
    await pilot.pause()  # the typing itself arrives as messages first
    deadline = time.monotonic() + timeout
    screen = pilot.app.screen
    while time.monotonic() < deadline and any(
            getattr(node, "waiting_for_typing", False)
            for node in [screen, *screen.walk_children()]):
        await pilot.pause(0.05)
    await settle(pilot)


async def in_palette(pilot, typed: str, offered: str) -> None:
    """Open the command palette, type, and wait until it offers `offered`."""
    await pilot.press("ctrl+p")
    await type_text(pilot, typed)
    assert await wait_for(pilot, lambda: offered in screen_text(pilot.app)), offered


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[_key(c) for c in text])


def _key(char: str) -> str:
    return {" ": "space", ".": "full_stop", ",": "comma", "+": "plus", "-": "minus",
            ":": "colon", "@": "at", "/": "slash", "?": "question_mark", "(": "left_parenthesis",
            ")": "right_parenthesis", "'": "apostrophe"}.get(char, char)


def notes(app) -> list[str]:
    """The messages of the notifications shown so far (recorded by conftest's fixture)."""
    return list(getattr(app, "notes_seen", []))


def rows(app, selector: str) -> list:
    """The records a list on the current screen holds (timeline entries unwrapped)."""
    items = app.screen.query_one(selector).loaded_items()
    return [getattr(i, "record", i) for i in items]


async def wait_for(pilot, check, timeout: float = 20.0, step: float = 0.1) -> bool:
    """Let the app run until `check()` is true, or `timeout` seconds have passed (a long
    time: only a broken app, not a busy machine, should make this give up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(step)
        if check():
            return True
    return check()


async def cursor_to(pilot, table_id: str, wanted) -> None:
    """Put the cursor of a list on the first row for which `wanted(record)` is true."""
    table = pilot.app.screen.query_one(table_id)
    index = next(i for i, item in enumerate(table.loaded_items())
                 if wanted(getattr(item, "record", item)))
    table.cursor_row = index
    await settle(pilot)


def contents(db: Path | str) -> str:
    """A fingerprint of everything a database holds, to show that nothing changed: the
    file's bytes, or on PostgreSQL every row of every table, kbm_meta included."""
    import hashlib

    if isinstance(db, Path):
        return hashlib.sha256(db.read_bytes()).hexdigest()
    import psycopg

    with psycopg.connect(db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema=current_schema() ORDER BY 1")]
        rows = [(t, conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def told(app, words: str) -> list[tuple[str, str]]:
    """The notifications (title, message) the app showed that say `words`."""
    return [(n.title, n.message) for n in app._notifications if words in n.message]
