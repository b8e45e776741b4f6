"""Each customer's right to their data: take it away, or have it erased for good."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from datetime import date

import pytest

from kbm_tui.backup import customer_export
from kbm_tui.core.when import Due
from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines

SECRET = "Zwetschgenkuchen7f3a9q"  # one word, so the word index would hold it whole


def two_customers(store):
    keep = store.add_customer("Bleibt Hier", notes="stays")
    gone = store.add_customer(f"Anna {SECRET}", email="anna@example.com",
                              notes=f"likes {SECRET}", tags=[SECRET])
    for i in range(40):
        store.log_conversation(gone.id, f"talk {i} about {SECRET}", kind="complaint" if i == 3 else None)
        store.log_conversation(keep.id, f"other talk {i}")
    p = store.make_promise(gone.id, f"promise {SECRET}", Due(date(2026, 11, 27)))
    store.conn.execute("INSERT INTO promise_change(promise_id, changed_at, reason) "
                       "VALUES (?, '2026-11-22T10:00:00Z', ?)", (p.id, f"moved {SECRET}"))
    store.plan_followup(gone.id, f"ask {SECRET}", Due(date(2026, 12, 1)))
    return keep, gone


def test_customer_export_holds_everything_about_them_and_nothing_else(store, tmp_path):
    keep, gone = two_customers(store)
    target = tmp_path / "anna.zip"
    counts = customer_export.write(store, gone.id, target)
    assert counts == {"customer": 1, "conversation": 40, "promise": 1, "promise_change": 1,
                      "followup": 1}
    with zipfile.ZipFile(target) as zf:
        document = json.loads(zf.read("customer.json"))
        assert document["customer"][0]["notes"] == f"likes {SECRET}"
        assert all(c["customer_id"] == gone.id for c in document["conversation"])
        assert "other talk" not in zf.read("conversation.csv").decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(zf.read("customer.csv").decode("utf-8-sig"))))
        assert rows[1][rows[0].index("email")] == "anna@example.com"


@pytest.mark.sqlite_only  # reads the file's bytes
def test_forget_erases_every_trace_from_the_file(db_path):
    with Store.open(db_path) as store:
        keep, gone = two_customers(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw = db_path.read_bytes()
        assert SECRET.encode() in raw  # the test would notice if nothing was there to erase
        removed = store.forget_customer(gone.id)
        assert removed == {"customer": 1, "conversation": 40, "promise": 1, "promise_change": 1,
                           "followup": 1}
        assert store.count_customers() == 1 and len(store.conversations(limit=100)) == 40
    for path in db_path.parent.iterdir():
        content = path.read_bytes()
        for needle in (SECRET, SECRET.lower(), "anna@example.com"):
            assert needle.encode() not in content, (path.name, needle)


@pytest.mark.sqlite_only  # reads the file's bytes
def test_forget_from_the_command_line(kbm):
    kbm.ok("log", "Anna Weg", f"about {SECRET}", "--new")
    out = kbm.ok("forget", "anna", "--yes")
    assert "Erased Anna Weg: 1 customer, 1 conversation" in out
    assert "No customer matches" in kbm.fails("forget", "anna", "--yes")
    assert SECRET.encode() not in kbm.db_path.read_bytes()


def test_forget_asks_for_confirmation_without_yes(kbm):
    kbm.ok("add", "Anna Weg")
    assert "Add --yes to confirm" in kbm.fails("forget", "anna")
    assert "Anna Weg" in kbm.ok("customers")


def test_customer_export_from_the_command_line(kbm, tmp_path):
    kbm.ok("log", "Anna Weg", "=cmd|' /C calc'!A0", "--new")
    out = kbm.ok("customer-export", "anna")
    target = tmp_path / "kbm-customer-1-2026-11-22.zip"
    assert str(target) in out
    with zipfile.ZipFile(target) as zf:
        cells = zf.read("conversation.csv").decode("utf-8-sig")
    assert "'=cmd" in cells
    with pytest.raises(AssertionError):
        assert "\n=cmd" in cells


READER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM customer").fetchone()
print("reading", flush=True)
sys.stdin.readline() if sys.argv[2] == "hold" else time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def _reader(db_path, hold: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", READER, str(db_path), hold],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "reading\n"
    return proc


def _traces(folder) -> list[str]:
    return [path.name for path in folder.iterdir()
            if SECRET.encode() in path.read_bytes() or b"anna@example.com" in path.read_bytes()]


@pytest.mark.sqlite_only  # the write-ahead log of a file
def test_forget_while_another_program_reads_says_so_and_finishes_on_the_next_open(kbm, db_path):
    with Store.open(db_path) as store:
        two_customers(store)
    reader = _reader(db_path, "hold")
    try:
        result = kbm("forget", "anna", "--yes", env={"KBM_BUSY_TIMEOUT": "0.5"})
        assert result.returncode == 3, (result.stdout, result.stderr)
        assert "not yet from the file itself" in result.stdout
        assert _traces(db_path.parent)  # honest: the data can still be read from the file
    finally:
        reader.stdin.write("\n")
        reader.stdin.close()
        reader.wait()
        reader.stdout.close()
    kbm.ok("today")
    assert _traces(db_path.parent) == []
    with Store.open(db_path) as store:
        assert not store.erasure_pending()


@pytest.mark.sqlite_only  # the write-ahead log of a file
def test_forget_waits_for_a_reader_that_finishes_soon(kbm, db_path):
    with Store.open(db_path) as store:
        two_customers(store)
    reader = _reader(db_path, "0.5")
    try:
        out = kbm.ok("forget", "anna", "--yes", env={"KBM_BUSY_TIMEOUT": "20"})
    finally:
        reader.wait()
        reader.stdin.close()
        reader.stdout.close()
    assert out.startswith("Erased Anna")
    assert _traces(db_path.parent) == []


def test_a_customers_export_tells_them_in_the_shops_language_what_it_holds(kbm, tmp_path):
    kbm.ok("log", "Anna Weg", "asks about a bell", "--new")
    kbm.ok("customer-export", "anna", "--lang", "de")
    with zipfile.ZipFile(tmp_path / "kbm-customer-1-2026-11-22.zip") as zf:
        note = zf.read("LIESMICH.txt").decode()
    assert "Alles, was der Laden über Anna Weg gespeichert hat, Stand Sonntag, 22. November" in note
    assert "1 Kunde, 1 Gespräch, 0 Versprechen" in note
