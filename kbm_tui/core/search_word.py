"""How a folded search word is looked for, the same on every database engine."""

from __future__ import annotations

import re

from kbm_tui.core import phone
from kbm_tui.core.vocab import name_fold

NUMBER_START = "number start"  # the first digits of a phone number: its digits start it
NAME_START = "name start"  # under three letters: the start of a word of the name
ANYWHERE = "anywhere"  # on the card, in the phone digits, or the start of a word said

# What is inside a word, beyond the ASCII letters and digits, where a search looks for word
# starts, as SQLite's unicode61 tokenizer reads it: the letters of the alphabets beyond ASCII
# that folding leaves as they are (ə ŋ ħ, Greek, Cyrillic …), so that "Nəcəf" is one word and
# "c" is not the start of one in it. Ranges of code points, the same in Python and on every
# PostgreSQL server whatever its collation; „ “ – € and the like stay word breaks.
LETTERS_BEYOND_ASCII = (
    "\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af"
    "\u0370-\u03ff\u0400-\u052f\u0531-\u0587\u05d0-\u05ea\u0620-\u064a"
    "\u0671-\u06d3\u1e00-\u1fff\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7a3")


# Stands on both sides of each short number on a card (derive.search_text): "¤3¤" is a house
# number 3 standing there (not 30, not a 3 inside a phone number), three characters that
# the trigram indexes of both engines find. Nobody types it.
NUMBER_MARK = "\u00a4"
_IN_A_WORD = f"0-9A-Za-z{LETTERS_BEYOND_ASCII}"
# A number of one or two digits standing on its own, or with one letter after it ("3a").
_SHORT_NUMBER = re.compile(
    f"(?<![{_IN_A_WORD}])([0-9]{{1,2}})(?![0-9])(?:([a-z])(?![{_IN_A_WORD}]))?")
_HOUSE_NUMBER = re.compile("[0-9]{1,2}[a-z]?")
# A street written out or cut short: "hauptstraße", "hauptstrasse" and "hauptstr." are the
# same street, and "hauptstr" is in all of them (after something: "straße" alone stays).
_STREET = re.compile(r"(?<=.)str(?:asse|\.)$")


def read(word: str) -> tuple[str, str]:
    """How `word` is looked for, and the text to look for: international digits for a
    number, the name folded for German spellings (as the card is stored) otherwise; a
    street as its first part ("hauptstraße" -> "hauptstr", which "Hauptstr. 3" holds)."""
    word = _digits_typed(word) or word
    is_number = phone.looks_like_number(word)
    digits = (phone.search_digits(word) or "") if is_number else ""
    if is_number and len(digits) < 3:
        return NUMBER_START, digits
    name_word = name_fold(word)
    if len(name_word) < 3 and not is_number:
        return NAME_START, name_word
    return ANYWHERE, digits if is_number else street_cut(name_word)


def street_cut(folded: str) -> str:
    """A folded word naming a street as it is found on every card, however the street is
    written there: "hauptstrasse" and "hauptstr." -> "hauptstr"."""
    return _STREET.sub("str", folded)


def number_on_card(word: str) -> str | None:
    """What a word of digits is looked for on the card besides a phone number: one or two
    digits (and a letter) a number standing there (a house number: "3" finds "Hauptstr. 3"
    and "3a", not "30"; "3a" only "3a"), more digits the digits as typed (a postcode:
    "04109", where the phone number's international digits would be 494109). None for
    other words, and for the first key of a phone number ("0", "00"), which finds every
    number."""
    typed = word.lower().rstrip(",;:.")
    if not typed.isascii() or (typed.isdigit() and not phone.search_digits(typed)):
        return None
    if _HOUSE_NUMBER.fullmatch(typed):
        return f"{NUMBER_MARK}{typed}{NUMBER_MARK}"
    if typed.isdigit():
        return None if typed == read(typed)[1] else typed
    return None


def number_marks(folded: str) -> str:
    """The marks of the short numbers standing in a folded card text, each once: what
    `number_on_card` looks for ("hauptstr. 3a, 04109 leipzig" -> "¤3¤ ¤3a¤")."""
    found: dict[str, None] = {}
    for digits, letter in _SHORT_NUMBER.findall(folded):
        found[digits] = None
        if letter:
            found[digits + letter] = None
    return " ".join(f"{NUMBER_MARK}{n}{NUMBER_MARK}" for n in found)


def _digits_typed(word: str) -> str | None:
    """The digits of a word that is a number and nothing else, as copied from a card
    ("3," in "Hauptstr. 3, 04109"); None for anything else."""
    digits = word.rstrip(",;:")
    return digits if digits.isascii() and digits.isdigit() else None


def bare(word: str) -> str:
    """A word typed as SQLite's tokenizer reads it where words start: without what is around
    it that is not a letter or digit ("bike?", "re:", "-rack", "„lasten" -> bike, re, rack,
    lasten). Only punctuation is left as it was typed (it then finds nothing anywhere)."""
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end] or word


def word_start_glob(word: str) -> str:
    """A GLOB pattern (SQLite) true for " " + text when `word` (folded, bare) starts a word
    of the folded `text`, as a word start is read everywhere in search: at the start of the
    text, after a space, or after anything else that is not a letter or digit ("bike" in
    "e-bike"; not "c" in "kılıç")."""
    escaped = "".join(f"[{c}]" if c in "*?[" else c for c in word)
    return f"*[^0-9A-Za-z{LETTERS_BEYOND_ASCII}]{escaped}*"
