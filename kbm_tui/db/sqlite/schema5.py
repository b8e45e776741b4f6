"""Schema 5, for moving in (issue 13): what a phone book brings along on the card
(organisation, birthday, more numbers and addresses, where the card came from), the import
and merge journals that make both undoable, an index for emails ignoring case, and the
search columns anew for the German folding (Mueller = Müller) and phone numbers in
international form. Every new column is checked by the database like the others since
schema 4 (the rules are db/rules.py, as they were at schema 5).

Written out here, not taken from models.py or rules.py, so this step never changes with
later models (tests/store/test_database_file_and_upgrades.py checks an upgraded database
against a new one). The customer table is made anew with its new columns and their
constraints, the way schema 4 made every table (db/sqlite/schema4.py).
"""

from __future__ import annotations

import sqlite3

from kbm_tui.db import derive
from kbm_tui.db.sqlite import schema4

TABLES: dict[str, tuple[str, ...]] = {
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
        "organization VARCHAR",
        "birthday VARCHAR",
        "more_contacts VARCHAR",
        "source_key VARCHAR",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_pref_channel CHECK (pref_channel IS NULL OR pref_channel IN "
         "('store', 'phone', 'email', 'letter', 'social', 'web', 'visit'))",
        "CONSTRAINT ck_every CHECK (contact_every_days IS NULL OR contact_every_days > 0)",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN "
         "1 AND 9223372036854775807)))",
        "CONSTRAINT ok_name CHECK (name IS NULL OR ((typeof(name) = 'text') AND "
         "(instr(name, X'00') = 0) AND (NOT name GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS "
         "TEXT)) AND (length(trim(name, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(name) "
         "<= 200)))",
        "CONSTRAINT ok_phone CHECK (phone IS NULL OR ((typeof(phone) = 'text') AND "
         "(instr(phone, X'00') = 0) AND (NOT phone GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS "
         "TEXT)) AND (length(trim(phone, CAST(X'20090a0d' AS TEXT))) > 0) AND "
         "(length(phone) <= 50) AND (NOT phone GLOB '*[^0-9+()/. -]*' AND phone GLOB "
         "'*[0-9]*')))",
        "CONSTRAINT ok_email CHECK (email IS NULL OR ((typeof(email) = 'text') AND "
         "(instr(email, X'00') = 0) AND (NOT email GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS "
         "TEXT)) AND (length(trim(email, CAST(X'20090a0d' AS TEXT))) > 0) AND "
         "(length(email) <= 254) AND (email GLOB '?*@?*.?*' AND NOT email GLOB '*@*@*' AND "
         "NOT email GLOB "
         "CAST(X'2a5b20c2a0e19a80e280802de2808ae280a82de280a9e280afe2819fe380805d2a' AS "
         "TEXT))))",
        "CONSTRAINT ok_address CHECK (address IS NULL OR ((typeof(address) = 'text') AND "
         "(instr(address, X'00') = 0) AND (NOT address GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(address, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(address) <= 500)))",
        "CONSTRAINT ok_notes CHECK (notes IS NULL OR ((typeof(notes) = 'text') AND "
         "(instr(notes, X'00') = 0) AND (NOT notes GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(notes, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(notes) <= 10000)))",
        "CONSTRAINT ok_tags CHECK (tags IS NULL OR ((typeof(tags) = 'text') AND "
         "(instr(tags, X'00') = 0) AND (NOT tags GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS "
         "TEXT)) AND (length(trim(tags, CAST(X'20090a0d' AS TEXT))) > 0) AND (length(tags) "
         "<= 500)))",
        "CONSTRAINT ok_created_at CHECK (created_at IS NULL OR ((typeof(created_at) = "
         "'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 days') IS created_at) "
         "AND (created_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_updated_at CHECK (updated_at IS NULL OR ((typeof(updated_at) = "
         "'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '+0 days') IS updated_at) "
         "AND (updated_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_archived_at CHECK (archived_at IS NULL OR ((typeof(archived_at) = "
         "'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', archived_at, '+0 days') IS "
         "archived_at) AND (archived_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_pref_staff_id CHECK (pref_staff_id IS NULL OR "
         "((typeof(pref_staff_id) = 'integer') AND (pref_staff_id BETWEEN 1 AND "
         "9223372036854775807)))",
        "CONSTRAINT ok_contact_every_days CHECK (contact_every_days IS NULL OR "
         "((typeof(contact_every_days) = 'integer') AND (contact_every_days BETWEEN 1 AND "
         "3650)))",
        "CONSTRAINT ok_only_when_asked CHECK (only_when_asked IS NULL OR "
         "((only_when_asked IN (0, 1))))",
        "CONSTRAINT ok_do_not_contact CHECK (do_not_contact IS NULL OR ((do_not_contact "
         "IN (0, 1))))",
        "CONSTRAINT ok_dnc_reason CHECK (dnc_reason IS NULL OR ((typeof(dnc_reason) = "
         "'text') AND (instr(dnc_reason, X'00') = 0) AND (NOT dnc_reason GLOB "
         "CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(dnc_reason, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(dnc_reason) <= 1000)))",
        "CONSTRAINT ok_organization CHECK (organization IS NULL OR ((typeof(organization) "
         "= 'text') AND (instr(organization, X'00') = 0) AND (NOT organization GLOB "
         "CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(organization, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(organization) <= 200)))",
        "CONSTRAINT ok_birthday CHECK (birthday IS NULL OR ((typeof(birthday) = 'text' "
         "AND (date(birthday, '+0 days') IS birthday AND birthday BETWEEN '1900-01-01' AND "
         "'2999-12-31' OR birthday GLOB '--[01][0-9]-[0-3][0-9]' AND date('2000' || "
         "substr(birthday, 2), '+0 days') IS '2000' || substr(birthday, 2)))))",
        "CONSTRAINT ok_more_contacts CHECK (more_contacts IS NULL OR "
         "((typeof(more_contacts) = 'text') AND (instr(more_contacts, X'00') = 0) AND (NOT "
         "more_contacts GLOB CAST(X'2a5b012d080b2d1f7f2dc29f5d2a' AS TEXT)) AND "
         "(length(trim(more_contacts, CAST(X'20090a0d' AS TEXT))) > 0) AND "
         "(length(more_contacts) <= 2000)))",
        "CONSTRAINT ok_source_key CHECK (source_key IS NULL OR ((typeof(source_key) = "
         "'text') AND (instr(source_key, X'00') = 0) AND (NOT source_key GLOB "
         "CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(source_key, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(source_key) <= 500)))",
        "FOREIGN KEY(pref_staff_id) REFERENCES staff (id)",
    ),
    "import_batch": (
        "id INTEGER NOT NULL",
        "at VARCHAR(20) NOT NULL",
        "file_name VARCHAR NOT NULL",
        "format VARCHAR NOT NULL",
        "added INTEGER NOT NULL",
        "filled INTEGER NOT NULL",
        "undone_at VARCHAR(20)",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_format CHECK (format IN ('vcard', 'google', 'outlook', 'csv', "
         "'xlsx'))",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN "
         "1 AND 9223372036854775807)))",
        "CONSTRAINT ok_at CHECK (at IS NULL OR ((typeof(at) = 'text' AND "
         "strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 days') IS at) AND (at BETWEEN "
         "'1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_file_name CHECK (file_name IS NULL OR ((typeof(file_name) = "
         "'text') AND (instr(file_name, X'00') = 0) AND (NOT file_name GLOB "
         "CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(file_name, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(file_name) <= 500)))",
        "CONSTRAINT ok_added CHECK (added IS NULL OR ((typeof(added) = 'integer') AND "
         "(added BETWEEN 0 AND 9223372036854775807)))",
        "CONSTRAINT ok_filled CHECK (filled IS NULL OR ((typeof(filled) = 'integer') AND "
         "(filled BETWEEN 0 AND 9223372036854775807)))",
        "CONSTRAINT ok_undone_at CHECK (undone_at IS NULL OR ((typeof(undone_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', undone_at, '+0 days') IS undone_at) AND "
         "(undone_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
    ),
    "import_change": (
        "id INTEGER NOT NULL",
        "batch_id INTEGER NOT NULL",
        "customer_id INTEGER NOT NULL",
        "action VARCHAR NOT NULL",
        "before_values VARCHAR",
        "after_values VARCHAR",
        "PRIMARY KEY (id)",
        "CONSTRAINT ck_action CHECK (action IN ('added', 'filled'))",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN "
         "1 AND 9223372036854775807)))",
        "CONSTRAINT ok_batch_id CHECK (batch_id IS NULL OR ((typeof(batch_id) = "
         "'integer') AND (batch_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_customer_id CHECK (customer_id IS NULL OR ((typeof(customer_id) = "
         "'integer') AND (customer_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_before_values CHECK (before_values IS NULL OR "
         "((typeof(before_values) = 'text' AND (before_values GLOB '{*}' OR before_values "
         "GLOB '[[]*]')) AND (NOT before_values GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS "
         "TEXT))))",
        "CONSTRAINT ok_after_values CHECK (after_values IS NULL OR ((typeof(after_values) "
         "= 'text' AND (after_values GLOB '{*}' OR after_values GLOB '[[]*]')) AND (NOT "
         "after_values GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT))))",
        "FOREIGN KEY(batch_id) REFERENCES import_batch (id)",
    ),
    "customer_merge": (
        "id INTEGER NOT NULL",
        "at VARCHAR(20) NOT NULL",
        "kept_id INTEGER NOT NULL",
        "gone_id INTEGER NOT NULL",
        "gone_name VARCHAR NOT NULL",
        "gone_card VARCHAR NOT NULL",
        "kept_before VARCHAR NOT NULL",
        "moved VARCHAR NOT NULL",
        "undone_at VARCHAR(20)",
        "PRIMARY KEY (id)",
        "CONSTRAINT ok_id CHECK (id IS NULL OR ((typeof(id) = 'integer') AND (id BETWEEN "
         "1 AND 9223372036854775807)))",
        "CONSTRAINT ok_at CHECK (at IS NULL OR ((typeof(at) = 'text' AND "
         "strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 days') IS at) AND (at BETWEEN "
         "'1900-01-01' AND '2999-12-31T23:59:59Z')))",
        "CONSTRAINT ok_kept_id CHECK (kept_id IS NULL OR ((typeof(kept_id) = 'integer') "
         "AND (kept_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_gone_id CHECK (gone_id IS NULL OR ((typeof(gone_id) = 'integer') "
         "AND (gone_id BETWEEN 1 AND 9223372036854775807)))",
        "CONSTRAINT ok_gone_name CHECK (gone_name IS NULL OR ((typeof(gone_name) = "
         "'text') AND (instr(gone_name, X'00') = 0) AND (NOT gone_name GLOB "
         "CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT)) AND (length(trim(gone_name, "
         "CAST(X'20090a0d' AS TEXT))) > 0) AND (length(gone_name) <= 200)))",
        "CONSTRAINT ok_gone_card CHECK (gone_card IS NULL OR ((typeof(gone_card) = 'text' "
         "AND (gone_card GLOB '{*}' OR gone_card GLOB '[[]*]')) AND (NOT gone_card GLOB "
         "CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT))))",
        "CONSTRAINT ok_kept_before CHECK (kept_before IS NULL OR ((typeof(kept_before) = "
         "'text' AND (kept_before GLOB '{*}' OR kept_before GLOB '[[]*]')) AND (NOT "
         "kept_before GLOB CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT))))",
        "CONSTRAINT ok_moved CHECK (moved IS NULL OR ((typeof(moved) = 'text' AND (moved "
         "GLOB '{*}' OR moved GLOB '[[]*]')) AND (NOT moved GLOB "
         "CAST(X'2a5b012d1f7f2dc29f5d2a' AS TEXT))))",
        "CONSTRAINT ok_undone_at CHECK (undone_at IS NULL OR ((typeof(undone_at) = 'text' "
         "AND strftime('%Y-%m-%dT%H:%M:%SZ', undone_at, '+0 days') IS undone_at) AND "
         "(undone_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59Z')))",
    ),
}

INDEXES = (
    "CREATE INDEX ix_import_change_batch_id ON import_change (batch_id)",
    "CREATE INDEX ix_import_change_customer_id ON import_change (customer_id)",
    "CREATE INDEX ix_customer_merge_kept_id ON customer_merge (kept_id)",
    "CREATE INDEX ix_customer_source_key ON customer (source_key)",
)
# Also made in every new database (an index on an expression, which the models can't say).
EMAIL_INDEX = "CREATE INDEX IF NOT EXISTS ix_customer_email ON customer (lower(email))"


def new_database(conn: sqlite3.Connection) -> None:
    conn.execute(EMAIL_INDEX)


def upgrade(conn: sqlite3.Connection) -> None:
    """Upgrade step 4 -> 5 (inside the upgrade transaction, foreign keys off)."""
    # First plainly, so the rebuild copies them and checks every row against the rules.
    for column in ("organization", "birthday", "more_contacts", "source_key"):
        conn.execute(f"ALTER TABLE customer ADD COLUMN {column} VARCHAR")
    conn.execute("PRAGMA ignore_check_constraints=ON")
    try:
        schema4.rebuild_table(conn, "customer", TABLES["customer"], suffix="v5")
    finally:
        conn.execute("PRAGMA ignore_check_constraints=OFF")
    for table in ("import_batch", "import_change", "customer_merge"):
        body = ",\n\t".join(TABLES[table])
        conn.execute(f"CREATE TABLE {table} (\n\t{body}\n)")
    for statement in INDEXES:
        conn.execute(statement)
    conn.execute(EMAIL_INDEX)
    # The search columns in the new folding, by the same code as every write.
    derive.refresh_all(conn, last_contact=False)
