"""Search on PostgreSQL, answering as SQLite's FTS5 indexes do (db/sqlite/search.py).

- Three characters or more match anywhere in the customer's folded card (search_text) or
  phone digits: `LIKE '%…%'`, which the pg_trgm extension's trigram indexes answer.
- Shorter words match the start of a word of the folded name (name_key).
- customer_said holds, per customer, each distinct word of their conversations, folded by
  the store (as name_key and search_text are): a word said matches at the start of one.
- A word said is looked up in a GIN index of every place a search can start in those words
  (kbm_word_starts below) as a tsquery prefix, `'cargo':*`: a broad word's thousands of
  customers come from the index, not from a pattern run over every customer's words.
- Conversation summaries are matched by word start on `kbm_fold(summary)`: lower case,
  accents stripped by the unaccent extension.

The extensions pg_trgm and unaccent are "trusted": the database's owner may create them
without being a superuser. Without them search still answers the same, only by reading
every row (kbm says so once when it sets the database up).
"""

from __future__ import annotations

import re
from typing import Any

from kbm_tui.core import phone
from kbm_tui.core.vocab import fold, name_fold

EXTENSIONS = ("pg_trgm", "unaccent")

# kbm_fold: with unaccent (the dictionary named, so that the function can be IMMUTABLE and
# serve an index), or plain lower case without it.
FOLD_WITH_UNACCENT = ("CREATE OR REPLACE FUNCTION kbm_fold(t text) RETURNS text LANGUAGE sql "
                      "IMMUTABLE AS $$ SELECT lower(public.unaccent('public.unaccent', "
                      "replace(t, 'ß', 'ss'))) $$")
FOLD_PLAIN = ("CREATE OR REPLACE FUNCTION kbm_fold(t text) RETURNS text LANGUAGE sql "
              "IMMUTABLE AS $$ SELECT lower(replace(t, 'ß', 'ss')) $$")

TABLES = [
    'CREATE TABLE customer_said (customer_id BIGINT PRIMARY KEY, words TEXT COLLATE "C" '
    "NOT NULL)",
]
# Every place in a customer's words where the word-start pattern below can match: each word,
# and what follows each character in it that is not a letter or digit ("bike" in "e-bike"),
# as [:alnum:] reads it in the "C" collation the pattern uses. A search word that is the
# start of one of these is exactly a match of the pattern. Cut to WORD_STARTS_CUT characters
# (a longer search word goes to the pattern). A customer whose starts would not fit in a
# tsvector (1 MB) gets NULL, and the pattern, through ix_customer_said_unindexed.
WORD_STARTS_CUT = 32
WORD_STARTS = (
    "CREATE OR REPLACE FUNCTION kbm_word_starts(words text) RETURNS tsvector LANGUAGE sql "
    "IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN sum(octet_length(s)) < 1000000 THEN "
    "array_to_tsvector(array_agg(s)) END FROM (SELECT DISTINCT left(substr(w, i), "
    f"{WORD_STARTS_CUT}) AS s FROM unnest(string_to_array(words, ' ')) AS w, "
    "generate_series(1, CASE WHEN w COLLATE \"C\" ~ '[^[:alnum:]]' THEN length(w) ELSE 1 END) "
    "AS i WHERE w <> '' AND (i = 1 OR substr(w, i - 1, 1) COLLATE \"C\" !~ '[[:alnum:]]')) "
    "AS starts $$")
# Made when kbm opens a database that lacks them (IF NOT EXISTS; the rows stay as they are).
WORD_STARTS_INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_customer_said_starts ON customer_said "
    "USING gin (kbm_word_starts(words))",
    "CREATE INDEX IF NOT EXISTS ix_customer_said_unindexed ON customer_said (customer_id) "
    "WHERE kbm_word_starts(words) IS NULL",
]
TRIGRAM_INDEXES = [
    "CREATE INDEX ix_customer_search_trgm ON customer USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX ix_customer_phone_trgm ON customer USING gin (phone_digits gin_trgm_ops)",
    "CREATE INDEX ix_customer_said_trgm ON customer_said USING gin (words gin_trgm_ops)",
    "CREATE INDEX ix_conversation_summary_trgm ON conversation "
    "USING gin (kbm_fold(summary) gin_trgm_ops)",
]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_start(word: str) -> str:
    """A regular expression matching `word` at the start of a word."""
    return r"(^|[^[:alnum:]])" + re.escape(word).replace("\\ ", " ")


