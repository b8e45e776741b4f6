"""While a search is typed, what the indexes told about each word is remembered
(db/search_plan.py), but only for the data as it was: a conversation logged meanwhile, here
or at another till, is found at the next key."""

from __future__ import annotations

import pytest

from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines


def names(store, typed):
    return [c.name for c in store.list_customers(typed)]


def test_a_word_said_by_few_finds_who_said_it_since(store, db_path):
    anna = store.add_customer("Anna Schmidt")
    ben = store.add_customer("Ben Krause")
    cem = store.add_customer("Cem Yilmaz")
    store.log_conversation(anna.id, "Fragt nach einem Lastenrad")
    assert names(store, "lastenrad") == ["Anna Schmidt"]
    assert names(store, "lastenrad s") == ["Anna Schmidt"]
    store.log_conversation(ben.id, "Lastenrad Probefahrt am Samstag")
    assert names(store, "lastenrad") == ["Anna Schmidt", "Ben Krause"]
    assert names(store, "lastenrad k") == ["Ben Krause"]
    with Store.open(db_path) as other_till:
        other_till.log_conversation(cem.id, "Lastenrad bestellt")
    assert names(store, "lastenrad") == ["Anna Schmidt", "Ben Krause", "Cem Yilmaz"]
    assert store.count_customers("lastenrad") == 3
    store.update_customer(anna.id, name="Anna Kaiser")
    assert names(store, "lastenrad k") == ["Anna Kaiser", "Ben Krause"]
