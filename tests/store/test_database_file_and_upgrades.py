"""The database file: where it lives, what we refuse to touch, and schema upgrades."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat

import pytest

from kbm_tui.core.errors import AgainstWishes, DatabaseFileError
from kbm_tui.core.records import ContactDraft
from kbm_tui.db import schema
from kbm_tui.db.sqlite import connect as store_open
from kbm_tui.db.sqlite import create
from kbm_tui.store import Store

FIXTURE_V2 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v2.sqlite3")
FIXTURE_V1 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v1.sqlite3")
FIXTURE_V3 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v3.sqlite3")
FIXTURE_V4 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v4.sqlite3")


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_default_database_lives_in_the_private_data_folder(tmp_path):
    with Store.open() as store:
        assert store.path == tmp_path / "data" / "kbm.sqlite3"
    assert stat.S_IMODE(os.stat(tmp_path / "data").st_mode) == 0o700


def test_kbm_db_variable_chooses_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KBM_DB", str(tmp_path / "elsewhere.sqlite3"))
    with Store.open() as store:
        assert store.path == tmp_path / "elsewhere.sqlite3"


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    shutil.copy(FIXTURE_V1, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE kbm_meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseFileError, match="newer kbm-tui.*Update kbm-tui"):
        Store.open(path)
    assert digest(path) == before
    assert not os.path.exists(str(path) + "-wal")


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Einkaufsliste: Milch, Brot\n")
    with pytest.raises(DatabaseFileError, match="not a kbm-tui database"):
        Store.open(path)
    assert path.read_text() == "Einkaufsliste: Milch, Brot\n"


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs(title TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseFileError, match="not one of kbm-tui"):
        Store.open(path)
    assert digest(path) == before


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseFileError, match="is a folder"):
        Store.open(tmp_path)


def test_schema_v1_file_is_upgraded_with_every_row(tmp_path):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURE_V1, path)
    assert store_open.read_version(path) == 1
    with Store.open(path) as store:
        assert store_open.read_version(path) == schema.SCHEMA_VERSION
        assert store.row_counts() == {"staff": 2, "customer": 2, "conversation": 2, "promise": 1,
                                      "promise_change": 0, "followup": 1}
        assert store.match_customer("jurgen").notes == "rides daily\nprefers mornings"
        # Version 2 added full-text search: old rows are found by a word said and by digits.
        assert [c.name for c in store.list_customers("brake")] == ["Jürgen Müller"]
        assert [c.name for c in store.list_customers("5551")] == ["Jürgen Müller"]
        assert [c.name for c in store.list_customers("helmets")] == ["Kita Sonnenschein"]
    copies = list(tmp_path.glob("v1.sqlite3.before-upgrade-v1-*"))
    assert len(copies) == 1 and store_open.read_version(copies[0]) == 1


def test_schema_v2_file_gets_the_words_said_and_the_today_indexes(tmp_path):
    """Version 3 indexes each customer's words said as one entry, and the Today screen's
    expressions; it is the same database a new one is."""
    path = tmp_path / "v2.sqlite3"
    shutil.copy(FIXTURE_V2, path)
    assert store_open.read_version(path) == 2
    with Store.open(path) as store, Store.open(tmp_path / "new.sqlite3"):
        assert store_open.read_version(path) == schema.SCHEMA_VERSION
        assert [c.name for c in store.list_customers("brake")] == ["Jürgen Müller"]
        assert store.count_customers("helmets") == 1
        plan = " ".join(r[3] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM followup f WHERE f.done_at IS NULL AND "
            "coalesce(f.snoozed_until, f.due_day)<='2026-11-22'"))
        assert "ix_followup_due" in plan
    assert _schema_shape(path) == _schema_shape(tmp_path / "new.sqlite3")
    assert "conversation_terms" not in _schema_shape(path)


def _fake_next_version(monkeypatch, step):
    nxt = schema.SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(create.UPGRADES, nxt - 1, step)
    return nxt


def test_upgrade_steps_run_once_in_order_after_a_safety_copy(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURE_V1, path)
    ran = []

    def add_shoe_size(conn):
        ran.append("shoe_size")
        conn.execute("ALTER TABLE customer ADD COLUMN shoe_size INTEGER")

    nxt = _fake_next_version(monkeypatch, add_shoe_size)
    with Store.open(path) as store:
        assert store_open.read_version(path) == nxt
        assert "shoe_size" in store.table_columns("customer")
        assert store.row_counts()["conversation"] == 2
        assert [c.name for c in store.list_customers("brake")] == ["Jürgen Müller"]
    assert len(list(tmp_path.glob("v1.sqlite3.before-upgrade-v1-*"))) == 1
    with Store.open(path):  # the second time there is nothing to do
        pass
    assert ran == ["shoe_size"]
    assert len(list(tmp_path.glob("v1.sqlite3.before-upgrade-*"))) == 1


def test_a_failing_upgrade_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURE_V1, path)

    def broken_step(conn):
        conn.execute("ALTER TABLE customer ADD COLUMN shoe_size INTEGER")
        raise RuntimeError("step failed half-way")

    _fake_next_version(monkeypatch, broken_step)
    with pytest.raises(RuntimeError):
        Store.open(path)
    assert store_open.read_version(path) == 1  # not even the search step stayed
    monkeypatch.undo()
    with Store.open(path) as store:
        assert "shoe_size" not in store.table_columns("customer")
        assert store.row_counts()["customer"] == 2


def _schema_shape(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        shape = {}
        for kind, name, table in conn.execute(
                "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"):
            if kind == "index":
                columns = [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
                partial = [r[4] for r in conn.execute(f"PRAGMA index_list({table})")
                           if r[1] == name]
                shape[name] = (kind, table, tuple(columns), tuple(partial))
            elif kind == "table":
                sql = conn.execute("SELECT sql FROM sqlite_master WHERE name=?", (name,)).fetchone()[0]
                shape[name] = (kind, tuple(r[1] for r in conn.execute(f"PRAGMA table_info({name})")),
                               " ".join(sql.replace('"', "").split()))
            else:
                shape[name] = (kind, table)
        return shape
    finally:
        conn.close()


def test_an_upgraded_database_has_the_shape_of_a_new_one(tmp_path):
    """The upgrade steps and the SQLModel tables describe the same database."""
    old = tmp_path / "v1.sqlite3"
    shutil.copy(FIXTURE_V1, old)
    with Store.open(old), Store.open(tmp_path / "new.sqlite3"):
        pass
    upgraded, fresh = _schema_shape(old), _schema_shape(tmp_path / "new.sqlite3")
    assert upgraded == fresh
    assert "ix_conversation_open_complaints" in fresh and "customer_fts" in fresh


def test_schema_v3_file_gets_every_value_checked_by_the_database(tmp_path):
    """Version 4 rebuilds the tables with CHECK constraints: the database itself refuses a
    value typed input never could have made, whoever writes it."""
    path = tmp_path / "v3.sqlite3"
    shutil.copy(FIXTURE_V3, path)
    assert store_open.read_version(path) == 3
    with Store.open(path) as store, Store.open(tmp_path / "new.sqlite3"):
        assert store.row_counts() == {"staff": 2, "customer": 2, "conversation": 2,
                                      "promise": 1, "promise_change": 1, "followup": 2}
        assert [c.name for c in store.list_customers("brake")] == ["Jürgen Müller"]
        assert store.match_customer("kita").address == "Hauptstr. 5\n10115 Berlin"
        assert store.conn.execute("PRAGMA foreign_key_check").fetchone() is None
        for sql, bad in (("UPDATE customer SET name=?", ["x" * 201, "Anna\x1b[2J", " ", b"blob", "a\x00b"]),
                         ("UPDATE followup SET due_day=?", ["2026-02-30", "9999-12-31", "x"])):
            for value in bad:
                with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                    store.conn.execute(sql, (value,))
        with pytest.raises(sqlite3.IntegrityError, match="ok_every_days"):
            store.conn.execute("UPDATE followup SET every_days=999999999999")
    assert _schema_shape(path) == _schema_shape(tmp_path / "new.sqlite3")
    assert len(list(tmp_path.glob("v3.sqlite3.before-upgrade-v3-*"))) == 1


def test_a_v3_file_with_a_value_no_one_could_have_typed_is_refused_untouched(tmp_path):
    path = tmp_path / "v3.sqlite3"
    shutil.copy(FIXTURE_V3, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE promise SET due_day='2026-13-45' WHERE id=1")
    conn.commit()
    conn.close()
    before = _content(path)
    with pytest.raises(DatabaseFileError, match=r"promise #1: due_day must be a real date.*"
                                                r"left as it was"):
        Store.open(path)
    assert _content(path) == before and store_open.read_version(path) == 3


def test_schema_v4_file_gets_the_new_card_fields_and_journals_checked_by_the_database(
        tmp_path):
    """Version 5 gives the card organisation, birthday, more contacts and its source, and
    adds the import and merge journals: every new value checked like the others, the
    search columns folded anew (Mueller finds Müller, any notation finds the number)."""
    path = tmp_path / "v4.sqlite3"
    shutil.copy(FIXTURE_V4, path)
    assert store_open.read_version(path) == 4
    with Store.open(path) as store, Store.open(tmp_path / "new.sqlite3"):
        assert store_open.read_version(path) == schema.SCHEMA_VERSION
        assert store.row_counts() == {"staff": 2, "customer": 2, "conversation": 2,
                                      "promise": 1, "promise_change": 1, "followup": 2}
        for typed in ("mueller", "juergen", "+49 171 555 1234", "brake"):
            assert [c.name for c in store.list_customers(typed)] == ["Jürgen Müller"], typed
        jurgen = store.match_customer("mueller")
        store.update_customer(jurgen.id, organization="Radsport Müller", birthday="14.3.")
        assert store.get_customer(jurgen.id).birthday == "--03-14"
        for sql, bad in (("UPDATE customer SET birthday=?", ["2026-02-30", "--13-01", "14.3.",
                                                             "1850-01-01", 19850314]),
                         ("UPDATE customer SET organization=?", ["x" * 201, "A\x1b[2J"]),
                         ("UPDATE customer SET more_contacts=?", ["x" * 2001, " "])):
            for value in bad:
                with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                    store.conn.execute(sql, (value,))
        with pytest.raises(sqlite3.IntegrityError, match="ck_format"):
            store.conn.execute("INSERT INTO import_batch(at, file_name, format, added, filled) "
                               "VALUES ('2026-11-22T09:00:00Z', 'a.vcf', 'exe', 1, 0)")
        with pytest.raises(sqlite3.IntegrityError, match="ok_moved"):
            store.conn.execute(
                "INSERT INTO customer_merge(at, kept_id, gone_id, gone_name, gone_card, "
                "kept_before, moved) VALUES ('2026-11-22T09:00:00Z', 1, 2, 'K', '{}', '{}', "
                "'{not json')")
    assert _schema_shape(path) == _schema_shape(tmp_path / "new.sqlite3")
    assert len(list(tmp_path.glob("v4.sqlite3.before-upgrade-v4-*"))) == 1


def test_a_v4_file_with_a_value_no_one_could_have_typed_is_refused_untouched(tmp_path):
    path = tmp_path / "v4.sqlite3"
    shutil.copy(FIXTURE_V4, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints=ON")
    conn.execute("UPDATE customer SET email='not an address' WHERE id=1")
    conn.commit()
    conn.close()
    before = _content(path)
    with pytest.raises(DatabaseFileError, match=r"customer #1: email must be an email address"
                                                r".*left as it was"):
        Store.open(path)
    assert _content(path) == before and store_open.read_version(path) == 4


def _content(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


FIXTURE_V5 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v5.sqlite3")


def test_schema_v5_file_finds_the_letters_a_german_keyboard_lacks(tmp_path):
    """Version 6 folds ø, ł, æ, œ, đ, ð, þ and ı in every search: the card's search columns,
    the words each customer said and the conversations' index are made anew."""
    path = tmp_path / "v5.sqlite3"
    shutil.copy(FIXTURE_V5, path)
    assert store_open.read_version(path) == 5
    with Store.open(path) as store, Store.open(tmp_path / "new.sqlite3"):
        assert store_open.read_version(path) == schema.SCHEMA_VERSION
        assert store.row_counts()["customer"] == 3
        for typed in ("soren", "søren", "SØREN LADA", "smorrebrod", "lukasz", "aermel",
                      "oeuvre", "strasse", "+45 32 12 34 56"):
            assert [c.name for c in store.list_customers(typed)] == ["Søren Łada"], typed
        assert [c.name for c in store.list_customers("brake")] == ["Jürgen Müller"]
        assert [v.summary for v in store.conversations(text="aermel")] == [
            "Ærmel des Trikots zu lang, Œuvre-Katalog bestellt"]
        assert store.count_conversations(text="lukasz strasse") == 1
    assert _schema_shape(path) == _schema_shape(tmp_path / "new.sqlite3")
    assert len(list(tmp_path.glob("v5.sqlite3.before-upgrade-v5-*"))) == 1


