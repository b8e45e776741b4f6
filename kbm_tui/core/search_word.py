"""How a folded search word is looked for, the same on every database engine."""

from __future__ import annotations

from kbm_tui.core import phone
from kbm_tui.core.vocab import name_fold

NUMBER_START = "number start"  # the first digits of a phone number: its digits start it
NAME_START = "name start"  # under three letters: the start of a word of the name
ANYWHERE = "anywhere"  # on the card, in the phone digits, or the start of a word said


def read(word: str) -> tuple[str, str]:
    """How `word` is looked for, and the text to look for: international digits for a
    number, the name folded for German spellings (as the card is stored) otherwise."""
    is_number = phone.looks_like_number(word)
    digits = (phone.search_digits(word) or "") if is_number else ""
    if is_number and len(digits) < 3:
        return NUMBER_START, digits
    name_word = name_fold(word)
    if len(name_word) < 3 and not is_number:
        return NAME_START, name_word
    return ANYWHERE, digits if is_number else name_word
