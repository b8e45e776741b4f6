"""The lists the screens page through: filters, counts, order, and follow-up changes."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from conftest import BERLIN, FIXED_NOW

from kbm_tui.core import clock
from kbm_tui.core.errors import InputError
from kbm_tui.core.when import Due

pytestmark = pytest.mark.both_engines


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=BERLIN)


def test_conversation_filters_and_their_count_agree(store):
    eva, jo = store.add_customer("Eva"), store.add_customer("Jo")
    store.log_conversation(eva.id, "Bremsen quietschen", channel="phone", kind="complaint", at=at(2))
    store.log_conversation(eva.id, "bought a bell", kind="purchase", at=at(5))
    store.log_conversation(jo.id, "asked about brakes", channel="phone", at=at(20))
    cases = [({}, 3), ({"channel": "phone"}, 2), ({"customer_id": eva.id}, 2),
             ({"text": "bremsen"}, 1), ({"text": "brak"}, 1), ({"since": date(2026, 11, 5)}, 2),
             ({"until": date(2026, 11, 4)}, 1), ({"kind": "purchase", "channel": "phone"}, 0)]
    for filters, expected in cases:
        assert store.count_conversations(**filters) == expected, filters
        assert len(store.conversations(limit=10, **filters)) == expected, filters


def test_overdue_promises_page_like_the_agenda(store):
    c = store.add_customer("Eva")
    ids = [store.make_promise(c.id, f"p{d}", Due(date(2026, 11, d))).id for d in (10, 3, 21)]
    store.make_promise(c.id, "future", Due(date(2026, 11, 30)))
    assert [p.id for p in store.promises(status="overdue")] == [ids[1], ids[0], ids[2]]
    assert [p.id for p in store.promises(status="overdue", offset=1, limit=1)] == [ids[0]]
    assert [p.id for p in store.agenda().overdue_promises] == [ids[1], ids[0], ids[2]]


def test_follow_ups_by_when_they_are_due(store):
    c = store.add_customer("Eva")
    late = store.plan_followup(c.id, "late", Due(date(2026, 11, 20)))
    today = store.plan_followup(c.id, "today", Due(date(2026, 11, 22)))
    soon = store.plan_followup(c.id, "soon", Due(date(2026, 11, 25)))
    snoozed = store.plan_followup(c.id, "snoozed", Due(date(2026, 11, 21)))
    store.snooze_followup(snoozed.id, date(2026, 11, 23))
    assert [f.id for f in store.followups(due="overdue")] == [late.id]
    assert [f.id for f in store.followups(due="today")] == [today.id]
    assert [f.id for f in store.followups(due="upcoming")] == [snoozed.id, soon.id]


def test_timeline_is_newest_first_filterable_and_paged(store):
    c = store.add_customer("Eva")
    clock.set_now(at(1))
    talk = store.log_conversation(c.id, "came in", channel="store")
    clock.set_now(at(2))
    promise = store.make_promise(c.id, "call back")
    clock.set_now(at(3))
    follow = store.plan_followup(c.id, "ask", Due(date(2026, 11, 30)))
    clock.set_now(at(4))
    call = store.log_conversation(c.id, "phoned", channel="phone", kind="inquiry")
    clock.set_now(FIXED_NOW)
    entries = store.timeline(c.id)
    assert [(e.kind, e.record.id) for e in entries] == [
        ("conversation", call.id), ("followup", follow.id), ("promise", promise.id),
        ("conversation", talk.id)]
    assert entries[0].record.customer_name == "Eva"
    assert [e.record.id for e in store.timeline(c.id, channel="phone")] == [call.id]
    assert [e.record.id for e in store.timeline(c.id, kind="promise")] == [promise.id]
    assert [e.record.id for e in store.timeline(c.id, kind="inquiry")] == [call.id]
    assert [e.record.id for e in store.timeline(c.id, offset=1, limit=2)] == [follow.id, promise.id]
    assert store.count_timeline(c.id) == 4 and store.count_timeline(c.id, channel="phone") == 1


def test_promise_counts(store):
    c = store.add_customer("Eva")
    for status in ("kept", "kept", "broken", None):
        p = store.make_promise(c.id, "x")
        if status:
            store.close_promise(p.id, status, "r")
    assert store.promise_counts(c.id) == {"open": 1, "kept": 2, "broken": 1, "cancelled": 0}


def test_reschedule_unsnooze_and_reopen_follow_ups(store):
    c = store.add_customer("Eva")
    f = store.plan_followup(c.id, "call", Due(date(2026, 11, 25)), every_days=7)
    moved = store.reschedule_followup(f.id, Due(date(2026, 11, 22), time(15)))
    assert moved.due_day == date(2026, 11, 22) and moved.due_at is not None
    store.snooze_followup(f.id, date(2026, 11, 24))
    assert store.unsnooze_followup(f.id).snoozed_until is None
    following = store.followup_done(f.id)
    assert store.followups(customer_id=c.id)[0].id == following.id
    reopened = store.reopen_followup(f.id)
    assert reopened.done_at is None
    assert [x.id for x in store.followups(open_only=False, customer_id=c.id)] == [f.id]
    store.followup_done(f.id)
    with pytest.raises(InputError, match="already done"):
        store.reschedule_followup(f.id, Due(date(2026, 11, 30)))


def test_search_as_a_shop_owner_types(store):
    anna = store.add_customer("Anna Schmidt", phone="0171 234 5678", email="anna@rad.de",
                              tags=["e-bike"], notes="Fährt täglich zur Arbeit")
    jan = store.add_customer("Jan Andersen", phone="+49 30 555 0101")
    store.add_customer("Hannah Berg", phone="089 12 34")
    store.log_conversation(jan.id, "Wants a Lastenrad for the kids")

    def found(typed):
        names = [c.name for c in store.list_customers(typed)]
        assert store.count_customers(typed) == len(names)
        assert {c.name for c in store.list_customers(typed, sort="newest")} == set(names)
        return names

    assert found("an") == ["Anna Schmidt", "Jan Andersen"]      # start of a word of the name
    assert found("ann") == ["Anna Schmidt", "Hannah Berg"]      # three letters: anywhere
    assert found("01") == ["Anna Schmidt"]                      # start of the number
    assert found("2345") == ["Anna Schmidt"]                    # any run of digits
    assert found("+49 30") == ["Jan Andersen"]                 # spaces don't matter
    assert found("0171 234 56") == ["Anna Schmidt"]
    assert found("faehrt") == found("fahrt") == ["Anna Schmidt"]  # accents, German spellings
    assert found("lastenr") == ["Jan Andersen"]                 # a word said to us
    assert found("anna e-bike") == ["Anna Schmidt"]             # every word must match
    assert found("s an") == ["Anna Schmidt"]
    assert found("zz") == []
    store.update_customer(anna.id, name="Berta Schmidt")        # the indexes follow changes
    assert found("berta") == ["Berta Schmidt"]
    assert found("be") == ["Berta Schmidt", "Hannah Berg"]
    assert found("an") == ["Jan Andersen"]


def test_words_said_follow_the_conversations(store, tmp_path):
    """Search finds a customer by what they said only while that conversation counts."""
    eva = store.add_customer("Eva Roth")
    jo = store.add_customer("Jo Brandt")
    first = store.log_conversation(eva.id, "Fragt nach einem Kindersitz, grün")
    store.log_conversation(jo.id, "Kindersitz montiert")
    found = lambda typed: [c.name for c in store.list_customers(typed)]  # noqa: E731
    assert found("kindersitz") == ["Eva Roth", "Jo Brandt"]
    assert found("grun") == ["Eva Roth"]                       # accents ignored
    store.set_conversation_deleted(first.id)                   # archived: no longer said
    assert found("kindersitz") == ["Jo Brandt"] and found("grun") == []
    assert store.count_customers("grun") == 0
    store.set_conversation_deleted(first.id, False)            # brought back
    assert found("grun") == ["Eva Roth"]
    store.log_conversation(eva.id, "Sitz passt; bestellt Klingel")  # adds words, keeps old
    assert found("klingel") == ["Eva Roth"] and found("grun") == ["Eva Roth"]
    store.forget_customer(eva.id)
    assert found("kindersitz") == ["Jo Brandt"] and found("klingel") == []
    target = tmp_path / "b.zip"
    from kbm_tui.backup import export as backup_export
    from kbm_tui.backup import restore as backup_restore
    from kbm_tui.store import Store

    backup_export.export(store, target)
    with Store.open(tmp_path / "restored.sqlite3") as restored:  # rebuilt after a restore
        backup_restore.restore(restored, target)
        assert [c.name for c in restored.list_customers("montiert")] == ["Jo Brandt"]


@pytest.mark.parametrize("sort", ["name", "newest", "last_contact"])
def test_pages_read_from_where_the_last_one_ended_match_the_whole_list(store, sort):
    """The list continues a page from the previous page's last row (or reads the end of a
    long list from the end); whatever the route, the rows are the ones in that place."""
    import random

    rng = random.Random(3)
    with store.transaction():
        for n in range(230):  # repeated names: the order among them is by id
            store.add_customer(rng.choice(["Anna", "Ben", "Cem", "Dora"]) + f" {n % 7}",
                               notes="regular" if n % 3 else "new")
    for search in ("", "regular"):
        whole = [c.id for c in store.list_customers(search, sort=sort, limit=1000)]
        assert store.count_customers(search) == len(whole)  # now the end is known
        for offset in rng.sample(range(len(whole) + 5), 40):  # jumps, either way
            page = store.list_customers(search, sort=sort, offset=offset, limit=17)
            assert [c.id for c in page] == whole[offset:offset + 17], (search, offset)
        for offset in range(0, len(whole) + 20, 20):  # scrolling down page by page
            page = store.list_customers(search, sort=sort, offset=offset, limit=20)
            assert [c.id for c in page] == whole[offset:offset + 20], (search, offset)
        store.add_customer("Aaron 0", notes="regular")  # a change: old places don't hold
        whole = [c.id for c in store.list_customers(search, sort=sort, limit=1000)]
        assert [c.id for c in store.list_customers(search, sort=sort, offset=40, limit=20)] \
            == whole[40:60]


def test_what_people_type_finds_the_customer_whatever_was_stored(store):
    store.add_customer("Jürgen Müller", phone="+49 341 9876543", address="Hauptstraße 5, Leipzig")
    store.add_customer("Heike Großmann", phone="0341 987 11 22")
    store.add_customer("Bernd Mueller", phone="(0341) 55-12-34")

    def found(typed):
        return [c.name for c in store.list_customers(typed)]

    assert found("0341 9876543") == ["Jürgen Müller"]           # national finds international
    assert found("+49 341 55 12") == ["Bernd Mueller"]           # international finds national
    assert found("0049 341 987") == ["Heike Großmann", "Jürgen Müller"]
    assert found("mueller") == ["Bernd Mueller", "Jürgen Müller"]
    assert found("juergen") == found("jurgen") == ["Jürgen Müller"]
    assert found("grossm") == ["Heike Großmann"]
    assert found("strasse") == found("Straße") == ["Jürgen Müller"]


def test_kbm_log_finds_the_customer_by_a_fragment_in_any_spelling(store):
    store.add_customer("Jürgen Müller", phone="+49 341 9876543", email="JM@Example.de")
    store.add_customer("Anna Schmidt", phone="0171 2345678")
    assert [c.name for c in store.find_customers("juergen")] == ["Jürgen Müller"]
    assert [c.name for c in store.find_customers("mueller j")] == ["Jürgen Müller"]
    assert [c.name for c in store.find_customers("0341 987")] == ["Jürgen Müller"]
    assert [c.name for c in store.find_customers("+49 171 234")] == ["Anna Schmidt"]
    assert [c.name for c in store.find_customers("jm@example")] == ["Jürgen Müller"]
    assert [c.name for c in store.find_customers("jm@example.de")] == ["Jürgen Müller"]
    assert store.find_customers("zz") == []


def test_what_a_customer_bought_in_the_list_follows_every_change(store, kbm):
    """The list keeps what its customers bought while nothing changes (typing a search
    reads the same busy customers again and again); any change, here or in another
    program, is seen at once."""
    def bought() -> int:
        return store.list_customers("klein")[0].bought_cents

    eva = store.add_customer("Eva Klein")
    store.log_conversation(eva.id, "bought a bell", kind="purchase", amount_cents=990)
    assert bought() == 990
    lock = store.log_conversation(eva.id, "bought a lock", kind="purchase", amount_cents=4990)
    assert bought() == 990 + 4990
    kbm.ok("log", "Eva Klein", "bought lights", "--kind", "purchase", "--amount", "20")
    assert bought() == 990 + 4990 + 2000
    store.set_conversation_deleted(lock.id)
    assert bought() == 990 + 2000
