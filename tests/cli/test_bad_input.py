"""Every kind of bad input: exit 2, one clear line, no traceback, the data unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from support import contents

pytestmark = pytest.mark.both_engines


def dump(db) -> list[str] | str:
    if not isinstance(db, Path):
        return contents(db)
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def shop(kbm):
    kbm.ok("add", "Eva Klein", "--phone", "0171 5550")
    kbm.ok("log", "eva", "first visit")
    return kbm


BAD = [
    (("add", ""), "name is empty"),
    (("add", "   "), "name is empty"),
    (("add", "x" * 201), "201 characters long; at most 200"),
    (("add", "Bell\x07Ringer"), "control characters"),
    (("add", "Eva", "--email", "not-an-email"), "not an email address"),
    (("add", "Eva", "--phone", "call me"), "not a phone number"),
    (("log", "eva", ""), "summary is empty"),
    (("log", "eva", " \t "), "summary is empty"),
    (("log", "eva", "y" * 5001), "at most 5000"),
    (("log", "eva", "hi", "--via", "pigeon"), 'not a channel. Choose one of: store, phone'),
    (("log", "eva", "hi", "--kind", "gossip"), "not a kind"),
    (("log", "eva", "hi", "--by", "Olga"), 'Nobody on the staff is called "Olga"'),
    (("log", "eva", "hi", "--amount", "12.5.5"), "not an amount"),
    (("log", "eva", "hi", "--amount", "zwölf"), "not an amount"),
    (("log", "eva", "hi", "--amount", "1e5"), "not an amount"),
    (("log", "eva", "hi", "--promise", "call", "--due", "next blursday"), "Can't read"),
    (("log", "eva", "hi", "--promise", "call", "--due", "09:00"), "already passed"),
    (("log", "eva", "hi", "--promise", "call", "--due", "31.02."), "31.02."),
    (("log", "eva", "hi", "--due", "tomorrow"), "--due belongs to a promise"),
    (("log", "eva", "hi", "--follow-up", "someday", "call"), "Can't read"),
    (("log", "nobody", "hi"), "No customer matches"),
    (("promise", "eva", ""), "promise is empty"),
    (("remind", "eva", "call", "--on", "yesterday"), "already passed"),
    (("remind", "eva", "call", "--on", "tomorrow", "--every", "often"), "not a number of days"),
    (("edit", "eva"), "Nothing to change"),
    (("edit", "eva", "--name", ""), "name is empty"),
    (("kept", "999"), "no promise #999"),
    (("done", "999"), "no follow-up #999"),
    (("customers", "--limit", "0"), "--limit goes from 1 to 1,000,000, not 0"),
    (("restore", "missing.zip"), "no backup file"),
    (("staff", "add", ""), "staff name is empty"),
]


@pytest.mark.parametrize("args, message", BAD, ids=[" ".join(a)[:40] for a, _ in BAD])
def test_bad_input_is_refused_clearly(shop, args, message):
    before = dump(shop.db_path)
    err = shop.fails(*args)
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert dump(shop.db_path) == before


def test_unknown_option_is_exit_2(shop):
    err = shop.fails("log", "eva", "hi", "--colour", "red")
    assert "unrecognized arguments" in err


def test_db_that_is_a_folder(kbm, tmp_path):
    err = kbm.fails("--db", str(tmp_path), "today", db=False)
    assert "is a folder" in err


def test_db_that_cannot_be_created(kbm):
    err = kbm.fails("--db", "/proc/kbm-test/kbm.sqlite3", "today", db=False)
    assert "/proc/kbm-test" in err


def test_db_that_is_not_a_kbm_database(kbm, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert "not a kbm-tui database" in kbm.fails("--db", str(text), "today", db=False)
    assert text.read_text() == "hello"
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    assert "not one of kbm-tui" in kbm.fails("--db", str(other), "today", db=False)


def test_restore_of_something_that_is_not_a_backup(shop, tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really")
    before = dump(shop.db_path)
    assert "not a kbm-tui backup" in shop.fails("restore", str(junk), "--replace")
    assert dump(shop.db_path) == before
