"""Opening an SQLite database file: checking it is ours and usable, setting it up, and
telling the shop owner in plain words what is wrong when it isn't.

Everything SQLite-specific about the file itself lives in db/sqlite/, so another database
can be added beside it without touching the screens or the command line.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kbm_tui.core.errors import DatabaseFileError, os_reason
from kbm_tui.core.i18n import N_, _
from kbm_tui.db import derive, schema, workdir
from kbm_tui.db.location import DB_FILE_NAME, resolve_path
from kbm_tui.db.sqlite import search, seen

__all__ = ["resolve_path", "SQLITE_HEADER", "DRIVER_ERRORS", "connect", "translate"]

SQLITE_HEADER = b"SQLite format 3\x00"
# What the driver raises for a database that can't be used.
DRIVER_ERRORS = (sqlite3.DatabaseError,)


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
    # Translators: YOUR-BACKUP.zip stands in a command line for the name of a backup file.
    source = str(latest[0].path) if latest else _("YOUR-BACKUP.zip")
    return _("Keep the damaged file for a repair attempt and start from your newest copy: "
             "mv {path} {path}.damaged && kbm --db {path} restore {source}").format(
                 path=path, source=source)


def check_file(path: Path) -> bool:
    """Raise DatabaseFileError for a path we must not touch; True if it holds an SQLite file,
    False for a new path or an empty file (which becomes a new database)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise DatabaseFileError(_("Can't read {path}: {reason}.").format(
            path=path, reason=os_reason(exc))) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise DatabaseFileError(
            _("{path} is a folder, not a database file. Give a file name, e.g. {example}")
            .format(path=path, example=path / DB_FILE_NAME))
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise DatabaseFileError(
            _("{path} is a symbolic link (to {target}). kbm-tui opens only the database file "
              "itself: give its real path with --db. Nothing was changed.").format(
                path=path, target=os.readlink(path)))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise DatabaseFileError(
            _("{path} is not a regular file (it is a {kind}). Give the path of a database "
              "file, or of a new one, with --db. Nothing was changed.").format(
                path=path, kind=_kind(info.st_mode)))
    parent = path.parent
    if parent.exists() and not _writable(parent, os.stat(parent)):
        folder = (_("Can't create {path}: the folder {folder} is not writable, and SQLite "
                    "keeps its journal (-wal, -shm) beside the database. Make the folder "
                    "writable or move the file to one that is.") if info is None else
                  _("Can't use {path}: the folder {folder} is not writable, and SQLite keeps "
                    "its journal (-wal, -shm) beside the database. Make the folder writable "
                    "or move the file to one that is."))
        raise DatabaseFileError(folder.format(path=path, folder=parent))
    if info is None:
        return False
    if not _writable(path, info):
        raise DatabaseFileError(
            _("{path} is read-only. Make it writable (chmod u+w) or use another --db.").format(
                path=path))
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseFileError(_("Can't read {path}: {reason}.").format(
            path=path, reason=os_reason(exc))) from None
    if header == b"":
        return False
    if header != SQLITE_HEADER:
        raise DatabaseFileError(
            _("{path} is not a kbm-tui database (it is not an SQLite file at all). Check the "
              "--db path or KBM_DB; the file was left untouched.").format(path=path))
    return True


def _writable(path: Path, info: os.stat_result) -> bool:
    """Writable, and meant to be: a file whose owner took away its own write permission is
    read-only even to an administrator, who could write to it all the same."""
    own = info.st_uid == os.geteuid() if hasattr(os, "geteuid") else False
    return os.access(path, os.W_OK) and not (own and not info.st_mode & stat.S_IWUSR)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISCHR, N_("character device")),
                       (stat.S_ISBLK, N_("block device")),
                       (stat.S_ISFIFO, N_("named pipe")), (stat.S_ISSOCK, N_("socket"))):
        if test(mode):
            return _(name)
    return _("special file")


