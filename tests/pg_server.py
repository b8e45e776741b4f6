"""The PostgreSQL server the tests use (KBM_TEST_PG, a URL of its maintenance database):
a new database per test, copied from a template made once per process, and dropped after."""

from __future__ import annotations

import atexit
import itertools
import os
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


def drop_database(admin: str, url: str) -> None:
    _drop(admin, str(conninfo.conninfo_to_dict(url)["dbname"]))


def _drop(admin: str, name: str) -> None:
    try:
        with _admin(admin) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except psycopg.Error:
        pass
