"""Part of the store: finding, checking, creating and upgrading the database file.

Everything SQLite-specific about the file itself lives here (header check, WAL, pragmas,
the online backup API), so another database can be added behind `store.py` later.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
import threading
from pathlib import Path
from typing import Callable

from kbm_tui.core import clock, settings, timefmt
from kbm_tui.core.errors import DatabaseFileError

SCHEMA_VERSION = 3
# Tables in an order in which every row's references come before it.
TABLES_IN_ORDER = ("staff", "customer", "conversation", "promise", "promise_change", "followup")
# Columns the store derives from others; backups leave them out and restore recomputes them.
DERIVED_COLUMNS = {"customer": ("name_key", "phone_digits", "search_text", "last_contact_at")}
SQLITE_HEADER = b"SQLite format 3\x00"
DB_FILE_NAME = "kbm.sqlite3"

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
    from kbm_tui.db import search as store_search

    conn.execute("CREATE INDEX IF NOT EXISTS ix_promise_closed ON promise (status, closed_at)")
    conn.execute("DROP INDEX IF EXISTS ix_conversation_customer_at")
    for statement in SCHEMA_2_INDEXES:
        conn.execute(statement)
    conn.execute("INSERT OR IGNORE INTO kbm_meta(key, value) VALUES ('revision', '0')")
    store_search.install(conn)


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
    from kbm_tui.db import search as store_search

    conn.execute("DROP TABLE IF EXISTS conversation_terms")
    conn.execute("DROP INDEX IF EXISTS ix_followup_open_due")
    conn.execute("DROP INDEX IF EXISTS ix_promise_closed")
    for statement in SCHEMA_3_INDEXES:
        conn.execute(statement)
    store_search.install_said(conn)


# Upgrade steps: UPGRADES[n] turns a version-n database into version n+1, inside the
# upgrade transaction. Every schema change adds one, with a test that opens a file
# made with the previous schema (tests/data/).
UPGRADES: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _schema_2,
    2: _schema_3,
}
# What the SQLModel tables can't express, applied to every new database as well.
NEW_DATABASE_STEPS = {1: _schema_2, 2: _schema_3}


def default_path() -> Path:
    return settings.data_dir() / DB_FILE_NAME


def resolve_path(given: str | os.PathLike | None) -> Path:
    """--db, then KBM_DB, then the default in the user's data folder."""
    if given:
        return Path(given).expanduser()
    if env := os.environ.get("KBM_DB"):
        return Path(env).expanduser()
    return default_path()


def busy_timeout_s() -> float:
    try:
        return float(os.environ.get("KBM_BUSY_TIMEOUT", "10"))
    except ValueError:
        return 10.0


def _restore_hint(path: Path) -> str:
    """What to do about a damaged file: keep it, start again from the newest copy."""
    from kbm_tui.db import safety

    try:
        latest = safety.copies(path)
    except OSError:
        latest = []
    source = str(latest[0].path) if latest else "YOUR-BACKUP.zip"
    return (f"Keep the damaged file for a repair attempt and start from your newest copy: "
            f"mv {path} {path}.damaged && kbm --db {path} restore {source}")


def check_file(path: Path) -> bool:
    """Raise DatabaseFileError for a path we must not touch; True if it holds data."""
    if path.is_dir():
        raise DatabaseFileError(
            f"{path} is a folder, not a database file. Give a file name, e.g. {path / DB_FILE_NAME}"
        )
    if not path.exists():
        parent = path.parent
        if parent.exists() and not os.access(parent, os.W_OK):
            raise DatabaseFileError(
                f"Can't create {path}: the folder {parent} is not writable. "
                "Choose another place with --db."
            )
        return False
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseFileError(f"Can't read {path}: {exc.strerror}.") from None
    if header == b"":
        return False
    if header != SQLITE_HEADER:
        raise DatabaseFileError(
            f"{path} is not a kbm-tui database (it is not an SQLite file at all). "
            "Check the --db path or KBM_DB; the file was left untouched."
        )
    if not os.access(path, os.W_OK):
        raise DatabaseFileError(
            f"{path} is read-only. Make it writable (chmod u+w) or use another --db."
        )
    return True


def read_version(path: Path) -> int | None:
    """The schema version of an existing file, read without writing to it.

    None means the file has no tables yet. Raises for foreign or damaged files.
    """
    # With no -wal file beside it no connection is open, and `immutable` reads the file
    # without creating -wal/-shm litter next to a file we may be about to refuse.
    idle = not Path(f"{path}-wal").exists()
    uri = f"file:{path.as_posix()}?mode=ro" + ("&immutable=1" if idle else "")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_s())
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "kbm_meta" not in tables:
                raise DatabaseFileError(
                    f"{path} is an SQLite database, but not one of kbm-tui. "
                    "Check the --db path or KBM_DB; the file was left untouched."
                )
            row = conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from None
    if row is None or not str(row[0]).isdigit():
        raise DatabaseFileError(f"{path} has no readable schema version. {_restore_hint(path)}")
    return int(row[0])


