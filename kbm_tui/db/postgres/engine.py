"""PostgreSQL behind the engine seam (db/engine.py): one database on a server that several
computers share.

- A write starts by locking the revision row, so writers take turns as SQLite's
  BEGIN IMMEDIATE makes them, and a read-check-write in the store stays right.
- Each commit sends a notification (LISTEN/NOTIFY): another terminal's app sees the change
  at its next look (it looks every half second), as it sees PRAGMA data_version change.
- A snapshot reads at REPEATABLE READ: one moment, whatever others write meanwhile.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import psycopg

from kbm_tui.core import clock, settings, timefmt
from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.core.i18n import _
from kbm_tui.db import derive, schema
from kbm_tui.db.base import Notice
from kbm_tui.db.postgres import connect, search
from kbm_tui.db.postgres.connect import Connection, describe
from kbm_tui.db.search_plan import SearchPlan

CHANNEL = "kbm_changed"
# Held while a database is set up, so that two computers starting at once make it once.
SETUP_LOCK = 7_265_121


class PostgresEngine:
    name = "postgresql"
    errors: tuple[type[BaseException], ...] = (psycopg.Error, connect.ServerGone)
    no_limit: int | None = None
    integrity_errors: tuple[type[BaseException], ...] = (psycopg.IntegrityError,)
    search = search

    def begin(self, conn: Connection, *, write: bool) -> None:
        if write:
            conn.execute("BEGIN")
            conn.execute("SELECT value FROM kbm_meta WHERE key='revision' FOR UPDATE")
        else:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")

    def before_commit(self, conn: Connection) -> None:
        conn.execute("SELECT pg_notify(?, pg_backend_pid()::text)", (CHANNEL,))

    def after_commit(self, part: Any, revision: int) -> None:
        pass  # the server keeps its own log; nothing to note beside it

    def data_version(self, conn: Connection) -> int:
        conn.seen_changes += conn.notifications()
        return conn.seen_changes

    def interrupt(self, conn: Connection) -> None:
        conn.cancel()

    def was_interrupted(self, exc: BaseException) -> bool:
        return isinstance(exc, psycopg.errors.QueryCanceled)

    def translate(self, exc: BaseException, where: Any) -> DatabaseFileError:
        if isinstance(exc, DatabaseFileError):
            return exc
        if isinstance(exc, psycopg.errors.LockNotAvailable | psycopg.errors.SerializationFailure):
            return DatabaseFileError(_(
                "{where} is busy with another change. Try again.").format(
                where=describe(str(where))))
        if isinstance(exc, psycopg.OperationalError):
            return connect.gone(str(where))
        return DatabaseFileError(_("{where}: the database refused this ({kind}). Nothing was "
                                   "changed.").format(where=describe(str(where)),
                                                      kind=type(exc).__name__))

    def days_later(self, moment: str, days: str) -> str:
        return f"kbm_days_later({moment}, {days})"

    def days_between(self, start: str, end: str) -> str:
        return f"kbm_days_between({start}, {end})"

    def finish_erasure(self, conn: Connection) -> bool:
        """Erased rows are gone from what anyone can read; VACUUM frees their space so that
        they are overwritten in time (the server's own backups keep them as they were)."""
        for table in ("customer", "conversation", "promise", "promise_change", "followup",
                      "customer_said"):
            try:
                conn.execute(f"VACUUM {table}")
            except psycopg.errors.InsufficientPrivilege:
                return True  # only the owner may vacuum; autovacuum will
        conn.execute("DELETE FROM kbm_meta WHERE key='erase_pending'")
        return True

    def close(self, part: Any) -> None:
        part.conn.close()


ENGINE = PostgresEngine()


class _PatternSearch:
    """Search on a database made before the word-starts index, opened by a role that may
    not add it (only the tables' owner may): words said are found by the pattern alone —
    the same answers, only slower."""

    def __getattr__(self, name: str) -> Any:
        return getattr(search, name)

    @staticmethod
    def word_condition(word: str, *, in_name_order: bool = False, row_by_row: bool = False,
                       said_by: list[int] | None = None) -> tuple[str, list]:
        return search.word_condition(word, in_name_order=in_name_order, word_starts=False,
                                     row_by_row=row_by_row)

    @staticmethod
    def customer_ids(conn: Any, words: list[str], memory: dict | None = None) -> SearchPlan:
        return SearchPlan()  # the look-ups need the word-starts indexes


class _WithoutWordStarts(PostgresEngine):
    search = _PatternSearch()  # type: ignore[assignment]


WITHOUT_WORD_STARTS = _WithoutWordStarts()


def work_path(target: str) -> Path:
    """A local stand-in for the database's path: where work folders (a restore being
    checked) go on this computer."""
    name = hashlib.sha256(describe(target).encode()).hexdigest()[:12]
    return settings.data_dir() / "servers" / name / "kbm.postgresql"


def open_part(cls: type, target: Any) -> Any:
    """Connect to the server's database, set it up when it is empty, and make a store part
    on it (the engine's own versions of whole-table work mixed in)."""
    from kbm_tui.db.postgres.tables import ServerTables

    text = str(target) if target is not None else ""
    if not text:
        import os

        text = os.environ.get("KBM_DB", "")
    conn = Connection(text)
    notices: list[Notice] = []
    try:
        try:
            complete = _prepare(conn, text, notices)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise _not_allowed(text, exc) from None
        conn.listening = CHANNEL
        conn.execute(f"LISTEN {CHANNEL}")
    except BaseException:
        conn.close()
        raise
    store_cls = _server_class(ServerTables, cls)
    path = work_path(text)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    part = store_cls(conn, path, ENGINE if complete else WITHOUT_WORD_STARTS)
    part.location = text
    part._file_id = None
    part._file_key = None
    part.file_class = cls
    part.notices = notices
    return part


_CLASSES: dict[type, type] = {}


def _server_class(mixin: type, cls: type) -> type:
    if issubclass(cls, mixin):
        return cls
    if cls not in _CLASSES:
        _CLASSES[cls] = type(cls.__name__, (mixin, cls), {})
    return _CLASSES[cls]


def _tables(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema=current_schema()")}


def _prepare(conn: Connection, target: str, notices: list[Notice]) -> bool:
    """Check the database is kbm-tui's of a schema this kbm knows; make it when empty (an
    extension the server refused is said in `notices`). False when it lacks the
    word-starts index and this role may not add it (said in `notices`, once on this
    computer)."""
    where = describe(target)
    # The everyday case in one quick look: kbm's own table is there.
    known = conn.execute("SELECT to_regclass('kbm_meta') IS NOT NULL").fetchone()[0]
    tables = {"kbm_meta"} if known else _tables(conn)
    if not tables:
        conn.execute("SELECT pg_advisory_lock(?)", (SETUP_LOCK,))
        try:
            if not _tables(conn):
                missing = create(conn, target)
                if missing:  # said when the database is made: no mark
                    notices.append(Notice(_(
                        "The database server would not let kbm create the extension(s) "
                        "{names}. Search gives the same answers, but reads every row; ask the "
                        "server's administrator to run CREATE EXTENSION {first}; in the "
                        "database {where}.").format(names=", ".join(missing), first=missing[0],
                                                    where=describe(target))))
        finally:
            conn.execute("SELECT pg_advisory_unlock(?)", (SETUP_LOCK,))
        tables = _tables(conn)
    if "kbm_meta" not in tables:
        raise DatabaseFileError(_(
            "The database {where} holds tables of another program, not kbm-tui's. Give kbm "
            "a database of its own (see the README, \"Several computers\"); nothing was "
            "changed.").format(where=where))
    # (and how its search columns were made, in the same look: derive.SEARCH_COLUMNS)
    row = conn.execute("SELECT value, (SELECT value FROM kbm_meta WHERE key=?) FROM "
                       "kbm_meta WHERE key='schema_version'",
                       (derive.SEARCH_COLUMNS_KEY,)).fetchone()
    if row is None or not str(row[0]).isdigit():
        raise DatabaseFileError(_("The database {where} has no readable schema version. "
                                  "Nothing was changed.").format(where=where))
    version = int(row[0])
    if version > schema.SCHEMA_VERSION:
        raise DatabaseFileError(_(
            "The database {where} was written by a newer kbm-tui (schema {version}; this one "
            "knows up to {known}). Update kbm-tui to open it; nothing was changed.").format(
            where=where, version=version, known=schema.SCHEMA_VERSION))
    if version < schema.SCHEMA_VERSION:
        from kbm_tui.db.postgres.upgrade import upgrade

        if said := upgrade(conn, target, version):
            notices.append(Notice(said))  # once: the upgrade is done once
    if not derive.made_so(row[1]):
        _refold(conn, target)
    complete, may_add, user, owner = _word_starts(conn)
    if complete:
        return True
    if may_add:
        try:
            _index_word_starts(conn)
            return True
        except psycopg.errors.InsufficientPrivilege:
            pass  # the function is another role's, say
    told = work_path(target).parent / "told-search-index-missing"
    if not told.exists():  # each command would say it again otherwise
        notices.append(Notice(_(
            "{user} may not add the index for words said to {where}, a database made by an "
            "older kbm (only {owner}, who owns its tables, may). Search gives the same "
            "answers, only slower. To add it, open the database once as {owner}: kbm --db "
            "{owner_url} today").format(user=user, where=describe(target), owner=owner,
                                         owner_url=_as(target, owner)), told))
    return False


def _refold(conn: Connection, target: str) -> None:
    """The search columns anew, for a database whose columns an earlier kbm made
    (derive.SEARCH_COLUMNS): once, by the computer that opens it first."""
    conn.execute("SELECT pg_advisory_lock(?)", (SETUP_LOCK,))
    try:
        if derive.made_now(conn):  # another computer did it while this one waited
            return
        if sys.stderr.isatty() and conn.execute("SELECT 1 FROM customer LIMIT 1").fetchone():
            print(_("Updating the search of {name} for this version of kbm-tui (only this "
                    "once) …").format(name=describe(target)), file=sys.stderr, flush=True)
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT value FROM kbm_meta WHERE key='revision' FOR UPDATE")
            derive.refold_rows(conn)
            derive.mark_made_now(conn)
            conn.execute("COMMIT")
        except BaseException as exc:
            conn.execute("ROLLBACK")
            if not isinstance(exc, (psycopg.errors.InsufficientPrivilege,
                                    psycopg.errors.ReadOnlySqlTransaction)):
                raise
            # a role that may only read (or whose transactions only read: a standby
            # server, default_transaction_read_only): search answers from the columns as
            # they are until a till that may write opens the database
    finally:
        conn.execute("SELECT pg_advisory_unlock(?)", (SETUP_LOCK,))


def _as(target: str, user: str) -> str:
    """The database's URL for another user (never with a password)."""
    where = describe(target).split("@")[-1]
    return f"postgresql://{user}@{where}"


def _not_allowed(target: str, exc: psycopg.Error) -> DatabaseFileError:
    """Setting up or upgrading needs rights a role with only table rights lacks."""
    return DatabaseFileError(_(
        "kbm may not set up or bring up to date its tables in {where} (the "
        "server said: {reason}). Open it once as the role that owns the database, or see "
        "the README, \"Several computers\". Nothing was changed.").format(
        where=describe(target), reason=str(exc).strip().splitlines()[0]))


def _has_word_starts(conn: Connection) -> bool:
    return bool(_word_starts(conn)[0])


def _word_starts(conn: Connection) -> tuple[bool, bool, str, str]:
    """Whether the word-starts indexes are all there, made with this kbm's function at its
    cost; whether this role may add them (only the tables' owner may make an index); this
    role and the owner of the tables. One look, as every open (every `kbm log`) asks it: a
    till that may not add them does not try at each open."""
    indexes = " AND ".join(f"to_regclass('{name}') IS NOT NULL"
                           for name in search.WORD_STARTS_INDEX_NAMES)
    complete, may_add, user, owner = conn.execute(
        f"SELECT {indexes} AND EXISTS (SELECT 1 FROM pg_proc WHERE proname='kbm_word_starts' "
        "AND pronamespace=current_schema()::regnamespace AND prosrc=? AND procost >= ?), "
        "bool_and(pg_has_role(relowner, 'MEMBER')) AND "
        "has_schema_privilege(current_schema(), 'CREATE'), current_user, "
        "max(pg_get_userbyid(relowner)) FILTER (WHERE relname='customer_said') "
        "FROM pg_class WHERE oid IN (to_regclass('customer'), to_regclass('customer_said'))",
        (search.WORD_STARTS_BODY, search.WORD_STARTS_COST)).fetchone()
    return bool(complete), bool(may_add), str(user), str(owner or "?")


def _word_starts_body(conn: Connection) -> str | None:
    row = conn.execute("SELECT prosrc FROM pg_proc WHERE proname='kbm_word_starts' AND "
                       "pronamespace=current_schema()::regnamespace").fetchone()
    return str(row[0]) if row else None


def _index_word_starts(conn: Connection) -> None:
    """The word-starts index for a database made before it (read from the rows there,
    nothing rewritten), by whoever opens it first."""
    conn.execute("SELECT pg_advisory_lock(?)", (SETUP_LOCK,))
    try:
        if _has_word_starts(conn):  # another computer made it while this one waited
            return
        conn.execute("BEGIN")
        try:
            if _word_starts_body(conn) not in (None, search.WORD_STARTS_BODY):
                for name in search.WORD_STARTS_INDEX_NAMES:  # made with the older function
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
            for statement in [search.WORD_STARTS, *search.WORD_STARTS_INDEXES]:
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("SELECT pg_advisory_unlock(?)", (SETUP_LOCK,))


def create(conn: Connection, target: str) -> list[str]:
    """A new kbm-tui database, in one transaction: the schema, its version, the owner. The
    extensions the server would not let kbm create (made without what needs them)."""
    from kbm_tui.db.postgres import schema as pg_schema
    from kbm_tui.db.postgres.upgrade import require_utf8

    require_utf8(conn, target)
    missing = []
    conn.execute("BEGIN")
    try:
        for extension in search.EXTENSIONS:
            conn.execute("SAVEPOINT ext")
            try:
                conn.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
                conn.execute("RELEASE ext")
            except psycopg.Error:
                conn.execute("ROLLBACK TO ext")
                missing.append(extension)
        for statement in pg_schema.statements():
            conn.execute(statement)
        conn.execute(search.FOLD)
        for statement in search.TABLES:
            conn.execute(statement)
        for statement in [search.WORD_STARTS, *search.WORD_STARTS_INDEXES]:
            conn.execute(statement)
        if "pg_trgm" not in missing:
            for statement in search.TRIGRAM_INDEXES:
                conn.execute(statement)
        stamp = timefmt.to_db(clock.now())
        conn.executemany("INSERT INTO kbm_meta(key, value) VALUES (?, ?)",
                         [("schema_version", str(schema.SCHEMA_VERSION)), ("created_at", stamp),
                          ("revision", "0"), ("engine_note", ",".join(missing))])
        conn.execute("INSERT INTO staff(id, name, role, active, created_at) "
                     "VALUES (1, 'Owner', 'owner', 1, ?)", (stamp,))
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except (psycopg.Error, DatabaseFileError):
            pass
        raise
    return missing
