"""The app's undo on either engine: it puts the rows a change touched back only while they are
as the change left them, so it never reverts what another terminal did since (db/journal.py).
Two stores on one database are the two terminals."""

from __future__ import annotations

import pytest

from kbm_tui.store import Store
from kbm_tui.ui.changes import tracked

pytestmark = pytest.mark.both_engines


def test_an_edit_is_taken_back_unless_another_terminal_changed_the_card_since(db_path):
    with Store.open(db_path) as here, Store.open(db_path) as there:
        eva = here.add_customer("Eva Klein", phone="0171 555")
        ref = [("customer", eva.id)]
        _, before, after = tracked(here, lambda s: s.update_customer(eva.id, notes="blue"),
                                   refs=ref)
        there.update_customer(eva.id, phone="0171 999 123")
        assert here.put_back(after, before) == ref  # refused, and named
        card = here.get_customer(eva.id)
        assert (card.phone, card.notes) == ("0171 999 123", "blue")  # nothing written
        # once this terminal's change is the latest again, it goes back
        _, before, after = tracked(here, lambda s: s.update_customer(eva.id, tags="club"),
                                   refs=ref)
        assert here.put_back(after, before) == []
        assert there.get_customer(eva.id).tags is None


def test_a_new_customer_is_not_taken_back_once_another_terminal_logged_a_talk_with_them(
        db_path):
    with Store.open(db_path) as here, Store.open(db_path) as there:
        new, before, after = tracked(here, lambda s: s.add_customer("Jan Andersen"),
                                     made=lambda c: [("customer", c.id)])
        there.log_conversation(new.id, "Asked about a child seat")
        # the card itself is as it was left, but a row now refers to it
        assert here.put_back(after, before) == [("customer", new.id)]
        assert [c.summary for c in there.conversations(customer_id=new.id)] == [
            "Asked about a child seat"]
        # the refused write left the connection fit for the next one (PostgreSQL aborts
        # a transaction at its first error)
        assert here.add_customer("Dora Krüger").name == "Dora Krüger"


def test_taking_back_a_talk_removes_its_words_from_search(db_path):
    with Store.open(db_path) as here:
        ben = here.add_customer("Ben Schulz")
        talk, before, after = tracked(
            here, lambda s: s.log_conversation(ben.id, "Wants a cargo bike"),
            refs=[("customer", ben.id)], made=lambda v: [("conversation", v.id)])
        assert [c.name for c in here.list_customers("cargo")] == ["Ben Schulz"]
        assert here.put_back(after, before) == []
        assert here.list_customers("cargo") == []
        assert here.conversations(customer_id=ben.id) == []
        assert here.get_customer(ben.id).last_contact_at is None