def _open(path: Path) -> sqlite3.Connection:
    """A connection to an existing file, never creating one."""
    try:
        return sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True,
                               timeout=busy_timeout_s(), isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise translate(exc, path) from None


def _version(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an open file; DatabaseFileError for foreign or damaged ones."""
    try:
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        if "kbm_meta" not in tables:
            raise DatabaseFileError((
                _("{path} is an empty SQLite database, but not one of kbm-tui. Check the --db "
                  "path or KBM_DB; the file was left untouched.") if not tables else
                _("{path} is an SQLite database, but not one of kbm-tui. Check the --db path "
                  "or KBM_DB; the file was left untouched.")).format(path=path))
        row = conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from None
    if row is None or not str(row[0]).isdigit() or len(str(row[0])) > 9:
        raise DatabaseFileError(_("{path} has no readable schema version. {hint}").format(
            path=path, hint=_restore_hint(path)))
    return int(row[0])


def read_version(path: Path) -> int:
    """The schema version of an existing kbm-tui file."""
    conn = _open(path)
    try:
        return _version(conn, path)
    finally:
        conn.close()


def translate(exc: sqlite3.Error, path: Path) -> DatabaseFileError:
    """A message a shop owner can act on for what SQLite reported."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseFileError(
            _("{path} is in use by another program and stayed locked for {n} s. Close the "
              "other program (or wait) and try again.").format(
                path=path, n=f"{busy_timeout_s():.0f}"))
    if "readonly" in text or "read-only" in text:
        return DatabaseFileError(
            _("{path} is read-only. Make it writable or use another --db.").format(path=path))
    if "malformed" in text or "not a database" in text or "corrupt" in text or "disk i/o" in text:
        return DatabaseFileError(
            _("{path} is damaged ({problem}). Nothing was changed. {hint}").format(
                path=path, problem=exc, hint=_restore_hint(path)))
    if "unable to open" in text:
        return DatabaseFileError(
            _("Can't open {path}. Check that the folder exists and is writable.").format(
                path=path))
    return DatabaseFileError(_("{path}: {problem}. Nothing was changed.").format(
        path=path, problem=exc))


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


def connect(path: Path, notices: list[str] | None = None) -> sqlite3.Connection:
    """Open (creating or upgrading if needed) a kbm-tui database and set it up; what an
    upgrade has to tell goes to `notices`."""
    if file_key(path) in _OPEN_HERE:
        return _setup(_open(path), path)
    exists = check_file(path)
    _prepare_folder(path)
    workdir.remove_dead(path.parent, path.name)
    if not exists:
        from kbm_tui.db.sqlite.create import create

        create(path)
    conn = _open(path)
    try:
        version = _version(conn, path)
        if version > schema.SCHEMA_VERSION:
            raise DatabaseFileError(
                _("{path} was written by a newer kbm-tui (schema {version}; this one knows up "
                  "to {known}). Update kbm-tui to open it; the file was left untouched.").format(
                    path=path, version=version, known=schema.SCHEMA_VERSION))
        _setup(conn, path)
        said = _upgrade(conn, path) if version < schema.SCHEMA_VERSION else None
        if not search.up_to_date(conn):
            _refold(conn, path)
        if said and notices is not None:
            notices.append(said)
        if conn.execute("SELECT 1 FROM kbm_meta WHERE key='erase_pending'").fetchone():
            finish_erasure(conn, wait=False)
        seen.check(conn, path, lambda: _restore_hint(path))
    except BaseException:
        conn.close()
        raise
    return conn


