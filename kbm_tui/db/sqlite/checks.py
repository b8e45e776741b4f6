"""A table's own CHECK constraints, and the first row that breaks one, in words.

Loading many rows (a restore, the demo shop) runs with the constraints switched off and then
asks the table's own constraints about every row in one query: SQLite checks a constraint
for each inserted row far more slowly than it answers the same question in a SELECT (at a
million conversations, seconds). The constraints are read from the schema itself, so this
check can't drift from what the database enforces on every later write.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from kbm_tui.core.i18n import N_
from kbm_tui.db import rules

REFUSED = N_("a value the schema refuses")
_CONSTRAINT = re.compile(r"CONSTRAINT (\w+) CHECK \(")


@dataclass(frozen=True)
class Broken:
    row_id: int
    column: str  # "" for a rule about the whole row
    words: str  # what the value must be, or what is wrong with the row
    value: object


def constraints(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """The table's named CHECK constraints as (name, expression), from its schema."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?",
                       (table,)).fetchone()
    sql = row[0] if row else ""
    found = []
    for match in _CONSTRAINT.finditer(sql):
        depth, quoted, at = 1, False, match.end()
        while depth:
            char = sql[at]
            if char == "'":
                quoted = not quoted  # a doubled '' inside a literal toggles twice
            elif not quoted:
                depth += {"(": 1, ")": -1}.get(char, 0)
            at += 1
        found.append((match[1], sql[match.end():at - 1]))
    return found


def first_broken(conn: sqlite3.Connection, table: str, *,
                 rows_of: str | None = None) -> Broken | None:
    """The first row of `rows_of` (the table itself unless given) that breaks one of the
    table's CHECK constraints, with the column and what its value must be (by the rules of
    `rows_of`: an upgrade asks a new table's constraints about the old table's rows)."""
    found = constraints(conn, table)
    if not found:
        return None
    source = rows_of or table
    every = " AND ".join(f"({expr})" for _, expr in found)
    cur = conn.execute(f"SELECT rowid, * FROM {source} WHERE NOT ({every}) LIMIT 1")
    row = cur.fetchone()
    if row is None:
        return None
    values = dict(zip([d[0] for d in cur.description][1:], tuple(row)[1:]))
    row_id = row[0]
    # The value rules (ok_...) first: they say most precisely what is wrong.
    for name, expr in sorted(found, key=lambda item: not item[0].startswith("ok_")):
        if conn.execute(f"SELECT ({expr}) FROM {source} WHERE rowid=?",
                        (row_id,)).fetchone()[0] == 0:
            return _explain(conn, source, name, values, row_id)
    return Broken(row_id, "", REFUSED, None)


def _explain(conn, table: str, name: str, values: dict, row_id: int) -> Broken:
    if name.startswith("ok_row_"):
        rule = rules.ROW_RULES.get(table, [])[int(name[7:]) - 1:]
        return Broken(row_id, "", rule[0][1] if rule else REFUSED, None)
    column = name[3:]
    value = values.get(column)
    if name.startswith("ok_"):
        for sql, words in rules.RULES.get(table, {}).get(column, ()):
            if not conn.execute(f"SELECT ?1 IS NULL OR ({sql.format(c='?1')})",
                                (value,)).fetchone()[0]:
                return Broken(row_id, column, words, value)
    choices = rules.WORDS.get(table, {}).get(column)
    if choices:
        return Broken(row_id, column, f"one of {', '.join(choices)}", value)
    return Broken(row_id, column if column in values else "", f"what {name} allows", value)