FIXTURE_V6 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v6.sqlite3")


def test_schema_v6_file_gets_no_advertising_with_every_conversation_still_found(tmp_path):
    """Version 7 makes the customer and conversation tables anew (the objection to
    advertising on the card, "advertising" among the kinds): every row, wish and index
    kept, the conversations still found by their words."""
    path = tmp_path / "v6.sqlite3"
    shutil.copy(FIXTURE_V6, path)
    assert store_open.read_version(path) == 6
    columns = {t: _stored_columns(path, t) for t in schema.TABLES_IN_ORDER}
    before = {t: _rows(path, t, columns[t]) for t in schema.TABLES_IN_ORDER}
    with Store.open(path) as store, Store.open(tmp_path / "new.sqlite3"):
        assert store_open.read_version(path) == 7
        for table, rows in before.items():  # every value as it was, the new column empty
            assert _rows(path, table, columns[table]) == rows, table
        assert all(c.no_ads_since is None for c in store.list_customers(""))
        assert store.match_customer("jurgen").pref_channel == "phone"
        for typed, found in (("aermel", 1), ("angebot helme", 1), ("lukasz strasse", 1),
                             ("squeak", 1), ("nothing said", 0)):
            assert store.count_conversations(text=typed) == found, typed
        assert [c.name for c in store.list_customers("brake")] == ["Jürgen Müller"]
        store.conn.execute("INSERT INTO conversation_fts(conversation_fts) "
                           "VALUES ('integrity-check')")
        kita = store.match_customer("kita")
        store.set_wishes(kita.id, no_ads=True)
        with pytest.raises(AgainstWishes, match="Kita Sonnenschein objected to advertising"):
            store.record_contact(ContactDraft(kita.id, summary="Frühjahrsaktion Helme",
                                              direction="out", kind="werbung"))
        store.log_conversation(kita.id, "fragt nach dem Newsletter", kind="advertising")
        assert store.count_conversations(text="newsletter") == 1
        for sql, value, rule in (("UPDATE conversation SET kind=?", "spam", "ck_kind"),
                                 ("UPDATE customer SET no_ads_since=?", "2026-11-31T10:00:00Z",
                                  "ok_no_ads_since")):
            with pytest.raises(sqlite3.IntegrityError, match=rule):
                store.conn.execute(sql, (value,))
    assert _schema_shape(path) == _schema_shape(tmp_path / "new.sqlite3")
    assert len(list(tmp_path.glob("v6.sqlite3.before-upgrade-v6-*"))) == 1


