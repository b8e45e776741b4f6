"""Restoring a CSV backup that is damaged or crafted: a one-line refusal naming the file,
the member and, for a value, its line and column; exit 2; the live file byte-identical;
memory bounded whatever the zip unpacks to."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import tracemalloc
import zipfile
import zlib

import pytest

from kbm_tui.backup import restore as backup_restore
from kbm_tui.core.errors import BackupError
from kbm_tui.store import Store
from support import contents

pytestmark = pytest.mark.both_engines


def digest(db) -> str:
    return contents(db)


@pytest.fixture
def good(kbm, tmp_path):
    """The live database (two customers, a conversation, a promise, a repeating follow-up)
    and a backup of it."""
    kbm.ok("log", "Anna Schmidt", "asked about a child seat", "--new", "--promise",
           "call back", "--due", "tomorrow 14:00", "--follow-up", "next week", "send prices")
    kbm.ok("remind", "anna", "spring service", "--on", "01.03.2027", "--every", "4w")
    kbm.ok("add", "Ben Weber", "--email", "ben@example.com", "--note", "likes road bikes")
    backup = tmp_path / "good.zip"
    kbm.ok("export", str(backup))
    return backup


def members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_zip(path, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)


def edited(good, tmp_path, table, change, name="bad.zip"):
    """The backup with one table's rows (as dicts) changed by `change`."""
    files = members(good)
    reader = csv.DictReader(io.StringIO(files[f"{table}.csv"].decode("utf-8-sig"), newline=""))
    rows = list(reader)
    change(rows)
    header = list(rows[0]) if rows else reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    files[f"{table}.csv"] = ("\ufeff" + out.getvalue()).encode()
    manifest = json.loads(files["manifest.json"])
    manifest["tables"][table]["rows"] = len(rows)
    files["manifest.json"] = json.dumps(manifest).encode()
    write_zip(tmp_path / name, files)
    return tmp_path / name


def set_cell(column, value, row=0):
    def change(rows):
        rows[row][column] = value
    return change


def refused(kbm, backup, pattern) -> str:
    live = kbm.db_path
    before = digest(live)
    err = kbm.fails("restore", str(backup), "--replace")
    assert err.count("\n") == 1, err
    assert re.search(pattern, err), err
    assert digest(live) == before
    if not isinstance(live, str):
        assert not list(live.parent.glob("*.before-restore-*"))
    return err


@pytest.mark.parametrize("table, change, pattern", [
    ("conversation", set_cell("at", "2026-02-30T25:61:99Z"),
     r"conversation.csv, line 2: at must be a real UTC time like 2026-11-22T09:30:00Z"),
    ("promise", set_cell("due_day", "2026-13-45"), r"promise.csv, line 2: due_day must be"),
    ("followup", set_cell("due_day", "2026-02-31"),
     r"followup.csv, line 2: due_day must be a real date"),
    ("customer", set_cell("created_at", "0000-01-01T00:00:00Z", 1),
     r"customer.csv, line 3: created_at must be between 1900 and 2999"),
    ("followup", set_cell("every_days", "999999999999", 1),
     r"followup.csv, line 3: every_days must be between 1 and 3,650"),
    ("customer", set_cell("name", "x" * 100_000, 1),
     r"customer.csv, line 3: name must be at most 200 characters"),
    ("staff", set_cell("name", "Ow\x00ner"), r"staff.csv, line 2: name must be text without NUL"),
    ("customer", set_cell("name", "Anna \x1b]8;;https://evil.example\x07"),
     r"customer.csv, line 2: name must be text without control characters"),
    ("customer", set_cell("do_not_contact", "7"),
     r"customer.csv, line 2: do_not_contact must be 0 or 1, not 7"),
    ("customer", set_cell("email", "not an address", 1),
     r"customer.csv, line 3: email must be an email address"),
    ("promise", set_cell("due_day", ""), r"promise.csv, line 2: it holds a due time without"),
    ("conversation", set_cell("id", "9223372036854775808"),
     r"conversation.csv, line 2: id is \"9223372036854775808\", expected a whole number"),
])
def test_a_value_kbm_cant_use_is_refused_with_file_line_and_column(kbm, good, tmp_path,
                                                                   table, change, pattern):
    refused(kbm, edited(good, tmp_path, table, change), pattern)