def _setup(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")  # erased personal data must not linger
        conn.execute("PRAGMA cache_size=-32768")  # 32 MB, taken only as pages are read
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from None
    return conn


def finish_erasure(conn: sqlite3.Connection, *, wait: bool = True) -> bool:
    """Copy the write-ahead log into the database file and empty it, so that erased rows are
    overwritten in the file itself; then the erasure is no longer pending. A program still
    reading an older state keeps the old pages in use: this waits for it (up to the busy
    timeout), or without `wait` gives up at once. True when the erasure is complete."""
    if not wait:
        conn.execute("PRAGMA busy_timeout=0")
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_s() * 1000)}")
    if busy:
        return False
    conn.execute("DELETE FROM kbm_meta WHERE key='erase_pending'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return True


def open_scratch(path: Path) -> sqlite3.Connection:
    """A connection to a database of our own making that nobody else opens (a restore being
    staged): no write-ahead log, no waiting for the disk — if the process dies, it is thrown
    away — and its rollback journal kept in memory (it only ever holds the few pages the new
    database started with)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    for pragma in ("journal_mode=MEMORY", "synchronous=OFF", "foreign_keys=ON",
                   "secure_delete=ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _upgrade(conn: sqlite3.Connection, path: Path) -> str | None:
    """Bring an older file up to date: one process does it while the others wait for it.
    What to tell afterwards, if this process did it."""
    from kbm_tui.db.sqlite.create import upgrade

    with file_lock(path, "updating"):
        version = _version(conn, path)  # another process may have done it meanwhile
        if version < schema.SCHEMA_VERSION:
            try:
                return upgrade(conn, path, version)
            except sqlite3.Error as exc:
                raise translate(exc, path) from None
    return None


def _refold(conn: sqlite3.Connection, path: Path) -> None:
    """The search columns anew, for a file whose columns an earlier kbm made
    (derive.SEARCH_COLUMNS), and the phone starts' index where it lacks it: once, by the
    process that opens it first."""
    with file_lock(path, "updating"):
        if search.up_to_date(conn):  # another process did it meanwhile
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if not derive.made_now(conn):
                    if sys.stderr.isatty() and conn.execute("SELECT 1 FROM customer").fetchone():
                        print(_("Updating the search of {name} for this version of kbm-tui "
                                "(only this once) …").format(name=path.name), file=sys.stderr,
                              flush=True)
                    derive.refold_all(conn)
                    derive.mark_made_now(conn)
                conn.execute(search.PHONE_START_INDEX)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise translate(exc, path) from None


LOCK_WAIT_S = 300.0  # an upgrade or restore of a million conversations takes seconds


# What a process waiting for the lock file says, by what the other one is doing.
_LOCK_WORDS = {
    "changing": (N_("Another program has been changing {path} for over {n} minutes. Close "
                    "other kbm windows and try again."),
                 N_("Waiting for another kbm to finish changing {name} …")),
    "updating": (N_("Another program has been updating {path} for over {n} minutes. Close "
                    "other kbm windows and try again."),
                 N_("Waiting for another kbm to finish updating {name} …")),
    "restoring into": (N_("Another program has been restoring into {path} for over {n} "
                          "minutes. Close other kbm windows and try again."),
                       N_("Waiting for another kbm to finish restoring into {name} …")),
}


@contextmanager
def file_lock(path: Path, doing: str = "changing") -> Iterator[None]:
    """Hold the database's lock file: one process at a time changes the file as a whole
    (upgrades it, restores into it); the others wait here, then carry on."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; SQLite's own locks are all there is
        yield
        return
    lock = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)
    except OSError as exc:
        raise DatabaseFileError(_("Can't create {path}: {reason}.").format(
            path=lock, reason=os_reason(exc))) from None
    try:
        deadline = time.monotonic() + LOCK_WAIT_S
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DatabaseFileError(_(_LOCK_WORDS[doing][0]).format(
                        path=path, n=f"{LOCK_WAIT_S / 60:.0f}")) from None
                if not told and sys.stderr.isatty():
                    print(_(_LOCK_WORDS[doing][1]).format(name=path.name),
                          file=sys.stderr, flush=True)
                    told = True
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def _prepare_folder(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise DatabaseFileError(_("Can't create the folder {folder}: {reason}.").format(
            folder=folder, reason=os_reason(exc))) from None
