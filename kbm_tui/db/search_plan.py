"""What an engine's search learns from its indexes about the words typed, before a page is
read: the same plan on both engines, each asking its own indexes (`Lookups`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from kbm_tui.core import search_word

# A word typed whose customers (ids from the indexes) number fewer than this is read by
# those ids and sorted; a broader one is read along the names, where a page fills early.
# (Much more, and PostgreSQL's planner reads all customers instead of those ids by key.)
FEW_CUSTOMERS = 2500


@dataclass(frozen=True)
class SearchPlan:
    """What an engine's indexes told about the words of a search (`Search.customer_ids`),
    for one version of the data: a condition on c naming the few ids every match is among,
    when a word is rare; and for each word typed that few customers said, who they are (a
    word not listed there was said by many, and is checked on each row read)."""

    narrowed: tuple[str, list] | None = None
    said_by_few: dict[str, list[int]] = field(default_factory=dict)


class Lookups(Protocol):
    """An engine's index look-ups, each the ids found, or None when FEW_CUSTOMERS or more
    (or when the engine would rather not ask)."""

    # How many ids are worth reading one by one when another word typed was said by many
    # (each then has that word looked for in its words), rather than a page along the names.
    look_through: int

    def said(self, word: str) -> set[int] | None:
        """Who said a word starting with the folded `word`."""
    def number(self, digits: str) -> set[int] | None:
        """Whose phone number starts with `digits`."""
    def name(self, text: str) -> set[int] | None:
        """Whose folded name has a word starting with `text`."""
    def card(self, text: str) -> set[int] | None:
        """Whose card (search_text or phone digits) holds `text`."""
    def narrowed_to(self, ids: list[int]) -> tuple[str, list]:
        """A condition on c: the customer is one of `ids`."""


def plan(words: list[str], look: Lookups, memory: dict | None = None) -> SearchPlan:
    """What the indexes alone tell about the words typed (longest first), a few
    milliseconds (each look-up stops at FEW_CUSTOMERS): the ids of the first word found for
    fewer than FEW_CUSTOMERS customers (the engine's `look_through` when another word was
    said by many), every customer that word can match (the search's own conditions still decide
    each row); and who said each word that few said. A word
    said by few is then checked against those ids, not by reading each row's words
    ("anna": nobody said it, and checking 5,000 rows' words took 25 ms).

    `memory` keeps each look-up's answer for the same data: typing "cargo bike" asks about
    "cargo" once, not at every key after it (on a server, a word said by many costs 10 ms
    to learn so: its index gives every match before the LIMIT applies)."""
    memory = {} if memory is None else memory

    def asked(kind: str, text: str) -> set[int] | None:
        if (kind, text) not in memory:
            memory[kind, text] = getattr(look, kind)(text)
        return memory[kind, text]

    said_by_few: dict[str, list[int]] = {}
    for word in words:
        if search_word.read(word)[0] == search_word.ANYWHERE:
            said = asked("said", word)
            if said is not None:
                said_by_few[word] = sorted(said)
    for word in words:
        how, text = search_word.read(word)
        found: set[int] | None = None
        if how == search_word.NUMBER_START:
            found = asked("number", text)
        elif how == search_word.NAME_START and len(text) > 1:
            # One letter starts a word of thousands of names in any shop worth narrowing,
            # and finding that out cost 10-20 ms of a key's time on a server.
            found = asked("name", text)
        elif word in said_by_few:
            on_card = asked("card", text)
            found = None if on_card is None else on_card | set(said_by_few[word])
        number = search_word.number_on_card(word)
        if found is not None and number is not None:  # a house number, a postcode
            numbered = asked("card", number)
            found = None if numbered is None else found | numbered
        if found is not None and len(found) < _few_enough(word, words, said_by_few, look):
            return SearchPlan(look.narrowed_to(sorted(found)), said_by_few)
    return SearchPlan(None, said_by_few)


def _few_enough(narrowing: str, words: list[str], said_by_few: dict[str, list[int]],
                look: Lookups) -> int:
    """How few a word's customers must be for the page to be read by their ids."""
    said_by_many = any(word != narrowing and word not in said_by_few
                       and search_word.read(word)[0] == search_word.ANYWHERE for word in words)
    return min(look.look_through, FEW_CUSTOMERS) if said_by_many else FEW_CUSTOMERS