def word_condition(word: str, *, in_name_order: bool = False,
                   word_starts: bool = True) -> tuple[str, list]:
    """SQL (on customer c) true when a folded search word matches the customer; the same
    matches as SQLite's (see db/sqlite/search.py): a number in international digits, a
    name folded for German spellings. Without `word_starts` (a database lacking that index,
    engine.py), words said are matched by the pattern alone."""
    is_number = phone.looks_like_number(word)
    digits = (phone.search_digits(word) or "") if is_number else ""
    if is_number and len(digits) < 3:
        return "c.phone_digits LIKE ?", [f"{digits}%"]
    name_word = name_fold(word)
    if len(name_word) < 3 and not is_number:
        return "c.name_key ~ ?", [_word_start(name_word)]
    card = f"%{_like(digits if is_number else name_word)}%"
    said, said_params = _said(word, word_starts)
    return ("(c.search_text LIKE ? ESCAPE '\\' OR c.phone_digits LIKE ? ESCAPE '\\' OR "
            f"c.id IN ({said}))", [card, card, *said_params])


def _said(word: str, word_starts: bool = True) -> tuple[str, list]:
    """The customers who said a word starting with `word` (a query for their ids)."""
    # The LIKE before the pattern: it holds wherever the pattern does, is found in the
    # trigram index, and spares the regular expression most rows.
    pattern = ("SELECT customer_id FROM customer_said WHERE {where}words LIKE ? ESCAPE '\\' "
               "AND words ~ ?")
    pattern_params = [f"%{_like(word)}%", _word_start(word)]
    if len(word) > WORD_STARTS_CUT or not word_starts:
        return pattern.format(where=""), pattern_params
    lexeme = word.replace("\\", "\\\\").replace("'", "''")
    return ("SELECT customer_id FROM customer_said WHERE kbm_word_starts(words) @@ ?::tsquery "
            "UNION ALL " + pattern.format(where="kbm_word_starts(words) IS NULL AND "),
            [f"'{lexeme}':*", *pattern_params])


def conversation_word(word: str) -> tuple[str, list]:
    return "kbm_fold(v.summary) ~ ?", [_word_start(word)]


def _words(text: str) -> str:
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
                 (customer_id, _words(text)))


def rebuild(conn: Any) -> None:
    """Every customer's words anew from their conversations (after loading many rows)."""
    conn.execute("DELETE FROM customer_said")
    rows = conn.execute("SELECT customer_id, string_agg(summary, ' ') FROM conversation "
                        "WHERE deleted_at IS NULL GROUP BY customer_id").fetchall()
    conn.executemany("INSERT INTO customer_said(customer_id, words) VALUES (?, ?)",
                     [(cid, _words(text)) for cid, text in rows])


def compact(conn: Any) -> None:
    pass  # erased rows leave the indexes with VACUUM (engine.finish_erasure)


def name_words(words: list[str]) -> tuple[str, list]:
    if not words:
        return "FALSE", []
    return " AND ".join("name_key ~ ?" for _ in words).join("()"), [_word_start(w) for w in words]


def card_has(column: str, text: str) -> tuple[str, list]:
    assert column in ("search_text", "phone_digits")
    return f"{column} LIKE ? ESCAPE '\\'", [f"%{_like(text)}%"]


def adding_many_customers_begins(conn: Any) -> int:
    """Nothing to switch off: the trigram indexes take each new row as it comes."""
    return 0


def adding_many_customers_ends(conn: Any, first_id: int) -> None:
    pass
