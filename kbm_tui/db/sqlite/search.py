"""Part of the store: full-text search with SQLite FTS5, kept in step by triggers.

- customer_fts indexes the customer's folded name, email, tags, notes, address, organisation
  and more contacts (German spellings folded: Mueller = Müller, db/derive.py) plus every
  phone number in international digits, with the trigram tokenizer: any run of three or
  more characters matches, so "5551" and "0171 555" find "+49 171 555-1234".
- conversation_fts indexes conversation summaries by word (accents and case ignored), for
  the conversation list's text filter. It reads them through the view conversation_folded,
  which spells ø ł æ œ đ ð þ ı ß as search folds them (core/folding.py) in plain SQL: the
  tokenizer folds case and accents, not these letters, and the file stays writable by any
  program (the sqlite3 tool too), with no function of kbm's needed for its triggers.
- customer_said holds, per customer, each distinct folded word of their conversations (kept
  by the store as conversations come and go), and customer_said_fts indexes it: a word someone
  said finds the customer as one index entry, not one per conversation. "bike" in a bike
  shop is in 180,000 of a million conversations but only 60,000 customers' words, and no
  conversation has to be looked up to learn whose it was.
The FTS tables are external-content indexes over the tables themselves, so they hold no
second copy of the text. SQLite-specific: another database would put its own search here.
"""

from __future__ import annotations

import json
import sqlite3

from kbm_tui.core import search_word
from kbm_tui.core.folding import in_sql
from kbm_tui.core.vocab import fold
from kbm_tui.db import derive, search_plan
from kbm_tui.db.search_plan import SearchPlan
from kbm_tui.db.sql import like_escape

# The conversations' index over summaries folded in SQL (schema 6).
CONVERSATION_DDL = [
    f"CREATE VIEW IF NOT EXISTS conversation_folded AS SELECT id, {in_sql('summary')} AS "
    "summary FROM conversation",
    "CREATE VIRTUAL TABLE IF NOT EXISTS conversation_fts USING fts5("
    "summary, content='conversation_folded', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS conversation_fts_ai AFTER INSERT ON conversation BEGIN "
    f"INSERT INTO conversation_fts(rowid, summary) VALUES (new.id, {in_sql('new.summary')}); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS conversation_fts_ad AFTER DELETE ON conversation BEGIN "
    "INSERT INTO conversation_fts(conversation_fts, rowid, summary) "
    f"VALUES ('delete', old.id, {in_sql('old.summary')}); END",
    "CREATE TRIGGER IF NOT EXISTS conversation_fts_au AFTER UPDATE OF summary ON conversation "
    "BEGIN INSERT INTO conversation_fts(conversation_fts, rowid, summary) "
    f"VALUES ('delete', old.id, {in_sql('old.summary')}); "
    f"INSERT INTO conversation_fts(rowid, summary) VALUES (new.id, {in_sql('new.summary')}); "
    "END",
]
# The phone numbers' starts, for one or two digits typed ("3": a house number, or the start
# of a number): GLOB '3*' is a range of this index, where LIKE read all 100,000 customers
# (17-60 ms) to find the few. Made with the other indexes, and when a file made before it
# is opened (up_to_date).
PHONE_START_INDEX = ("CREATE INDEX IF NOT EXISTS ix_customer_phone_start "
                     "ON customer (phone_digits)")
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
    *CONVERSATION_DDL,
    PHONE_START_INDEX,
    "CREATE TABLE IF NOT EXISTS customer_said ("
    "customer_id INTEGER PRIMARY KEY, words TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS customer_said_fts USING fts5("
    "words, content='customer_said', content_rowid='customer_id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS customer_said_ai AFTER INSERT ON customer_said BEGIN "
    "INSERT INTO customer_said_fts(rowid, words) VALUES (new.customer_id, new.words); END",
    "CREATE TRIGGER IF NOT EXISTS customer_said_ad AFTER DELETE ON customer_said BEGIN "
    "INSERT INTO customer_said_fts(customer_said_fts, rowid, words) "
    "VALUES ('delete', old.customer_id, old.words); END",
    "CREATE TRIGGER IF NOT EXISTS customer_said_au AFTER UPDATE ON customer_said BEGIN "
    "INSERT INTO customer_said_fts(customer_said_fts, rowid, words) "
    "VALUES ('delete', old.customer_id, old.words); "
    "INSERT INTO customer_said_fts(rowid, words) VALUES (new.customer_id, new.words); END",
]
INDEXES = ("customer_fts", "customer_words", "conversation_fts", "customer_said_fts")