def translate(exc: sqlite3.Error, path: Path) -> DatabaseFileError:
    """A message a shop owner can act on for what SQLite reported."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseFileError(
            f"{path} is in use by another program and stayed locked for "
            f"{busy_timeout_s():.0f} s. Close the other program (or wait) and try again."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseFileError(f"{path} is read-only. Make it writable or use another --db.")
    if "malformed" in text or "not a database" in text or "corrupt" in text or "disk i/o" in text:
        return DatabaseFileError(
            f"{path} is damaged ({exc}). Nothing was changed. {_restore_hint(path)}"
        )
    if "unable to open" in text:
        return DatabaseFileError(f"Can't open {path}. Check that the folder exists and is writable.")
    return DatabaseFileError(f"{path}: {exc}. Nothing was changed.")


# Database files this process has open through SQLite, by device and inode, with how many
# connections. Such a file must not be read any other way: POSIX locks belong to the
# process, and closing any descriptor of the file drops every lock SQLite holds on it.
# Another program could then checkpoint and delete the -wal file under our connections,
# which read "database disk image is malformed" afterwards. A file already open here has
# been checked, so its next connections skip the checks.
_OPEN_HERE: dict[tuple[int, int], int] = {}
_OPEN_LOCK = threading.Lock()


def file_key(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def hold(key: tuple[int, int] | None) -> None:
    if key is not None:
        with _OPEN_LOCK:
            _OPEN_HERE[key] = _OPEN_HERE.get(key, 0) + 1


def release(key: tuple[int, int] | None) -> None:
    if key is not None:
        with _OPEN_LOCK:
            left = _OPEN_HERE.get(key, 0) - 1
            if left > 0:
                _OPEN_HERE[key] = left
            else:
                _OPEN_HERE.pop(key, None)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating or upgrading if needed) a kbm-tui database and set it up."""
    if file_key(path) in _OPEN_HERE:
        return _setup(path)
    has_data = check_file(path)
    version = read_version(path) if has_data else None
    if version is not None and version > SCHEMA_VERSION:
        raise DatabaseFileError(
            f"{path} was written by a newer kbm-tui (schema {version}; this one knows up to "
            f"{SCHEMA_VERSION}). Update kbm-tui to open it; the file was left untouched."
        )
    _prepare_folder(path)
    _remove_leftovers(path)
    if version is None:
        _create(path)
    return _setup(path, version)


def _setup(path: Path, version: int | None = None) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            path, timeout=busy_timeout_s(), isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")  # erased personal data must not linger
        conn.execute("PRAGMA cache_size=-32768")  # 32 MB, taken only as pages are read
        if version is not None and version < SCHEMA_VERSION:
            upgrade(conn, path, version)
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
    return conn


def _prepare_folder(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise DatabaseFileError(f"Can't create the folder {folder}: {exc.strerror}.") from None


def _remove_leftovers(path: Path) -> None:
    """Delete what a creation killed half-way left beside the database: `_create`'s
    temporary file (and SQLite's journal of it) whose process is no longer running.
    A running process's file is a creation in progress and stays; so does anything
    that can't be checked or deleted — it is only litter."""
    if os.name == "nt":  # there os.kill(pid, 0) would send Ctrl+C instead of asking
        return
    prefix = f".{path.name}.new-"
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        found = _LEFTOVER.fullmatch(name[len(prefix):])
        if found and not _running(int(found[1])):
            try:
                (path.parent / name).unlink(missing_ok=True)
            except OSError:
                pass


_LEFTOVER = re.compile(r"([1-9][0-9]*)(-journal|-wal|-shm)?")


def _running(pid: int) -> bool:
    """False only when the process is known to be gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # someone else's process, or no pid at all: leave it
        return True
    return True


def _create(path: Path) -> None:
    """A new database: the schema, its version and the owner as first staff member.

    Built under a temporary name and moved into place whole, so a crash during creation
    never leaves a half-made database, and two processes creating it at once agree.
    """
    from kbm_tui.db import models

    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        models.create_schema(str(tmp))
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            stamp = timefmt.to_db(clock.now())
            conn.execute("BEGIN IMMEDIATE")
            for step in sorted(NEW_DATABASE_STEPS):
                NEW_DATABASE_STEPS[step](conn)
            conn.executemany("INSERT INTO kbm_meta(key, value) VALUES (?, ?)",
                             [("schema_version", str(SCHEMA_VERSION)), ("created_at", stamp)])
            conn.execute("INSERT INTO staff(name, role, active, created_at) "
                         "VALUES ('Owner', 'owner', 1, ?)", (stamp,))
            conn.execute("COMMIT")
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            if path.stat().st_size == 0:  # an empty file someone made for us to fill
                os.replace(tmp, path)
    except Exception as exc:
        raise DatabaseFileError(f"Can't create the database {path}: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def safety_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database through SQLite's online backup API."""
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # a copy stands alone, without -wal files
    finally:
        dest.close()
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    return target


def upgrade(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Run every step from `version` to SCHEMA_VERSION in one transaction, after a copy."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.before-upgrade-v{version}-{stamp}")
    if sys.stderr.isatty():  # a large database takes seconds: say why nothing shows yet
        print(f"Updating {path.name} for this version of kbm-tui (only this once; the old "
              f"file is kept as {copy.name}) …", file=sys.stderr, flush=True)
    safety_copy(conn, copy)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            UPGRADES[step](conn)
        conn.execute(
            "UPDATE kbm_meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),)
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
