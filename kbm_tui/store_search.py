"""Part of the store: full-text search with SQLite FTS5, kept in step by triggers.

- customer_fts indexes the customer's folded name, email, tags, notes and address plus the
  digits of the phone number, with the trigram tokenizer: any run of three or more
  characters matches, so "5551" finds "+49 171 555-1234".
- conversation_fts indexes conversation summaries by word (accents and case ignored), so a
  word someone said finds the customer who said it.
Both are external-content indexes over the tables themselves, so they hold no second copy
of the text. SQLite-specific: another database would put its own search here.
"""

from __future__ import annotations

import re
import sqlite3

from .store_views import digits_of

DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS customer_fts USING fts5("
    "search_text, phone_digits, content='customer', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_ai AFTER INSERT ON customer BEGIN "
    "INSERT INTO customer_fts(rowid, search_text, phone_digits) "
    "VALUES (new.id, new.search_text, new.phone_digits); END",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_ad AFTER DELETE ON customer BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, search_text, phone_digits) "
    "VALUES ('delete', old.id, old.search_text, old.phone_digits); END",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_au AFTER UPDATE OF search_text, phone_digits "
    "ON customer BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, search_text, phone_digits) "
    "VALUES ('delete', old.id, old.search_text, old.phone_digits); "
    "INSERT INTO customer_fts(rowid, search_text, phone_digits) "
    "VALUES (new.id, new.search_text, new.phone_digits); END",
    "CREATE VIRTUAL TABLE IF NOT EXISTS customer_words USING fts5("
    "name_key, content='customer', content_rowid='id', prefix='1 2')",
    "CREATE TRIGGER IF NOT EXISTS customer_words_ai AFTER INSERT ON customer BEGIN "
    "INSERT INTO customer_words(rowid, name_key) VALUES (new.id, new.name_key); END",
    "CREATE TRIGGER IF NOT EXISTS customer_words_ad AFTER DELETE ON customer BEGIN "
    "INSERT INTO customer_words(customer_words, rowid, name_key) "
    "VALUES ('delete', old.id, old.name_key); END",
    "CREATE TRIGGER IF NOT EXISTS customer_words_au AFTER UPDATE OF name_key ON customer BEGIN "
    "INSERT INTO customer_words(customer_words, rowid, name_key) "
    "VALUES ('delete', old.id, old.name_key); "
    "INSERT INTO customer_words(rowid, name_key) VALUES (new.id, new.name_key); END",
    "CREATE VIRTUAL TABLE IF NOT EXISTS conversation_fts USING fts5("
    "summary, content='conversation', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    # How many conversations hold each word: tells a rare word from a common one.
    "CREATE VIRTUAL TABLE IF NOT EXISTS conversation_terms "
    "USING fts5vocab('conversation_fts', 'row')",
    "CREATE TRIGGER IF NOT EXISTS conversation_fts_ai AFTER INSERT ON conversation BEGIN "
    "INSERT INTO conversation_fts(rowid, summary) VALUES (new.id, new.summary); END",
    "CREATE TRIGGER IF NOT EXISTS conversation_fts_ad AFTER DELETE ON conversation BEGIN "
    "INSERT INTO conversation_fts(conversation_fts, rowid, summary) "
    "VALUES ('delete', old.id, old.summary); END",
    "CREATE TRIGGER IF NOT EXISTS conversation_fts_au AFTER UPDATE OF summary ON conversation "
    "BEGIN INSERT INTO conversation_fts(conversation_fts, rowid, summary) "
    "VALUES ('delete', old.id, old.summary); "
    "INSERT INTO conversation_fts(rowid, summary) VALUES (new.id, new.summary); END",
]
INDEXES = ("customer_fts", "customer_words", "conversation_fts")


def install(conn: sqlite3.Connection) -> None:
    """Create the search indexes and fill them from what is stored (upgrade step 1 -> 2)."""
    for statement in DDL:
        conn.execute(statement)
    rebuild(conn)


def drop_triggers(conn: sqlite3.Connection) -> None:
    """For loading many rows at once: the indexes are rebuilt in one go afterwards."""
    for statement in DDL:
        if statement.startswith("CREATE TRIGGER"):
            name = statement.split()[5]
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def create_triggers(conn: sqlite3.Connection) -> None:
    for statement in DDL:
        if statement.startswith("CREATE TRIGGER"):
            conn.execute(statement)


def rebuild(conn: sqlite3.Connection) -> None:
    for index in INDEXES:
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")


def compact(conn: sqlite3.Connection) -> None:
    """Merge the index segments, which also drops what deleted rows left behind."""
    for index in INDEXES:
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


COMMON = 2000  # conversations holding a word, above which it counts as common


def said_often(conn: sqlite3.Connection, word: str) -> bool:
    """Whether many conversations hold a word starting like this one (read from the
    word index's own counts, in a millisecond or two)."""
    tokens = re.findall(r"\w+", word)
    if not tokens:
        return False
    token = max(tokens, key=len)
    row = conn.execute("SELECT coalesce(sum(doc), 0) FROM conversation_terms "
                       "WHERE term >= ? AND term < ?", (token, token + "\U0010ffff")).fetchone()
    return row[0] > COMMON


def word_condition(word: str, *, in_name_order: bool = False,
                   common: bool = False) -> tuple[str, list]:
    """SQL (on customer c) that is true when a folded search word matches the customer.

    Three letters or more match anywhere on the card, in the phone digits, or at the start
    of a word said in one of their conversations. Shorter words match the start of a word
    of the name (or of the phone number): "an" finds Anna and Jan Andersen.

    `in_name_order` makes the matches a set that rows are checked against, instead of rows
    to look up: for a page sorted by name (read along the name index until it is full),
    and for every word but the one whose matches are looked up. A word `common` in
    conversations is then checked customer by customer among their own conversations,
    which finds a page of matches long before all their customers would be gathered.
    """
    digits = digits_of(word)
    is_number = digits is not None and all(ch.isdigit() or ch in "+()/-." for ch in word)
    member = "+c.id" if in_name_order else "c.id"
    if is_number and len(digits) < 3:  # the start of the number
        return "c.phone_digits LIKE ?", [f"{digits}%"]
    if len(word) < 3:
        return (f"{member} IN (SELECT rowid FROM customer_words WHERE customer_words MATCH ?)",
                [_quoted(word) + "*"])
    card = _quoted(digits if is_number else word)
    said = _quoted(word) + "*"
    talks = "SELECT rowid FROM conversation_fts WHERE conversation_fts MATCH ?"
    if in_name_order and common:
        in_talks = (f"EXISTS (SELECT 1 FROM conversation v WHERE v.customer_id=c.id AND "
                    f"v.deleted_at IS NULL AND +v.id IN ({talks}))")
    else:
        in_talks = (f"{member} IN (SELECT v.customer_id FROM conversation v WHERE "
                    f"v.deleted_at IS NULL AND v.id IN ({talks}))")
    return (f"({member} IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?) OR "
            f"{in_talks})", [card, said])
