"""The one place where the database engines differ: SQLite (a file, the default) and
PostgreSQL (a server, for several computers; db/postgres/).

Every part of the store writes the same SQL for both: `?` placeholders, the same tables,
moments as fixed-width UTC text, cents as integers, yes/no as 0/1. What can't be written
the same way goes through the store's `engine`: opening and closing, starting a write,
noticing other terminals' changes, stopping a query, date arithmetic, search, upserts.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kbm_tui.db.search_plan import SearchPlan

if TYPE_CHECKING:
    from kbm_tui.core.errors import DatabaseFileError

# postgresql://…, postgres://…, or a libpq connection string such as "host=… dbname=…".
_URL = re.compile(r"^(postgres|postgresql)://", re.IGNORECASE)
_KEYWORDS = re.compile(r"^\s*(host|hostaddr|dbname|user|port|service)\s*=", re.IGNORECASE)


def is_server(target: str | os.PathLike | None) -> bool:
    """True when --db (or KBM_DB) names a PostgreSQL server rather than a file."""
    if target is None:
        target = os.environ.get("KBM_DB") or ""
    text = os.fspath(target) if not isinstance(target, str) else target
    return bool(_URL.match(text) or _KEYWORDS.match(text))


class Search(Protocol):
    """How an engine finds customers and conversations by what was typed (db/sqlite/search.py,
    db/postgres/search.py): SQL conditions on the aliases c (customer) and v (conversation)."""

    def word_condition(self, word: str, *, in_name_order: bool = False,
                       row_by_row: bool = False,
                       said_by: list[int] | None = None) -> tuple[str, list]: ...
    def customer_ids(self, conn: Any, words: list[str],
                     memory: dict | None = None) -> SearchPlan: ...
    def names_window(self) -> int: ...
    def conversation_word(self, word: str) -> tuple[str, list]: ...
    def said_add(self, conn: Any, customer_id: int, summary: str) -> None: ...
    def said_refresh(self, conn: Any, customer_id: int) -> None: ...
    def compact(self, conn: Any) -> None: ...
    def name_words(self, words: list[str]) -> tuple[str, list]: ...
    def card_has(self, column: str, text: str) -> tuple[str, list]: ...
    def adding_many_customers_begins(self, conn: Any) -> int: ...
    def adding_many_customers_ends(self, conn: Any, first_id: int) -> None: ...


class Engine(Protocol):
    """What a store part asks of the engine under it."""

    @property
    def name(self) -> str: ...
    @property
    def errors(self) -> tuple[type[BaseException], ...]:
        """What the driver raises when the database can't be used."""
    @property
    def integrity_errors(self) -> tuple[type[BaseException], ...]:
        """What the driver raises for a row the schema refuses (a reference, a rule)."""
    @property
    def no_limit(self) -> int | None:
        """The LIMIT that means "every row"."""
    @property
    def search(self) -> Search: ...


    def begin(self, conn: Any, *, write: bool) -> None: ...
    def before_commit(self, conn: Any) -> None: ...
    def after_commit(self, part: Any, revision: int) -> None: ...
    def data_version(self, conn: Any) -> int: ...
    def interrupt(self, conn: Any) -> None: ...
    def was_interrupted(self, exc: BaseException) -> bool: ...
    def translate(self, exc: BaseException, where: Any) -> DatabaseFileError: ...
    def days_later(self, moment: str, days: str) -> str: ...
    def days_between(self, start: str, end: str) -> str: ...
    def finish_erasure(self, conn: Any) -> bool: ...
    def close(self, part: Any) -> None: ...


# What a driver raises for a database that can't be used. PostgreSQL's errors never get out
# of db/postgres/: its connection turns them into DatabaseFileError (a KbmError).
DATABASE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)


def explain(exc: BaseException, where: str | os.PathLike) -> DatabaseFileError:
    """A message a shop owner can act on for what the driver reported."""
    from kbm_tui.db.sqlite import connect

    assert isinstance(exc, sqlite3.Error)
    return connect.translate(exc, Path(where))


def days_later_python(moment: str, days: int) -> str:
    """What `days_later` computes, in Python (tests compare the engines against it)."""
    from datetime import datetime, timedelta

    parsed = datetime.strptime(moment, "%Y-%m-%dT%H:%M:%SZ") + timedelta(days=days)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def opens_with(target: str | os.PathLike | Path) -> str:
    """What to give --db to open the database again: a file's path, or the server's address
    as it was given without its password."""
    if is_server(target):
        from kbm_tui.db.postgres.connect import without_password

        return without_password(str(target))
    return str(target)


def shown(target: str | os.PathLike | Path) -> str:
    """How a database is named in messages: a file's path, or a server's address without
    its password."""
    if is_server(target):
        from kbm_tui.db.postgres.connect import describe

        return describe(str(target))
    return str(target)
