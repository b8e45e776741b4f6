"""Opening an SQLite database file: checking it is ours and usable, setting it up, and
telling the shop owner in plain words what is wrong when it isn't.

Everything SQLite-specific about the file itself lives in db/sqlite/, so another database
can be added beside it without touching the screens or the command line.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from pathlib import Path

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.db import schema
from kbm_tui.db.location import DB_FILE_NAME, resolve_path

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
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
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
        return DatabaseFileError(
            f"Can't open {path}. Check that the folder exists and is writable.")
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
    if version is not None and version > schema.SCHEMA_VERSION:
        raise DatabaseFileError(
            f"{path} was written by a newer kbm-tui (schema {version}; this one knows up to "
            f"{schema.SCHEMA_VERSION}). Update kbm-tui to open it; the file was left untouched."
        )
    _prepare_folder(path)
    _remove_leftovers(path)
    if version is None:
        from kbm_tui.db.sqlite.create import create

        create(path)
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
        if version is not None and version < schema.SCHEMA_VERSION:
            from kbm_tui.db.sqlite.create import upgrade

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

