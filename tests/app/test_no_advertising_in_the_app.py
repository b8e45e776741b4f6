""""No advertising" in the app: ticked in the wishes dialog (W), shown on the card and under
the customer in the quick-log; only an outgoing conversation of the kind "advertising" asks
before it is saved.

Fixed clock: Sun 22 Nov 2026, 11:30 Berlin. Anna (#1), Cem (#3).
"""

from __future__ import annotations

from kbm_tui.core import i18n
from kbm_tui.store import Store
from support import running, screen_text, settle, type_text


async def test_no_advertising_is_ticked_shown_on_the_card_and_undone(shop):
    async with running(shop) as pilot:
        app = pilot.app
        app.open_customer(1)
        await settle(pilot)
        assert "Advertising" not in screen_text(app)  # only shown once objected
        await pilot.press("W")
        await settle(pilot)
        box = app.screen.query_one("#w-noads")
        assert not box.value
        assert "no advertising (newsletters, unrequested offers)" in screen_text(app)
        box.value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
        # on the card as days are in lists: without the year in this one
        assert "Advertising no, since 22 Nov" in " ".join(screen_text(app).split())
        with Store.open(shop) as s:
            assert s.get_customer(1).no_ads_since is not None
        await pilot.press("W")
        await settle(pilot)
        assert app.screen.query_one("#w-noads").value  # ticked as stored
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "Advertising" not in screen_text(app)
    with Store.open(shop) as s:
        assert s.get_customer(1).no_ads_since is None


async def test_quick_log_asks_only_before_advertising(shop):
    with Store.open(shop) as s:
        s.set_wishes(3, no_ads=True)  # Cem objected to advertising
    async with running(shop) as pilot:
        app = pilot.app
        app.open_customer(3)
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert "advertising: no, since 22 Nov ·" in screen_text(app)  # the wishes hint
        await type_text(pilot, "Winter newsletter sent")
        app.screen.query_one("#kind").value = "advertising"  # direction left "from them"
        await settle(pilot)
        assert app.screen.query_one("#direction").value == "in"
        assert "Cem Yilmaz objected to advertising (since 22 Nov 2026)." in screen_text(app)
        app.screen.query_one("#direction").value = "out"
        await settle(pilot)
        assert "Cem Yilmaz objected to advertising (since 22 Nov 2026)." in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        assert "against Cem Yilmaz's wishes" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "QuickLog"
        app.screen.query_one("#summary").value = "Sent the quote he asked for"
        app.screen.query_one("#kind").value = "offer"  # a quote they asked for is welcome
        await settle(pilot)
        assert "objected to advertising" not in screen_text(app)
        await pilot.press("ctrl+s")  # saved straight away
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
    with Store.open(shop) as s:
        (talk,) = [c for c in s.conversations(customer_id=3) if c.direction == "out"]
        assert (talk.summary, talk.kind, talk.against_wishes) == (
            "Sent the quote he asked for", "offer", None)


async def test_the_card_says_it_in_german(shop):
    with Store.open(shop) as s:
        s.set_wishes(1, no_ads=True)
    i18n.use("de")
    try:
        async with running(shop) as pilot:
            pilot.app.open_customer(1)
            await settle(pilot)
            assert "Werbung nein, seit 22. Nov." in " ".join(
                screen_text(pilot.app).split())
    finally:
        i18n.use("en")


async def test_an_objection_another_till_recorded_meanwhile_stays(shop):
    async with running(shop) as pilot:
        app = pilot.app
        app.open_customer(1)
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        with Store.open(shop) as s:  # the other till: Anna objects
            s.set_wishes(1, no_ads=True)
        app.screen.query_one("#w-channel").value = "phone"  # this till changes the channel
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
    with Store.open(shop) as s:
        anna = s.get_customer(1)
        assert anna.pref_channel == "phone" and anna.no_ads_since is not None
