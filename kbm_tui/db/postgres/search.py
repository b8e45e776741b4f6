"""Search on PostgreSQL, answering as SQLite's FTS5 indexes do (db/sqlite/search.py).

- Three characters or more match anywhere in the customer's folded card (search_text) or
  phone digits: `LIKE '%…%'`, which the pg_trgm extension's trigram indexes answer.
- Shorter words match the start of a word of the folded name (name_key).
- customer_said holds, per customer, each distinct word of their conversations, folded by
  the store (as name_key and search_text are): a word said matches at the start of one.
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


def word_condition(word: str, *, in_name_order: bool = False) -> tuple[str, list]:
    """SQL (on customer c) true when a folded search word matches the customer; the same
    matches as SQLite's (see db/sqlite/search.py): a number in international digits, a
    name folded for German spellings."""
    is_number = phone.looks_like_number(word)
    digits = (phone.search_digits(word) or "") if is_number else ""
    if is_number and len(digits) < 3:
        return "c.phone_digits LIKE ?", [f"{digits}%"]
    name_word = name_fold(word)
    if len(name_word) < 3 and not is_number:
        return "c.name_key ~ ?", [_word_start(name_word)]
    card = f"%{_like(digits if is_number else name_word)}%"
    # The LIKE first: it holds wherever the word-start pattern does, is found in the trigram
    # index, and spares the regular expression most rows (a common word said: 500 -> 290 ms
    # for the count at 100,000 customers).
    return ("(c.search_text LIKE ? ESCAPE '\\' OR c.phone_digits LIKE ? ESCAPE '\\' OR "
            "c.id IN (SELECT customer_id FROM customer_said WHERE words LIKE ? ESCAPE '\\' "
            "AND words ~ ?))",
            [card, card, f"%{_like(word)}%", _word_start(word)])


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
