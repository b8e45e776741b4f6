"""What every part of the store shares: one connection, its file, the clock, transactions.

The store is assembled from parts (customers, promises, care, ...), each a subclass of
`Part`. A part may call another part's public methods; those are declared here for the
type checker, so each part is checked against what it really uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kbm_tui.core import clock, timefmt, vocab
from kbm_tui.core.errors import DatabaseFileError, NotFound
from kbm_tui.core.i18n import _
from kbm_tui.core.records import Record
from kbm_tui.db import engine as engines
from kbm_tui.db import schema

if TYPE_CHECKING:
    from kbm_tui.core.records import Conversation, Customer, Followup, Promise, Staff
    from kbm_tui.core.when import Due
    from kbm_tui.db.engine import Engine

T = TypeVar("T")
P = TypeVar("P", bound="Part")
R = TypeVar("R", bound="Record")


class Notice:
    """Something the person at this computer should read about the database, said once on
    this computer: `mark` is left when it has been shown (None: it belongs to this opening
    alone)."""

    def __init__(self, text: str, mark: Path | None = None) -> None:
        self.text = text
        self.mark = mark


class Part:
    conn: Any  # the engine's connection: sqlite3's, or db/postgres/connect.py's
    path: Path

    def __init__(self, conn: Any, path: Path, engine: Engine | None = None) -> None:
        if engine is None:
            from kbm_tui.db.sqlite.engine import ENGINE

            engine = ENGINE
        self.conn = conn
        self.path = path
        self.engine: Engine = engine
        # What opens this database again: the file's path, or the server's address.
        self.location: str | Path = path
        self._depth = 0
        self._file_key: tuple[int, int] | None = None
        self._file_id: str | None = None  # None: no revisions noted (a staged database)
        # For whoever shows them (take_notices): the data layer never prints, for the app
        # covers the terminal as it starts.
        self.notices: list[Notice] = []

    @property
    def shown(self) -> str:
        """The database as messages name it: a file's path, or user@host:port/database
        (never a password)."""
        return engines.shown(self.location)

    @property
    def opens_with(self) -> str:
        """What to give --db to open this database again (never a password)."""
        return engines.opens_with(self.location)

    if TYPE_CHECKING:  # Store.open (store.py): a file, or a database on a server
        @classmethod
        def open(cls: type[P], path: str | Path | None = None) -> P: ...

    def close(self) -> None:
        self.engine.close(self)

    def tell(self, text: str, mark: Path | None = None) -> None:
        """Keep `text` for whoever shows what opening the database found (take_notices)."""
        self.notices.append(Notice(text, mark))

    def take_notices(self) -> list[str]:
        """What opening the database found to tell (the command line says it on stderr,
        the app in a notification); each is then marked told on this computer."""
        taken, self.notices = self.notices, []
        for notice in taken:
            if notice.mark is not None:
                try:
                    notice.mark.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                    notice.mark.touch()
                except OSError:
                    pass  # said again next time: better than never
        return [notice.text for notice in taken]

    def __enter__(self: P) -> P:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- units of work ---------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing unit of work; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.engine.begin(self.conn, write=True)
        except self.engine.errors as exc:
            raise self.engine.translate(exc, self.location) from None
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback_quietly()
            raise
        self._depth = 0
        try:
            newer = self._newer_schema()
            if newer is None:
                # Every change counts up the revision: readers in other processes can tell
                # whether they all saw the same state (see backup.export).
                row = self.conn.execute("UPDATE kbm_meta SET value=CAST(value AS INTEGER)+1 "
                                        "WHERE key='revision' RETURNING value").fetchone()
                self.engine.before_commit(self.conn)
                self.conn.execute("COMMIT")
        except self.engine.errors as exc:
            self._rollback_quietly()
            raise self.engine.translate(exc, self.location) from None
        if newer is not None:
            self._rollback_quietly()
            raise DatabaseFileError(_(
                "Not saved: {where} was updated meanwhile for a newer kbm-tui (schema "
                "{version}; this one knows up to {known}), from another window or computer. "
                "Update kbm-tui here and start it again.").format(
                where=self.shown, version=newer, known=schema.SCHEMA_VERSION))
        if row is not None:
            self.engine.after_commit(self, int(row[0]))

    def _newer_schema(self) -> int | None:
        """The schema version, when another kbm-tui made it newer while this one was open
        (writing on would leave out what the newer one keeps, e.g. a customer's objection
        to advertising in a merge)."""
        found = self.conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'"
                                  ).fetchone()
        version = str(found[0]) if found is not None else ""
        return int(version) if version.isdigit() and int(version) > schema.SCHEMA_VERSION \
            else None

    def _rollback_quietly(self) -> None:
        """Roll back after a failed commit; a connection that is gone has nothing to undo."""
        try:
            self.conn.execute("ROLLBACK")
        except self.engine.errors:
            pass

    @contextmanager
    def snapshot(self) -> Iterator[int]:
        """Read everything as of one moment, whatever others write meanwhile.
        Yields the revision being read."""
        if self._depth:
            yield self.revision()
            return
        self.engine.begin(self.conn, write=False)
        self._depth = 1
        try:
            yield self.revision()
        finally:
            self._depth = 0
            self._rollback_quietly()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Part of a transaction that can fail on its own and leave no trace."""
        self.conn.execute("SAVEPOINT part")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO part")
            self.conn.execute("RELEASE part")
            raise
        self.conn.execute("RELEASE part")

    def revision(self) -> int:
        row = self._one("SELECT value FROM kbm_meta WHERE key='revision'")
        return int(row[0]) if row else 0

    def data_version(self) -> int:
        """A number that changes when another connection commits (cheap to poll)."""
        return self.engine.data_version(self.conn)

    def interrupt(self) -> None:
        """Stop the query running on this connection (from another thread)."""
        self.engine.interrupt(self.conn)

    def interruptible(self, fn: Callable[[Any], T]) -> T | None:
        """`fn(self)`, or None when `interrupt()` cut it short."""
        try:
            return fn(self)
        except self.engine.errors as exc:
            if self.engine.was_interrupted(exc):
                return None
            raise

    # --- helpers every part uses -------------------------------------------------------

    def _now(self) -> str:
        return timefmt.to_db(clock.now())

    def _one(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params).fetchone()

    def _get(self, record: type[R], select: str, row_id: int, missing: str) -> R:
        """The record the SELECT finds for the id, or NotFound saying `missing`."""
        row = self._one(select, (row_id,))
        if row is None:
            raise NotFound(missing)
        return record.from_row(row)

    def _insert(self, table: str, values: dict[str, Any]) -> int:
        """Insert one row (call inside a transaction); its new id."""
        marks = ", ".join("?" for _ in values)
        cur = self.conn.execute(
            f"INSERT INTO {table}({', '.join(values)}) VALUES ({marks}) RETURNING id",
            tuple(values.values()))
        return int(cur.fetchone()[0])

    def _word(self, field: str, typed: str | None, default: str) -> str:
        """The stored word for a channel, kind or direction someone typed."""
        if typed is None:
            return default
        return vocab.word(field, typed)

    @staticmethod
    def _due_columns(due: Due | None) -> tuple[str | None, str | None]:
        """(due_day, due_at) for a Due, or (None, None) for open-ended."""
        if due is None:
            return None, None
        moment = due.moment(clock.local_tz())
        return timefmt.day_to_db(due.day), (timefmt.to_db(moment) if moment else None)

    if TYPE_CHECKING:  # what parts use of each other
        def get_staff(self, staff_id: int) -> Staff: ...
        def owner(self) -> Staff: ...
        def get_customer(self, customer_id: int) -> Customer: ...
        def get_conversation(self, conversation_id: int) -> Conversation: ...
        def get_promise(self, promise_id: int) -> Promise: ...
        def get_followup(self, followup_id: int) -> Followup: ...
        def open_promise_count(self, customer_id: int) -> int: ...
        def wish_conflicts(self, customer_id: int, *, channel: str | None = None,
                           staff_id: int | None = None, when: datetime | None = None,
                           kind: str | None = None, direction: str = "out") -> list[str]: ...
        def holds_data(self) -> bool: ...
        def log_conversation(self, customer_id: int, summary: str, *,
                             channel: str | None = None, direction: str | None = None,
                             kind: str | None = None, staff_id: int | None = None,
                             at: datetime | None = None, amount_cents: int | None = None,
                             against_wishes: str | None = None) -> Conversation: ...
        def make_promise(self, customer_id: int, text: str, due: Due | None = None, *,
                         staff_id: int | None = None,
                         conversation_id: int | None = None) -> Promise: ...
        def plan_followup(self, customer_id: int, text: str, due: Due | None, *,
                          every_days: int | None = None, staff_id: int | None = None,
                          against_wishes: str | None = None) -> Followup: ...
        def copy_beside(self, label: str) -> Path: ...
        def work_folder(self, what: str) -> AbstractContextManager[Path]: ...
        def row_counts(self) -> dict[str, int]: ...
        def id_range(self, table: str) -> tuple[int, int]: ...
        def iter_batches(self, table: str, columns: Any, *, escape_formulas: bool = False,
                         ids: tuple[int, int] | None = None, size: int = 5000) -> Any: ...
        def csv_batches(self, table: str, columns: Any, *, ids: tuple[int, int],
                        size: int = 20_000) -> Any: ...
        def table_columns(self, table: str, *, stored_only: bool = False) -> list[str]: ...
        def bulk(self) -> AbstractContextManager[None]: ...
        def delete_everything(self) -> None: ...
        def choices(self, table: str, column: str) -> list[str]: ...
