"""Two people editing the same customer never silently overwrite each other: a save is merged
onto what the other saved meanwhile (a three-way merge against the card as it was read);
only a field both changed, to different values, is refused and named."""

from __future__ import annotations

import pytest

from kbm_tui.core.errors import EditConflict
from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines


def test_changes_to_different_fields_are_both_kept(db_path):
    with Store.open(db_path) as counter, Store.open(db_path) as office:
        eva = counter.add_customer("Eva Klein", phone="0171 555", email="eva@example.org")
        opened_here = counter.get_customer(eva.id)
        opened_there = office.get_customer(eva.id)
        office.update_customer(eva.id, seen=opened_there, phone="0171 999 123", email=None)
        # the counter's form gives every field it shows, the ones left alone as they were
        saved = counter.update_customer(eva.id, seen=opened_here, name="Eva Klein",
                                        phone="0171 555", email="eva@example.org",
                                        notes="Likes blue bikes")
        assert (saved.phone, saved.email, saved.notes) == ("0171 999 123", None,
                                                           "Likes blue bikes")


def test_a_field_both_changed_is_refused_named_and_can_then_be_chosen(db_path):
    with Store.open(db_path) as counter, Store.open(db_path) as office:
        eva = counter.add_customer("Eva Klein", phone="0171 555")
        opened_here = counter.get_customer(eva.id)
        office.update_customer(eva.id, seen=office.get_customer(eva.id), phone="0171 999 123",
                               tags="club")
        with pytest.raises(EditConflict) as refused:
            counter.update_customer(eva.id, seen=opened_here, phone="0171 555 1",
                                    notes="Likes blue bikes")
        assert refused.value.message == ("Someone else changed the same fields of this card "
                                         "meanwhile: phone (0171 999 123). Nothing was saved.")
        assert refused.value.changed == ["phone"]  # the tags only they changed: no question
        assert counter.get_customer(eva.id).notes is None  # nothing of the second save
        # saving again, now onto the card as it is, keeps this side's phone
        again = counter.update_customer(eva.id, seen=refused.value.current,
                                        phone="0171 555 1", notes="Likes blue bikes")
        assert (again.phone, again.tags, again.notes) == ("0171 555 1", "club",
                                                          "Likes blue bikes")


def test_both_changing_a_field_to_the_same_value_or_emptying_it_twice_is_no_conflict(db_path):
    with Store.open(db_path) as counter, Store.open(db_path) as office:
        eva = counter.add_customer("Eva Klein", phone="0171 555", email="eva@example.org")
        opened_here = counter.get_customer(eva.id)
        office.update_customer(eva.id, seen=office.get_customer(eva.id), phone="0171 999",
                               email=None)
        saved = counter.update_customer(eva.id, seen=opened_here, phone="0171 999", email="")
        assert (saved.phone, saved.email) == ("0171 999", None)


def test_a_field_the_other_emptied_is_a_change_too(db_path):
    with Store.open(db_path) as counter, Store.open(db_path) as office:
        eva = counter.add_customer("Eva Klein", notes="Old note")
        opened_here = counter.get_customer(eva.id)
        office.update_customer(eva.id, seen=office.get_customer(eva.id), notes=None)
        with pytest.raises(EditConflict) as refused:
            counter.update_customer(eva.id, seen=opened_here, notes="Old note, and more")
        assert "notes (empty)" in refused.value.message


def test_a_save_on_an_unchanged_card_goes_through(db_path):
    with Store.open(db_path) as store:
        eva = store.add_customer("Eva Klein")
        seen = store.get_customer(eva.id)
        assert store.update_customer(eva.id, seen=seen, tags="club").tags == "club"