def test_a_missing_column_is_refused_naming_it(kbm, good, tmp_path):
    def drop_email(rows):
        for row in rows:
            del row["email"]
    refused(kbm, edited(good, tmp_path, "customer", drop_email),
            r"customer.csv, line 1: the column email is missing")


def test_an_empty_staff_table_is_refused(kbm, tmp_path):
    kbm.ok("add", "Eva Klein")
    backup = tmp_path / "b.zip"
    kbm.ok("export", str(backup))
    refused(kbm, edited(backup, tmp_path, "staff", lambda rows: rows.clear()),
            r"staff.csv holds nobody")


def test_what_restore_accepts_the_rest_of_kbm_can_use(kbm, good, tmp_path):
    """Values at the edge of every rule restore, and every command reads them."""
    def edge(rows):
        rows[0].update(name="Ä" * 200, notes="n" * 10_000, address="line\nline",
                       contact_every_days="3650", created_at="1900-01-01T00:00:00Z")
    backup = edited(good, tmp_path, "customer", edge)
    backup = edited(backup, tmp_path, "followup",
                    lambda rows: rows[1].update(due_day="2999-12-31", every_days="3650"),
                    name="edge.zip")
    kbm.ok("restore", str(backup), "--replace")
    for command in (["customers"], ["show", "#1"], ["today"], ["promises"], ["done", "2"],
                    ["log", "#1", "back again"], ["customers", "--json"]):
        kbm.ok(*command)


# --- damaged zip files -------------------------------------------------------------------


def _patch_headers(data: bytes, name: bytes, offset: int, fmt: str, value: int) -> bytes:
    """Change a field of a member's local header and its central directory entry."""
    out = bytearray(data)
    for signature, field in ((b"PK\x03\x04", offset), (b"PK\x01\x02", offset + 2)):
        start = 0
        while (at := out.find(signature, start)) >= 0:
            start = at + 4
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(out[name_at:name_at + len(name)]) == name:
                struct.pack_into(fmt, out, at + field, value)
    return bytes(out)


def flip_a_bit(data: bytes) -> bytes:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("conversation.csv")
    at = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    return data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1:]


