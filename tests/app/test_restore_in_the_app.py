"""Restoring from inside the app (ctrl+r, or "Restore a backup" in the palette): a shop owner
gets their data back without the command line — with a look inside first, the current data
kept beside, and nothing changed by a file that can't be restored."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile

import pytest
from textual.widgets import Input, OptionList, Static

from kbm_tui.app import KbmApp
from kbm_tui.backup import export as backup_export
from kbm_tui.screens.restore import RestoreDialog
from kbm_tui.store import SCHEMA_VERSION, Store
from support import SIZE, build_shop, in_palette, notes, screen_text, settle, wait_for

FILE = "kbm-backup-2026-11-22.zip"
HOLDS = "It holds 5 customers, 5 conversations, 4 promises and 3 follow-ups."


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder with Documents (where backups are written), no user-dirs.dirs."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return folder


@pytest.fixture
def backup(db_path, home):
    """The small shop, backed up to Documents; then Emil Weber is forgotten."""
    build_shop(db_path)
    target = home / "Documents" / FILE
    with Store.open(db_path) as s:
        backup_export.export(s, target)
        emil = next(c for c in s.list_customers() if c.name == "Emil Weber")
        s.forget_customer(emil.id)
    return target


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(db_path) -> list[str]:
    with Store.open(db_path) as s:
        return sorted(c.name for c in s.list_customers())


def shown(dialog, selector: str) -> str:
    return str(dialog.query_one(selector, Static).content)


def problem(dialog) -> str:
    field = dialog.query_one("#restore-field")
    return str(field.query_one(".field--error", Static).content) if field.invalid else ""


async def open_dialog(pilot) -> RestoreDialog:
    await settle(pilot)
    await pilot.press("ctrl+r")
    await settle(pilot)
    assert isinstance(pilot.app.screen, RestoreDialog)
    return pilot.app.screen


async def look(pilot, place: str | None = None) -> RestoreDialog:
    dialog = pilot.app.screen
    if place is not None:
        dialog.query_one("#restore-path", Input).value = place
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    return dialog


async def test_restoring_an_earlier_backup_brings_back_a_forgotten_customer(db_path, backup):
    async with KbmApp(db_path, watch_seconds=0).run_test(size=SIZE) as pilot:
        app = pilot.app
        await settle(pilot)
        await pilot.press("k")  # a promise kept on Today: on this terminal's undo history
        await settle(pilot)
        assert app.history.done
        await pilot.press("c")
        await settle(pilot)
        assert "Emil Weber" not in screen_text(app)
        dialog = await open_dialog(pilot)
        # The folder backups are written to, and its newest backup, are offered.
        assert dialog.query_one("#restore-path", Input).value == str(backup)
        await look(pilot)
        preview = shown(dialog, "#restore-preview")
        assert "A backup made on Sunday 22 November 2026 at 11:30 (schema" in preview
        assert HOLDS in preview
        assert (f"Restoring replaces what the database {db_path} holds now (4 customers, "
                "5 conversations, 4 promises and 3 follow-ups). That is first kept as a copy "
                "beside it, in the same folder: kbm.sqlite3.before-restore-(day)-(time).") \
            in preview
        assert "not on the undo history" in preview
        await pilot.press("enter")  # the Restore button has the focus
        assert await wait_for(pilot, lambda: dialog.has_class("-done"))
        result = shown(dialog, "#restore-result")
        await settle(pilot)
        # The result follows the title after one blank line (there were two)
        title = dialog.query_one("#restore-title").content_region
        assert dialog.query_one("#restore-result").content_region.y == title.y + 2
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, RestoreDialog)
        assert "Emil Weber" in screen_text(app)  # the screen under it read the data again
        await pilot.press("escape", "t")  # out of the filter field, to Today
        await settle(pilot)
        await pilot.press("u")  # the kept promise was made on data the restore replaced
        await settle(pilot)
        said = notes(app)[-1]
    app.close_store()
    assert names(db_path) == ["Anna Bauer", "Ben Schulz", "Cem Yilmaz", "Dora Krüger",
                              "Emil Weber"]
    kept = [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1
    assert f"Restored {backup}: 5 customers, 5 conversations, 4 promises and 3 follow-ups." \
        in result
    assert f"The data that was there before is kept as {kept[0]}." in result
    assert "Emil Weber" not in names(kept[0])  # the copy opens, and holds what was there
    assert said == ("Nothing to undo here: a restore replaced the data the earlier changes "
                    f"were made on. The way back from the restore is the copy kept of it: "
                    f"{kept[0]}")


async def test_the_palette_offers_it_and_a_safety_copy_can_be_chosen(db_path, home):
    build_shop(db_path)
    with Store.open(db_path) as s:
        copy = s.ensure_daily_copy()
        s.add_customer("Fritz Neu")
    assert copy is not None
    async with KbmApp(db_path, watch_seconds=0).run_test(size=SIZE) as pilot:
        app = pilot.app
        await settle(pilot)
        await in_palette(pilot, "restore", "Restore a backup")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RestoreDialog)
        # Nothing in Documents yet: the folder itself, to go on typing in.
        assert dialog.query_one("#restore-path", Input).value == f"{home / 'Documents'}/"
        assert "Sunday 22 November 2026" in screen_text(app)
        dialog.query_one("#restore-copies", OptionList).focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert dialog.query_one("#restore-path", Input).value == str(copy)
        preview = shown(dialog, "#restore-preview")
        assert f"A safety copy from Sunday 22 November 2026 (schema {SCHEMA_VERSION})." \
            in preview
        assert HOLDS in preview
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: dialog.has_class("-done"))
    app.close_store()
    assert "Fritz Neu" not in names(db_path)


def damaged_zip(good, target):
    """The backup with one byte of a table's packed data changed (its checksum fails)."""
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("customer.csv")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    target.write_bytes(bytes(data))


