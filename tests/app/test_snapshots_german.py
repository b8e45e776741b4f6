"""Pictures (SVG) of the main screens in German at 80×24, on a German shop with a fixed
clock; and the one English picture issue 14 asked to change: an amount with its currency.

Update them after a deliberate change with:
    pytest tests/app/test_snapshots_german.py --snapshot-update
"""

from __future__ import annotations

import pytest
from german_shop import CARE_EN, add_care, build_german_shop
from test_snapshots import SMALL, keys

from kbm_tui.app import KbmApp
from kbm_tui.core import i18n
from support import build_shop


@pytest.fixture
def german_app(db_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    build_german_shop(db_path)
    i18n.use("de")
    app = KbmApp(db_path, watch_seconds=0)
    yield app
    app.close_store()
    i18n.use("en")


SCREENS = {
    "today": (),
    "customers": ("c",),
    "customer": ("c", "text:ben", "enter", "enter"),
    "conversations": ("v",),
    "promises": ("p",),
    "followups": ("f", "left"),
    "ideas": ("i",),
    "quick_log": ("l", "text:anna", "enter", "text:Kette bestellt", "tab", "tab", "tab",
                  "tab", "text:zwölf"),
    "wishes": ("c", "text:anna", "enter", "enter", "W"),
    "help": ("question_mark",),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_in_german(snap_compare, german_app, screen):
    assert snap_compare(german_app, terminal_size=SMALL, run_before=keys(*SCREENS[screen]))


def test_an_amount_with_its_currency(snap_compare, db_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    build_shop(db_path)
    add_care(db_path, CARE_EN)
    app = KbmApp(db_path, watch_seconds=0)
    assert snap_compare(app, terminal_size=SMALL,
                        run_before=keys("c", "text:ben", "enter", "enter"))
    app.close_store()
