"""Issue 4 in the app, rules 3 and 4: promises are kept, complaints get closed.

Fixed clock: Sun 22 Nov 2026, 11:30 Berlin. In the small shop Ben's "Order brake pads"
was due yesterday, Anna's "Call back with the chain price" is due after lunch, and Cem's
complaint came in ten days ago (Thu 12 Nov, 16:00).
"""

from __future__ import annotations

from datetime import timedelta

from kbm_tui.core import clock
from kbm_tui.core.when import parse_when
from kbm_tui.store import Store
from support import at, cursor_to, notes, rows, running, screen_text, settle, type_text


def as_if(moment):
    """Run store calls as if it were `moment` (the fixed clock is put back afterwards)."""
    class _Then:
        def __enter__(self):
            self.now = clock.now()
            clock.set_now(moment)

        def __exit__(self, *exc):
            clock.set_now(self.now)

    return _Then()


async def test_renegotiate_a_promise_with_a_reason_and_see_its_history(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("p")
        await settle(pilot)
        assert "Order brake pads" in screen_text(app)  # overdue, first
        await pilot.press("g")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "RenegotiateDialog"
        assert "Due now: yesterday" in screen_text(app)
        await type_text(pilot, "sometime")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Can't read" in screen_text(app)
        app.screen.query_one("#due").value = "Friday 14:00"
        await settle(pilot)
        assert "Fri 27 Nov 2026, 14:00" in screen_text(app)  # the live preview
        await pilot.press("ctrl+s")  # no reason yet
        await settle(pilot)
        assert "reason for the new time is empty" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "Supplier delivers Thursday, agreed with Ben")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "PromisesScreen"
        await cursor_to(pilot, "#promise-list", lambda p: p.text == "Order brake pads")
        detail = str(app.screen.query_one("#detail").render())
        assert "was yesterday" in detail and "Supplier delivers Thursday" in detail
        await pilot.press("g")  # the dialog shows the earlier due times too
        await settle(pilot)
        assert "Earlier: was yesterday" in screen_text(app)
        await pilot.press("escape")
    with Store.open(shop) as s:
        (p,) = [p for p in s.promises(status="open") if p.text == "Order brake pads"]
        assert p.due_at.astimezone(clock.local_tz()).strftime("%a %H:%M") == "Fri 14:00"
        (change,) = s.promise_history(p.id)
        assert str(change.old_due_day) == "2026-11-21"
        assert change.reason == "Supplier delivers Thursday, agreed with Ben"


async def test_today_shows_how_promises_were_kept_this_month_beside_last_month(shop):
    with Store.open(shop) as s:  # October: one kept on time, one kept late
        with as_if(at(-50, 10)):
            on_time = s.make_promise(2, "Adjust the gears", parse_when("tomorrow"))
            late = s.make_promise(2, "Send the invoice", parse_when("tomorrow"))
        with as_if(at(-49, 9)):
            s.close_promise(on_time.id, "kept")
        with as_if(at(-45, 9)):
            s.close_promise(late.id, "kept")
    async with running(shop) as pilot:
        app = pilot.app
        text = " ".join(screen_text(app).split())
        assert ("Promises kept — November: 1 on time (50%) · 0 late · 1 broken | "
                "October: 1 on time (50%) · 1 late · 0 broken") in text
        await pilot.press("k")  # Ben's brake pads, a day late
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "November: 1 on time (33%) · 1 late · 1 broken" in text
        await pilot.press("p")  # the Promises screen: the month for the shop and by person
        await settle(pilot)
        stats = str(app.screen.query_one("#promise-stats").render())
        assert "November: 1 on time (33%)" in stats
        assert "Mia 0 of 1 on time" in stats and "Owner 1 of 2 on time" in stats


async def test_promises_without_a_due_time_have_their_tab_and_come_back_after_a_week(shop):
    with Store.open(shop) as s:
        with as_if(at(-9, 15)):
            s.make_promise(4, "Order the child seat when the part arrives")
        s.make_promise(1, "Ring when the new chains are in")
    async with running(shop) as pilot:
        app = pilot.app
        text = screen_text(app)
        assert "Waiting for over a week (no due time) (1)" in text
        line = next(ln for ln in text.splitlines() if "Order the child seat" in ln)
        assert "waiting 8 days" in line and "Dora Krüger" in line
        assert "Ring when the new chains" not in text  # made today: not waiting yet
        await pilot.press("p", "right", "right")
        await settle(pilot)
        listed = [p.text for p in rows(app, "#promise-list")]
        assert listed == ["Order the child seat when the part arrives",
                          "Ring when the new chains are in"]
        await pilot.press("k")
        await settle(pilot)
        assert [p.text for p in rows(app, "#promise-list")] == [
            "Ring when the new chains are in"]
        await pilot.press("t")
        await settle(pilot)
        assert "Waiting for over a week" not in screen_text(app)