@pytest.mark.parametrize("damage, pattern", [
    (flip_a_bit, r"conversation.csv is damaged"),
    (lambda d: _patch_headers(d, b"customer.csv", 14, "<I", 0x12345678),
     r"customer.csv is damaged \(Bad CRC-32"),
    (lambda d: _patch_headers(d, b"customer.csv", 6, "<H", 1),
     r"customer.csv is encrypted"),
    (lambda d: _patch_headers(d, b"promise.csv", 8, "<H", 99),
     r"promise.csv is compressed in a way kbm-tui backups never are"),
    (lambda d: d[:len(d) // 2], r"not a kbm-tui backup \(not a zip file"),
])
def test_a_damaged_zip_gets_one_line_naming_file_and_member(kbm, good, tmp_path, damage,
                                                            pattern):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(damage(good.read_bytes()))
    err = refused(kbm, bad, pattern)
    assert "bad.zip" in err


@pytest.mark.parametrize("change, pattern", [
    (lambda m: m["tables"].update(staff=5), r"its entry for staff is missing or not"),
    (lambda m: m["tables"]["customer"].update(rows="2"),
     r"entry for customer gives no row count as a whole number \(it says \"2\"\)"),
    (lambda m: m["tables"]["customer"].update(rows=True), r"no row count as a whole number"),
    (lambda m: m["tables"].pop("followup"), r"entry for followup is missing"),
    (lambda m: m.update(schema_version="3"), r"the manifest names no schema version"),
])
def test_a_manifest_of_the_wrong_shape_is_refused(kbm, good, tmp_path, change, pattern):
    files = members(good)
    manifest = json.loads(files["manifest.json"])
    change(manifest)
    files["manifest.json"] = json.dumps(manifest).encode()
    write_zip(tmp_path / "bad.zip", files)
    refused(kbm, tmp_path / "bad.zip", pattern)


def test_a_deeply_nested_manifest_is_refused(kbm, good, tmp_path):
    files = members(good)
    files["manifest.json"] = b"[" * 200_000 + b"]" * 200_000
    write_zip(tmp_path / "bad.zip", files)
    refused(kbm, tmp_path / "bad.zip", r"manifest.json is damaged \(not valid JSON\)")


# --- zip bombs ---------------------------------------------------------------------------

GIGABYTE = 1 << 30


def bomb(path, files: dict[str, bytes], member: str, head: bytes, filler: bytes,
         size: int) -> None:
    """A zip whose `member` is `head` and then `filler` up to `size` bytes, compressed to a
    thousandth of that."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            if name != member:
                zf.writestr(name, data)
        with zf.open(member, "w", force_zip64=True) as out:
            out.write(head)
            chunk = filler * ((1 << 20) // len(filler))
            written = len(head)
            while written < size:
                out.write(chunk)
                written += len(chunk)


def peak_of_restore(store, backup) -> tuple[int, str]:
    tracemalloc.start()
    try:
        with pytest.raises(BackupError) as refusal:
            backup_restore.restore(store, backup, replace=True)
        return tracemalloc.get_traced_memory()[1], refusal.value.message
    finally:
        tracemalloc.stop()


def test_a_member_that_unpacks_to_a_gigabyte_is_refused_before_it_is_read(good, tmp_path):
    files = members(good)
    target = tmp_path / "bomb.zip"
    header = files["conversation.csv"].split(b"\r\n")[0] + b"\r\n"
    bomb(target, files, "conversation.csv", header, b"1,1,2026-11-22T10:00:00Z\r\n", GIGABYTE)
    assert target.stat().st_size < 8 * (1 << 20)
    with Store.open(tmp_path / "target.sqlite3") as store:
        peak, message = peak_of_restore(store, target)
    assert "conversation.csv would unpack to 1,07" in message and "more than it can hold" in message
    assert peak < 20 * (1 << 20), peak


def test_a_gigabyte_line_is_refused_with_memory_bounded(good, tmp_path):
    """A manifest that claims enough rows for the size, and one endless line."""
    files = members(good)
    manifest = json.loads(files["manifest.json"])
    manifest["tables"]["conversation"]["rows"] = 50_000
    files["manifest.json"] = json.dumps(manifest).encode()
    target = tmp_path / "bomb.zip"
    header = files["conversation.csv"].split(b"\r\n")[0] + b"\r\n"
    bomb(target, files, "conversation.csv", header + b"1,1,", b"a", GIGABYTE)
    with Store.open(tmp_path / "target.sqlite3") as store:
        peak, message = peak_of_restore(store, target)
    assert "conversation.csv has a line longer than 1,048,576 bytes" in message
    assert peak < 20 * (1 << 20), peak


def test_a_manifest_bomb_is_refused_before_it_is_read(good, tmp_path):
    target = tmp_path / "bomb.zip"
    bomb(target, members(good), "manifest.json", b"{", b" ", GIGABYTE)
    with Store.open(tmp_path / "target.sqlite3") as store:
        peak, message = peak_of_restore(store, target)
    assert "manifest.json would unpack to" in message
    assert peak < 20 * (1 << 20), peak


def test_crc_of_the_bomb_helper_is_real(tmp_path):
    """The bombs above are valid zips: what refuses them is kbm, not a broken file."""
    target = tmp_path / "small.zip"
    bomb(target, {"a.txt": b"x"}, "b.txt", b"head", b"z", 3 << 20)
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        assert zlib.crc32(zf.read("b.txt")) == zf.getinfo("b.txt").CRC
