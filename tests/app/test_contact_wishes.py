"""Issue 4 in the app, rules 1 and 2: the customer decides, and staying in touch.

Fixed clock: Sun 22 Nov 2026, 11:30 Berlin. Anna (#1) last talked to us today 09:15,
Ben (#2) three days ago, Dora (#4) today 10:05; Mia is staff member #2, the owner #1.
"""

from __future__ import annotations

from kbm_tui.store import Store
from support import notes, rows, running, screen_text, settle, type_text, typed


async def open_customer(pilot, customer_id: int) -> None:
    pilot.app.open_customer(customer_id)
    await settle(pilot)


async def test_wishes_are_set_from_the_customer_screen_checked_and_undone(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await open_customer(pilot, 1)
        await pilot.press("W")
        await settle(pilot)
        dialog = app.screen
        assert dialog.__class__.__name__ == "WishesDialog"
        assert "How Anna Bauer wants to be contacted" in screen_text(app)
        dialog.query_one("#w-channel").value = "phone"
        dialog.query_one("#w-staff").value = 2
        dialog.query_one("#w-every").focus()
        await type_text(pilot, "sometimes")
        await settle(pilot)
        assert "is not a number of days" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog  # refused
        dialog.query_one("#w-every").value = "every 4 weeks"
        dialog.query_one("#w-asked").value = True
        await settle(pilot)
        assert "Either a rhythm or “only when they ask”" in screen_text(app)
        dialog.query_one("#w-asked").value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert app.screen.__class__.__name__ == "CustomerScreen"
        assert "every 4 weeks" in text and "Mia" in text and "phone" in text  # as typed
        with Store.open(shop) as s:
            anna = s.get_customer(1)
            assert (anna.pref_channel, anna.pref_staff_id, anna.contact_every_days) == \
                ("phone", 2, 28)
        await pilot.press("W")
        await settle(pilot)
        app.screen.query_one("#w-dnc").value = True
        await settle(pilot)
        app.screen.query_one("#w-reason").value = "moved to Hamburg"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Do not contact — moved to Hamburg" in screen_text(app)
        await pilot.press("u")  # undo: the wishes as they were before
        await settle(pilot)
        assert "moved to Hamburg" not in screen_text(app)
    with Store.open(shop) as s:
        anna = s.get_customer(1)
        assert not anna.do_not_contact and anna.contact_every_days == 28


async def test_planning_a_follow_up_against_the_wishes_names_them_asks_and_notes_it(shop):
    with Store.open(shop) as s:
        s.set_wishes(1, staff_id=2, every_days=28)  # Anna: Mia, every four weeks
    async with running(shop) as pilot:
        app = pilot.app
        await open_customer(pilot, 1)
        await pilot.press("w")
        await settle(pilot)
        dialog = app.screen
        assert "Their wishes — channel: any · person: Mia · how often: every 4" \
            in screen_text(app)
        assert dialog.query_one("#staff").value == 2  # their person, unless changed
        await type_text(pilot, "Ask how the chain runs")
        await pilot.press("tab")
        await type_text(pilot, "in 3 days")
        await settle(pilot)
        text = screen_text(app)
        assert "wants to hear from the shop every 4 weeks" in text
        assert "prefers to deal with" not in text
        dialog.query_one("#staff").value = 1  # the owner instead of Mia
        await settle(pilot)
        assert "prefers to deal with Mia, not Owner" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        assert "against Anna Bauer's wishes" in screen_text(app)
        await pilot.press("escape")  # no: back to the dialog, nothing planned
        await settle(pilot)
        assert app.screen is dialog
        with Store.open(shop) as s:
            assert len(s.followups(customer_id=1, open_only=False)) == 1
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")  # go ahead anyway
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
        assert any("noted: against their wishes" in n for n in notes(app))
        assert "⚠ against their wishes" in screen_text(app)
    with Store.open(shop) as s:
        planned = [f for f in s.followups(customer_id=1) if f.text == "Ask how the chain runs"]
        (f,) = planned
        assert f.staff_id == 1 and str(f.due_day) == "2026-11-25"
        assert "prefers to deal with Mia, not Owner" in f.against_wishes
        assert "every 4 weeks" in f.against_wishes


async def test_a_follow_up_that_fits_the_wishes_is_planned_without_asking(shop):
    with Store.open(shop) as s:
        s.set_wishes(3, staff_id=2, every_days=7)  # Cem: last talk ten days ago
    async with running(shop) as pilot:
        app = pilot.app
        await open_customer(pilot, 3)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "Ask about the new display")
        await pilot.press("tab")
        await type_text(pilot, "tomorrow")
        await settle(pilot)
        assert "⚠" not in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
    with Store.open(shop) as s:
        (f,) = s.followups(customer_id=3)
        assert f.against_wishes is None and f.staff_id == 2


