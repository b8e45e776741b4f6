"""Pictures (SVG) of a customer's card and of the form dialogs at 80×24, 100×30 and 200×50,
on fixed data and a fixed clock; the forms in a light theme too (which field holds the cursor,
which box is ticked).

Update them after a deliberate change of the look (and a look at them) with:
    pytest tests/app/test_snapshots_card.py --snapshot-update
"""

from __future__ import annotations

import pytest
from test_snapshots import add_care, keys

from kbm_tui.app import KbmApp
from kbm_tui.store import Store
from support import build_shop

SMALL = (80, 24)
SIZES = pytest.mark.parametrize("size", [SMALL, (100, 30), (200, 50)],
                                ids=["80x24", "100x30", "200x50"])
ANNA = ("c", "text:anna", "enter", "enter")


@pytest.fixture
def shop_app(db_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    build_shop(db_path)
    app = KbmApp(db_path, watch_seconds=0)
    yield app
    app.close_store()


@pytest.fixture
def care_shop(db_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    build_shop(db_path)
    add_care(db_path)
    with Store.open(db_path) as s:  # notes over several lines, and a long one
        s.update_customer(2, notes="Rides to work in all weathers, lives up the hill, and "
                                   "brings the kids' bikes in every spring.\nCall after 17:00.")
    app = KbmApp(db_path, watch_seconds=0)
    yield app
    app.close_store()


def light(*pressed: str):
    """The same steps in Textual's light theme."""
    steps = keys(*pressed)

    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await steps(pilot)

    return run_before


# --- the card ---------------------------------------------------------------------------

@SIZES
def test_customer(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys(*ANNA))


@SIZES
def test_customer_with_care_to_do(snap_compare, care_shop, size):
    assert snap_compare(care_shop, terminal_size=size,
                        run_before=keys("c", "text:ben", "enter", "enter"))


@SIZES
def test_customer_at_a_glance(snap_compare, care_shop, size):
    assert snap_compare(care_shop, terminal_size=size, run_before=keys(*ANNA))


# --- the forms --------------------------------------------------------------------------

@SIZES
def test_customer_form(snap_compare, care_shop, size):
    steps = ("c", "text:ben", "enter", "enter", "e", "tab", "tab", "tab", "tab", "tab")
    assert snap_compare(care_shop, terminal_size=size, run_before=keys(*steps))


@SIZES
def test_quick_log(snap_compare, shop_app, size):
    steps = ("l", "text:ben", "enter", "text:Asked whether the pads are in", "tab", "tab", "tab",
             "tab", "tab", "tab", "text:Call when they arrive", "tab", "text:after lunch",
             "tab", "tab", "text:nonsense")
    assert snap_compare(shop_app, terminal_size=size, run_before=keys(*steps))


@SIZES
def test_wishes_dialog(snap_compare, care_shop, size):
    assert snap_compare(care_shop, terminal_size=size, run_before=keys(*ANNA, "W"))


@SIZES
def test_plan_follow_up_against_the_wishes(snap_compare, care_shop, size):
    steps = (*ANNA, "w", "text:Ask how the chain runs", "tab", "text:in 3 days")
    assert snap_compare(care_shop, terminal_size=size, run_before=keys(*steps))


@SIZES
def test_renegotiate_dialog(snap_compare, care_shop, size):
    assert snap_compare(care_shop, terminal_size=size,
                        run_before=keys("p", "g", "text:Friday 14:00"))


@SIZES
def test_snooze_dialog(snap_compare, care_shop, size):
    assert snap_compare(care_shop, terminal_size=size, run_before=keys(*ANNA, "down", "s"))


@SIZES
def test_outcome_dialog(snap_compare, care_shop, size):
    assert snap_compare(care_shop, terminal_size=size, run_before=keys(*ANNA, "down", "d"))


@SIZES
def test_forget_dialog(snap_compare, care_shop, size):
    assert snap_compare(care_shop, terminal_size=size,
                        run_before=keys("c", "text:cem", "enter", "enter", "F"))


@SIZES
def test_broken_reason_dialog(snap_compare, shop_app, size):
    assert snap_compare(shop_app, terminal_size=size, run_before=keys("b"))


# --- a light theme: the field with the cursor, a ticked box -----------------------------

def test_wishes_dialog_in_a_light_theme(snap_compare, care_shop):
    steps = (*ANNA, "W", "tab", "tab", "tab", "tab", "tab", "space",  # tick "do not contact"
             "tab")
    assert snap_compare(care_shop, terminal_size=(100, 30), run_before=light(*steps))


def test_customer_form_in_a_light_theme(snap_compare, care_shop):
    steps = ("c", "text:ben", "enter", "enter", "e", "tab", "tab")
    assert snap_compare(care_shop, terminal_size=(100, 30), run_before=light(*steps))
