"""The app driven by keys, as a person would: what the store holds and what the screen shows.

The clock is fixed by conftest.py (Sun 22 Nov 2026, 11:30 Berlin), so "after lunch" is 14:00
today and still ahead.
"""

from __future__ import annotations

from kbm_tui.store import Store
from support import running, screen_text, settle, type_text, typed


async def test_fresh_database_says_what_to_do(db_path):
    """A fresh database opens on a welcome that says what to do first (log, add or import
    customers, help), not on the header of an empty table; it fits 80 columns."""
    async with running(db_path, size=(80, 24)) as pilot:
        app = pilot.app
        await settle(pilot)
        text = screen_text(app)
        assert "Welcome to kbm" in text and "no customers yet" in text
        for key, what in (("l", "log a conversation"), ("n", "add your first customer"),
                          ("ctrl+p", "import customers"), ("?", "every key")):
            assert any(line.split()[:1] == [key] and what in line
                       for line in (row.strip(" │") for row in text.splitlines())), (key, text)
        assert "kbm --demo" in text
        assert "When" not in text and "Customer " not in text  # no empty table's header
        assert "? Help" in text.splitlines()[-1]


async def test_done_when_flow(db_path):
    """Add a customer, log a talk with a promise due after lunch, see it on Today, mark it
    kept, then find the customer again by part of the phone number."""
    async with running(db_path) as pilot:
        app = pilot.app
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Greta Hoffmann")
        await pilot.press("tab")
        await type_text(pilot, "0176 4455 6677")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Greta Hoffmann" in screen_text(app)  # the new customer's card is open
        await pilot.press("l")  # log with this customer already chosen
        await settle(pilot)
        assert app.screen.query_one("#customer-input").value == "Greta Hoffmann"
        await type_text(pilot, "Wants new brake pads")
        for _ in range(6):  # channel, direction, kind, amount, staff, promise
            await pilot.press("tab")
        await type_text(pilot, "Call when the pads are in")
        await pilot.press("tab")
        await type_text(pilot, "after lunch")
        await settle(pilot)
        assert "Sun 22 Nov 2026, 14:00" in screen_text(app)  # the live preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        text = screen_text(app)
        assert "Call when the pads are in" in text
        assert "today 14:00" in text
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_text(pilot, "4455")
        await typed(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert "Greta Hoffmann" in text and "1 of 1" in text
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "promise in store" not in screen_text(app)
        assert "kept" in screen_text(app)
    with Store.open(db_path) as s:
        greta = s.match_customer("Greta")
        assert greta.phone == "0176 4455 6677"
        (talk,) = s.conversations(customer_id=greta.id)
        assert talk.summary == "Wants new brake pads"
        (promise,) = s.promises(status=None, customer_id=greta.id)
        assert promise.status == "kept"
        assert promise.conversation_id == talk.id
        assert promise.due_at.astimezone(app_tz()).strftime("%H:%M") == "14:00"


def app_tz():
    from kbm_tui.core import clock

    return clock.local_tz()


async def test_quick_log_refuses_mistakes_and_saves_nothing(shop):
    with Store.open(shop) as s:
        before = len(s.conversations(limit=1000))
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("ctrl+s")  # nothing typed at all
        await settle(pilot)
        text = screen_text(app)
        assert "to choose a customer" in text
        assert "The summary is empty" in text
        await type_text(pilot, "anna")
        await typed(pilot)
        await settle(pilot)
        await pilot.press("enter")  # the first match
        await settle(pilot)
        assert app.screen.query_one("#customer-input").value == "Anna Bauer"
        for _ in range(7):
            await pilot.press("tab")
        await type_text(pilot, "sometime maybe")
        await settle(pilot)
        assert "Can't read" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "QuickLog"  # still open
        await pilot.press("escape")  # asks before throwing the typing away
        await settle(pilot)
        assert "Throw away what you typed?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "TodayScreen"
    with Store.open(shop) as s:
        assert len(s.conversations(limit=1000)) == before


async def test_quick_log_channel_defaults_to_the_last_one_and_a_new_customer(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await settle(pilot)
        await pilot.press("l")
        await type_text(pilot, "anna")
        await typed(pilot)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#channel").value == "phone"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("l")
        await type_text(pilot, "Hanna Neu")
        await typed(pilot)
        await settle(pilot)
        assert "New customer “Hanna Neu”" in screen_text(app)
        await pilot.press("down", "enter")  # no match, so the only choice is "new"
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerForm"
        assert app.screen.query_one("#f-name").value == "Hanna Neu"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "QuickLog"
        assert app.screen.query_one("#customer-input").value == "Hanna Neu"
        await type_text(pilot, "First visit, looked at city bikes")
        assert app.screen.query_one("#staff").value == 1  # the owner, unless chosen
        app.screen.query_one("#staff").value = 2  # Mia
        for _ in range(9):
            await pilot.press("tab")
        await type_text(pilot, "next week")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with Store.open(shop) as s:
        hanna = s.match_customer("Hanna Neu")
        (talk,) = s.conversations(customer_id=hanna.id)
        assert talk.channel == "store" and talk.staff_id == 2
        (followup,) = s.followups(customer_id=hanna.id)
        assert followup.text == "First visit, looked at city bikes"
        assert str(followup.due_day) == "2026-11-29" and followup.staff_id == 2


async def test_broken_needs_a_reason(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await settle(pilot)
        assert "Order brake pads" in screen_text(app)  # overdue, first row
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("enter")  # no reason yet
        await settle(pilot)
        assert "reason" in screen_text(app).lower()
        assert app.screen.__class__.__name__ == "ReasonDialog"
        await type_text(pilot, "Supplier out of stock")
        await pilot.press("enter")
        await settle(pilot)
        assert "Order brake pads" not in screen_text(app)
    with Store.open(shop) as s:
        (p,) = [p for p in s.promises(status="broken", limit=10) if p.text == "Order brake pads"]
        assert p.close_note == "Supplier out of stock"


async def test_undo_brings_a_kept_promise_back(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert "Order brake pads" not in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Order brake pads" in screen_text(app)
    with Store.open(shop) as s:
        assert any(p.text == "Order brake pads" for p in s.promises(status="open"))


async def test_followups_done_and_snoozed(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(app)
        assert "Ask whether the new chain" in text  # overdue tab first
        await pilot.press("d", "enter")  # done; what came of it left empty
        await settle(pilot)
        assert "No follow-up is overdue." in screen_text(app)
        await pilot.press("right")
        await settle(pilot)
        assert "Remind about the spring service" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("7")  # next week: a Sunday, the shop is closed ...
        await settle(pilot)
        await pilot.press("y")  # ... so the Monday after
        await settle(pilot)
        assert "Nobody to get back to today." in screen_text(app)
        await pilot.press("right")
        await settle(pilot)
        assert "Remind about the spring service" in screen_text(app)
    with Store.open(shop) as s:
        open_ones = {f.text: f for f in s.followups()}
        assert "Ask whether the new chain runs smoothly" not in open_ones
        assert str(open_ones["Remind about the spring service"].snoozed_until) == "2026-11-30"


async def test_snooze_to_a_typed_day_checks_it(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await settle(pilot)
        await pilot.press("f", "right")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("tab", "tab")  # past the two buttons, into "Or a day"
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await settle(pilot)
        assert "already passed" in screen_text(app)
        await pilot.press(*["backspace"] * 9)
        await type_text(pilot, "1.12.")
        await settle(pilot)
        assert "Tue 1 Dec 2026" in screen_text(app)  # said, so not "01"
        await pilot.press("enter")
        await settle(pilot)
    with Store.open(shop) as s:
        (f,) = [f for f in s.followups() if f.text == "Remind about the spring service"]
        assert str(f.snoozed_until) == "2026-12-01"
