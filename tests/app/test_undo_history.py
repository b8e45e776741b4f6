"""Undo undoes the last change made in this terminal, and only that (issue 11, point 1).

The first three tests are the wrong undos the issue found: each time `u` reverted an older,
unrelated change and left the newest one standing. The small shop: Ben Schulz has a
follow-up due today ("Remind about the spring service"), Cem an open complaint, Dora an
idea ("Wrote to thank us for the quick repair").
"""

from __future__ import annotations

import pytest

from kbm_tui.store import Store
from support import cursor_to, notes, quick_log_for, running, screen_text, settle, type_text


async def log_for(pilot, name: str, summary: str) -> None:
    """The quick-log (l) for a customer chosen by typing their name."""
    await quick_log_for(pilot, name)
    await type_text(pilot, summary)
    await pilot.press("ctrl+s")
    await settle(pilot)


def followup(store: Store, text: str):
    (found,) = [f for f in store.followups(open_only=False) if f.text == text]
    return found


async def test_undo_after_logging_takes_back_the_conversation_not_the_done_follow_up(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await cursor_to(pilot, "#today-list",
                        lambda r: getattr(r, "text", "") == "Remind about the spring service")
        await pilot.press("d", "enter")
        await settle(pilot)
        await log_for(pilot, "Ben Sch", "Asked about winter tyres")
        await pilot.press("u")
        await settle(pilot)
        assert notes(app)[-1] == ("Undone: conversation with Ben Schulz “Asked about winter "
                                  "tyres” logged.")
    with Store.open(shop) as s:
        assert not [c for c in s.conversations(customer_id=2) if "winter" in c.summary]
        assert followup(s, "Remind about the spring service").done_at is not None


async def test_undo_after_planning_a_follow_up_takes_back_the_follow_up(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await cursor_to(pilot, "#today-list", lambda r: getattr(r, "kind", "") == "complaint")
        await pilot.press("R")
        await settle(pilot)
        await type_text(pilot, "Replaced the display")
        await pilot.press("enter")
        await settle(pilot)
        app.open_customer(4)  # Dora
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "Ask how the child seat fits")
        await pilot.press("tab")
        await type_text(pilot, "next week")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert notes(app)[-1] == ("Undone: follow-up with Dora Krüger “Ask how the child seat "
                                  "fits” planned.")
    with Store.open(shop) as s:
        assert not [f for f in s.followups() if f.text == "Ask how the child seat fits"]
        (complaint,) = s.conversations(customer_id=3, kind="complaint")
        assert complaint.resolution == "Replaced the display"


async def test_undo_after_telling_them_takes_back_the_follow_up_then_the_idea(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("3")  # done, and the offer to tell Dora
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("ctrl+s")  # the follow-up as offered: tomorrow
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert notes(app)[-1].startswith("Undone: follow-up with Dora Krüger “Tell them what")
        with Store.open(shop) as s:
            assert not [f for f in s.followups() if f.text.startswith("Tell them")]
            assert s.ideas()[0].idea_status == "done"
        await pilot.press("u")
        await settle(pilot)
        assert notes(app)[-1] == ("Undone: Dora Krüger's idea “Wrote to thank us for the "
                                  "quick repair” marked done.")
        with Store.open(shop) as s:
            assert s.ideas()[0].idea_status == "new"
        await pilot.press("ctrl+y")  # redo: done again
        await settle(pilot)
        assert notes(app)[-1].startswith("Redone: Dora Krüger's idea")
        await pilot.press("U")  # shift+u redoes too: the follow-up is back, with its id
        await settle(pilot)
        assert notes(app)[-1].startswith("Redone: follow-up with Dora Krüger")
    with Store.open(shop) as s:
        assert s.ideas()[0].idea_status == "done"
        (tell,) = [f for f in s.followups() if f.text.startswith("Tell them")]
        assert str(tell.due_day) == "2026-11-23"


async def test_every_kind_of_change_goes_back_in_order(shop):
    """A customer added, a conversation with a promise logged for them, the promise kept:
    three undos take back all three, newest first, and redo brings them back."""
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Greta Hoffmann")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await type_text(pilot, "Wants brake pads")
        for _ in range(6):  # channel, direction, kind, amount, staff, promise
            await pilot.press("tab")
        await type_text(pilot, "Call when the pads are in")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await cursor_to(pilot, "#timeline", lambda r: getattr(r, "status", "") == "open")
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("u", "u")
        await settle(pilot)
        assert notes(app)[-2:] == [
            "Undone: Greta Hoffmann's promise “Call when the pads are in” marked kept.",
            "Undone: conversation with Greta Hoffmann “Wants brake pads” logged, with a "
            "promise."]
        with Store.open(shop) as s:
            greta = s.match_customer("Greta")
            assert s.conversations(customer_id=greta.id) == []
            assert s.promises(status=None, customer_id=greta.id) == []
        await pilot.press("u")
        await settle(pilot)
        assert "Undone: new customer Greta Hoffmann." in notes(app)
        assert app.screen.__class__.__name__ != "CustomerScreen"  # her card closed
        await pilot.press("ctrl+y", "ctrl+y")
        await settle(pilot)
    with Store.open(shop) as s:
        greta = s.match_customer("Greta")
        (talk,) = s.conversations(customer_id=greta.id)
        assert talk.summary == "Wants brake pads"
        (promise,) = s.promises(status=None, customer_id=greta.id)
        assert promise.status == "open" and promise.conversation_id == talk.id
        assert s.find_customers("Greta")[0].last_contact_at is not None


@pytest.mark.both_engines  # the rows checked on PostgreSQL too (db/journal.py)
async def test_an_undo_never_reverts_what_another_terminal_changed_since(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await cursor_to(pilot, "#today-list", lambda r: getattr(r, "text", "") ==
                        "Order brake pads")
        await pilot.press("k")
        await settle(pilot)
        with Store.open(shop) as other:  # the other terminal: not kept after all
            (p,) = [p for p in other.promises(status="kept", limit=20)
                    if p.text == "Order brake pads"]
            other.reopen_promise(p.id)
            other.close_promise(p.id, "broken", "Supplier never delivered")
            other.log_conversation(2, "Phoned about the pads")
        await pilot.press("u")
        await settle(pilot)
        assert notes(app)[-1].startswith("Not undone: Ben Schulz's promise “Order brake "
                                         "pads” marked kept. It was changed since")
        await pilot.press("u")  # the other terminal's conversation is not on this history
        await settle(pilot)
        assert notes(app)[-1].startswith("Nothing to undo here.")
    with Store.open(shop) as s:
        (p,) = [p for p in s.promises(status=None, limit=20) if p.text == "Order brake pads"]
        assert p.status == "broken" and p.close_note == "Supplier never delivered"
        assert [c for c in s.conversations(customer_id=2) if c.summary.startswith("Phoned")]


async def test_undo_shows_on_the_screen_at_once(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("k")
        await settle(pilot)
        assert "Order brake pads" not in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Order brake pads" in screen_text(app)


async def test_what_was_undone_ends_with_one_full_stop_in_german(shop):
    """German dates end with a full stop ("Mo., 30. Nov."): the message said
    "… zurückgestellt bis Mo., 7. Dez.." in the tmux walk."""
    from kbm_tui.core import i18n

    i18n.use("de")
    try:
        async with running(shop) as pilot:
            app = pilot.app
            await cursor_to(pilot, "#today-list",
                            lambda r: getattr(r, "text", "") == "Remind about the spring service")
            await pilot.press("s", "7")  # a week on is a Sunday: the shop is closed
            await settle(pilot)
            await pilot.press("j")  # the next opening day, Monday
            await settle(pilot)
            await pilot.press("u")
            await settle(pilot)
            said = notes(app)[-1]
    finally:
        i18n.use("en")
    assert said.startswith("Rückgängig gemacht: Wiedervorlage bei Ben Schulz")
    assert said.endswith("bis Mo., 30. Nov."), said
