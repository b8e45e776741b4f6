"""The import's preview at 80×24: four columns in about 76 cells cut the last one, "why", to
"gleiche Te". Now the columns share the width and a long reason takes a second line of
its row, so every word of "what happens" and "why" is on the screen.

Fixed clock: Sunday 22 November 2026, 11:30 Berlin.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from kbm_tui.core import i18n
from kbm_tui.screens.import_file import ImportDialog, preview_rows
from kbm_tui.store import Store
from support import running, screen_text, settle, wait_for

CARDS = """BEGIN:VCARD
VERSION:3.0
FN:Juergen Mueller
TEL:0341 98765-43
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Anna Schmidt
TEL:0171 2345678
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Anna Schmidt
TEL:+49 171 2345678
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Bioladen Grünewald
EMAIL:laden@example.org
END:VCARD
"""


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_every_word_of_the_preview_is_on_the_screen_at_80_columns(db_path, tmp_path,
                                                                         lang):
    i18n.use(lang)
    try:
        with Store.open(db_path) as s:
            s.add_customer("Jürgen Müller", phone="0341 9876543")
        cards = tmp_path / "kontakte.vcf"
        cards.write_text(CARDS, encoding="utf-8")
        async with running(db_path, size=(80, 24)) as pilot:
            dialog = ImportDialog(str(cards))
            pilot.app.push_screen(dialog)
            assert await wait_for(pilot, lambda: dialog.plan is not None)
            await settle(pilot)
            table = dialog.query_one("#import-preview", DataTable)
            assert table.max_scroll_x == 0  # nothing beyond the right edge
            shown = screen_text(pilot.app)
            assert "…" not in shown
            words = set(shown.split())
            rows = preview_rows(dialog.plan)
            assert any(why for *_, why in rows)
            for row in rows:
                for word in " ".join(row).split():
                    assert word in words, (word, row)
    finally:
        i18n.use("en")
