"""Whether what was typed for a customer is their address ("Hauptstr. 3", "04109 Leipzig"):
the same on every database engine, read from the address alone."""

from __future__ import annotations

import re

from kbm_tui.core import search_word
from kbm_tui.core.vocab import name_fold

_HOUSE_NUMBER = re.compile("[0-9]{1,2}[a-z]?")
# A street written out or cut short is one word: "hauptstraße", "hauptstrasse", "hauptstr."
# and "hauptstr" (and "Straße" and "Str." standing alone).
_STREET = re.compile("strasse$")
_AROUND_A_WORD = ",;:.()[]\"'„“”‚‘’"


def address_words(typed: str) -> list[str]:
    """The words of what was typed as they are compared with an address, and as the card's
    search_text holds them: a house number as its mark ("3" -> "¤3¤", as derive marks the
    address's numbers), a postcode as its digits, a word folded and a street cut short."""
    words = []
    for word in name_fold(typed).split():
        word = _STREET.sub("str", word.strip(_AROUND_A_WORD))
        if _HOUSE_NUMBER.fullmatch(word):
            word = f"{search_word.NUMBER_MARK}{word}{search_word.NUMBER_MARK}"
        if word:
            words.append(word)
    return words


def lives_at(address: str | None, words: list[str]) -> bool:
    """Whether every one of `words` (address_words) stands in `address` as a word of its
    own: "Müller 5" is not "Müllerstraße 5", "3" not "30", "Leipzig 3" not someone whose
    notes say "3 Kinder"."""
    folded = name_fold(address or "")
    marks = set(search_word.number_marks(folded).split())
    own = {_STREET.sub("str", w.strip(_AROUND_A_WORD)) for w in folded.split()}
    for word in words:
        if word.startswith(search_word.NUMBER_MARK):
            if word not in marks:
                return False
        elif word.isdigit():
            if not re.search(f"(?<![0-9]){word}(?![0-9])", folded):
                return False
        elif word not in own:
            return False
    return True
