"""Upgrades of a kbm-tui database on PostgreSQL, each step all or nothing.

PostgreSQL came with schema 4: no database on a server is older. A later schema adds its
step here (PostgreSQL can change a table in place, so a step is plain ALTER TABLE), with a
test that opens a database of the previous schema.
"""

from __future__ import annotations

from collections.abc import Callable

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.core.i18n import _
from kbm_tui.db import schema
from kbm_tui.db.postgres.connect import Connection, describe

UPGRADES: dict[int, Callable[[Connection], None]] = {}


def upgrade(conn: Connection, target: str, version: int) -> None:
    """Every step from `version` on, in one transaction that also holds the setup lock."""
    if any(step not in UPGRADES for step in range(version, schema.SCHEMA_VERSION)):
        raise DatabaseFileError(_(
            "The database {where} has schema {version}, which this kbm-tui can't bring up to "
            "date on a server. Nothing was changed.").format(where=describe(target),
                                                             version=version))
    conn.execute("BEGIN")
    try:
        conn.execute("LOCK TABLE kbm_meta IN EXCLUSIVE MODE")
        row = conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'").fetchone()
        for step in range(int(row[0]), schema.SCHEMA_VERSION):
            UPGRADES[step](conn)
        conn.execute("UPDATE kbm_meta SET value=? WHERE key='schema_version'",
                     (str(schema.SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except Exception:
            pass
        raise
