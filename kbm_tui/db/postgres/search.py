"""Search on PostgreSQL, answering as SQLite's FTS5 indexes do (db/sqlite/search.py).

- Three characters or more match anywhere in the customer's folded card (search_text) or
  phone digits: `LIKE '%…%'`, which the pg_trgm extension's trigram indexes answer.
- Shorter words match the start of a word of the folded name (name_key).
- customer_said holds, per customer, each distinct word of their conversations, folded by
  the store (as name_key and search_text are): a word said matches at the start of one.
- A word said is looked up in a GIN index of every place a search can start in those words
  (kbm_word_starts below) as a tsquery prefix, `'cargo':*`: a broad word's thousands of
  customers come from the index, not from a pattern run over every customer's words.
- Conversation summaries are matched by word start on `kbm_fold(summary)`: folded in SQL
  exactly as the store folds in Python (core/folding.py, core/vocab.py): decomposed (NFKD),
  combining marks stripped, ø ł æ œ đ ð þ ı ß spelt o l ae oe d d th i ss, lower case.

The extension pg_trgm is "trusted": the database's owner may create it without being a
superuser. Without it search still answers the same, only by reading every row (kbm says
so once when it sets the database up). (kbm before schema 6 also used unaccent; a database
that has it keeps it, unused.)
"""

from __future__ import annotations

import re
from typing import Any

from kbm_tui.core import folding, search_word
from kbm_tui.core.vocab import fold
from kbm_tui.db import search_plan
from kbm_tui.db.search_plan import SearchPlan
from kbm_tui.db.sql import like_escape

EXTENSIONS = ("pg_trgm",)

# kbm_fold, as core/vocab.py's fold (generated from core/folding.py): the letters are spelt
# after decomposing, so that ǿ (ø and an accent) becomes o as in Python. normalize() needs
# a UTF8 database (kbm's are: engine.create) and is IMMUTABLE from PostgreSQL 13 on, so the
# function may serve an index; an index on it is made anew when it changes (schema 6).
FOLD = ("CREATE OR REPLACE FUNCTION kbm_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE "
        "PARALLEL SAFE AS $$ SELECT lower(regexp_replace("
        f"{folding.in_sql('normalize(t, NFKD)')}, '{folding.MARKS}', '', 'g')) $$")
FOLD_INDEX = "ix_conversation_summary_trgm"

TABLES = [
    'CREATE TABLE customer_said (customer_id BIGINT PRIMARY KEY, words TEXT COLLATE "C" '
    "NOT NULL)",
]
# What is inside a word where a search looks for word starts, as SQLite's unicode61 tokenizer
# reads it (core/search_word.py): ASCII letters and digits ([:alnum:] in the "C" collation),
# and the letters beyond ASCII that folding leaves as they are.
LETTERS = "[:alnum:]" + search_word.LETTERS_BEYOND_ASCII
# Every place in a customer's words where the word-start pattern below can match: each word,
# and what follows each character in it that is not one of LETTERS ("bike" in "e-bike"). A
# search word that is the start of one of these is exactly a match of the pattern. Cut to
# WORD_STARTS_CUT characters (a longer search word goes to the pattern). A customer whose
# starts would not fit in a tsvector (1 MB) gets NULL, and the pattern, through
# ix_customer_said_unindexed.
WORD_STARTS_CUT = 32
# What the function costs, for the planner (in cpu_operator_cost units; its default for a
# function is 100): a customer's words take it 20-250 µs. Priced at 100, the look-up of a
# word said with a LIMIT ran it on every row of a sequential scan whenever no parallel plan
# was on offer (1.75 s for "cargo" at 100,000 customers) instead of asking its index.
WORD_STARTS_COST = 10000
WORD_STARTS = (
    "CREATE OR REPLACE FUNCTION kbm_word_starts(words text) RETURNS tsvector LANGUAGE sql "
    f"IMMUTABLE PARALLEL SAFE COST {WORD_STARTS_COST} AS $$ SELECT CASE WHEN "
    "sum(octet_length(s)) < 1000000 THEN "
    "array_to_tsvector(array_agg(s)) END FROM (SELECT DISTINCT left(substr(w, i), "
    f"{WORD_STARTS_CUT}) AS s FROM unnest(string_to_array(words, ' ')) AS w, "
    f"generate_series(1, CASE WHEN w COLLATE \"C\" ~ '[^{LETTERS}]' THEN length(w) ELSE 1 END) "
    f"AS i WHERE w <> '' AND (i = 1 OR substr(w, i - 1, 1) COLLATE \"C\" !~ '[{LETTERS}]')) "
    "AS starts $$")
