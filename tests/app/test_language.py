"""The app changes language from the palette, remembers it, and starts again speaking it."""

from __future__ import annotations

from test_one_language import ENGLISH, forbidden

from kbm_tui.app import RESTART, KbmApp, run_app
from kbm_tui.core import i18n
from kbm_tui.core.settings import Settings
from kbm_tui.ui.palette import ActionsProvider
from support import in_palette, running, screen_text, settle


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


async def test_after_the_switch_every_screen_has_its_keys_in_the_new_language(shop):
    """Screens and dialogs first made in English (their classes loaded then) show their keys
    in German once the app starts again in German: the footer and the palette's commands."""
    screens = [lambda app, mode=mode: app.action_goto(mode)
               for mode in ("today", "customers", "conversations", "promises", "followups",
                            "ideas")]
    card_and_log = [lambda app: app.open_customer(1), lambda app: app.action_quick_log(1)]
    try:
        async with running(shop) as pilot:
            for visit in screens + card_and_log:
                visit(pilot.app)
                await settle(pilot)
        i18n.use("de")
        english = forbidden(ENGLISH)
        async with running(shop) as pilot:
            wishes = [lambda app: app.open_customer(1),
                      lambda app: app.screen.action_wishes()]  # first made in German
            for visit in screens + card_and_log + [lambda app: app.pop_screen()] + wishes:
                visit(pilot.app)
                await settle(pilot)
                footer = screen_text(pilot.app).splitlines()[-1]
                commands = [f"{name} {help}" for name, help, _run in
                            ActionsProvider(pilot.app.screen)._commands()
                            if name != "English"]
                screen = type(pilot.app.screen).__name__
                assert not english.findall(footer), (screen, footer)
                assert not [c for c in commands if english.findall(c)], (screen, commands)
            assert type(pilot.app.screen).__name__ == "WishesDialog"
    finally:
        i18n.use("en")
