"""A word typed starts a word of what a customer said: SQLite's GLOB for it
(core/search_word.py) reads word starts as PostgreSQL's regular expression does (its
LETTERS), on words, punctuation and letters beyond ASCII, and "*", "?", "[" typed."""

from __future__ import annotations

import re
import sqlite3

import pytest

from kbm_tui.core.search_word import LETTERS_BEYOND_ASCII, word_start_glob

TEXTS = ["cargo cargobike e-bike o'brien's rack, 2x 29er #4711 (strassenrad) lastenrad“",
         "kılıç smørrebrød łukasz ærmel þór nəcəf", "a*b a?b [x] 50% under_score ünter", ""]
WORDS = ["cargo", "bike", "ebike", "brien", "brien's", "s", "rack", "rack,", "2x", "29e", "9er",
         "4711", "strassen", "rad", "lastenrad", "kılıç", "ç", "lıç", "ł", "ukasz", "rrebrød",
         "brød", "ø", "þór", "ór", "cəf", "a*b", "*b", "a?b", "?b", "[x]", "x]", "50%", "score",
         "under_", "ünter", "nter", "z"]


def by_pattern(word: str, text: str) -> bool:
    """PostgreSQL's check (db/postgres/search.py `_word_start`), in Python."""
    return re.search(f"(^|[^0-9A-Za-z{LETTERS_BEYOND_ASCII}])" + re.escape(word), text) is not None


@pytest.fixture(scope="module")
def conn():
    with sqlite3.connect(":memory:") as c:
        yield c


@pytest.mark.parametrize("text", TEXTS)
def test_the_glob_finds_what_the_pattern_finds(conn, text):
    by_glob = {w for w in WORDS
               if conn.execute("SELECT ? GLOB ?", (" " + text, word_start_glob(w))).fetchone()[0]}
    assert by_glob == {w for w in WORDS if by_pattern(w, text)}


def test_word_starts_are_read_as_a_person_would(conn):
    def found(word: str) -> bool:
        said = " " + " ".join(TEXTS)
        return bool(conn.execute("SELECT ? GLOB ?", (said, word_start_glob(word))).fetchone()[0])

    assert found("bike") and found("brien") and found("29e") and found("a*b") and found("[x]")
    assert not found("rad")  # inside "strassenrad" and "lastenrad"
    assert not found("ç") and not found("ukasz")  # ı and ł are letters, not word breaks
    assert not found("*b") and found("x]")  # "*" follows a letter; "x" follows "["