# Made when kbm opens a database that lacks them (IF NOT EXISTS; the rows stay as they are).
WORD_STARTS_INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_customer_said_starts ON customer_said "
    "USING gin (kbm_word_starts(words))",
    "CREATE INDEX IF NOT EXISTS ix_customer_said_unindexed ON customer_said (customer_id) "
    "WHERE kbm_word_starts(words) IS NULL",
    # The same for the folded names, for the ids of a short word typed (customer_ids)
    "CREATE INDEX IF NOT EXISTS ix_customer_name_starts ON customer "
    "USING gin (kbm_word_starts(name_key))",
    "CREATE INDEX IF NOT EXISTS ix_customer_name_unindexed ON customer (id) "
    "WHERE kbm_word_starts(name_key) IS NULL",
]
WORD_STARTS_INDEX_NAMES = [statement.split()[5] for statement in WORD_STARTS_INDEXES]
# What the function says, to tell an older one (which read word breaks otherwise) apart: the
# indexes made with it are then made anew.
WORD_STARTS_BODY = WORD_STARTS.split("$$")[1]
TRIGRAM_INDEXES = [
    "CREATE INDEX ix_customer_search_trgm ON customer USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX ix_customer_phone_trgm ON customer USING gin (phone_digits gin_trgm_ops)",
    "CREATE INDEX ix_customer_said_trgm ON customer_said USING gin (words gin_trgm_ops)",
    "CREATE INDEX ix_conversation_summary_trgm ON conversation "
    "USING gin (kbm_fold(summary) gin_trgm_ops)",
]


def _word_start(word: str) -> str:
    """A regular expression matching `word` at the start of a word."""
    return f"(^|[^{LETTERS}])" + re.escape(word).replace("\\ ", " ")


def word_condition(word: str, *, in_name_order: bool = False, word_starts: bool = True,
                   row_by_row: bool = False,
                   said_by: list[int] | None = None) -> tuple[str, list]:
    """SQL (on customer c) true when a folded search word matches the customer
    (`_word_condition`), or a word of digits is a number on the card (a house number, a
    postcode: core/search_word.number_on_card), as on SQLite."""
    sql, params = _word_condition(word, word_starts=word_starts, row_by_row=row_by_row,
                                  said_by=said_by)
    number = search_word.number_on_card(word)
    if number is None:
        return sql, params
    card, card_params = _on_card(number, "c.")
    return f"({sql} OR {card})", [*params, *card_params]


def _word_condition(word: str, *, word_starts: bool, row_by_row: bool,
                    said_by: list[int] | None) -> tuple[str, list]:
    """SQL (on customer c) true when a folded search word matches the customer; the same
    matches as SQLite's (see db/sqlite/search.py): a number in international digits, a
    name folded for German spellings. Without `word_starts` (a database lacking that index,
    engine.py), words said are matched by the pattern alone.

    `row_by_row` checks the words said of each row read (one look-up by customer) instead
    of first collecting every customer who said the word: for the few rows of a page read
    along the names or from a few ids (customer_ids), where a broad word's tens of
    thousands of customers would cost more to collect than the page itself. `said_by` is
    every customer who said the word, when customer_ids found them few."""
    how, text = search_word.read(word)
    if how == search_word.NUMBER_START:
        return "c.phone_digits LIKE ?", [f"{text}%"]
    if how == search_word.NAME_START:
        return "c.name_key ~ ?", [_word_start(search_word.bare(text))]
    card, card_params = _on_card(text, "c.")
    if said_by is not None:
        return f"({card} OR c.id = ANY(?::bigint[]))", [*card_params, said_by]
    if row_by_row:
        said_word = search_word.bare(word)
        # The pattern the word-starts index answers (see WORD_STARTS), run on one row; a
        # scalar subquery, which the planner never turns into a set of every match.
        return (f"({card} OR coalesce((SELECT s.words ~ ? FROM customer_said s WHERE "
                "s.customer_id = c.id AND s.words LIKE ? ESCAPE '\\'), false))",
                [*card_params, _word_start(said_word), f"%{like_escape(said_word)}%"])
    said, said_params = _said(word, word_starts)
    return f"({card} OR c.id IN ({said}))", [*card_params, *said_params]


def _on_card(text: str, alias: str = "") -> tuple[str, list]:
    """SQL true when the customer's card holds `text` (the trigram indexes answer it)."""
    return (f"{alias}search_text LIKE ? ESCAPE '\\' OR {alias}phone_digits LIKE ? "
            "ESCAPE '\\'", [f"%{like_escape(text)}%"] * 2)