def foreign_zip(good, target):
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("holiday.txt", "Photos from the holiday")


def newer_zip(good, target):
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema_version"] = SCHEMA_VERSION + 1
                data = json.dumps(manifest).encode()
            zout.writestr(info, data)


def newer_database(good, target):
    db = good.parent.parent / "shop" / "kbm.sqlite3"
    with Store.open(db) as s:
        s.copy_to(target)
    conn = sqlite3.connect(target)
    conn.execute("UPDATE kbm_meta SET value=? WHERE key='schema_version'",
                 (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "name", "says"), [
    # (a changed byte of packed data fails its checksum or the unpacking itself, by the bytes)
    (damaged_zip, "damaged.zip", "customer.csv is damaged ("),
    (foreign_zip, "holiday.zip", "is not a kbm-tui backup: it has no manifest.json."),
    (newer_zip, "newer.zip", f"was made by a newer kbm-tui (schema {SCHEMA_VERSION + 1}). "
                             "Update kbm-tui to restore it."),
    (newer_database, "newer.sqlite3", f"was written by a newer kbm-tui (schema "
                                      f"{SCHEMA_VERSION + 1}). Update kbm-tui to restore it."),
])
async def test_a_file_that_cant_be_restored_is_named_and_nothing_changes(
        db_path, backup, make, name, says):
    bad = backup.parent / name
    make(backup, bad)
    async with KbmApp(db_path, watch_seconds=0).run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = sha256(db_path)
        dialog = await open_dialog(pilot)
        await look(pilot, str(bad))
        message = problem(dialog)
        assert not dialog.has_class("-looked")
        await pilot.press("enter")  # enter again only looks again: nothing to restore
        await settle(pilot)
        assert sha256(db_path) == before
        assert "Traceback" not in screen_text(pilot.app)
    pilot.app.close_store()
    assert says in message and str(bad) in message
    assert "Emil Weber" not in names(db_path)
    assert not [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name]


async def test_cancel_after_looking_inside_changes_nothing(db_path, backup):
    async with KbmApp(db_path, watch_seconds=0).run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = sha256(db_path)
        dialog = await open_dialog(pilot)
        await look(pilot)
        assert HOLDS in shown(dialog, "#restore-preview")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, RestoreDialog)
        assert sha256(db_path) == before
    pilot.app.close_store()
    assert "Emil Weber" not in names(db_path)
    assert not [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name]


async def test_another_terminal_shows_the_restored_data(db_path, backup, kbm):
    app = KbmApp(db_path, watch_seconds=0.2)  # looks at the database as it does every second
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert "Emil Weber" not in screen_text(app)
        kbm.ok("restore", str(backup), "--replace")
        assert await wait_for(pilot, lambda: "Emil Weber" in screen_text(app))
    app.close_store()


def test_on_a_server_the_question_names_the_servers_backup_not_a_kept_copy(db_path):
    """PostgreSQL keeps no before-restore copy (Store.keeps_copies is False there): the
    question must not promise one."""
    from kbm_tui.backup.sources import Preview
    from kbm_tui.screens.restore_words import what_happens

    counts = {"customer": 5, "conversation": 5, "promise": 4, "followup": 3}
    preview = Preview(db_path.parent / FILE, False, counts, SCHEMA_VERSION)
    with Store.open(db_path) as s:
        on_server = what_happens(preview, s, counts, keeps_copy=False)
        on_file = what_happens(preview, s, counts, keeps_copy=True)
    assert "the server's own backup (pg_dump) is the way back" in on_server
    assert "No copy of that is kept here" in on_server
    assert "the kept copy" not in on_server and "before-restore" not in on_server
    assert "before-restore" in on_file and "the way back is the kept copy" in on_file
