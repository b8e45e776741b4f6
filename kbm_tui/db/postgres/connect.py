"""A connection to a PostgreSQL server that the store parts use exactly as they use SQLite's.

The parts write SQLite's SQL: `?` and `:name` placeholders, NULLs sorted first. This
connection rewrites each statement once (cached) into PostgreSQL's: `%s` placeholders, and
`NULLS FIRST`/`NULLS LAST` spelt out in every ORDER BY, so both engines list rows in the
same order. Rows read like sqlite3.Row: by position and by column name.

The server's password (from the URL, ~/.pgpass or PGPASSWORD) is never shown: messages name
the server by `describe`, which leaves it out; the driver's own text is never passed on for
a connection that failed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg import conninfo

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.core.i18n import _


class ServerGone(DatabaseFileError):
    """The server does not answer (stopped, unreachable): whatever was being written was not."""


def describe(target: str) -> str:
    """The server and database, as `user@host:port/dbname`: never the password."""
    try:
        params = conninfo.conninfo_to_dict(target)
    except psycopg.Error:
        return _("the database server given with --db")
    host = params.get("host") or params.get("hostaddr") or "localhost"
    if str(host).startswith("/"):
        host = "localhost"
    port = params.get("port") or "5432"
    user = params.get("user")
    where = f"{host}:{port}/{params.get('dbname') or user or ''}"
    return f"{user}@{where}" if user else where


def without_password(target: str) -> str:
    """The address as it was given, less any password in it: what a message may tell the
    person to type to open the database again (~/.pgpass or PGPASSWORD give the password)."""
    if "://" not in target:
        try:
            params = conninfo.conninfo_to_dict(target)
        except psycopg.Error:
            return target
        params.pop("password", None)
        return conninfo.make_conninfo("", **params)
    parts = urlsplit(target)
    userinfo, at, hosts = parts.netloc.rpartition("@")
    netloc = f"{userinfo.partition(':')[0]}@{hosts}" if at else hosts
    query = "&".join(p for p in parts.query.split("&") if p and not p.startswith("password="))
    # By hand: urlunsplit drops the "//" of an empty host (postgresql:///shop, a socket),
    # and "postgresql:/shop" would be taken for a file.
    return (f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")
            + (f"#{parts.fragment}" if parts.fragment else ""))


def server_of(target: str) -> str:
    """host:port of the server."""
    return describe(target).split("@")[-1].split("/")[0]


def _connect_error(exc: psycopg.Error, target: str) -> DatabaseFileError:
    """A one-line reason for a connection that could not be made. The driver's text can hold
    the connection string, so only its kind is used."""
    text = str(exc)
    where = describe(target)
    if "failed to resolve host" in text or "could not translate host name" in text:
        return DatabaseFileError(_(
            "This computer does not know the server name {host}. Use the server's address "
            "on the shop's network instead (e.g. 192.168.1.10), or check the name in --db "
            "or KBM_DB. Nothing was changed.").format(host=server_of(target).rsplit(":", 1)[0]))
    if "no password supplied" in text:
        # libpq found no line of ~/.pgpass for this server, port, database and user (or
        # skipped the file, readable by others): a different fault from a wrong password.
        return DatabaseFileError(_(
            "The database server asks for the password of {where}, and none was found: put "
            "a line HOST:PORT:DATABASE:USER:PASSWORD that matches this address into "
            "~/.pgpass (then chmod 600 ~/.pgpass), or set PGPASSWORD. Nothing was "
            "changed.").format(where=where))
    if "password authentication failed" in text:
        return DatabaseFileError(_(
            "The database server refused the password for {where}. Check the password in "
            "~/.pgpass or PGPASSWORD (it is not shown here). Nothing was changed.").format(
            where=where))
    if "does not exist" in text and "database" in text:
        return DatabaseFileError(_(
            "There is no database {where} on the server. Create it first (see the README, "
            "\"Several computers\"). Nothing was changed.").format(where=where))
    if "role" in text and "does not exist" in text:
        return DatabaseFileError(_(
            "The database server has no user for {where}. Check the user name in --db or "
            "KBM_DB. Nothing was changed.").format(where=where))
    if "SSL" in text:
        return DatabaseFileError(_(
            "The database server at {server} offers no encrypted connection, and the address "
            "asks for one (sslmode=require). Turn SSL on at the server (see the README, "
            "\"Several computers\"). Nothing was changed.").format(server=server_of(target)))
    if "invalid" in text.lower() or "missing" in text.lower() and "=" in text:
        return DatabaseFileError(_(
            "The database address given with --db or KBM_DB can't be read. Write it as "
            "postgresql://USER@HOST/DATABASE. Nothing was changed."))
    return gone(target)


def gone(target: str) -> ServerGone:
    return ServerGone(_(
        "The database server at {server} does not answer — nothing was saved. Check that it "
        "is running and reachable, then try again.").format(server=server_of(target)))


class Row(tuple):
    """A row by position and by column name, like sqlite3.Row."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _plain(value: Any) -> Any:
    # sum() of integers is numeric on PostgreSQL: give it back as SQLite does.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _row_factory(cursor: Any) -> Any:
    if cursor.description is None:
        return lambda values: values
    index = {col.name: n for n, col in enumerate(cursor.description)}
    return lambda values: Row([_plain(v) for v in values], index)