class _Lookups:
    """PostgreSQL's index look-ups for the search plan, each with a LIMIT."""

    # Reading ids one by one stays the quicker way up to FEW_CUSTOMERS here: a page along
    # the names is a window the server reads and checks ("cargo bi": 23 ms by 1,498 ids,
    # 27-31 ms along the names).
    look_through = search_plan.FEW_CUSTOMERS

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def _ids(self, sql: str, params: list) -> set[int] | None:
        """The parts of a UNION may repeat an id: it is the rows that are counted. They come
        as one array, not a row each: 2,500 rows made as many Python objects for the garbage
        collector to count, and in the app a full collection then cost a key 50 ms."""
        ids = self.conn.execute(f"SELECT array({sql} LIMIT ?)",
                                (*params, search_plan.FEW_CUSTOMERS)).fetchone()[0]
        return set(ids) if len(ids) < search_plan.FEW_CUSTOMERS else None

    def said(self, word: str) -> set[int] | None:
        return self._ids(*_said(word))

    def number(self, digits: str) -> set[int] | None:
        return self._ids("SELECT id FROM customer WHERE phone_digits LIKE ?", [f"{digits}%"])

    def name(self, text: str) -> set[int] | None:
        return self._ids("SELECT id FROM customer WHERE kbm_word_starts(name_key) @@ "
                         "?::tsquery UNION ALL SELECT id FROM customer WHERE "
                         "kbm_word_starts(name_key) IS NULL",
                         [_prefix_query(search_word.bare(text))])

    def card(self, text: str) -> set[int] | None:
        on_card = f"%{like_escape(text)}%"
        return self._ids("SELECT id FROM customer WHERE search_text LIKE ? ESCAPE '\\' "
                         "UNION ALL SELECT id FROM customer WHERE phone_digits LIKE ? "
                         "ESCAPE '\\'", [on_card, on_card])

    def narrowed_to(self, ids: list[int]) -> tuple[str, list]:
        return "c.id = ANY(?::bigint[])", [ids]


def customer_ids(conn: Any, words: list[str], memory: dict | None = None) -> SearchPlan:
    return search_plan.plan(words, _Lookups(conn), memory)


def names_window() -> int:
    """How many rows along the names a page not yet counted reads, at most, checking the
    search on each (db/views.py), before it asks the planner for every match instead."""
    return 10000


def _prefix_query(word: str) -> str:
    """A tsquery for lexemes starting with `word` (taken literally)."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "':*"


def _said(word: str, word_starts: bool = True) -> tuple[str, list]:
    """The customers who said a word starting with `word` (a query for their ids)."""
    word = search_word.bare(word)
    # The LIKE before the pattern: it holds wherever the pattern does, is found in the
    # trigram index, and spares the regular expression most rows.
    pattern = ("SELECT customer_id FROM customer_said WHERE {where}words LIKE ? ESCAPE '\\' "
               "AND words ~ ?")
    pattern_params = [f"%{like_escape(word)}%", _word_start(word)]
    if len(word) > WORD_STARTS_CUT or not word_starts:
        return pattern.format(where=""), pattern_params
    return ("SELECT customer_id FROM customer_said WHERE kbm_word_starts(words) @@ ?::tsquery "
            "UNION ALL " + pattern.format(where="kbm_word_starts(words) IS NULL AND "),
            [_prefix_query(word), *pattern_params])


def conversation_word(word: str) -> tuple[str, list]:
    return "kbm_fold(v.summary) ~ ?", [_word_start(search_word.bare(word))]


def distinct_words(text: str) -> str:
    """Each folded word once."""
    return " ".join(sorted(set(fold(text).split())))


def said_add(conn: Any, customer_id: int, summary: str) -> None:
    row = conn.execute("SELECT words FROM customer_said WHERE customer_id=?",
                       (customer_id,)).fetchone()
    have = set(row[0].split()) if row else set()
    new = set(fold(summary).split())
    if new <= have:
        return
    conn.execute("INSERT INTO customer_said(customer_id, words) VALUES (?, ?) "
                 "ON CONFLICT(customer_id) DO UPDATE SET words=excluded.words",
                 (customer_id, " ".join(sorted(new | have))))


def said_refresh(conn: Any, customer_id: int) -> None:
    text = conn.execute("SELECT string_agg(summary, ' ') FROM conversation "
                        "WHERE customer_id=? AND deleted_at IS NULL", (customer_id,)).fetchone()[0]
    if text is None:
        conn.execute("DELETE FROM customer_said WHERE customer_id=?", (customer_id,))
        return
    conn.execute("INSERT INTO customer_said(customer_id, words) VALUES (?, ?) "
                 "ON CONFLICT(customer_id) DO UPDATE SET words=excluded.words",
                 (customer_id, distinct_words(text)))


def compact(conn: Any) -> None:
    pass  # erased rows leave the indexes with VACUUM (engine.finish_erasure)


def name_words(words: list[str]) -> tuple[str, list]:
    if not words:
        return "FALSE", []
    return (" AND ".join("name_key ~ ?" for _ in words).join("()"),
            [_word_start(search_word.bare(w)) for w in words])


def card_has(column: str, text: str) -> tuple[str, list]:
    assert column in ("search_text", "phone_digits")
    return f"{column} LIKE ? ESCAPE '\\'", [f"%{like_escape(text)}%"]


def adding_many_customers_begins(conn: Any) -> int:
    """Nothing to switch off: the trigram indexes take each new row as it comes."""
    return 0


def adding_many_customers_ends(conn: Any, first_id: int) -> None:
    pass