def up_to_date(conn: sqlite3.Connection) -> bool:
    """Whether the card's search columns are made as this kbm makes them and the phone
    starts' index is there (one look, as every open asks it)."""
    noted, indexed = conn.execute(
        "SELECT (SELECT value FROM kbm_meta WHERE key=?), EXISTS (SELECT 1 FROM "
        "sqlite_master WHERE type='index' AND name='ix_customer_phone_start')",
        (derive.SEARCH_COLUMNS_KEY,)).fetchone()
    return derive.made_so(noted) and bool(indexed)


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


def install_said(conn: sqlite3.Connection) -> None:
    """Create the words-said table and index, and fill them (upgrade step 2 -> 3)."""
    said = [statement for statement in DDL if "customer_said" in statement]
    for statement in said:  # the triggers last: the index is built in one go
        if not statement.startswith("CREATE TRIGGER"):
            conn.execute(statement)
    _fill_said(conn)
    conn.execute("INSERT INTO customer_said_fts(customer_said_fts) VALUES ('rebuild')")
    for statement in said:
        if statement.startswith("CREATE TRIGGER"):
            conn.execute(statement)


def rebuild(conn: sqlite3.Connection) -> None:
    """Every index from its table; the words each customer said first of all."""
    _fill_said(conn)
    for index in INDEXES:
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")