async def test_quick_log_names_the_wrong_channel_and_saves_nothing_when_declined(shop):
    with Store.open(shop) as s:
        s.set_wishes(3, channel="letter")  # Cem wants letters
    async with running(shop) as pilot:
        app = pilot.app
        await open_customer(pilot, 3)
        await pilot.press("l")
        await settle(pilot)
        assert "channel: letter" in screen_text(app)  # the wishes, once the customer is set
        await type_text(pilot, "Emailed the tracking number")
        app.screen.query_one("#channel").value = "email"
        app.screen.query_one("#direction").value = "out"
        await settle(pilot)
        assert "Cem Yilmaz prefers letter, not email." in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "prefers letter, not email" in screen_text(app)
        await pilot.press("n")  # no
        await settle(pilot)
        assert app.screen.__class__.__name__ == "QuickLog"
        app.screen.query_one("#channel").value = "letter"
        await settle(pilot)
        assert "prefers letter" not in screen_text(app)
        await pilot.press("ctrl+s")  # within the wishes: saved straight away
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
    with Store.open(shop) as s:
        (talk,) = [c for c in s.conversations(customer_id=3) if c.direction == "out"]
        assert talk.channel == "letter" and talk.against_wishes is None


async def test_quick_log_follow_up_counts_from_the_contact_just_logged(shop):
    with Store.open(shop) as s:
        s.set_wishes(3, every_days=14)  # Cem's last talk was 10 days ago
    async with running(shop) as pilot:
        app = pilot.app
        await open_customer(pilot, 3)
        await pilot.press("l")
        await settle(pilot)
        await type_text(pilot, "Came by about the display")
        app.screen.query_one("#followup").value = "Ask whether it still flickers"
        app.screen.query_one("#followup-due").value = "in 5 days"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "The follow-up: " in text and "every 2 weeks" in text
        await pilot.press("y")
        await settle(pilot)
    with Store.open(shop) as s:
        talk = s.conversations(customer_id=3, limit=1)[0]
        assert talk.summary == "Came by about the display" and talk.against_wishes is None
        (f,) = s.followups(customer_id=3)
        assert "every 2 weeks" in f.against_wishes


async def test_time_to_get_in_touch_on_today_moves_with_any_contact(shop):
    with Store.open(shop) as s:  # Ben: every 2 days, by phone, with Mia; last talk 3 days ago
        s.set_wishes(2, every_days=2, channel="phone", staff_id=2)
    async with running(shop) as pilot:
        app = pilot.app
        text = screen_text(app)
        assert "Time to get in touch — as often as they asked (1)" in text
        (due,) = [r for r in rows(app, "#today-list") if type(r).__name__ == "KeepInTouch"]
        assert due.customer_name == "Ben Schulz"
        line = next(ln for ln in text.splitlines() if "Ben Schulz" in ln and "every 2" in ln)
        assert "due yesterday" in line and "by phone" in line and "Mia" in line
        await pilot.press("l")  # Ben comes in: a contact in either direction counts
        await type_text(pilot, "ben")
        await typed(pilot)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "Picked up the bike")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Time to get in touch" not in screen_text(app)
    with Store.open(shop) as s:
        assert s.agenda().keep_in_touch == []


async def test_quick_log_warns_before_going_against_the_wishes(shop):
    with Store.open(shop) as s:
        s.set_wishes(4, do_not_contact=True, dnc_reason="moved to Hamburg")
    async with running(shop) as pilot:
        app = pilot.app
        app.open_customer(4)
        await settle(pilot)
        assert "Do not contact" in screen_text(app) and "moved to Hamburg" in screen_text(app)
        await pilot.press("l")
        await settle(pilot)
        await type_text(pilot, "Sent the child seat catalogue")
        app.screen.query_one("#direction").value = "out"
        await settle(pilot)
        assert "asked not to be contacted" in screen_text(app)
        await pilot.press("ctrl+s")  # asks first, naming the wish
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        assert "against Dora Krüger's wishes" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
    with Store.open(shop) as s:
        talk = s.conversations(customer_id=4, limit=1)[0]
        assert talk.summary == "Sent the child seat catalogue"
        assert "asked not to be contacted" in talk.against_wishes


async def test_no_channel_wish_reads_the_same_on_the_card_and_in_the_wishes_dialog(shop):
    """German said "beliebig" on the card and "egal" in the wishes dialog; English "any"
    and "no preference". One word in each language, wherever it shows."""
    from kbm_tui.core import i18n

    for language, word, other in (("de", "Kanal: beliebig", "egal"),
                                  ("en", "Channel: any", "no preference")):
        i18n.use(language)
        try:
            async with running(shop) as pilot:
                app = pilot.app
                await open_customer(pilot, 5)  # Emil: no wishes
                card = screen_text(app)
                await pilot.press("W")
                await settle(pilot)
                dialog = screen_text(app)
        finally:
            i18n.use("en")
        label, value = word.split(": ")
        assert f"{label}: {value}" in card.replace("  ", " ") or value in card, card
        assert value in dialog.split(label, 1)[1].splitlines()[0], dialog
        assert other not in card and other not in dialog
