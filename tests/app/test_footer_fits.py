"""At 80×24 every footer is readable to its end, in German and in English: no key runs off
the edge or hides under the palette key, help (?) is always there, and what is left out
is in the help screen. Before, the German footer lost "? Hilfe" on most screens and the
English customer card lost "Delete" under the palette key."""

from __future__ import annotations

import pytest
from german_shop import CARE_EN, add_care, build_german_shop
from textual.widgets._footer import FooterKey

from kbm_tui.core import i18n
from kbm_tui.screens.help import key_sections
from kbm_tui.ui.footer import KbmFooter, fitting
from support import build_shop, running, settle, type_text, typed

SMALL = (80, 24)
WALK = {
    "today": (),
    "customers": ("c", "escape"),
    "customer card": ("c", "text:ben", "enter", "enter"),
    "a promise on the card": ("c", "text:ben", "enter", "enter", "tab"),
    "conversations": ("v", "escape"),
    "promises": ("p",),
    "follow-ups": ("f", "left"),
    "ideas": ("i",),
}


async def _walk(pilot, pressed) -> None:
    for key in pressed:
        if key.startswith("text:"):
            await type_text(pilot, key[5:])
            await typed(pilot)
        else:
            await pilot.press(key)
        await settle(pilot)


def _footer_words(pilot) -> tuple[list[str], str]:
    footer = pilot.app.screen.query_one(KbmFooter)
    keys = [k for k in footer.query(FooterKey) if not k.has_class("-command-palette")]
    palette = footer.query_one(".-command-palette", FooterKey)
    width = pilot.app.size.width
    for key in keys:  # each one drawn whole, left of the palette key
        assert key.region.width > 0 and key.region.right <= palette.region.x <= width, (
            key.key, key.description, key.region, palette.region)
    assert footer.max_scroll_x == 0
    return [f"{k.key_display} {k.description}".strip() for k in keys], palette.description


@pytest.mark.parametrize("language", ["de", "en"])
async def test_every_footer_fits_80_columns(db_path, language):
    if language == "de":
        build_german_shop(db_path)
    else:
        build_shop(db_path)
        add_care(db_path, CARE_EN)
    i18n.use(language)
    try:
        help_keys = {keys for _title, entries in key_sections() for keys, _what in entries}
        for name, pressed in WALK.items():
            async with running(db_path, size=SMALL) as pilot:
                await _walk(pilot, pressed)
                shown, palette = _footer_words(pilot)
                assert palette == {"de": "Befehle", "en": "palette"}[language]
                assert shown, name
                assert {"de": "? Hilfe", "en": "? Help"}[language] in shown, (name, shown)
        assert help_keys  # and the help screen lists every key, shown or not
    finally:
        i18n.use("en")


def test_what_does_not_fit_is_left_out_least_useful_first():
    # (rank, width): lower rank first; among equals the leftmost; a later small one may fit.
    entries = [(2, 10), (0, 12), (4, 18), (1, 9), (2, 15), (2, 5)]
    assert fitting(entries, 80) == {0, 1, 2, 3, 4, 5}
    assert fitting(entries, 51) == {0, 1, 3, 4, 5}
    assert fitting(entries, 36) == {0, 1, 3, 5}
    assert fitting(entries, 12) == {1}
