"""Upgrades of a kbm-tui database on PostgreSQL, each step all or nothing.

PostgreSQL came with schema 5 (no database on a server is older). Each later schema adds
its step here (PostgreSQL can change a table in place), with a test that opens a database
of the previous schema.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.core.i18n import _
from kbm_tui.db import derive, schema
from kbm_tui.db.postgres import search
from kbm_tui.db.postgres.connect import Connection, describe


def require_utf8(conn: Connection, target: str) -> None:
    """Search folds text with normalize(), which needs PostgreSQL 13 or newer and a UTF8
    database (as do names in any alphabet): anything else is refused before a thing is
    changed."""
    version = int(conn.execute("SHOW server_version_num").fetchone()[0])
    if version < 130000:
        raise DatabaseFileError(_(
            "The server of {where} is PostgreSQL {version}; kbm needs PostgreSQL 13 or newer. "
            "Nothing was changed.").format(where=describe(target),
                                           version=f"{version // 10000}"))
    found = conn.execute("SHOW server_encoding").fetchone()[0]
    # (the driver hands a SQL_ASCII database's text over as bytes)
    encoding = found.decode() if isinstance(found, bytes) else str(found)
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise DatabaseFileError(_(
            "The database {where} stores text as {encoding}, not UTF-8, which kbm needs "
            "for names in every alphabet. Make a database for kbm with ENCODING 'UTF8' (see "
            "the README, \"Several computers\"). Nothing was changed.").format(
            where=describe(target), encoding=encoding))


def refold(conn: Connection) -> None:
    """The folded search columns and the words said anew in this kbm's folding, written
    only where they change (the indexes on them follow each row written)."""
    derive.refold_rows(conn)
    said = conn.execute("SELECT v.customer_id, string_agg(v.summary, ' '), min(s.words) "
                        "FROM conversation v LEFT JOIN customer_said s ON "
                        "s.customer_id = v.customer_id WHERE v.deleted_at IS NULL "
                        "GROUP BY v.customer_id").fetchall()
    conn.executemany("UPDATE customer_said SET words=? WHERE customer_id=?",
                     [(words, cid) for cid, text, had in said
                      if (words := search.distinct_words(text)) != had])


def _schema_6(conn: Connection) -> None:
    """ø ł æ œ đ ð þ ı folded as a keyboard without them types them (core/folding.py)."""
    conn.execute(search.FOLD)
    if conn.execute(f"SELECT to_regclass('{search.FOLD_INDEX}') IS NOT NULL").fetchone()[0]:
        conn.execute(f"REINDEX INDEX {search.FOLD_INDEX}")  # made with the older function
    refold(conn)


# Written out, as db/sqlite/schema7.py is, so this step never changes with later models.
NO_ADS_COLUMN = (
    'ALTER TABLE customer ADD COLUMN no_ads_since TEXT COLLATE "C" CONSTRAINT ok_no_ads_since '
    "CHECK (no_ads_since IS NULL OR (kbm_is_moment(no_ads_since) AND (no_ads_since BETWEEN "
    "'1900-01-01' AND '2999-12-31T23:59:59Z')))")
ADVERTISING_KIND = (
    "ALTER TABLE conversation DROP CONSTRAINT ck_kind, ADD CONSTRAINT ck_kind CHECK (kind IN "
    "('inquiry', 'offer', 'purchase', 'invoice', 'payment', 'complaint', 'return', 'service', "
    "'feedback', 'advertising', 'other'))")
WAITING_PROMISES = (  # as in schema.SERVER_INDEXES
    "CREATE INDEX IF NOT EXISTS ix_promise_waiting ON promise (made_at NULLS FIRST, "
    "id NULLS FIRST) WHERE status = 'open' AND due_day IS NULL")


def _schema_7(conn: Connection) -> None:
    """The customer's objection to advertising, and "advertising" as a conversation's kind
    (both in place: no row is rewritten, the new column starts empty); Today's index of the
    promises without a due day (schema.SERVER_INDEXES)."""
    conn.execute(NO_ADS_COLUMN)
    conn.execute(ADVERTISING_KIND)
    conn.execute(WAITING_PROMISES)


UPGRADES: dict[int, Callable[[Connection], None]] = {5: _schema_6, 6: _schema_7}


def upgrade(conn: Connection, target: str, version: int) -> str | None:
    """Every step from `version` on, in one transaction that also holds the setup lock.
    What to tell the person at this computer afterwards, if this computer did it."""
    if any(step not in UPGRADES for step in range(version, schema.SCHEMA_VERSION)):
        raise DatabaseFileError(_(
            "The database {where} has schema {version}, which this kbm-tui can't bring up to "
            "date on a server. Nothing was changed.").format(where=describe(target),
                                                             version=version))
    require_utf8(conn, target)
    if sys.stderr.isatty():  # a large database takes half a minute: say why nothing shows yet
        print(_("Updating the database {where} for this version of kbm-tui (only this once) "
                "…").format(where=describe(target)), file=sys.stderr, flush=True)
    conn.execute("BEGIN")
    try:
        conn.execute("LOCK TABLE kbm_meta IN EXCLUSIVE MODE")
        row = conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'").fetchone()
        done_here = int(row[0]) < schema.SCHEMA_VERSION  # not by another computer meanwhile
        for step in range(int(row[0]), schema.SCHEMA_VERSION):
            UPGRADES[step](conn)
        conn.execute("UPDATE kbm_meta SET value=? WHERE key='schema_version'",
                     (str(schema.SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except Exception:
            pass
        raise
    if not done_here:
        return None
    return _("The database {where} was updated for this version of kbm-tui: computers with "
             "an older kbm-tui must be updated to open it.").format(where=describe(target))
