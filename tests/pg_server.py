"""The PostgreSQL server the tests use (KBM_TEST_PG, a URL of its maintenance database):
a new database per test, copied from a template made once per process, and dropped after."""

from __future__ import annotations

import atexit
import itertools
import os
import socket
import threading
import uuid
from urllib.parse import quote

import psycopg
from psycopg import conninfo

_COUNTER = itertools.count()
_TEMPLATE: dict[str, str] = {}


def admin_url() -> str | None:
    return os.environ.get("KBM_TEST_PG") or None


def url_for(admin: str, dbname: str) -> str:
    """The URL of another database on the same server, as the user."""
    params = conninfo.conninfo_to_dict(admin)
    host = str(params.get("host") or "localhost")
    port = params.get("port") or "5432"
    user = quote(str(params.get("user") or ""))
    if host.startswith("/"):
        return f"postgresql://{user}@/{dbname}?host={quote(host)}&port={port}"
    return f"postgresql://{user}@{host}:{port}/{dbname}"


def _admin(admin: str) -> psycopg.Connection:
    return psycopg.connect(admin, autocommit=True)


def _template(admin: str) -> str:
    """A database with kbm's schema, made by the store itself once per process."""
    if admin not in _TEMPLATE:
        from kbm_tui.store import Store

        name = f"kbm_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        with _admin(admin) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        Store.open(url_for(admin, name)).close()
        _TEMPLATE[admin] = name
        atexit.register(_drop, admin, name)
    return _TEMPLATE[admin]


def new_database(admin: str, *, empty: bool = False) -> str:
    name = f"kbm_t_{os.getpid()}_{next(_COUNTER)}_{uuid.uuid4().hex[:6]}"
    template = "template0" if empty else _template(admin)
    with _admin(admin) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    return url_for(admin, name)


# What the README's role for a second till may do: read and write kbm's tables, no more.
TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"


def new_role(url: str) -> str:
    """A role that may log in and do nothing else yet (drop_role removes it)."""
    role = f"kbm_till_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
    return role


def drop_role(url: str, role: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {role}")
        conn.execute(f"DROP ROLE {role}")


def grant_table_rights(url: str, role: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"GRANT {TABLE_RIGHTS} ON ALL TABLES IN SCHEMA public TO {role}")


def as_an_older_kbm_left_it(url: str) -> None:
    """Without the word-starts index, which only the tables' owner may add."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP FUNCTION kbm_word_starts(text) CASCADE")


def without_extension_rights(admin: str) -> tuple[str, str, str]:
    """A new, empty database and a role that may make tables in it but not extensions
    (CREATE on its schema, not on the database: what a server's administrator may keep to
    themselves). (database URL, role, the database's URL as the role); undo with
    drop_database, then drop_role on `admin`."""
    url = new_database(admin, empty=True)
    role = new_role(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"GRANT CREATE ON SCHEMA public TO {role}")
    return url, role, conninfo.make_conninfo(url, user=role)


def drop_database(admin: str, url: str) -> None:
    _drop(admin, str(conninfo.conninfo_to_dict(url)["dbname"]))


def _drop(admin: str, name: str) -> None:
    try:
        with _admin(admin) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except psycopg.Error:
        pass


class ServerSwitch:
    """Stands between kbm and the test server, so that a test can stop the server and bring
    it back without touching the server the other tests use: `down()` drops every
    connection through it and refuses new ones (what a stopped server does to its clients),
    `up()` listens again on the same port. `url` is the database's URL through it."""

    def __init__(self, url: str) -> None:
        params = conninfo.conninfo_to_dict(url)
        self._target = (str(params.get("host") or "localhost"), int(params.get("port") or 5432))
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = (f"postgresql://{quote(str(params.get('user') or ''))}@127.0.0.1:"
                    f"{self.port}/{params['dbname']}")
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self.up()

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            _close(listener)  # wakes the accepting thread, which ends
        with self._lock:
            dropped, self._open = self._open, []
        for sock in dropped:
            _close(sock)

    close = down

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self._target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for sock in (source, sink):
            _close(sock)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
