"""The help's key column in both languages: an action only the palette offers shows the
palette's key (it showed the catalogue's header once, then nothing: a newcomer couldn't tell
how to reach it)."""

from __future__ import annotations

import pytest

from kbm_tui.core import i18n
from kbm_tui.screens.help import key_sections


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_key_shown_is_a_key_and_palette_actions_show_the_palettes(lang):
    i18n.use(lang)
    try:
        rows = [row for _title, lines in key_sections() for row in lines]
    finally:
        i18n.use("en")
    assert all("Project-Id" not in keys and "\n" not in keys for keys, _what in rows)
    imports = [keys for keys, what in rows if "vCard" in what and "CSV" in what]
    assert imports == ["Strg+P" if lang == "de" else "ctrl+p"]
