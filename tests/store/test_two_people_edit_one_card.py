"""Two people editing the same customer never silently overwrite each other: the second
save is told what changed and chooses (save again over it, or keep theirs)."""

from __future__ import annotations

import pytest

from kbm_tui.core.errors import EditConflict
from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines


def test_the_second_save_is_told_what_changed_and_can_choose(db_path):
    with Store.open(db_path) as counter, Store.open(db_path) as office:
        eva = counter.add_customer("Eva Klein", phone="0171 555")
        opened_here = counter.get_customer(eva.id)
        opened_there = office.get_customer(eva.id)
        office.update_customer(eva.id, seen=opened_there, phone="0171 999 123")
        with pytest.raises(EditConflict) as refused:
            counter.update_customer(eva.id, seen=opened_here, notes="Likes blue bikes")
        assert "phone (0171 999 123)" in refused.value.message
        assert refused.value.changed == ["phone"]
        assert counter.get_customer(eva.id).notes is None  # nothing of the second save yet
        # saving again, now over the card as it is, is the person's choice
        again = counter.update_customer(eva.id, seen=refused.value.current,
                                        notes="Likes blue bikes")
        assert again.phone == "0171 999 123" and again.notes == "Likes blue bikes"


def test_a_save_on_an_unchanged_card_goes_through(db_path):
    with Store.open(db_path) as store:
        eva = store.add_customer("Eva Klein")
        seen = store.get_customer(eva.id)
        assert store.update_customer(eva.id, seen=seen, tags="club").tags == "club"
