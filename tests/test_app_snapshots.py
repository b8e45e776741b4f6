"""Pictures (SVG) of every screen at 80×24 and at a wide size, on fixed data and a fixed clock.

Update them after a deliberate change with: pytest tests/test_app_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from textual.widgets import Input

from kbm_tui.app import KbmApp
from test_app_support import build_shop, settle, type_text

SMALL = (80, 24)
WIDE = (130, 36)
SIZES = pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "wide"])


@pytest.fixture
def colour(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def shop_app(db_path, colour):
    build_shop(db_path)
    app = KbmApp(db_path, watch_seconds=0)
    yield app
    app.close_store()


def keys(*pressed, text: str = ""):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in pressed:
            if key.startswith("text:"):
                await type_text(pilot, key[5:])
                await pilot.pause(0.3)
            else:
                await pilot.press(key)
            await settle(pilot)
        pilot.app.clear_notifications()
        for box in pilot.app.screen.query(Input):  # a blinking cursor makes pictures differ
            box.cursor_blink = False
        await settle(pilot)

    return run_before


@SIZES
def test_today(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys())


@SIZES
def test_customers(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys("c"))


@SIZES
def test_customers_filtered_by_phone(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys("c", "text:555"))


@SIZES
def test_customer(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size,
                        run_before=keys("c", "text:anna", "enter", "enter"))


@SIZES
def test_conversations(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys("v"))


@SIZES
def test_promises(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys("p"))


@SIZES
def test_followups(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys("f", "right", "right"))


@SIZES
def test_quick_log(snap_compare, shop_app, size):
    steps = ("l", "text:ben", "enter", "text:Asked whether the pads are in", "tab", "tab", "tab",
             "tab", "tab", "tab", "text:Call when they arrive", "tab", "text:after lunch",
             "tab", "tab", "text:nonsense")
    assert snap_compare(shop_app, terminal_size=size, run_before=keys(*steps))


def test_help(snap_compare, shop_app):
    assert snap_compare(shop_app, terminal_size=SMALL, run_before=keys("question_mark"))


def test_broken_reason_dialog(snap_compare, shop_app):
    assert snap_compare(shop_app, terminal_size=SMALL, run_before=keys("b"))


def test_fresh_database(snap_compare, db_path, colour):
    app = KbmApp(db_path, watch_seconds=0)
    assert snap_compare(app, terminal_size=SMALL, run_before=keys())
    app.close_store()
