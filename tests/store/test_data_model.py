"""The store: the data model, matching customers, the agenda, atomic writes."""

from __future__ import annotations

import os
import stat
from dataclasses import fields
from datetime import date, time

import pytest

from kbm_tui.core import clock, records
from kbm_tui.core.errors import Ambiguous, InputError, NotFound
from kbm_tui.core.when import Due
from kbm_tui.db import schema
from kbm_tui.db.sqlite import connect as store_open

pytestmark = pytest.mark.both_engines


@pytest.mark.sqlite_only
def test_fresh_database_has_the_owner_and_private_permissions(store, db_path):
    assert [s.role for s in store.staff()] == ["owner"]
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700
    assert store_open.read_version(db_path) == schema.SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_names_are_trimmed_and_may_be_shared(store):
    a = store.add_customer("  Anna Schmidt ")
    b = store.add_customer("Anna Schmidt")
    assert a.name == b.name == "Anna Schmidt" and a.id != b.id


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_names_are_refused(store, name):
    with pytest.raises(InputError, match="name is empty"):
        store.add_customer(name)
    assert store.count_customers() == 0


def test_customers_are_found_ignoring_case_and_accents(store):
    jm = store.add_customer("Jürgen Müller", phone="+49 171 555-1234", email="JM@Example.com")
    store.add_customer("Anna Schmidt")
    assert store.match_customer("jurgen").id == jm.id
    assert store.match_customer("MULLER").id == jm.id
    assert store.match_customer("5551234").id == jm.id
    assert store.match_customer("jm@example.com").id == jm.id
    assert store.match_customer(f"#{jm.id}").id == jm.id
    with pytest.raises(NotFound):
        store.match_customer("nobody at all")


def test_a_whole_name_beats_names_that_only_contain_it(store):
    store.add_customer("Anna")
    store.add_customer("Anna Schmidt")
    assert store.match_customer("anna").name == "Anna"
    store.add_customer("Anna Berg")
    store.add_customer("Annabelle")
    with pytest.raises(Ambiguous) as caught:
        store.match_customer("ann")
    assert len(caught.value.candidates) == 4


def test_conversation_words_accept_labels_and_german(store):
    c = store.add_customer("Eva")
    conv = store.log_conversation(c.id, "Rechnung geschickt", channel="E-Mail", kind="Rechnung",
                                  direction="ausgehend", amount_cents=123456)
    assert (conv.channel, conv.kind, conv.direction, conv.amount_cents) == (
        "email", "invoice", "out", 123456)
    assert store.get_customer(c.id).last_contact_at == conv.at


def test_unknown_channel_is_refused_and_nothing_is_stored(store):
    c = store.add_customer("Eva")
    with pytest.raises(InputError, match="not a channel.*store, phone, email"):
        store.log_conversation(c.id, "hello", channel="pigeon")
    assert store.conversations() == []


def test_a_failing_step_undoes_the_whole_transaction(store):
    c = store.add_customer("Eva")
    with pytest.raises(InputError), store.transaction():
        store.log_conversation(c.id, "first part is fine")
        store.make_promise(c.id, "   ")
    assert store.conversations() == [] and store.promises() == []


def test_date_only_due_stays_on_its_calendar_day(store):
    c = store.add_customer("Eva")
    friday = store.make_promise(c.id, "call back", Due(date(2026, 11, 27)))
    assert friday.due_day == date(2026, 11, 27) and friday.due_at is None
    timed = store.make_promise(c.id, "ring", Due(date(2026, 11, 27), time(14, 0)))
    # 14:00 in Berlin in November is 13:00 UTC, shown again as 14:00 local.
    assert store.conn.execute("SELECT due_at FROM promise WHERE id=?", (timed.id,)).fetchone()[0] \
        == "2026-11-27T13:00:00Z"


