"""Schema 6: search folds the letters that do not come apart into a letter and an accent
(ø ł æ œ đ ð þ ı, core/folding.py), so "soren" finds Søren on both engines.

The card's folded search columns and the words each customer said are derived anew in the
new folding, and the conversations' index is made anew over the view conversation_folded,
which spells those letters as search does in plain SQL (db/sqlite/search.py).
"""

from __future__ import annotations

import sqlite3

from kbm_tui.db import derive
from kbm_tui.db.sqlite import search

_CONVERSATION_TRIGGERS = ("conversation_fts_ai", "conversation_fts_ad", "conversation_fts_au")
_SAID_TRIGGERS = ("customer_said_ai", "customer_said_ad", "customer_said_au")


def upgrade(conn: sqlite3.Connection) -> None:
    """Upgrade step 5 -> 6 (inside the upgrade transaction)."""
    derive.refold_all(conn)
    for name in _CONVERSATION_TRIGGERS + _SAID_TRIGGERS:  # the indexes are made in one go
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute("DROP TABLE IF EXISTS conversation_fts")
    for statement in search.CONVERSATION_DDL:
        if not statement.startswith("CREATE TRIGGER"):
            conn.execute(statement)
    conn.execute("INSERT INTO conversation_fts(conversation_fts) VALUES ('rebuild')")
    search.install_said(conn)
    for statement in search.CONVERSATION_DDL:
        if statement.startswith("CREATE TRIGGER"):
            conn.execute(statement)
