"""How a search decides, before reading a page, whether to read it by the few ids of a
word typed or along the names (db/search_plan.py), with the indexes' answers made up."""

from __future__ import annotations

from kbm_tui.db import search_plan


class Indexes:
    """Look-ups answering from dicts; each question asked is noted."""

    look_through = 400

    def __init__(self, said=None, names=None, cards=None):
        self.said_by, self.names, self.cards = said or {}, names or {}, cards or {}
        self.asked: list[tuple[str, str]] = []

    def _answer(self, kind, table, key):
        self.asked.append((kind, key))
        ids = table.get(key)
        return None if ids is None else set(ids)  # None: FEW_CUSTOMERS or more

    def said(self, word):
        return self._answer("said", self.said_by, word)

    def number(self, digits):
        return self._answer("number", {}, digits)

    def name(self, text):
        return self._answer("name", self.names, text)

    def card(self, text):
        return self._answer("card", self.cards, text)

    def narrowed_to(self, ids):
        return "ids", ids


def test_a_rare_word_said_narrows_the_page_to_its_customers_and_the_cards_holding_it():
    indexes = Indexes(said={"lastenrad": [3, 1]}, cards={"lastenrad": [7]})
    plan = search_plan.plan(["lastenrad"], indexes)
    assert plan.narrowed == ("ids", [1, 3, 7])
    assert plan.said_by_few == {"lastenrad": [1, 3]}


def test_a_name_start_narrows_by_its_many_ids_unless_another_word_was_said_by_many():
    bi = list(range(1000))  # under FEW_CUSTOMERS, over the engine's look_through
    # "bike" said by few (on many cards): its check is an id list, the thousand names are
    # worth reading by id
    assert search_plan.plan(["bike", "bi"], Indexes(said={"bike": [5]},
                                                    names={"bi": bi})).narrowed == ("ids", bi)
    # "cargo" said by many (no answer): each of a thousand rows would have its words read
    # for it; along the names is quicker
    plan = search_plan.plan(["cargo", "bi"], Indexes(names={"bi": bi}))
    assert plan.narrowed is None and plan.said_by_few == {}
    # a few names are still read by id
    assert search_plan.plan(["cargo", "bi"], Indexes(names={"bi": bi[:10]})).narrowed == \
        ("ids", bi[:10])


def test_one_letter_is_never_looked_up_in_the_names():
    indexes = Indexes(names={"s": [1, 2]}, said={"anna": []}, cards={"anna": list(range(5000))})
    search_plan.plan(["anna", "s"], indexes)
    assert ("name", "s") not in indexes.asked
    search_plan.plan(["c"], indexes)
    assert ("name", "c") not in indexes.asked


def test_what_the_indexes_told_is_asked_once_while_the_memory_is_kept():
    indexes = Indexes(said={"cargo": [1, 2]}, cards={"cargo": []}, names={"bi": [2, 9]})
    memory: dict = {}
    for typed in (["cargo"], ["cargo", "b"], ["cargo", "bi"]):
        search_plan.plan(typed, indexes, memory)
    assert indexes.asked.count(("said", "cargo")) == 1
    assert search_plan.plan(["cargo", "bi"], indexes, memory).narrowed == ("ids", [1, 2])
    search_plan.plan(["cargo"], indexes, {})  # a new memory (the data changed): asked again
    assert indexes.asked.count(("said", "cargo")) == 2
