"""The app changes language from the palette, remembers it, and starts again speaking it."""

from __future__ import annotations

from kbm_tui.app import RESTART, KbmApp, run_app
from kbm_tui.core import i18n
from kbm_tui.core.settings import Settings
from support import in_palette, running, settle


async def test_choosing_deutsch_in_the_palette_is_remembered_and_restarts(shop):
    try:
        async with running(shop) as pilot:
            await in_palette(pilot, "deutsch", "Die App auf Deutsch")
            await pilot.press("enter")
            await settle(pilot)
            assert pilot.app.return_value == RESTART
        assert Settings.load().language == "de"
        assert i18n.language() == "de"
    finally:
        i18n.use("en")


def test_run_app_starts_again_in_the_chosen_language(shop, monkeypatch):
    footers = []

    def fake_run(self, *args, **kwargs):
        footers.append((i18n.language(), self._bindings.get_bindings_for_key("t")[0].description))
        if len(footers) == 1:
            self.action_language("de")
            self._return_value = RESTART

    monkeypatch.setattr(KbmApp, "run", fake_run)
    try:
        assert run_app(shop) == 0
    finally:
        i18n.use("en")
    assert [language for language, _ in footers] == ["en", "de"]
    assert footers[0][1] == "Today" and footers[1][1] != "Today"
