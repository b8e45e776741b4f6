"""Backing up from inside the app (B, or "Back up now" in the palette)."""

from __future__ import annotations

import csv
import io
import json
import time
import zipfile

import pytest
from test_snapshots import keys
from textual.widgets import Input, ProgressBar, Static

from kbm_tui.app import KbmApp
from kbm_tui.backup import export as backup_export
from kbm_tui.core.errors import BackupError
from kbm_tui.screens.backup import BackupDialog
from kbm_tui.screens.help import markdown_table
from kbm_tui.store import TABLES_IN_ORDER, Store
from kbm_tui.ui.progress import Tally
from support import SIZE, build_shop, in_palette, notes, screen_text, settle, type_text, wait_for

FILE = "kbm-backup-2026-11-22.zip"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder with Documents, and no user-dirs.dirs to point elsewhere."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return folder


@pytest.fixture
def app(db_path, home):
    build_shop(db_path)
    app = KbmApp(db_path, watch_seconds=0)
    yield app
    app.close_store()


async def open_dialog(pilot) -> BackupDialog:
    await settle(pilot)
    await pilot.press("B")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BackupDialog)
    return pilot.app.screen


async def start(pilot, place: str | None = None, *, wait: bool = True) -> None:
    box = pilot.app.screen.query_one("#backup-path", Input)
    if place is not None:
        box.value = place
    await pilot.pause()
    await pilot.press("enter")
    if wait:
        await settle(pilot)


def problem(dialog) -> str:
    field = dialog.query_one("#backup-field")
    return str(field.query_one(".field--error", Static).content) if field.invalid else ""


def csv_rows(zf: zipfile.ZipFile, table: str) -> int:
    text = io.TextIOWrapper(zf.open(f"{table}.csv"), encoding="utf-8-sig", newline="")
    return sum(1 for _ in csv.reader(text)) - 1


async def test_backs_up_every_table_to_documents(app, db_path, home):
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        target = home / "Documents" / FILE
        assert dialog.query_one("#backup-path", Input).value == str(target)
        await start(pilot)
        assert await wait_for(pilot, lambda: dialog.has_class("-done"))
        bar = dialog.query_one("#backup-bar", ProgressBar)
        result = str(dialog.query_one("#backup-result", Static).content)
        shown = screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, BackupDialog)
    with Store.open(db_path) as s:
        expected = s.row_counts()
    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for table in TABLES_IN_ORDER:
            assert manifest["tables"][table]["rows"] == expected[table], table
            assert csv_rows(zf, table) == expected[table], table
    assert bar.total == bar.progress == sum(expected.values())
    assert (f"Saved 2 staff members, 5 customers, 5 conversations, 4 promises, 3 follow-ups "
            f"to {target}.") in result
    assert str(target) in result and f"kbm restore {target}" in result
    assert "The last automatic safety copy is from today" in result
    assert "Traceback" not in shown
    assert list((home / "Documents").iterdir()) == [target]  # no .part or helper folders left


async def test_without_documents_the_home_folder_is_offered(app, home):
    (home / "Documents").rmdir()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#backup-path", Input).value == str(home / FILE)


async def test_a_bare_name_goes_to_documents_as_a_zip(app, home):
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await start(pilot, "monday")
        assert await wait_for(pilot, lambda: dialog.has_class("-done"))
    assert (home / "Documents" / "monday.zip").is_file()


async def test_a_missing_folder_is_named_and_nothing_is_written(app, tmp_path):
    nowhere = tmp_path / "nowhere" / "backup.zip"
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await start(pilot, str(nowhere))
        assert problem(dialog) == (f"There is no folder {nowhere.parent}. "
                                   "Choose a folder that exists.")
        assert isinstance(app.screen, BackupDialog) and not dialog.has_class("-running")
        await type_text(pilot, "x")  # typing again clears the message
        assert problem(dialog) == ""
    assert not nowhere.parent.exists()


