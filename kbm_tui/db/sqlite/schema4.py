"""Schema 4: every table rebuilt with CHECK constraints, so that the database itself refuses
a value typed input never could have made — from a crafted backup, a safety copy, or another
program writing to the file (the rules are db/rules.py, as they were at schema 4).

Written out here, not taken from models.py or rules.py, so this step never changes with
later models (tests/store/test_database_file_and_upgrades.py checks an upgraded database
against a new one). SQLite can't add a constraint to a table, so each table is made anew
under another name, filled, and put in the old one's place with its indexes and triggers.
"""

from __future__ import annotations

import sqlite3

from kbm_tui.core.text import broken_rule
from kbm_tui.db.sqlite import checks

TABLES: dict[str, tuple[str, ...]] = {
    "staff": (
        "id INTEGER NOT NULL",
        "name VARCHAR NOT NULL",
        "role VARCHAR DEFAULT 'staff' NOT NULL",
        "active BOOLEAN DEFAULT '1' NOT NULL",
        "created_at VARCHAR(20) NOT NULL",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_role CHECK (role IN ('owner', 'staff'))",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN 1 "
         "AND 9223372036854775807)))",
        "CONSTRAINT ok_name CHECK (name IS NULL OR ((typeof(name) = 'text') AND (instr(name, "
         "X'00') = 0) AND (NOT name GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(name, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(name) <= 100)))",
        "CONSTRAINT ok_active CHECK (active IS NULL OR ((active IN (0, 1))))",
        "CONSTRAINT ok_created_at CHECK (created_at IS NULL OR ((typeof(created_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 days') IS created_at) AND "
         "(created_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "UNIQUE (name)",
    ),
    "customer": (
        "id INTEGER NOT NULL",
        "name VARCHAR NOT NULL",
        "phone VARCHAR",
        "email VARCHAR",
        "address VARCHAR",
        "notes VARCHAR",
        "tags VARCHAR",
        "created_at VARCHAR(20) NOT NULL",
        "updated_at VARCHAR(20) NOT NULL",
        "archived_at VARCHAR(20)",
        "pref_channel VARCHAR",
        "pref_staff_id INTEGER",
        "contact_every_days INTEGER",
        "only_when_asked BOOLEAN DEFAULT '0' NOT NULL",
        "do_not_contact BOOLEAN DEFAULT '0' NOT NULL",
        "dnc_reason VARCHAR",
        "name_key VARCHAR DEFAULT '' NOT NULL",
        "phone_digits VARCHAR",
        "search_text VARCHAR DEFAULT '' NOT NULL",
        "last_contact_at VARCHAR(20)",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_pref_channel CHECK (pref_channel IS NULL OR pref_channel IN ('store', "
         "'phone', 'email', 'letter', 'social', 'web', 'visit'))",
        "CONSTRAINT ck_every CHECK (contact_every_days IS NULL OR contact_every_days > 0)",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN 1 "
         "AND 9223372036854775807)))",
        "CONSTRAINT ok_name CHECK (name IS NULL OR ((typeof(name) = 'text') AND (instr(name, "
         "X'00') = 0) AND (NOT name GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(name, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(name) <= 200)))",
        "CONSTRAINT ok_phone CHECK (phone IS NULL OR ((typeof(phone) = 'text') AND "
         "(instr(phone, X'00') = 0) AND (NOT phone GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS "
         "TEXT)) AND (length(trim(phone, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(phone) "
         "<= 50) AND (NOT phone GLOB '*[^0-9+()/. -]*' AND phone GLOB '*[0-9]*')))",
        "CONSTRAINT ok_email CHECK (email IS NULL OR ((typeof(email) = 'text') AND "
         "(instr(email, X'00') = 0) AND (NOT email GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS "
         "TEXT)) AND (length(trim(email, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(email) "
         "<= 254) AND (email GLOB '?*@?*.?*' AND NOT email GLOB '*@*@*' AND NOT email GLOB "
         "CAST(X'2a5b20c2a0e19a80e280802de2808ae280a82de280a9e280afe2819fe380805d2a' AS "
         "TEXT))))",
        "CONSTRAINT ok_address CHECK (address IS NULL OR ((typeof(address) = 'text') AND "
         "(instr(address, X'00') = 0) AND (NOT address GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(address, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(address) <= 500)))",
        "CONSTRAINT ok_notes CHECK (notes IS NULL OR ((typeof(notes) = 'text') AND "
         "(instr(notes, X'00') = 0) AND (NOT notes GLOB CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' "
         "AS TEXT)) AND (length(trim(notes, CAST(X'20090a0d' AS TEXT))) > 0) AND "
         "(length(notes) <= 10000)))",
        "CONSTRAINT ok_tags CHECK (tags IS NULL OR ((typeof(tags) = 'text') AND (instr(tags, "
         "X'00') = 0) AND (NOT tags GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(tags, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(tags) <= 500)))",
        "CONSTRAINT ok_created_at CHECK (created_at IS NULL OR ((typeof(created_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 days') IS created_at) AND "
         "(created_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_updated_at CHECK (updated_at IS NULL OR ((typeof(updated_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 days') IS updated_at) AND "
         "(updated_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_archived_at CHECK (archived_at IS NULL OR ((typeof(archived_at) = "
         "'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', archived_at, '+0 days') IS archived_at) "
         "AND (archived_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_pref_staff_id CHECK (pref_staff_id IS NULL OR ((typeof(pref_staff_id) "
         "= 'integer') AND (pref_staff_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_contact_every_days CHECK (contact_every_days IS NULL OR "
         "((typeof(contact_every_days) = 'integer') AND (contact_every_days BETWEEN 1 AND "
         "3650)))",
        "CONSTRAINT ok_only_when_asked CHECK (only_when_asked IS NULL OR ((only_when_asked IN"
         " (0, 1))))",
        "CONSTRAINT ok_do_not_contact CHECK (do_not_contact IS NULL OR ((do_not_contact IN "
         "(0, 1))))",
        "CONSTRAINT ok_dnc_reason CHECK (dnc_reason IS NULL OR ((typeof(dnc_reason) = 'text')"
         " AND (instr(dnc_reason, X'00') = 0) AND (NOT dnc_reason GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(dnc_reason, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(dnc_reason) <= 1000)))",
        "FOREIGN KEY(pref_staff_id) REFERENCES staff (id)",
    ),
    "conversation": (
        "id INTEGER NOT NULL",
        "customer_id INTEGER NOT NULL",
        "at VARCHAR(20) NOT NULL",
        "channel VARCHAR NOT NULL",
        "direction VARCHAR NOT NULL",
        "kind VARCHAR DEFAULT 'other' NOT NULL",
        "staff_id INTEGER",
        "summary VARCHAR NOT NULL",
        "amount_cents INTEGER",
        "against_wishes VARCHAR",
        "resolved_at VARCHAR(20)",
        "resolution VARCHAR",
        "idea_status VARCHAR",
        "created_at VARCHAR(20) NOT NULL",
        "deleted_at VARCHAR(20)",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_channel CHECK (channel IN ('store', 'phone', 'email', 'letter', "
         "'social', 'web', 'visit'))",
        "CONSTRAINT ck_direction CHECK (direction IN ('in', 'out'))",
        "CONSTRAINT ck_kind CHECK (kind IN ('inquiry', 'offer', 'purchase', 'invoice', "
         "'payment', 'complaint', 'return', 'service', 'feedback', 'other'))",
        "CONSTRAINT ck_idea_status CHECK (idea_status IS NULL OR idea_status IN ('new', "
         "'considered', 'done'))",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN 1 "
         "AND 9223372036854775807)))",
        "CONSTRAINT ok_customer_id CHECK (customer_id IS NULL OR ((typeof(customer_id) = "
         "'integer') AND (customer_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_at CHECK (at IS NULL OR ((typeof(at) = 'text' AND "
         "strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 days') IS at) AND (at BETWEEN '1900-01-01' "
         "AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_staff_id CHECK (staff_id IS NULL OR ((typeof(staff_id) = 'integer') "
         "AND (staff_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_summary CHECK (summary IS NULL OR ((typeof(summary) = 'text') AND "
         "(instr(summary, X'00') = 0) AND (NOT summary GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(summary, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(summary) <= 5000)))",
        "CONSTRAINT ok_amount_cents CHECK (amount_cents IS NULL OR ((typeof(amount_cents) = "
         "'integer') AND (amount_cents BETWEEN -99999999999 AND 99999999999)))",
        "CONSTRAINT ok_against_wishes CHECK (against_wishes IS NULL OR "
         "((typeof(against_wishes) = 'text') AND (instr(against_wishes, X'00') = 0) AND (NOT "
         "against_wishes GLOB CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(against_wishes, CAST(X'20090a0d' AS TEXT))) > 0) AND "
         "(length(against_wishes) <= 5000)))",
        "CONSTRAINT ok_resolved_at CHECK (resolved_at IS NULL OR ((typeof(resolved_at) = "
         "'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', resolved_at, '+0 days') IS resolved_at) "
         "AND (resolved_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_resolution CHECK (resolution IS NULL OR ((typeof(resolution) = 'text')"
         " AND (instr(resolution, X'00') = 0) AND (NOT resolution GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(resolution, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(resolution) <= 1000)))",
        "CONSTRAINT ok_created_at CHECK (created_at IS NULL OR ((typeof(created_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 days') IS created_at) AND "
         "(created_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_deleted_at CHECK (deleted_at IS NULL OR ((typeof(deleted_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', deleted_at, '+0 days') IS deleted_at) AND "
         "(deleted_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "FOREIGN KEY(customer_id) REFERENCES customer (id)",
        "FOREIGN KEY(staff_id) REFERENCES staff (id)",
    ),
    "promise": (
        "id INTEGER NOT NULL",
        "customer_id INTEGER NOT NULL",
        "conversation_id INTEGER",
        "text VARCHAR NOT NULL",
        "staff_id INTEGER",
        "made_at VARCHAR(20) NOT NULL",
        "due_day DATE",
        "due_at VARCHAR(20)",
        "status VARCHAR DEFAULT 'open' NOT NULL",
        "closed_at VARCHAR(20)",
        "close_note VARCHAR",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_status CHECK (status IN ('open', 'kept', 'broken', 'cancelled'))",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN 1 "
         "AND 9223372036854775807)))",
        "CONSTRAINT ok_customer_id CHECK (customer_id IS NULL OR ((typeof(customer_id) = "
         "'integer') AND (customer_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_conversation_id CHECK (conversation_id IS NULL OR "
         "((typeof(conversation_id) = 'integer') AND (conversation_id BETWEEN 1 AND "
         "9223372036854775807)))",
        "CONSTRAINT ok_text CHECK (text IS NULL OR ((typeof(text) = 'text') AND (instr(text, "
         "X'00') = 0) AND (NOT text GLOB CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(text, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(text) <= 1000)))",
        "CONSTRAINT ok_staff_id CHECK (staff_id IS NULL OR ((typeof(staff_id) = 'integer') "
         "AND (staff_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_made_at CHECK (made_at IS NULL OR ((typeof(made_at) = 'text' AND "
         "strftime('%Y-%m-%dT%H:%M:%SZ', made_at, '+0 days') IS made_at) AND (made_at BETWEEN "
         "'1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_due_day CHECK (due_day IS NULL OR ((typeof(due_day) = 'text' AND "
         "date(due_day, '+0 days') IS due_day) AND (due_day BETWEEN '1900-01-01' AND "
         "'2999-12-31')))",
        "CONSTRAINT ok_due_at CHECK (due_at IS NULL OR ((typeof(due_at) = 'text' AND "
         "strftime('%Y-%m-%dT%H:%M:%SZ', due_at, '+0 days') IS due_at) AND (due_at BETWEEN "
         "'1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_closed_at CHECK (closed_at IS NULL OR ((typeof(closed_at) = 'text' AND"
         " strftime('%Y-%m-%dT%H:%M:%SZ', closed_at, '+0 days') IS closed_at) AND (closed_at "
         "BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_close_note CHECK (close_note IS NULL OR ((typeof(close_note) = 'text')"
         " AND (instr(close_note, X'00') = 0) AND (NOT close_note GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(close_note, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(close_note) <= 1000)))",
        "CONSTRAINT ok_row_1 CHECK (due_at IS NULL OR due_day IS NOT NULL)",
        "FOREIGN KEY(customer_id) REFERENCES customer (id)",
        "FOREIGN KEY(conversation_id) REFERENCES conversation (id)",
        "FOREIGN KEY(staff_id) REFERENCES staff (id)",
    ),
    "promise_change": (
        "id INTEGER NOT NULL",
        "promise_id INTEGER NOT NULL",
        "changed_at VARCHAR(20) NOT NULL",
        "old_due_day DATE",
        "old_due_at VARCHAR(20)",
        "new_due_day DATE",
        "new_due_at VARCHAR(20)",
        "reason VARCHAR",
        "PRIMARY KEY (id)",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN 1 "
         "AND 9223372036854775807)))",
        "CONSTRAINT ok_promise_id CHECK (promise_id IS NULL OR ((typeof(promise_id) = "
         "'integer') AND (promise_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_changed_at CHECK (changed_at IS NULL OR ((typeof(changed_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', changed_at, '+0 days') IS changed_at) AND "
         "(changed_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_old_due_day CHECK (old_due_day IS NULL OR ((typeof(old_due_day) = "
         "'text' AND date(old_due_day, '+0 days') IS old_due_day) AND (old_due_day BETWEEN "
         "'1900-01-01' AND '2999-12-31')))",
        "CONSTRAINT ok_old_due_at CHECK (old_due_at IS NULL OR ((typeof(old_due_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', old_due_at, '+0 days') IS old_due_at) AND "
         "(old_due_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_new_due_day CHECK (new_due_day IS NULL OR ((typeof(new_due_day) = "
         "'text' AND date(new_due_day, '+0 days') IS new_due_day) AND (new_due_day BETWEEN "
         "'1900-01-01' AND '2999-12-31')))",
        "CONSTRAINT ok_new_due_at CHECK (new_due_at IS NULL OR ((typeof(new_due_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', new_due_at, '+0 days') IS new_due_at) AND "
         "(new_due_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_reason CHECK (reason IS NULL OR ((typeof(reason) = 'text') AND "
         "(instr(reason, X'00') = 0) AND (NOT reason GLOB CAST(X'2a5b012d080b2d1f7f2dc29f5d2a'"
         " AS TEXT)) AND (length(trim(reason, CAST(X'20090a0d' AS TEXT))) > 0) AND "
         "(length(reason) <= 1000)))",
        "CONSTRAINT ok_row_1 CHECK (old_due_at IS NULL OR old_due_day IS NOT NULL)",
        "CONSTRAINT ok_row_2 CHECK (new_due_at IS NULL OR new_due_day IS NOT NULL)",
        "FOREIGN KEY(promise_id) REFERENCES promise (id)",
    ),
    "followup": (
        "id INTEGER NOT NULL",
        "customer_id INTEGER NOT NULL",
        "text VARCHAR NOT NULL",
        "staff_id INTEGER",
        "created_at VARCHAR(20) NOT NULL",
        "due_day DATE NOT NULL",
        "due_at VARCHAR(20)",
        "every_days INTEGER",
        "snoozed_until DATE",
        "done_at VARCHAR(20)",
        "against_wishes VARCHAR",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_every_days CHECK (every_days IS NULL OR every_days > 0)",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN 1 "
         "AND 9223372036854775807)))",
        "CONSTRAINT ok_customer_id CHECK (customer_id IS NULL OR ((typeof(customer_id) = "
         "'integer') AND (customer_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_text CHECK (text IS NULL OR ((typeof(text) = 'text') AND (instr(text, "
         "X'00') = 0) AND (NOT text GLOB CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(text, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(text) <= 1000)))",
        "CONSTRAINT ok_staff_id CHECK (staff_id IS NULL OR ((typeof(staff_id) = 'integer') "
         "AND (staff_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_created_at CHECK (created_at IS NULL OR ((typeof(created_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 days') IS created_at) AND "
         "(created_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_due_day CHECK (due_day IS NULL OR ((typeof(due_day) = 'text' AND "
         "date(due_day, '+0 days') IS due_day) AND (due_day BETWEEN '1900-01-01' AND "
         "'2999-12-31')))",
        "CONSTRAINT ok_due_at CHECK (due_at IS NULL OR ((typeof(due_at) = 'text' AND "
         "strftime('%Y-%m-%dT%H:%M:%SZ', due_at, '+0 days') IS due_at) AND (due_at BETWEEN "
         "'1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_every_days CHECK (every_days IS NULL OR ((typeof(every_days) = "
         "'integer') AND (every_days BETWEEN 1 AND 3650)))",
        "CONSTRAINT ok_snoozed_until CHECK (snoozed_until IS NULL OR ((typeof(snoozed_until) "
         "= 'text' AND date(snoozed_until, '+0 days') IS snoozed_until) AND (snoozed_until "
         "BETWEEN '1900-01-01' AND '2999-12-31')))",
        "CONSTRAINT ok_done_at CHECK (done_at IS NULL OR ((typeof(done_at) = 'text' AND "
         "strftime('%Y-%m-%dT%H:%M:%SZ', done_at, '+0 days') IS done_at) AND (done_at BETWEEN "
         "'1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_against_wishes CHECK (against_wishes IS NULL OR "
         "((typeof(against_wishes) = 'text') AND (instr(against_wishes, X'00') = 0) AND (NOT "
         "against_wishes GLOB CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(against_wishes, CAST(X'20090a0d' AS TEXT))) > 0) AND "
         "(length(against_wishes) <= 5000)))",
        "FOREIGN KEY(customer_id) REFERENCES customer (id)",
        "FOREIGN KEY(staff_id) REFERENCES staff (id)",
    ),
}


class RowBreaksRule(Exception):
    """A stored row the schema-4 rules refuse; the message names it."""


def rebuild_tables(conn: sqlite3.Connection) -> None:
    """Upgrade step 3 -> 4 (inside the upgrade transaction, foreign keys off). The rows are
    copied with the constraints off and then checked in one query per table (checks.py)."""
    conn.execute("PRAGMA ignore_check_constraints=ON")
    try:
        _rebuild(conn)
    finally:
        conn.execute("PRAGMA ignore_check_constraints=OFF")
    # Tells this file apart from a copy of it, or a new one at its path (db/sqlite/seen.py).
    conn.execute("INSERT OR IGNORE INTO kbm_meta(key, value) "
                 "VALUES ('file_id', lower(hex(randomblob(8))))")


def _rebuild(conn: sqlite3.Connection) -> None:
    for table, lines in TABLES.items():
        rebuild_table(conn, table, lines, suffix="v4")


def rebuild_table(conn: sqlite3.Connection, table: str, lines: tuple[str, ...], *,
                  suffix: str) -> None:
    """Make `table` anew from `lines` (columns and constraints), with every row, index and
    trigger it had; RowBreaksRule for a row the new constraints refuse. Constraints must
    be off while the rows are copied (they are checked in one query afterwards)."""
    keep = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name=? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL", (table,))]
    # Views too (schema 6's conversation_folded): a view on a table that is gone for a
    # moment would make the renaming below fail.
    views = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='view'").fetchall()
    columns = ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
    body = ",\n\t".join(lines)
    conn.execute(f"CREATE TABLE {table}_{suffix} (\n\t{body}\n)")
    conn.execute(f"INSERT INTO {table}_{suffix}({columns}) SELECT {columns} FROM {table}")
    if broken := checks.first_broken(conn, f"{table}_{suffix}", rows_of=table):
        raise RowBreaksRule(broken_rule(table, broken.row_id, broken.column,
                                        broken.words, broken.value, quote=False))
    for name, _sql in views:
        conn.execute(f"DROP VIEW {name}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {table}_{suffix} RENAME TO {table}")
    for sql in [sql for _name, sql in views] + keep:
        conn.execute(sql)