def test_agenda_puts_overdue_promises_first(store):
    c = store.add_customer("Eva")
    late = store.make_promise(c.id, "yesterday's promise", Due(date(2026, 11, 21)))
    earlier = store.make_promise(c.id, "this morning", Due(date(2026, 11, 22), time(9, 0)))
    lunch = store.make_promise(c.id, "after lunch", Due(date(2026, 11, 22), time(14, 0)))
    today = store.make_promise(c.id, "some time today", Due(date(2026, 11, 22)))
    store.make_promise(c.id, "next week", Due(date(2026, 11, 29)))
    store.make_promise(c.id, "when the part arrives")
    store.close_promise(store.make_promise(c.id, "kept one", Due(date(2026, 11, 20))).id, "kept")
    f = store.plan_followup(c.id, "ask how it rides", Due(date(2026, 11, 22)))
    store.plan_followup(c.id, "later", Due(date(2026, 12, 1)))
    conv = store.log_conversation(c.id, "came in")
    agenda = store.agenda()
    assert [p.id for p in agenda.overdue_promises] == [late.id, earlier.id]
    assert [p.id for p in agenda.promises_today] == [lunch.id, today.id]
    assert [x.id for x in agenda.followups_due] == [f.id]
    assert [x.id for x in agenda.conversations_today] == [conv.id]


def test_broken_promise_needs_a_reason(store):
    c = store.add_customer("Eva")
    p = store.make_promise(c.id, "call back")
    with pytest.raises(InputError, match="reason"):
        store.close_promise(p.id, "broken")
    assert store.get_promise(p.id).status == "open"
    closed = store.close_promise(p.id, "broken", "supplier never delivered")
    assert (closed.status, closed.close_note) == ("broken", "supplier never delivered")
    assert closed.closed_at == clock.now()


def test_repeating_follow_up_comes_back(store):
    c = store.add_customer("Eva")
    f = store.plan_followup(c.id, "check tyres", Due(date(2026, 11, 22)), every_days=30)
    following = store.followup_done(f.id)
    assert store.get_followup(f.id).done_at is not None
    assert following.due_day == date(2026, 12, 22) and following.every_days == 30


def test_snoozed_follow_up_leaves_the_agenda_until_then(store):
    c = store.add_customer("Eva")
    f = store.plan_followup(c.id, "call", Due(date(2026, 11, 20)))
    store.snooze_followup(f.id, date(2026, 11, 23))
    assert store.agenda().followups_due == []
    clock.set_now(clock.now().replace(day=23))
    assert [x.id for x in store.agenda().followups_due] == [f.id]


def test_deleted_conversation_can_come_back(store):
    c = store.add_customer("Eva")
    conv = store.log_conversation(c.id, "oops, wrong customer")
    store.set_conversation_deleted(conv.id)
    assert store.conversations() == [] and store.get_customer(c.id).last_contact_at is None
    assert [x.id for x in store.conversations(include_deleted=True)] == [conv.id]
    store.set_conversation_deleted(conv.id, deleted=False)
    assert [x.id for x in store.conversations()] == [conv.id]


def test_customer_list_filters_on_every_word_and_pages(store):
    for i in range(30):
        store.add_customer(f"Kunde {i:02d}", phone=f"0171 55{i:02d}", tags=["club"] if i % 2 else None,
                           notes="Liebt Lastenräder" if i == 7 else None)
    assert store.count_customers("club") == 15
    assert [r.name for r in store.list_customers("lastenrader")] == ["Kunde 07"]
    assert [r.name for r in store.list_customers("5507")] == ["Kunde 07"]
    page = store.list_customers(offset=10, limit=5)
    assert [r.name for r in page] == [f"Kunde {i:02d}" for i in range(10, 15)]


def test_archived_customers_leave_the_list_but_keep_their_story(store):
    c = store.add_customer("Eva")
    store.log_conversation(c.id, "bought a bell", kind="purchase", amount_cents=990)
    store.set_archived(c.id)
    assert store.count_customers() == 0 and store.count_customers(include_archived=True) == 1
    assert len(store.conversations(customer_id=c.id)) == 1


def test_records_match_the_schema():
    """The plain records and the SQLModel tables describe the same columns."""
    from kbm_tui.db import models

    for record, table in ((records.Customer, models.Customer), (records.Staff, models.Staff),
                          (records.Conversation, models.Conversation),
                          (records.Promise, models.Promise), (records.Followup, models.Followup)):
        columns = {c.name for c in table.__table__.columns}
        own = {f.name for f in fields(record) if f.name not in (
            "customer_name", "staff_name", "pref_staff_name")}
        derived = set(schema.DERIVED_COLUMNS.get(table.__tablename__, ())) - {"last_contact_at"}
        assert own == columns - derived, record
