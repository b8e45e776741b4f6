"""A search's page is read one of three ways (db/views.py): from the few ids a rare word
has in the indexes, along the names with each row checked on the row itself, or along the
names checked against the few customers who said a word. Whichever way, the same customers
in the same order, on both engines."""

from __future__ import annotations

import pytest
from test_search_on_both_engines import SEARCHES, fill

from kbm_tui.db import search_plan, views

pytestmark = pytest.mark.both_engines


def found(store, searches) -> dict:
    views._COUNTED.clear()
    views._PLANS.clear()
    views._LOOKED_UP.clear()
    return {typed: ([c.name for c in store.list_customers(typed, limit=50)],
                    store.count_customers(typed)) for typed in searches}


def few_means(monkeypatch, n: int) -> None:
    monkeypatch.setattr(search_plan, "FEW_CUSTOMERS", n)


def test_every_search_finds_the_same_read_row_by_row_as_from_the_indexes(
        store, monkeypatch):
    fill(store)
    from_the_indexes = found(store, SEARCHES)  # a small shop: every word is rare
    few_means(monkeypatch, 0)  # no word is rare: every row read is checked on itself
    row_by_row = found(store, SEARCHES)
    assert all(plan.narrowed is None and not plan.said_by_few
               for plan in views._PLANS.values() if plan)
    assert row_by_row == from_the_indexes
    # found by what they said alone, not by their cards
    assert row_by_row["sussig"] == (["Maria Weiß"], 1)
    assert row_by_row["brien's"] == (["Paul O'Brien"], 1)
    assert row_by_row["fusspumpe"] == (["Paul O'Brien"], 1)
    assert row_by_row["rrebrød"] == ([], 0)  # inside "Smørrebrød", not the start of a word


def test_a_word_few_said_but_many_have_on_their_cards(store, monkeypatch):
    for name in ("Berta Bauer", "Carl Conrad", "Dana Dorn", "Emil Engel"):
        store.add_customer(name, notes="wants a cargo bike")
    sayer = store.add_customer("Anton Adler")
    store.log_conversation(sayer.id, "Asked about a cargo bike")
    store.add_customer("Zora Zeller", notes="city bike")
    everyone = ["Anton Adler", "Berta Bauer", "Carl Conrad", "Dana Dorn", "Emil Engel"]
    assert found(store, ["cargo"])["cargo"] == (everyone, 5)  # by ids: every word rare

    few_means(monkeypatch, 3)  # one said it, four have it on their cards
    assert found(store, ["cargo"])["cargo"] == (everyone, 5)
    plan = next(plan for plan in views._PLANS.values() if plan)
    assert plan.narrowed is None and plan.said_by_few == {"cargo": [sayer.id]}

    few_means(monkeypatch, 0)
    assert found(store, ["cargo"])["cargo"] == (everyone, 5)