async def test_an_existing_file_is_not_replaced_and_a_free_name_offered(app, home):
    taken = home / "Documents" / FILE
    taken.write_bytes(b"the backup of last week")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        box = dialog.query_one("#backup-path", Input)
        assert box.value == str(home / "Documents" / "kbm-backup-2026-11-22-2.zip")
        await start(pilot, str(taken))
        assert problem(dialog).startswith(f"{FILE} is there already and is not replaced.")
        assert "Choose another name" in screen_text(app)
        assert "Use kbm-backup-2026-11-22-2.zip instead" in screen_text(app)
        await pilot.click("#backup-free")
        await settle(pilot)
        assert box.value == str(home / "Documents" / "kbm-backup-2026-11-22-2.zip")
        assert problem(dialog) == ""
    assert taken.read_bytes() == b"the backup of last week"
    assert sorted(p.name for p in (home / "Documents").iterdir()) == [FILE]


async def test_a_folder_asks_for_a_file_name(app, home):
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await start(pilot, str(home))
        assert problem(dialog) == f"{home} is a folder. Add a file name to it."
        assert f"Use {FILE} instead" in screen_text(app)
    assert not (home / FILE).exists()


async def test_a_place_that_cant_be_written_is_explained(app, home, monkeypatch):
    def refuse(store, target, progress=None):
        raise BackupError(f"Can't write the backup {target}: Permission denied.")

    monkeypatch.setattr(backup_export, "export", refuse)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await start(pilot)
        assert await wait_for(pilot, lambda: bool(problem(dialog)))
        assert problem(dialog).endswith(f"{FILE}: Permission denied.")
        assert not dialog.has_class("-running")
        assert not dialog.query_one("#backup-path", Input).disabled


async def test_escape_cancels_and_writes_nothing(app, home):
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, BackupDialog)
    assert list((home / "Documents").iterdir()) == []


async def test_escape_while_running_stops_the_backup(app, home, monkeypatch):
    def slow(store, target, progress=None):
        for n in range(500):
            progress("conversation", n, 500)
            time.sleep(0.01)
        target.write_bytes(b"finished")
        return dict.fromkeys(TABLES_IN_ORDER, 1)

    monkeypatch.setattr(backup_export, "export", slow)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await start(pilot, wait=False)
        assert await wait_for(pilot, lambda: "of 500" in screen_text(app))
        assert "conversations" in str(dialog.query_one("#backup-status", Static).content)
        await pilot.press("enter")  # pressed twice by an impatient hand: the backup goes on
        await pilot.pause(0.1)
        assert dialog.has_class("-running") and not dialog._stop.is_set()
        await pilot.press("escape")
        assert await wait_for(pilot, lambda: not isinstance(app.screen, BackupDialog))
        assert "The backup was stopped; nothing was saved." in notes(app)
    assert list((home / "Documents").iterdir()) == []


async def test_the_palette_offers_back_up_now(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await in_palette(pilot, "back up", "Everything as a zip of CSV files")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BackupDialog)


def test_the_bar_counts_rows_of_all_tables_whatever_order_they_report_in():
    tally = Tally({"customer": 10, "conversation": 120})  # id ranges: 20 conversations deleted
    tally.report("conversation", 50, 100)
    assert (tally.done, tally.total) == (50, 110)
    tally.report("customer", 10, 10)
    tally.report("conversation", 100, 100)
    assert (tally.done, tally.total) == (110, 110)


def test_the_dialog(snap_compare, db_path, monkeypatch):
    """At 80×24, in a home folder that is the same on every machine."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("HOME", "/home/shop")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/shop/.config")
    build_shop(db_path)
    app = KbmApp(db_path, watch_seconds=0)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("B"))
    app.close_store()


def test_help_names_the_key():
    assert "| Everywhere | `B (shift+b)` | Back up everything now (a zip of CSV files) |" in (
        markdown_table().splitlines())