def test_a_v6_file_with_a_kind_no_one_could_have_typed_is_refused_untouched(tmp_path):
    path = tmp_path / "v6.sqlite3"
    shutil.copy(FIXTURE_V6, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints=ON")
    conn.execute("UPDATE conversation SET kind='spam' WHERE id=2")
    conn.commit()
    conn.close()
    before = _content(path)
    with pytest.raises(DatabaseFileError, match=r"conversation #2: kind must be one of .*"
                                                r"advertising.*left as it was"):
        Store.open(path)
    assert _content(path) == before and store_open.read_version(path) == 6


def _stored_columns(path, table: str) -> str:
    """The table's columns but those the store derives (and may derive anew on opening)."""
    conn = sqlite3.connect(path)
    try:
        return ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                         if r[1] not in schema.DERIVED_COLUMNS.get(table, ()))
    finally:
        conn.close()


def _rows(path, table: str, columns: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 command-line tool")
def test_the_sqlite3_tool_can_still_write_a_conversation_that_search_then_finds(tmp_path):
    """The conversations' index folds in SQL alone (no function of kbm's), so another
    program writing the file keeps it whole; rebuilding and merging it keep the folding."""
    import subprocess

    path = tmp_path / "shop.sqlite3"
    with Store.open(path) as store:
        store.add_customer("Søren Łada")
    for sql in ("INSERT INTO conversation(customer_id, at, channel, direction, kind, summary, "
                "created_at) VALUES (1, '2026-11-22T10:00:00Z', 'store', 'in', 'other', "
                "'Smørrebrød für Łukasz', '2026-11-22T10:00:00Z')",
                "INSERT INTO conversation_fts(conversation_fts) VALUES ('rebuild')",
                "INSERT INTO conversation_fts(conversation_fts) VALUES ('optimize')",
                "INSERT INTO conversation_fts(conversation_fts) VALUES ('integrity-check')"):
        subprocess.run(["sqlite3", str(path), sql], check=True, capture_output=True)
    with Store.open(path) as store:
        for typed in ("smorrebrod", "smørrebrød", "lukasz"):
            assert [v.summary for v in store.conversations(text=typed)] == [
                "Smørrebrød für Łukasz"], typed