def _fill_said(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM customer_said")
    # Sorting the scanned rows beats following the customer index: 3 s, not 11 s, at 1M.
    rows = conn.execute("SELECT customer_id, group_concat(summary, ' ') FROM ("
                        "SELECT customer_id, summary FROM conversation WHERE deleted_at IS NULL "
                        "ORDER BY +customer_id) GROUP BY customer_id")
    conn.executemany("INSERT INTO customer_said(customer_id, words) VALUES (?, ?)",
                     ((cid, _distinct(text)) for cid, text in rows))


def compact(conn: sqlite3.Connection) -> None:
    """Merge the index segments, which also drops what deleted rows left behind."""
    for index in INDEXES:
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")


def _distinct(text: str) -> str:
    """Each folded word once, as what is searched is folded (and as PostgreSQL keeps them).
    Split at spaces only: the index's tokenizer does the rest, the same way for the words
    and for what is searched."""
    return " ".join(sorted(set(fold(text).split())))


def said_add(conn: sqlite3.Connection, customer_id: int, summary: str) -> None:
    """A new conversation's words join its customer's (most add nothing new)."""
    row = conn.execute("SELECT words FROM customer_said WHERE customer_id=?",
                       (customer_id,)).fetchone()
    have = set(row[0].split()) if row else set()
    new = set(fold(summary).split())
    if new <= have:
        return
    conn.execute("INSERT INTO customer_said(customer_id, words) VALUES (?, ?) "
                 "ON CONFLICT(customer_id) DO UPDATE SET words=excluded.words",
                 (customer_id, " ".join(sorted(new | have))))


def said_refresh(conn: sqlite3.Connection, customer_id: int) -> None:
    """A customer's words anew, after a conversation went or came back."""
    text = conn.execute("SELECT group_concat(summary, ' ') FROM conversation "
                        "WHERE customer_id=? AND deleted_at IS NULL", (customer_id,)).fetchone()[0]
    if text is None:
        conn.execute("DELETE FROM customer_said WHERE customer_id=?", (customer_id,))
        return
    words = _distinct(text)
    conn.execute("INSERT INTO customer_said(customer_id, words) VALUES (?, ?) "
                 "ON CONFLICT(customer_id) DO UPDATE SET words=excluded.words "
                 "WHERE words != excluded.words", (customer_id, words))


def quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _word_starts(word: str) -> str:
    """An FTS5 query for words starting with the folded `word` (the words said are stored
    folded, the summaries indexed folded: conversation_folded)."""
    return quoted(word) + "*"


def word_condition(word: str, *, in_name_order: bool = False, row_by_row: bool = False,
                   said_by: list[int] | None = None) -> tuple[str, list]:
    """SQL (on customer c) that is true when a folded search word matches the customer:
    `_word_condition`, or a word of digits as a number on the card (a house number, a
    postcode: core/search_word.number_on_card)."""
    sql, params = _word_condition(word, in_name_order=in_name_order, row_by_row=row_by_row,
                                  said_by=said_by)
    number = search_word.number_on_card(word)
    if number is None:
        return sql, params
    card, card_params = _on_card(number, "+c.id" if in_name_order else "c.id", row_by_row)
    return f"({sql} OR {card})", [*params, *card_params]


def _word_condition(word: str, *, in_name_order: bool, row_by_row: bool,
                    said_by: list[int] | None) -> tuple[str, list]:
    """SQL (on customer c) that is true when a folded search word matches the customer.

    Three letters or more match anywhere on the card, in the phone digits, or at the start
    of a word said in one of their conversations. Shorter words match the start of a word
    of the name (or of the phone number): "an" finds Anna and Jan Andersen.

    `in_name_order` makes the matches a set that rows are checked against, instead of rows
    to look up: for a page sorted by name (read along the name index until it is full),
    and for every word but the one whose matches are looked up. `row_by_row` checks each
    row read (from a few ids, or along the names) on the row itself where collecting every
    match first would cost more than the page: the card, and the words said unless
    `said_by` names every customer who said the word (customer_ids found them few). 60,000
    customers said "bike" at 100k: their set takes 40 ms to collect, where a page along
    the names checks a few hundred rows.
    """
    how, text = search_word.read(word)
    member = "+c.id" if in_name_order else "c.id"
    if how == search_word.NUMBER_START:  # (GLOB: the phone starts' index answers it)
        return "c.phone_digits GLOB ?", [f"{text}*"]
    if how == search_word.NAME_START:
        return (f"{member} IN (SELECT rowid FROM customer_words WHERE customer_words MATCH ?)",
                [quoted(text) + "*"])
    card, card_params = _on_card(text, member, row_by_row)
    if said_by is not None:
        said, said_params = (f"{member} IN (SELECT value FROM json_each(?))",
                             [json.dumps(said_by)])
    elif row_by_row:
        # In SQL, not a Python function: one called for every row read waits for Python's
        # lock each time, and while the app draws, a page took 100-3,000 ms instead of 10.
        said, said_params = ("coalesce((SELECT ' ' || s.words GLOB ? FROM customer_said s "
                             "WHERE s.customer_id = c.id), 0)",
                             [search_word.word_start_glob(search_word.bare(word))])
    else:
        said, said_params = (f"{member} IN (SELECT rowid FROM customer_said_fts WHERE "
                             "customer_said_fts MATCH ?)", [_word_starts(word)])
    return f"({card} OR {said})", [*card_params, *said_params]


def _on_card(text: str, member: str, row_by_row: bool) -> tuple[str, list]:
    """SQL true when the card (search_text or phone digits) holds `text`: checked on the
    row itself, or the customer found in the trigram index."""
    if row_by_row:
        on_card = f"%{like_escape(text)}%"
        return ("c.search_text LIKE ? ESCAPE '\\' OR c.phone_digits LIKE ? ESCAPE '\\'",
                [on_card, on_card])
    return (f"{member} IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)",
            [quoted(text)])


class _Lookups:
    """SQLite's index look-ups for the search plan: FTS5 stops at the limit, 1-3 ms each."""

    # A word said by many is looked for in each id's words by GLOB (25 µs a customer), and
    # a page along the names is quick here ("cargo bi": 1,498 names start "bi", 37 ms read
    # by id, 8 ms along the names; "bike ol": 228 of them, 8 ms by id, 13 ms along).
    look_through = 400

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _ids(self, table: str, query: str) -> set[int] | None:
        # One array, not a row each: fewer Python objects for the garbage collector to
        # count (see ui/memory.py).
        ids = json.loads(self.conn.execute(
            f"SELECT json_group_array(rowid) FROM (SELECT rowid FROM {table} WHERE {table} "
            "MATCH ? LIMIT ?)", (query, search_plan.FEW_CUSTOMERS)).fetchone()[0])
        return set(ids) if len(ids) < search_plan.FEW_CUSTOMERS else None

    def said(self, word: str) -> set[int] | None:
        return self._ids("customer_said_fts", _word_starts(word))

    def number(self, digits: str) -> set[int] | None:
        ids = json.loads(self.conn.execute(
            "SELECT json_group_array(id) FROM (SELECT id FROM customer WHERE phone_digits "
            "GLOB ? LIMIT ?)", (f"{digits}*", search_plan.FEW_CUSTOMERS)).fetchone()[0])
        return set(ids) if len(ids) < search_plan.FEW_CUSTOMERS else None

    def name(self, text: str) -> set[int] | None:
        return self._ids("customer_words", quoted(text) + "*")

    def card(self, text: str) -> set[int] | None:
        return self._ids("customer_fts", quoted(text))

    def narrowed_to(self, ids: list[int]) -> tuple[str, list]:
        return "c.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]


def customer_ids(conn: sqlite3.Connection, words: list[str],
                 memory: dict | None = None) -> SearchPlan:
    return search_plan.plan(words, _Lookups(conn), memory)


def names_window() -> int:
    """0: SQLite's planner reads a page along the name index by itself, and stops when it
    is full (a window, a subquery with its own LIMIT, would be read whole and sorted)."""
    return 0


_NEW_CUSTOMER_TRIGGERS = ("customer_fts_ai", "customer_words_ai")


def adding_many_customers_begins(conn: sqlite3.Connection) -> int:
    """Before inserting many customers in one transaction: the per-row index triggers off
    (one row at a time costs 80 µs of trigram indexing; all at once, 10). Returns the
    first id the new customers will get; call `adding_many_customers_ends` with it."""
    for name in _NEW_CUSTOMER_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    row = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM customer").fetchone()
    return int(row[0])


def adding_many_customers_ends(conn: sqlite3.Connection, first_id: int) -> None:
    conn.execute("INSERT INTO customer_fts(rowid, search_text, phone_digits) "
                 "SELECT id, search_text, phone_digits FROM customer WHERE id >= ?", (first_id,))
    conn.execute("INSERT INTO customer_words(rowid, name_key) "
                 "SELECT id, name_key FROM customer WHERE id >= ?", (first_id,))
    for statement in DDL:
        if statement.startswith("CREATE TRIGGER") and statement.split()[5] in \
                _NEW_CUSTOMER_TRIGGERS:
            conn.execute(statement)


def conversation_word(word: str) -> tuple[str, list]:
    """SQL (on conversation v) true when a folded word starts a word of the summary."""
    return ("v.id IN (SELECT rowid FROM conversation_fts WHERE conversation_fts MATCH ?)",
            [_word_starts(word)])


def name_words(words: list[str]) -> tuple[str, list]:
    """SQL (on customer) true when every word starts a word of the folded name."""
    return ("id IN (SELECT rowid FROM customer_words WHERE customer_words MATCH ?)",
            [" AND ".join(quoted(w) + "*" for w in words)])


def card_has(column: str, text: str) -> tuple[str, list]:
    """SQL (on customer) true when the card's search_text or phone_digits holds `text`."""
    return ("id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)",
            [f"{column} : {quoted(text)}"])
