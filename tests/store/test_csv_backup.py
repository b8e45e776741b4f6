"""The CSV backup: lossless round trip, spreadsheet-safe cells, damaged files named."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, time, timedelta

import pytest

from kbm_tui.backup import export as backup_export
from kbm_tui.backup import restore as backup_restore
from kbm_tui.core import clock, vocab
from kbm_tui.core.errors import BackupError
from kbm_tui.core.when import Due
from kbm_tui.db import schema
from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines

TRICKY = [
    'Jürgen "Jo" Müller, Straße 5',
    "line one\nline two\r\nline three",
    "=HYPERLINK(\"http://evil\";\"click\")",
    "+49 171 555",
    "-5 degrees, brakes froze",
    "@everyone",
    "\ttabbed",
    "'quoted already",
    "''two quotes",
    "emoji 🚲 and 日本語 and Ωmega",
    "comma, semicolon; pipe |",
]


def fill_everything(store: Store) -> None:
    """A database that uses every column, channel, kind and status, with tricky text."""
    maria = store.add_staff("Maria")
    store.rename_staff(1, "Frank")
    for i, text in enumerate(TRICKY):
        c = store.add_customer("Kunde " + " ".join(text.split()),
                               phone="+49 (0)30 / 123-45" if i % 2 else None,
                               email=f"k{i}@example.com" if i % 3 else None,
                               address=text if i % 2 == 0 else None, notes=text,
                               tags=["e-bike", "=cmd"] if i % 2 else None)
        for j, channel in enumerate(vocab.CHANNELS):
            kind = vocab.KINDS[(i + j) % len(vocab.KINDS)]
            at = clock.now() - timedelta(days=i * 7 + j, hours=j)
            conv = store.log_conversation(
                c.id, f"{text} #{j}", channel=channel, kind=kind,
                direction=vocab.DIRECTIONS[j % 2], staff_id=maria.id if j % 2 else None, at=at,
                amount_cents=(-1 if j == 3 else 1) * (i * 1000 + j * 7) if kind == "purchase" else None)
        p = store.make_promise(c.id, text, Due(date(2026, 11, 20 + i % 5), time(14, 0) if i % 2 else None),
                               conversation_id=conv.id, staff_id=maria.id)
        status = ("open", "kept", "broken", "cancelled")[i % 4]
        if status != "open":
            store.close_promise(p.id, status, text if status != "kept" else None)
        store.make_promise(c.id, "when the part arrives")
        f = store.plan_followup(c.id, text, Due(date(2026, 12, 1 + i)), every_days=14 if i % 2 else None)
        if i % 3 == 0:
            store.followup_done(f.id)
        elif i % 3 == 1:
            store.snooze_followup(f.id, date(2026, 12, 24))
    store.conn.execute(
        "INSERT INTO promise_change(promise_id, changed_at, old_due_day, old_due_at, new_due_day, "
        "new_due_at, reason) VALUES (1, '2026-11-22T10:00:00Z', '2026-11-20', NULL, '2026-11-27', "
        "'2026-11-27T13:00:00Z', 'part is late, \"sorry\"')")
    store.set_archived(2)


def csv_files(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.endswith(".csv")}


def test_export_restore_export_is_byte_identical(store, tmp_path):
    fill_everything(store)
    first = tmp_path / "first.zip"
    backup_export.export(store, first)
    with Store.open(tmp_path / "restored.sqlite3") as other:
        backup_restore.restore(other, first)
        second = tmp_path / "second.zip"
        backup_export.export(other, second)
        assert other.match_customer("jurgen").notes == TRICKY[0]
        assert other.get_customer(2).archived_at is not None
    assert csv_files(first) == csv_files(second)
    assert set(csv_files(first)) == {"staff.csv", "customer.csv", "conversation.csv",
                                     "promise.csv", "promise_change.csv", "followup.csv"}


def test_restore_gives_back_the_exact_text_and_numbers(store, tmp_path):
    fill_everything(store)
    target = tmp_path / "b.zip"
    backup_export.export(store, target)
    with Store.open(tmp_path / "r.sqlite3") as other:
        backup_restore.restore(other, target)
        for table in ("customer", "conversation", "promise", "followup", "promise_change"):
            cols = store.table_columns(table)
            assert list(other.iter_rows(table, cols)) == list(store.iter_rows(table, cols)), table


def test_manifest_names_schema_version_and_row_counts(store, tmp_path):
    fill_everything(store)
    target = tmp_path / "b.zip"
    backup_export.export(store, target)
    manifest = json.loads(zipfile.ZipFile(target).read("manifest.json"))
    assert manifest["format"] == "kbm-tui backup"
    assert manifest["schema_version"] == schema.SCHEMA_VERSION
    assert manifest["tables"]["conversation"]["rows"] == len(TRICKY) * len(vocab.CHANNELS)
    assert manifest["tables"]["customer"]["rows"] == len(TRICKY)


def test_no_cell_would_run_as_a_formula_in_a_spreadsheet(store, tmp_path):
    fill_everything(store)
    target = tmp_path / "b.zip"
    backup_export.export(store, target)
    seen_escaped = 0
    for name, raw in csv_files(target).items():
        assert raw.startswith(b"\xef\xbb\xbf"), name  # UTF-8 with BOM, so Excel reads umlauts
        for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")):
            for cell in row:
                if cell[:1] in ("=", "+", "@", "\t", "\r"):
                    pytest.fail(f"{name}: {cell!r} would run as a formula")
                if cell[:1] == "-":
                    assert cell.lstrip("-").isdigit(), f"{name}: {cell!r}"
                seen_escaped += cell.startswith("'")
    assert seen_escaped > 10


def test_restore_refuses_a_database_that_holds_data(store, tmp_path):
    fill_everything(store)
    target = tmp_path / "b.zip"
    backup_export.export(store, target)
    before = store.row_counts()
    with pytest.raises(BackupError, match="already holds 11 customers.*--replace"):
        backup_restore.restore(store, target)
    assert store.row_counts() == before


@pytest.mark.sqlite_only  # safety copies: on a server, pg_dump
def test_replace_keeps_a_copy_of_the_current_database(store, tmp_path):
    fill_everything(store)
    target = tmp_path / "b.zip"
    backup_export.export(store, target)
    store.add_customer("Added after the backup")
    result = backup_restore.restore(store, target, replace=True)
    assert store.count_customers(include_archived=True) == len(TRICKY)
    with Store.open(result.safety_copy) as copy:
        assert copy.count_customers(include_archived=True) == len(TRICKY) + 1


def rewrite(source, target, change):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        files = {n: zin.read(n) for n in zin.namelist()}
        change(files)
        for name, data in files.items():
            zout.writestr(name, data)


@pytest.mark.parametrize("change, message", [
    (lambda f: f.pop("conversation.csv"), "conversation.csv is missing"),
    (lambda f: f.pop("manifest.json"), "not a kbm-tui backup"),
    (lambda f: f.update({"customer.csv": f["customer.csv"].replace(b"id,name", b"id,nmae", 1)}),
     r"customer.csv, line 1: the header is wrong \(unexpected: nmae\)"),
    (lambda f: f.update({"promise.csv": f["promise.csv"] + b"99,1,,x,1,yesterday,,,open,,\r\n"}),
     r"promise.csv, line \d+: made_at must be a real UTC time like 2026-11-22T09:30:00Z, not "
     r"\"yesterday\""),
    (lambda f: f.update({"followup.csv": f["followup.csv"] + b"99,1\r\n"}),
     r"followup.csv, line \d+: 2 fields where the header has"),
    (lambda f: f.update({"conversation.csv": f["conversation.csv"] +
                         b"999,1,2026-11-22T10:00:00Z,pigeon,in,other,1,hi,,,,,,2026-11-22T10:00:00Z,\r\n"}),
     r"conversation.csv, line \d+: channel must be one of store, phone, email, letter, social, "
     r"web, visit, not \"pigeon\""),
    (lambda f: f.update({"promise.csv": f["promise.csv"].replace(b"\r\n1,1,", b"\r\n1,424242,", 1)}),
     r"promise.csv, line 2: the row refers to a customer that is not in the backup"),
])
def test_damaged_backup_is_named_and_nothing_changes(store, tmp_path, change, message):
    fill_everything(store)
    good = tmp_path / "good.zip"
    backup_export.export(store, good)
    bad = tmp_path / "bad.zip"
    rewrite(good, bad, change)
    with Store.open(tmp_path / "empty.sqlite3") as empty:
        with pytest.raises(BackupError, match=message):
            backup_restore.restore(empty, bad)
        assert empty.row_counts()["customer"] == 0
        assert [s.name for s in empty.staff()] == ["Owner"]


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_text("hello")
    with Store.open(tmp_path / "x.sqlite3") as store, pytest.raises(BackupError, match="not a zip"):
        backup_restore.restore(store, junk)


def test_large_tables_written_by_helper_processes_match(store, tmp_path, monkeypatch):
    fill_everything(store)
    plain = tmp_path / "plain.zip"
    monkeypatch.setenv("KBM_EXPORT_HELPERS", "0")
    backup_export.export(store, plain)
    monkeypatch.delenv("KBM_EXPORT_HELPERS")
    monkeypatch.setattr(backup_export, "PARALLEL_ROWS", 10)
    helped = tmp_path / "helped.zip"
    seen = {}
    backup_export.export(store, helped, progress=lambda table, done, total: seen.update({table: done}))
    assert csv_files(helped) == csv_files(plain)
    with zipfile.ZipFile(helped) as zf:
        assert zf.testzip() is None  # the joined slices' CRCs check out
    assert seen == store.row_counts()  # the progress bar ends full for every table
    assert not list(tmp_path.glob(".kbm-export-*"))  # the helpers' slices are cleaned up


def test_a_change_during_export_falls_back_to_one_consistent_view(store, tmp_path, monkeypatch):
    """Helpers that see another state than the export began with are not used."""
    fill_everything(store)
    plain = tmp_path / "plain.zip"
    monkeypatch.setenv("KBM_EXPORT_HELPERS", "0")
    backup_export.export(store, plain)
    monkeypatch.delenv("KBM_EXPORT_HELPERS")
    monkeypatch.setattr(backup_export, "PARALLEL_ROWS", 10)
    start = backup_export._start_helpers
    monkeypatch.setattr(backup_export, "_start_helpers",
                        lambda s, plan, revision, folder: start(s, plan, revision - 1, folder))
    raced = tmp_path / "raced.zip"
    backup_export.export(store, raced)
    assert csv_files(raced) == csv_files(plain)


def test_every_change_counts_up_the_revision(store):
    before = store.revision()
    store.add_customer("Eva")
    with store.transaction():
        store.add_customer("Jo")
        store.add_customer("Al")
    assert store.revision() == before + 2
    with store.snapshot() as seen:
        assert seen == before + 2


@pytest.mark.sqlite_only  # on a server the work folder lives in the data folder
def test_a_stopped_export_leaves_no_file_and_no_helper_running(store, tmp_path, monkeypatch):
    """Stopping (the app's Stop raises from the progress callback) ends the helpers too."""
    fill_everything(store)
    monkeypatch.setattr(backup_export, "PARALLEL_ROWS", 2)
    started = []
    start = backup_export._start_helpers
    monkeypatch.setattr(backup_export, "_start_helpers",
                        lambda *a: started.extend(start(*a)) or started)

    def stop(table, done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        backup_export.export(store, tmp_path / "b.zip", progress=stop)
    assert started and all(proc.poll() is not None for proc in started)
    assert [p.name for p in tmp_path.iterdir() if p.name != "shop"] == []


@pytest.mark.parametrize("lang, note_name, says", [
    ("en", "README.txt", ["kbm-tui backup, made on Sunday 22 November 2026 at 11:30",
                          "It holds 1 staff member, 1 customer, 2 conversations",
                          "kbm restore THIS-FILE.zip --replace"]),
    ("de", "LIESMICH.txt", ["Sicherung von kbm-tui, erstellt am Sonntag, 22. November 2026 "
                            "um 11:30 Uhr", "Sie enthält 1 Mitarbeiter/in, 1 Kunde, 2 Gespräche",
                            "kbm restore DIESE-DATEI.zip --replace"]),
])
def test_a_backup_says_in_the_shops_language_what_it_is_and_how_to_bring_it_back(
        kbm, tmp_path, lang, note_name, says):
    kbm.ok("log", "Anna Weg", "asks about a bell", "--new")
    kbm.ok("log", "anna", "bought the bell")
    target = tmp_path / "b.zip"
    kbm.ok("export", str(target), "--lang", lang)
    with zipfile.ZipFile(target) as zf:
        note = zf.read(note_name).decode()
    for words in says:
        assert words in note
    kbm.ok("restore", str(target), db=False, env={"KBM_DB": str(tmp_path / "new.sqlite3")})
    assert "Anna Weg" in kbm.ok("customers", db=False,
                                env={"KBM_DB": str(tmp_path / "new.sqlite3")})


def test_what_an_import_brought_survives_the_backup_round_trip(store, tmp_path):
    jurgen = store.add_customer(
        "Jürgen Müller", phone="+49 171 2345678", organization="Radsport Müller GmbH",
        birthday="--05-04", source_key="vcard:6A0F2B1C",
        more_contacts="work: 0341 9876543\nhome: Am Rain 3, 04416 Markkleeberg")
    target = tmp_path / "b.zip"
    backup_export.export(store, target)
    with Store.open(tmp_path / "r.sqlite3") as other:
        backup_restore.restore(other, target)
        card = other.get_customer(jurgen.id)
        assert (card.organization, card.birthday, card.more_contacts, card.source_key) == (
            "Radsport Müller GmbH", "--05-04",
            "work: 0341 9876543\nhome: Am Rain 3, 04416 Markkleeberg", "vcard:6A0F2B1C")
        assert [c.name for c in other.list_customers("0341 987 65")] == ["Jürgen Müller"]


def test_notes_over_several_lines_come_back_whole_from_a_backup(store, tmp_path):
    # as the customer form's notes box saves them: Enter between the lines
    notes = "Rides a Brompton\nCall after 17:00\n\nPays cash — “no card”"
    store.add_customer("Greta Hoffmann", notes=notes)
    target = tmp_path / "b.zip"
    backup_export.export(store, target)
    with Store.open(tmp_path / "r.sqlite3") as other:
        backup_restore.restore(other, target)
        assert other.match_customer("greta").notes == notes