def _tuple_factory(cursor: Any) -> Any:
    return lambda values: tuple(_plain(v) for v in values)


_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%|(?<!:):([A-Za-z_]\w*)|\bORDER BY\b|[()]|"
                    r"\b(?:LIMIT|OFFSET|UNION|FOR)\b|,", re.IGNORECASE)


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite's SQL as PostgreSQL's: placeholders, and NULLs first in ascending order."""
    out: list[str] = []
    pos = 0
    # For each ORDER BY being read: the depth of parentheses it stands at, and where its
    # current term began in `out`.
    orders: list[int] = []
    depth = 0
    term_start: list[int] = []

    def close_term() -> None:
        text = "".join(out[term_start[-1]:]).rstrip()
        out[term_start[-1]:] = [text + _nulls(text)]

    for m in _TOKEN.finditer(sql):
        out.append(sql[pos:m.start()])
        pos = m.end()
        tok = m.group(0)
        upper = tok.upper()
        if tok.startswith(("'", '"')):
            out.append(tok.replace("%", "%%"))
        elif tok == "?":
            out.append("%s")
        elif tok == "%":
            out.append("%%")
        elif m.group(1):
            out.append(f"%({m.group(1)})s")
        elif upper == "ORDER BY":
            out.append(tok)
            orders.append(depth)
            term_start.append(len(out))
        elif tok == "(":
            depth += 1
            out.append(tok)
        elif tok == ")":
            if orders and orders[-1] == depth:
                close_term()
                orders.pop()
                term_start.pop()
            depth -= 1
            out.append(tok)
        elif orders and orders[-1] == depth and (tok == "," or upper in (
                "LIMIT", "OFFSET", "UNION", "FOR")):
            close_term()
            out.append((" " if tok != "," else "") + tok)
            if tok == ",":
                term_start[-1] = len(out)
            else:
                orders.pop()
                term_start.pop()
        else:
            out.append(tok)
    out.append(sql[pos:])
    if orders:
        close_term()
    return "".join(out)


def _nulls(term: str) -> str:
    upper = term.upper()
    if "NULLS " in upper:
        return ""
    return " NULLS LAST" if upper.endswith(" DESC") else " NULLS FIRST"


def _values(params: Any) -> Any:
    """Yes/no as 1/0, as SQLite stores Python's booleans."""
    if params is None:
        return ()
    if isinstance(params, dict):
        return {k: int(v) if isinstance(v, bool) else v for k, v in params.items()}
    return [int(v) if isinstance(v, bool) else v for v in params]


