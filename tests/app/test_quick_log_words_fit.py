"""The quick-log's drop-downs at 80×24: the channel list showed "Messenger/Social" and
"Media" on two lines (the list was as narrow as the drop-down), and which way it went read
"kam zu uns", a visit's words, for a call too. Now the list is as wide as its longest
choice and the way is "vom Kunden" / "von uns" ("from them" / "from us").

Fixed clock: Sunday 22 November 2026, 11:30 Berlin.
"""

from __future__ import annotations

import pytest
from textual.widgets import Select

from kbm_tui.core import i18n
from support import running, screen_text, settle

WORDS = {"de": ("Messenger/Social Media", "vom Kunden", "von uns"),
         "en": ("messenger/social", "from them", "from us")}


@pytest.fixture(params=["de", "en"])
def lang(request, shop):
    i18n.use(request.param)
    yield request.param
    i18n.use("en")


async def _open(pilot, select_id: str) -> None:
    await pilot.press("l")
    await settle(pilot)
    select = pilot.app.screen.query_one(select_id, Select)
    select.focus()
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert select.expanded


async def test_every_channel_is_on_one_line_of_the_drop_down(lang, shop):
    social, _, _ = WORDS[lang]
    async with running(shop, size=(80, 24)) as pilot:
        await _open(pilot, "#channel")
        assert social in screen_text(pilot.app)


async def test_which_way_it_went_fits_every_channel_and_the_drop_down(lang, shop):
    _, came, went = WORDS[lang]
    async with running(shop, size=(80, 24)) as pilot:
        await _open(pilot, "#direction")
        text = screen_text(pilot.app)
        assert came in text and went in text
        assert "kam zu" not in text and "came to" not in text
