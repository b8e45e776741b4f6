"""The schema step for moving in (issue 13): what a phone book brings along on the card
(organisation, birthday, more numbers and addresses, where the card came from), the import
and merge journals that make both undoable, an index for emails ignoring case, and the
search columns anew for the German folding (Mueller = Müller) and phone numbers in
international form.

Written out here, not taken from models.py, so this step never changes with later models
(tests/store/test_database_file_and_upgrades.py checks an upgraded database against a new
one).
"""

from __future__ import annotations

import sqlite3

from kbm_tui.db import derive

COLUMNS = ("organization VARCHAR", "birthday VARCHAR", "more_contacts VARCHAR",
           "source_key VARCHAR")
TABLES = (
    "CREATE TABLE import_batch (id INTEGER NOT NULL, at VARCHAR(20) NOT NULL, "
    "file_name VARCHAR NOT NULL, format VARCHAR NOT NULL, added INTEGER NOT NULL, "
    "filled INTEGER NOT NULL, undone_at VARCHAR(20), PRIMARY KEY (id))",
    "CREATE TABLE import_change (id INTEGER NOT NULL, batch_id INTEGER NOT NULL, "
    "customer_id INTEGER NOT NULL, action VARCHAR NOT NULL, before_values VARCHAR, "
    "after_values VARCHAR, PRIMARY KEY (id), "
    "FOREIGN KEY(batch_id) REFERENCES import_batch (id))",
    "CREATE INDEX ix_import_change_batch_id ON import_change (batch_id)",
    "CREATE INDEX ix_import_change_customer_id ON import_change (customer_id)",
    "CREATE TABLE customer_merge (id INTEGER NOT NULL, at VARCHAR(20) NOT NULL, "
    "kept_id INTEGER NOT NULL, gone_id INTEGER NOT NULL, gone_name VARCHAR NOT NULL, "
    "gone_card VARCHAR NOT NULL, kept_before VARCHAR NOT NULL, moved VARCHAR NOT NULL, "
    "undone_at VARCHAR(20), PRIMARY KEY (id))",
    "CREATE INDEX ix_customer_merge_kept_id ON customer_merge (kept_id)",
    "CREATE INDEX ix_customer_source_key ON customer (source_key)",
)
# Also made in every new database (an index on an expression, which the models can't say).
EMAIL_INDEX = "CREATE INDEX IF NOT EXISTS ix_customer_email ON customer (lower(email))"


def new_database(conn: sqlite3.Connection) -> None:
    conn.execute(EMAIL_INDEX)


def upgrade(conn: sqlite3.Connection) -> None:
    for column in COLUMNS:
        conn.execute(f"ALTER TABLE customer ADD COLUMN {column}")
    for statement in TABLES:
        conn.execute(statement)
    conn.execute(EMAIL_INDEX)
    _refold(conn)


def _refold(conn: sqlite3.Connection) -> None:
    """The search columns in the new folding, by the same code as every write."""
    derive.refresh_all(conn, last_contact=False)
