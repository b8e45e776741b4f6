"""Relationship care: the customer decides, promises are kept, complaints get closed, ideas
are heard, and the whole relationship at a glance."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from conftest import BERLIN, FIXED_NOW

from kbm_tui.core import clock
from kbm_tui.core.errors import InputError
from kbm_tui.core.when import Due

pytestmark = pytest.mark.both_engines


def at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=BERLIN)


@pytest.fixture
def eva(store):
    maria = store.add_staff("Maria")
    store.rename_staff(1, "Frank")
    customer = store.add_customer("Eva Klein")
    return customer, maria


# --- 1. the customer decides -----------------------------------------------------------

def test_each_broken_wish_is_named(store, eva):
    customer, maria = eva
    store.set_wishes(customer.id, channel="phone", staff_id=maria.id, every_days=28)
    store.log_conversation(customer.id, "visit", at=at(20))
    broken = store.wish_conflicts(customer.id, channel="email", staff_id=1)
    assert broken == [
        "Eva Klein prefers phone, not email.",
        "Eva Klein prefers to deal with Maria, not Frank.",
        "Eva Klein wants to hear from the shop every 4 weeks; the last contact was 2 days "
        "before (next from Fri 18 Dec).",
    ]
    assert store.wish_conflicts(customer.id, channel="phone", staff_id=maria.id,
                                when=at(19, month=12)) == []


def test_do_not_contact_and_only_when_asked_forbid_any_outgoing_contact(store, eva):
    customer, _ = eva
    store.set_wishes(customer.id, do_not_contact=True, dnc_reason="moved away")
    assert store.wish_conflicts(customer.id) == [
        "Eva Klein asked not to be contacted (reason: moved away)."]
    store.set_wishes(customer.id, do_not_contact=False, only_when_asked=True)
    assert store.wish_conflicts(customer.id) == [
        "Eva Klein wants to hear from the shop only when they ask."]
    cleared = store.set_wishes(customer.id, clear=True)
    assert store.wish_conflicts(customer.id) == [] and not cleared.only_when_asked


def test_cli_refuses_then_notes_a_contact_against_the_wishes(kbm):
    kbm.ok("add", "Eva Klein")
    kbm.ok("staff", "add", "Maria")
    assert "every 4 weeks, by phone, with Maria" in kbm.ok(
        "prefer", "eva", "--via", "phone", "--person", "Maria", "--every", "4w")
    err = kbm.fails("log", "eva", "newsletter", "--out", "--via", "email", "--by", "Maria")
    assert "prefers phone, not email" in err and "--anyway" in err
    assert json.loads(kbm.ok("today", "--json"))["conversations_today"] == []
    out = kbm.ok("log", "eva", "newsletter", "--out", "--via", "email", "--by", "Maria",
                 "--anyway")
    assert "against the customer's wishes" in out
    talk = json.loads(kbm.ok("today", "--json"))["conversations_today"][0]
    assert talk["against_wishes"] == "Eva Klein prefers phone, not email."
    # The customer coming to us never goes against their wishes.
    kbm.ok("log", "eva", "came in", "--via", "store")


def test_a_follow_up_sooner_than_the_interval_is_a_warning(kbm):
    kbm.ok("log", "Eva Klein", "bought a bike", "--new")
    kbm.ok("prefer", "eva", "--every", "90")
    err = kbm.fails("remind", "eva", "ask how it rides", "--on", "in 2 weeks")
    assert "every 90 days" in err
    assert "Follow-up #1" in kbm.ok("remind", "eva", "ask how it rides", "--on", "in 2 weeks",
                                    "--anyway")
    assert "Follow-up #2" in kbm.ok("remind", "eva", "spring check", "--on", "01.03.")
    kbm.ok("prefer", "eva", "--do-not-contact", "no more mail")
    assert "asked not to be contacted (reason: no more mail)" in kbm.fails(
        "remind", "eva", "x", "--on", "01.03.")


# --- 2. staying in touch -----------------------------------------------------------------

def test_next_contact_is_last_contact_of_any_kind_plus_interval(store, eva):
    customer, maria = eva
    store.set_wishes(customer.id, every_days=28, channel="phone", staff_id=maria.id)
    store.log_conversation(customer.id, "bought lights", at=at(20, month=10))  # 33 days ago
    due = store.agenda().keep_in_touch
    assert [(k.customer_name, k.pref_channel, k.pref_staff_name) for k in due] == [
        ("Eva Klein", "phone", "Maria")]
    assert due[0].due_at == datetime(2026, 11, 17, 8, tzinfo=UTC)  # 20 Oct 10:00 CEST + 28 d
    store.log_conversation(customer.id, "she called us", direction="in", at=at(21))
    assert store.agenda().keep_in_touch == []  # any contact, either direction, moves it
    clock.set_now(at(19, month=12))
    assert [k.customer_id for k in store.agenda().keep_in_touch] == [customer.id]


def test_today_shows_who_is_waiting_to_hear_from_us(kbm):
    kbm.ok("log", "Eva Klein", "bought lights", "--new", "--at", "01.10.")
    kbm.ok("prefer", "eva", "--every", "4w", "--via", "phone")
    out = kbm.ok("today")
    assert "Time to get in touch" in out and "Eva Klein" in out and "every 4 weeks, by phone" in out


# --- 3. promises are kept ----------------------------------------------------------------

def test_renegotiated_promise_keeps_its_earlier_due_times(store, eva):
    customer, _ = eva
    p = store.make_promise(customer.id, "frame repaired", Due(date(2026, 11, 24)))
    store.renegotiate_promise(p.id, Due(date(2026, 11, 27), time(14)), "part arrives later")
    moved = store.renegotiate_promise(p.id, Due(date(2026, 12, 1)), "customer on holiday")
    history = store.promise_history(p.id)
    assert [(h.old_due_day, h.new_due_day, h.reason) for h in history] == [
        (date(2026, 11, 24), date(2026, 11, 27), "part arrives later"),
        (date(2026, 11, 27), date(2026, 12, 1), "customer on holiday")]
    assert history[0].new_due_at == datetime(2026, 11, 27, 13, tzinfo=history[0].new_due_at.tzinfo)
    assert moved.due_day == date(2026, 12, 1) and moved.due_at is None
    with pytest.raises(InputError, match="reason"):
        store.renegotiate_promise(p.id, Due(date(2026, 12, 2)), " ")
    back = store.undo_renegotiation(p.id)  # the last new time taken back, its entry gone
    assert back.due_day == date(2026, 11, 27) and back.due_at == history[0].new_due_at
    assert [h.reason for h in store.promise_history(p.id)] == ["part arrives later"]
    store.close_promise(p.id, "kept")
    with pytest.raises(InputError, match="has changed since"):  # kept: nothing to take back
        store.undo_renegotiation(p.id)


def test_shares_kept_on_time_late_and_broken_per_period_and_staff(store, eva):
    customer, maria = eva

    def settle(due_day, closed_day, status, staff):
        clock.set_now(at(1))
        p = store.make_promise(customer.id, "x", Due(date(2026, 11, due_day)), staff_id=staff)
        clock.set_now(at(closed_day, 17))
        store.close_promise(p.id, status, "no" if status == "broken" else None)

    settle(5, 5, "kept", 1)      # on the due day: on time
    settle(5, 6, "kept", 1)      # a day late
    settle(10, 9, "kept", maria.id)
    settle(10, 12, "broken", maria.id)
    clock.set_now(FIXED_NOW)
    stats = store.promise_stats(date(2026, 11, 1), date(2026, 12, 1))
    assert (stats.on_time, stats.late, stats.broken, stats.total) == (2, 1, 1, 4)
    assert stats.share(stats.on_time) == 0.5
    per_staff = store.promise_stats(date(2026, 11, 1), date(2026, 12, 1), by_staff=True)
    assert {k: (v.on_time, v.late, v.broken) for k, v in per_staff.items()} == {
        "Frank": (1, 1, 0), "Maria": (1, 0, 1)}
    this, last = store.month_stats()
    assert (this.label, this.total, last.label, last.total) == ("November", 4, "October", 0)


def test_promise_stats_on_the_command_line(kbm):
    kbm.ok("add", "Eva")
    kbm.ok("promise", "eva", "call", "--due", "after lunch")
    kbm.ok("kept", "1")
    out = kbm.ok("promises", "--stats", "--by-staff")
    assert "Promises November: 1 kept on time (100%), 0 kept late (0%), 0 broken (0%)" in out
    assert "Owner: 1 kept on time" in out
    assert "Promises November: 1 kept on time" in kbm.ok("today")


def test_open_ended_promises_come_back_after_a_week(store, eva):
    customer, _ = eva
    p = store.make_promise(customer.id, "tell her when the part arrives")
    assert store.agenda().waiting_promises == []
    assert [x.id for x in store.open_ended_promises()] == [p.id]
    clock.set_now(FIXED_NOW + timedelta(days=7))
    assert [x.id for x in store.agenda().waiting_promises] == [p.id]


# --- 4. complaints get closed ------------------------------------------------------------

def test_complaints_stay_open_until_resolved_with_a_note(store, eva):
    customer, _ = eva
    a = store.log_conversation(customer.id, "brakes squeak", kind="complaint", at=at(12))
    b = store.log_conversation(customer.id, "wrong invoice", kind="complaint", at=at(20))
    c = store.log_conversation(customer.id, "late delivery", kind="complaint", at=at(21))
    assert [x.id for x in store.agenda().open_complaints] == [a.id, b.id, c.id]
    with pytest.raises(InputError, match="note of what was done"):
        store.resolve_complaint(a.id, "")
    store.resolve_complaint(a.id, "new pads, free")  # 10 days + 1.5 h
    clock.set_now(at(22, 10))
    store.resolve_complaint(b.id, "corrected")       # 2 days
    assert [x.id for x in store.open_complaints()] == [c.id]
    assert store.median_days_to_resolve() == pytest.approx((10 + 1.5 / 24 + 2) / 2)
    with pytest.raises(InputError, match="not a complaint"):
        store.resolve_complaint(store.log_conversation(customer.id, "hello").id, "x")
    again = store.reopen_complaint(b.id)  # undo of a resolution
    assert again.resolved_at is None and again.resolution is None
    assert [x.id for x in store.open_complaints()] == [b.id, c.id]
    with pytest.raises(InputError, match="not a resolved complaint"):
        store.reopen_complaint(c.id)


def test_complaints_on_the_command_line(kbm):
    kbm.ok("log", "Eva", "brakes squeak", "--new", "--kind", "complaint", "--at", "20.11.")
    out = kbm.ok("today")
    assert "Open complaints" in out and "2 days" in out and "brakes squeak" in out
    assert "resolved after 2 days: new pads" in kbm.ok("resolve", "1", "new pads")
    assert "None open" in kbm.ok("complaints") and "2.0 days (median)" in kbm.ok("complaints")


# --- 5. ideas are heard ------------------------------------------------------------------

def test_ideas_from_all_customers_with_a_status(kbm):
    kbm.ok("log", "Eva", "sell coffee on Saturdays", "--new", "--kind", "idea")
    kbm.ok("log", "Jonas", "longer hours on Thursday", "--new", "--kind", "feedback")
    kbm.ok("log", "Jonas", "not an idea", "--kind", "purchase")
    ideas = json.loads(kbm.ok("ideas", "--json"))
    assert [(i["customer_name"], i["idea_status"]) for i in ideas] == [
        ("Jonas", "new"), ("Eva", "new")]
    kbm.ok("idea", "2", "considered")
    out = kbm.ok("idea", "1", "done", "--tell", "tomorrow")
    assert "Follow-up #1 tomorrow: tell Eva" in out
    assert "kbm idea 2 done --tell tomorrow" in kbm.ok("idea", "2", "done")
    assert [i["idea_status"] for i in json.loads(kbm.ok("ideas", "--status", "done", "--json"))] \
        == ["done", "done"]
    assert "not feedback or an idea" in kbm.fails("idea", "3", "done")


# --- 6. the whole relationship at a glance ---------------------------------------------

def test_glance_shows_the_relationship_without_a_score(store, eva):
    customer, _ = eva
    store.log_conversation(customer.id, "first visit", at=datetime(2025, 3, 2, 10, tzinfo=BERLIN))
    store.log_conversation(customer.id, "bought a bike", kind="purchase", amount_cents=129900,
                           at=at(3, month=1))
    store.log_conversation(customer.id, "bought a lock", kind="purchase", amount_cents=4990,
                           at=at(3))
    store.log_conversation(customer.id, "we called about the service", direction="out", at=at(10))
    store.log_conversation(customer.id, "she asked about winter tyres", at=at(12))
    store.make_promise(customer.id, "order tyres")
    glance = store.glance(customer.id)
    assert glance.customer_since == datetime(2025, 3, 2, 9, tzinfo=glance.customer_since.tzinfo)
    # December 2025 ... November 2026: one talk in January, three in November.
    assert glance.per_month == [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]
    assert glance.purchases_cents == 134890 and glance.open_promises == 1
    assert glance.last_said.summary == "she asked about winter tyres"


def test_show_on_the_command_line(kbm):
    kbm.ok("log", "Eva", "bought a bike", "--new", "--kind", "purchase", "--amount", "1299")
    kbm.ok("prefer", "eva", "--only-when-asked")
    out = kbm.ok("show", "eva")
    assert "only when they ask" in out and "bought €1,299.00" in out and "▁" in out
    assert "score" not in out.lower() and "rank" not in out.lower()


def test_bought_counts_purchases_and_invoices_and_a_sale_logged_as_both_once(store, eva):
    customer, _ = eva
    log = store.log_conversation
    log(customer.id, "bought a lock", kind="purchase", amount_cents=4990, at=at(3))
    log(customer.id, "invoice for the lock", kind="invoice", amount_cents=4990, at=at(10))
    # the case: a workshop invoice with no purchase logged was left out
    log(customer.id, "invoice for the repair", kind="invoice", amount_cents=218400, at=at(12))
    log(customer.id, "paid the repair", kind="payment", amount_cents=218400, at=at(14))
    log(customer.id, "offer for a bike", kind="offer", amount_cents=99900, at=at(14))
    assert store.glance(customer.id).purchases_cents == 4990 + 218400
