"""Schema 7, "no advertising" (GDPR Art. 21): the customer's objection to advertising as a
moment on the card (`no_ads_since`, the shop's evidence since when), and "advertising" as a
kind of conversation, so an outgoing one to such a customer is recognised as breaking it.

SQLite keeps a CHECK constraint inside its table's definition, so both tables are made anew
(schema4.rebuild_table: every row, index, trigger and view kept, the conversations' search
index too, whose rows are the conversations' ids). The lines are those of schema 5's
customer and schema 4's conversation, which no later step changes, with this step's
additions: written out here, not taken from models.py, so this step never changes with later
models (tests/store/test_database_file_and_upgrades.py checks an upgraded database against a
new one).
"""

from __future__ import annotations

import sqlite3

from kbm_tui.db.sqlite import schema4, schema5

NO_ADS_COLUMN = "no_ads_since VARCHAR(20)"
NO_ADS_CHECK = (
    "CONSTRAINT ok_no_ads_since CHECK (no_ads_since IS NULL OR ((typeof(no_ads_since) = "
    "'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', no_ads_since, '+0 days') IS no_ads_since) AND "
    "(no_ads_since BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))")
KIND_CHECK = (
    "CONSTRAINT ck_kind CHECK (kind IN ('inquiry', 'offer', 'purchase', 'invoice', "
    "'payment', 'complaint', 'return', 'service', 'feedback', 'advertising', 'other'))")


def _customer() -> tuple[str, ...]:
    lines = list(schema5.TABLES["customer"])
    lines.insert(lines.index("source_key VARCHAR") + 1, NO_ADS_COLUMN)
    lines.insert(lines.index("FOREIGN KEY(pref_staff_id) REFERENCES staff (id)"), NO_ADS_CHECK)
    return tuple(lines)


TABLES: dict[str, tuple[str, ...]] = {
    "customer": _customer(),
    "conversation": tuple(KIND_CHECK if line.startswith("CONSTRAINT ck_kind ") else line
                          for line in schema4.TABLES["conversation"]),
}


def upgrade(conn: sqlite3.Connection) -> None:
    """Upgrade step 6 -> 7 (inside the upgrade transaction, foreign keys off). Every row is
    copied as it was; the new column starts empty: nobody has objected in this file yet."""
    # First plainly, so the rebuild copies it and checks it against the rules.
    conn.execute(f"ALTER TABLE customer ADD COLUMN {NO_ADS_COLUMN}")
    conn.execute("PRAGMA ignore_check_constraints=ON")
    try:
        for table, lines in TABLES.items():
            schema4.rebuild_table(conn, table, lines, suffix="v7")
    finally:
        conn.execute("PRAGMA ignore_check_constraints=OFF")
