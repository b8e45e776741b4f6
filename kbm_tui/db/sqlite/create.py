"""A new SQLite database, and upgrades of older ones, each all or nothing.

The statements of each upgrade step are written out here rather than taken from models.py,
so an upgrade step never changes with later models; a test checks that an upgraded
database has the same shape as a new one.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from kbm_tui.core import clock, timefmt
from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.core.i18n import N_, _
from kbm_tui.db import schema
from kbm_tui.db.sqlite import schema4, schema5, schema6, schema7, search, seen
from kbm_tui.db.sqlite.copy import copy_database

# Written out here (not taken from models.py) so the upgrade step never changes
# with later models; the schema test checks both agree.
SCHEMA_2_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_conversation_customer_at "
    "ON conversation (customer_id, at, deleted_at)",
    "CREATE INDEX IF NOT EXISTS ix_conversation_customer_kind "
    "ON conversation (customer_id, kind, deleted_at, amount_cents)",
    "CREATE INDEX IF NOT EXISTS ix_conversation_open_complaints ON conversation (at) "
    "WHERE kind = 'complaint' AND resolved_at IS NULL AND deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_conversation_resolved_complaints "
    "ON conversation (resolved_at, at) "
    "WHERE kind = 'complaint' AND resolved_at IS NOT NULL AND deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_conversation_ideas ON conversation (at) "
    "WHERE kind = 'feedback' AND deleted_at IS NULL",
)


def _schema_2(conn: sqlite3.Connection) -> None:
    """Full-text search over customers and conversations; an index for promise statistics;
    a revision number that every change counts up."""
    conn.execute("CREATE INDEX IF NOT EXISTS ix_promise_closed ON promise (status, closed_at)")
    conn.execute("DROP INDEX IF EXISTS ix_conversation_customer_at")
    for statement in SCHEMA_2_INDEXES:
        conn.execute(statement)
    conn.execute("INSERT OR IGNORE INTO kbm_meta(key, value) VALUES ('revision', '0')")
    search.install(conn)


# Indexes on expressions and covering ones for the Today screen, written out for the same
# reason. The agenda's queries must use these expressions word for word.
SCHEMA_3_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_customer_keep_in_touch ON customer ("
    "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(last_contact_at, created_at), "
    "'+' || contact_every_days || ' days')) WHERE contact_every_days IS NOT NULL AND "
    "do_not_contact=0 AND only_when_asked=0 AND archived_at IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_followup_due ON followup ("
    "coalesce(snoozed_until, due_day), due_at, id) WHERE done_at IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_conversation_complaint_days ON conversation ("
    "julianday(resolved_at) - julianday(at)) "
    "WHERE kind = 'complaint' AND resolved_at IS NOT NULL AND deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_promise_closed "
    "ON promise (status, closed_at, due_day, due_at, staff_id)",
)


def _schema_3(conn: sqlite3.Connection) -> None:
    """The words each customer said, indexed per customer (search as you type at any
    size); indexes that answer the Today screen without reading every customer."""
    conn.execute("DROP TABLE IF EXISTS conversation_terms")
    conn.execute("DROP INDEX IF EXISTS ix_followup_open_due")
    conn.execute("DROP INDEX IF EXISTS ix_promise_closed")
    for statement in SCHEMA_3_INDEXES:
        conn.execute(statement)
    search.install_said(conn)


# Upgrade steps: UPGRADES[n] turns a version-n database into version n+1, inside the
# upgrade transaction (foreign keys are checked at its end). Every schema change adds one,
# with a test that opens a file made with the previous schema (tests/data/).
UPGRADES: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _schema_2,
    2: _schema_3,
    3: schema4.rebuild_tables,
    4: schema5.upgrade,
    5: schema6.upgrade,
    6: schema7.upgrade,
}
# What the SQLModel tables can't express, applied to every new database as well.
NEW_DATABASE_STEPS = {1: _schema_2, 2: _schema_3, 4: schema5.new_database}


def create(path: Path) -> None:
    """A new database: the schema, its version and the owner as first staff member.

    Built under a temporary name and moved into place whole, so a crash during creation
    never leaves a half-made database, and two processes creating it at once agree.
    """
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        tmp.unlink(missing_ok=True)  # this process's own, from an attempt that failed
        build(tmp)
        try:
            os.link(tmp, path)
        except FileExistsError:
            if path.stat().st_size == 0:  # an empty file someone made for us to fill
                os.replace(tmp, path)
    except DatabaseFileError:
        raise
    except Exception as exc:
        raise DatabaseFileError(_("Can't create the database {path}: {problem}").format(
            path=path, problem=exc)) from None
    finally:
        tmp.unlink(missing_ok=True)


def build(path: Path, *, page_size: int | None = None) -> None:
    """Write a new kbm-tui database at `path`, which must not exist yet (owner-only)."""
    from kbm_tui.db import models

    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    if page_size:
        conn = sqlite3.connect(path)
        try:
            conn.execute(f"PRAGMA page_size={int(page_size)}")
            conn.execute("VACUUM")  # writes the header, and with it the page size
        finally:
            conn.close()
    models.create_schema(str(path))
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        stamp = timefmt.to_db(clock.now())
        conn.execute("BEGIN IMMEDIATE")
        for step in sorted(NEW_DATABASE_STEPS):
            NEW_DATABASE_STEPS[step](conn)
        conn.executemany("INSERT INTO kbm_meta(key, value) VALUES (?, ?)",
                         [("schema_version", str(schema.SCHEMA_VERSION)),
                          ("created_at", stamp), ("file_id", seen.new_id())])
        # The owner is named in the language in use; renaming is one command away.
        conn.execute("INSERT INTO staff(name, role, active, created_at) "
                     "VALUES (?, 'owner', 1, ?)", (_("Owner"), stamp))
        conn.execute("COMMIT")
    finally:
        conn.close()


def upgrade(conn: sqlite3.Connection, path: Path, version: int) -> str:
    """Run every step from `version` to schema.SCHEMA_VERSION in one transaction, after a
    copy. The caller holds the database's lock file (connect.file_lock). What to tell the
    person at this computer afterwards (in the app too: started from a desktop launcher,
    there is no terminal to read the line before)."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    wanted = path.with_name(f"{path.name}.before-upgrade-v{version}-{stamp}")
    if sys.stderr.isatty():  # a large database takes seconds: say why nothing shows yet
        print(_("Updating {name} for this version of kbm-tui (only this once; the old file "
                "is kept beside it as {copy}) …").format(name=path.name, copy=wanted.name),
              file=sys.stderr, flush=True)
    kept = copy_database(conn, wanted) or wanted
    conn.execute("PRAGMA foreign_keys=OFF")  # a step may rebuild a table others refer to
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for step in range(version, schema.SCHEMA_VERSION):
                UPGRADES[step](conn)
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise DatabaseFileError(
                    _("{path} holds rows that refer to rows that are not there, so it can't be "
                      "brought up to date. The file was left as it was. {help}").format(
                        path=path, help=_(_HELP)))
            conn.execute("UPDATE kbm_meta SET value=? WHERE key='schema_version'",
                         (str(schema.SCHEMA_VERSION),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except schema4.RowBreaksRule as exc:
        raise DatabaseFileError(
            _("{path} can't be brought up to date: {problem} The file was left as it was. "
              "{help}").format(path=path, problem=exc, help=_(_HELP))) from None
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
    return _("{name} was updated for this version of kbm-tui; the old file is kept as {copy} "
             "(you may delete it once this version works for you).").format(
        name=path.name, copy=kept)


_HELP = N_("Correct the value with the kbm-tui that wrote the file, or restore a backup "
           "into a new database (kbm --db NEW.sqlite3 restore BACKUP).")
