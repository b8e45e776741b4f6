"""The kbm-tui schema on PostgreSQL: the very tables, columns, rules and indexes of a new
SQLite database, translated statement by statement, so both engines always hold the same.

SQLite's schema is the source (a new SQLite database is made in memory's stead, in a
temporary file, and read back): every later schema step is then on PostgreSQL too. What is
translated: INTEGER → BIGINT (ids drawn from a sequence), BOOLEAN → INTEGER 0/1, text →
TEXT COLLATE "C" (byte order, as SQLite compares), and the rules' SQLite functions (GLOB,
typeof, strftime) → regular expressions and the functions below. Search has its own
indexes (db/postgres/search.py).
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from pathlib import Path

from kbm_tui.db.schema import JOURNAL_TABLES, TABLES_IN_ORDER

# Functions the schema and the queries use; IMMUTABLE so that indexes may use them (they
# read only their arguments, in the one fixed-width form kbm writes).
FUNCTIONS = [
    r"""CREATE OR REPLACE FUNCTION kbm_is_moment(t text) RETURNS boolean LANGUAGE plpgsql
IMMUTABLE AS $$ BEGIN
  IF t !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$' THEN RETURN false; END IF;
  RETURN to_char(t::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') = t;
EXCEPTION WHEN others THEN RETURN false;
END $$""",
    r"""CREATE OR REPLACE FUNCTION kbm_is_day(t text) RETURNS boolean LANGUAGE plpgsql
IMMUTABLE AS $$ BEGIN
  IF t !~ '^\d{4}-\d\d-\d\d$' THEN RETURN false; END IF;
  RETURN to_char(t::date, 'YYYY-MM-DD') = t;
EXCEPTION WHEN others THEN RETURN false;
END $$""",
    """CREATE OR REPLACE FUNCTION kbm_next_id(t text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint; BEGIN
  EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', t) INTO n; RETURN n;
END $$""",
    """CREATE OR REPLACE FUNCTION kbm_days_later(t text, d bigint) RETURNS text LANGUAGE sql
IMMUTABLE AS $$ SELECT to_char(t::timestamp + d * interval '1 day',
'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$""",
    """CREATE OR REPLACE FUNCTION kbm_days_between(a text, b text) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
SELECT (extract(epoch FROM b::timestamp - a::timestamp) / 86400)::double precision $$""",
]

KEEP_IN_TOUCH_SQLITE = ("strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(last_contact_at, created_at), "
                        "'+' || contact_every_days || ' days')")
KEEP_IN_TOUCH_PG = "kbm_days_later(coalesce(last_contact_at, created_at), contact_every_days)"


def sqlite_schema() -> list[tuple[str, str, str]]:
    """(type, name, sql) of every table and index of a new SQLite database."""
    from kbm_tui.db.sqlite import create

    with tempfile.TemporaryDirectory(prefix="kbm-schema-") as folder:
        path = Path(folder) / "schema.sqlite3"
        create.build(path)
        conn = sqlite3.connect(path)
        try:
            return [(t, n, s) for t, n, s in conn.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND type IN ('table', 'index') ORDER BY rowid")]
        finally:
            conn.close()


# Indexes only a server has (SQLite plans these queries well without them): Today's open
# promises without a due day, oldest first, read in order here. Without it the server scans
# every promise in parallel and sorts (13-22 ms at 83,000 promises; with it 0.4 ms), while
# SQLite finds them by ix_promise_status_due and sorts the few hundred in 2 ms.
SERVER_INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_promise_waiting ON promise (made_at NULLS FIRST, "
    "id NULLS FIRST) WHERE status = 'open' AND due_day IS NULL",
]


def statements() -> list[str]:
    """The DDL of a new kbm-tui database on PostgreSQL, in order."""
    kept = ("kbm_meta", *TABLES_IN_ORDER, *JOURNAL_TABLES)
    found = sqlite_schema()
    tables = {n: s for t, n, s in found if t == "table" and n in kept}
    out = list(FUNCTIONS)
    out += [table(tables[name]) for name in kept]
    out += [index(s) for t, n, s in found if t == "index" and _on(s) in kept]
    return out + SERVER_INDEXES


def _on(sql: str) -> str:
    found = re.search(r"\bON (\w+)", sql)
    return found[1] if found else ""


def table(sql: str) -> str:
    head, _, body = sql.partition("(")
    body = body.rstrip().removesuffix(")")
    lines = [line.strip() for line in _split(body)]
    out = []
    for line in lines:
        if line.startswith("id INTEGER") and "PRIMARY KEY (id)" in lines:
            # Numbered as SQLite numbers rows: one past the highest id (writers take turns,
            # engine.begin), so both engines give the same rows the same numbers.
            name = head.split()[-1]
            out.append(f"id BIGINT NOT NULL DEFAULT kbm_next_id('{name}')")
            continue
        if line.startswith("CONSTRAINT"):
            name, _, check = line.partition(" CHECK ")
            out.append(f"{name} CHECK {rule(check)}")
            continue
        out.append(_column(line))
    return f"{head.strip()} (\n  " + ",\n  ".join(out) + "\n)"


def _split(body: str) -> list[str]:
    """The comma-separated items of a CREATE TABLE body (commas inside parentheses and
    quotes kept)."""
    items, depth, quote, start = [], 0, False, 0
    for n, ch in enumerate(body):
        if ch == "'":
            quote = not quote
        elif not quote and ch == "(":
            depth += 1
        elif not quote and ch == ")":
            depth -= 1
        elif not quote and ch == "," and depth == 0:
            items.append(body[start:n])
            start = n + 1
    items.append(body[start:])
    return [i for i in items if i.strip()]


def _column(line: str) -> str:
    found = re.match(r'("?\w+"?) (INTEGER|BOOLEAN|VARCHAR(?:\(\d+\))?|TEXT|DATE|DATETIME)'
                     r'(?=\s|$)(.*)', line)
    if not found:
        return line
    name, kind, rest = found.groups()
    if kind in ("INTEGER", "BOOLEAN"):
        return f"{name} BIGINT{rest}" if kind == "INTEGER" else f"{name} INTEGER{rest}"
    return f'{name} TEXT COLLATE "C"{rest}'


def index(sql: str) -> str:
    sql = sql.replace(KEEP_IN_TOUCH_SQLITE, KEEP_IN_TOUCH_PG)
    sql = sql.replace("julianday(resolved_at) - julianday(at)", "kbm_days_between(at, resolved_at)")
    head, _, rest = sql.partition(" ON ")
    table_name, _, rest = rest.partition(" (")
    columns, where = _columns_and_where(rest)
    # NULLs first, as SQLite sorts them, so that an index serves the same ORDER BY.
    cols = ", ".join(f"{c.strip()} NULLS FIRST" for c in _split(columns))
    return f"{head} ON {table_name} ({cols}){where}"


def _columns_and_where(rest: str) -> tuple[str, str]:
    depth = 1
    for n, ch in enumerate(rest):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return rest[:n], rest[n + 1:]
    return rest, ""


# --- the rules of db/rules.py, from SQLite's words into PostgreSQL's -------------------------

_HEX_TEXT = re.compile(r"CAST\(X'([0-9a-f]*)' AS TEXT\)")


def rule(check: str) -> str:
    c = r"(\w+)"
    check = re.sub(rf"\(typeof\({c}\) = 'text' AND strftime\('%Y-%m-%dT%H:%M:%SZ', \1, "
                   rf"'\+0 days'\) IS \1\)", r"kbm_is_moment(\1)", check)
    check = re.sub(rf"\(typeof\({c}\) = 'text' AND date\(\1, '\+0 days'\) IS \1\)",
                   r"kbm_is_day(\1)", check)
    # a birthday without its year (schema 5): the day it would be in the year 2000
    check = re.sub(rf"date\('2000' \|\| substr\({c}, 2\), '\+0 days'\) IS '2000' \|\| "
                   rf"substr\(\1, 2\)", r"kbm_is_day('2000' || substr(\1, 2))", check)
    check = re.sub(rf"date\({c}, '\+0 days'\) IS \1", r"kbm_is_day(\1)", check)
    check = re.sub(rf"typeof\({c}\) = '(?:text|integer)'", "TRUE", check)
    check = re.sub(rf"instr\({c}, X'00'\) = 0", "TRUE", check)  # text can't hold NUL here
    check = re.sub(rf"{c} GLOB (CAST\(X'[0-9a-f]*' AS TEXT\)|'(?:[^']|'')*')",
                   lambda m: f"{m[1]} ~ {_regex(_text_of(m[2]))}", check)
    check = re.sub(rf"trim\({c}, (CAST\(X'[0-9a-f]*' AS TEXT\))\)",
                   lambda m: f"btrim({m[1]}, {_literal(_text_of(m[2]))})", check)
    if any(word in check for word in ("X'", "GLOB", "typeof", "strftime", "date(", "julianday")):
        raise ValueError(f"a rule PostgreSQL's schema can't say yet: {check}")
    return check


def _text_of(sql_literal: str) -> str:
    if found := _HEX_TEXT.fullmatch(sql_literal):
        return bytes.fromhex(found[1]).decode()
    return sql_literal[1:-1].replace("''", "'")


def _literal(text: str) -> str:
    return "U&'" + "".join(ch if ch.isalnum() else f"\\{ord(ch):04x}" for ch in text) + "'"


def _regex(glob: str) -> str:
    """A GLOB pattern as an anchored regular expression literal."""
    out, n = ["^"], 0
    while n < len(glob):
        ch = glob[n]
        if ch == "*":
            out.append(".*")
        elif ch == "?":
            out.append(".")
        elif ch == "[":
            end = glob.index("]", n + 2)
            inner = glob[n + 1:end]
            neg = inner.startswith("^")
            inner = inner[1:] if neg else inner
            out.append("[" + ("^" if neg else "") + "".join(_class_char(x) for x in inner) + "]")
            n = end
        else:
            out.append(_char(ch))
        n += 1
    out.append("$")
    return "'" + "".join(out).replace("'", "''") + "'"


def _class_char(ch: str) -> str:
    if ch == "-":
        return "-"
    return ch if ch.isascii() and ch.isalnum() or ch in "+()/. " else f"\\u{ord(ch):04x}"


def _char(ch: str) -> str:
    if ch.isascii() and ch.isalnum():
        return ch
    return f"\\u{ord(ch):04x}"