async def test_complaints_stay_open_on_today_with_their_age_until_resolved(shop):
    with Store.open(shop) as s:  # an earlier complaint, resolved in two days
        with as_if(at(-20, 11, 30)):
            old = s.log_conversation(2, "Squeaky brakes after the service", kind="complaint")
        with as_if(at(-18, 11, 30)):
            s.resolve_complaint(old.id, "Cleaned the discs")
    async with running(shop) as pilot:
        app = pilot.app
        text = screen_text(app)
        assert "Open complaints (1) · complaints are resolved in 2.0 days (median)" in text
        line = next(ln for ln in text.splitlines() if "Complained that" in ln)
        assert "open 9 days" in line and "Cem Yilmaz" in line
        await cursor_to(pilot, "#today-list", lambda r: getattr(r, "kind", "") == "complaint")
        await pilot.press("R")
        await settle(pilot)
        assert "Resolve this complaint" in screen_text(app)
        await pilot.press("enter")  # no note yet
        await settle(pilot)
        assert "note of what was done is empty" in screen_text(app)
        await type_text(pilot, "Replaced the display")
        await pilot.press("enter")
        await settle(pilot)
        assert "Open complaints" not in screen_text(app)
        assert any("resolved after 9 days: Replaced the display" in n for n in notes(app))
    with Store.open(shop) as s:
        assert s.open_complaints() == []
        complaint = s.conversations(customer_id=3, kind="complaint")[0]
        assert complaint.resolution == "Replaced the display"
        assert round(s.median_days_to_resolve(), 1) == 5.9


async def test_a_complaint_can_be_resolved_where_it_is_listed(pilot):
    app = pilot.app
    await pilot.press("v", "escape")  # from the filter to the list
    await settle(pilot)
    await cursor_to(pilot, "#conversation-list", lambda c: c.kind == "complaint")
    assert "open 9 days" in screen_text(app)
    await pilot.press("R")
    await settle(pilot)
    await type_text(pilot, "New display sent")
    await pilot.press("enter")
    await settle(pilot)
    assert "resolved" in screen_text(app)
    app.open_customer(3)  # on the timeline it shows resolved, with what was done
    await settle(pilot)
    (complaint,) = [c for c in rows(app, "#timeline") if getattr(c, "kind", "") ==
                    "complaint"]
    assert complaint.resolution == "New display sent"
    await cursor_to(pilot, "#timeline", lambda r: getattr(r, "kind", "") == "complaint")
    assert "resolve" not in [b.binding.action for b in app.screen.active_bindings.values()]


async def test_follow_ups_reschedule_and_undo_done_and_snooze(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("d", "enter", "u")  # done (nothing came of it), then undone
        await settle(pilot)
        assert "Ask whether the new chain" in screen_text(app)
        await pilot.press("g")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "RescheduleDialog"
        await type_text(pilot, "today 16:00")  # today is allowed, unlike a snooze
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        assert "Ask whether the new chain" in screen_text(app)
        await pilot.press("u")  # back to three days ago
        await settle(pilot)
        await pilot.press("left")
        await settle(pilot)
        assert "Ask whether the new chain" in screen_text(app)
        await pilot.press("s", "7", "y")  # snoozed a week (to the Monday: closed on Sundays) ...
        await settle(pilot)
        assert "No follow-up is overdue." in screen_text(app)
        await pilot.press("u")  # ... and not
        await settle(pilot)
        assert "Ask whether the new chain" in screen_text(app)
    with Store.open(shop) as s:
        (f,) = [f for f in s.followups() if f.text.startswith("Ask whether the new chain")]
        assert f.snoozed_until is None and f.done_at is None
        assert f.due_day == clock.today() - timedelta(days=3) and f.due_at is None


async def test_a_resolution_and_a_new_time_can_be_undone(shop):
    """u takes back the last of these as it does a kept promise or a done follow-up."""
    async with running(shop) as pilot:
        app = pilot.app
        await cursor_to(pilot, "#today-list", lambda r: getattr(r, "kind", "") == "complaint")
        await pilot.press("R")
        await settle(pilot)
        await type_text(pilot, "Replaced the display")
        await pilot.press("enter")
        await settle(pilot)
        assert "Open complaints" not in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Open complaints (1)" in screen_text(app)
        assert notes(app)[-1] == ("Undone: Cem Yilmaz's complaint “Complained that the e-bike "
                                  "display flic…” resolved.")
        await pilot.press("p")
        await settle(pilot)
        await cursor_to(pilot, "#promise-list", lambda p: p.text == "Order brake pads")
        await pilot.press("g")
        await settle(pilot)
        app.screen.query_one("#due").value = "Friday 14:00"
        await pilot.press("tab")
        await type_text(pilot, "Supplier is late")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert notes(app)[-1].startswith("Undone: Ben Schulz's promise “Order brake pads” "
                                         "moved to Fri")
    with Store.open(shop) as s:
        assert [c.summary for c in s.open_complaints()] != []
        assert s.conversations(customer_id=3, kind="complaint")[0].resolution is None
        (p,) = [p for p in s.promises(status="open") if p.text == "Order brake pads"]
        assert str(p.due_day) == "2026-11-21" and s.promise_history(p.id) == []


async def test_a_complaint_resolved_the_day_it_came_says_so(shop):
    with Store.open(shop) as s:
        s.resolve_complaint(s.open_complaints()[0].id, "Replaced the display")
        s.log_conversation(2, "The bell rattles", kind="complaint", at=at(0, 9))
    async with running(shop) as pilot:
        app = pilot.app
        await cursor_to(pilot, "#today-list", lambda r: getattr(r, "kind", "") == "complaint")
        await pilot.press("R")
        await settle(pilot)
        await type_text(pilot, "Tightened it")
        await pilot.press("enter")
        await settle(pilot)
        (said,) = [n for n in notes(app) if "Tightened it" in n]
        assert "Complaint from Ben Schulz resolved the same day: Tightened it" in said
        assert "since today" not in said