class Cursor:
    """What the parts use of a cursor: execute, fetch, iterate, rowcount."""

    def __init__(self, owner: Connection, cur: psycopg.Cursor) -> None:
        self._owner = owner
        self._cur = cur
        self.row_factory: Any = True  # None: plain tuples, as with sqlite3

    def execute(self, sql: str, params: Any = ()) -> Cursor:
        if self.row_factory is None:
            self._cur.row_factory = _tuple_factory
        self._owner._run(self._cur, sql, params)
        return self

    def fetchone(self) -> Any:
        return self._owner._guard(self._cur.fetchone)

    def fetchall(self) -> list:
        return self._owner._guard(self._cur.fetchall)

    def fetchmany(self, size: int) -> list:
        return self._owner._guard(lambda: self._cur.fetchmany(size))

    def __iter__(self) -> Iterator:
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount


class Connection:
    """One session with the server, in autocommit mode: the store says BEGIN and COMMIT."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._lock = threading.RLock()
        self._raw: psycopg.Connection | None = None
        self.in_transaction = False
        self.listening: str | None = None
        self.seen_changes = 0  # notifications from other sessions so far (data_version)
        self.raw()

    def raw(self) -> psycopg.Connection:
        """The driver's connection, made anew after the server went away and came back."""
        if self._raw is None or self._raw.closed:
            try:
                self._raw = psycopg.connect(self.target, autocommit=True,
                                            row_factory=_row_factory, connect_timeout=5)
            except psycopg.Error as exc:
                raise _connect_error(exc, self.target) from None
            if self.listening:
                self._raw.execute(f"LISTEN {self.listening}")
        return self._raw

    def _guard(self, fn: Any) -> Any:
        try:
            return fn()
        except psycopg.OperationalError as exc:
            self._lost(exc)
            raise AssertionError from None  # not reached

    def _lost(self, exc: psycopg.Error) -> None:
        """Raise ServerGone if the connection is lost; other errors as they are."""
        if self._raw is not None and (self._raw.closed or self._raw.broken):
            try:
                self._raw.close()
            except psycopg.Error:
                pass
            raise gone(self.target) from None
        if isinstance(exc, psycopg.errors.AdminShutdown | psycopg.errors.ConnectionFailure):
            raise gone(self.target) from None
        raise exc

    def _run(self, cur: psycopg.Cursor, sql: str, params: Any) -> None:
        word = sql.lstrip()[:8].upper()
        try:
            cur.execute(translate(sql), _values(params))
        except psycopg.OperationalError as exc:
            self._lost(exc)
        if word.startswith("BEGIN"):
            self.in_transaction = True
        elif word.startswith(("COMMIT", "ROLLBACK")) and not word.startswith("ROLLBACK T"):
            self.in_transaction = False

    def cursor(self) -> Cursor:
        return Cursor(self, self._guard(lambda: self.raw().cursor()))

    def execute(self, sql: str, params: Any = ()) -> Cursor:
        with self._lock:
            if self.in_transaction and (self._raw is None or self._raw.closed):
                # The server lost this transaction: nothing more of it may run on a new
                # session as if it were whole. Only its end (ROLLBACK) clears the way.
                if sql.lstrip().upper().startswith("ROLLBACK"):
                    self.in_transaction = False
                raise gone(self.target)
            return self.cursor().execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Cursor:
        with self._lock:
            cur = self.cursor()
            try:
                cur._cur.executemany(translate(sql), [_values(r) for r in rows])
            except psycopg.OperationalError as exc:
                self._lost(exc)
            return cur

    def notifications(self) -> int:
        """How many notifications from other sessions arrived since the last call."""
        with self._lock:
            raw = self._guard(self.raw)
            mine = str(raw.info.backend_pid)
            return sum(1 for n in self._guard(lambda: list(raw.notifies(timeout=0)))
                       if n.payload != mine)

    def cancel(self) -> None:
        raw = self._raw
        if raw is not None and not raw.closed:
            try:
                raw.cancel_safe(timeout=2)
            except psycopg.Error:
                pass

    def close(self) -> None:
        if self._raw is not None:
            try:
                self._raw.close()
            except psycopg.Error:
                pass
