"""Issue 6 in the app: the daily safety copy, and each customer's rights over their data."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from textual.widgets import Input

from kbm_tui.app import KbmApp
from kbm_tui.store import Store, safety_copies
from support import SIZE, notes, running, screen_text, settle, type_text, wait_for


async def test_the_app_makes_the_daily_safety_copy_when_it_starts(shop):
    assert safety_copies(shop) == []
    async with running(shop):
        (copy,) = safety_copies(shop)
        assert copy.day.isoformat() == "2026-11-22"
    with Store.open(copy.path) as s:  # a whole, usable database
        assert s.count_customers() == 5
    again = KbmApp(shop, watch_seconds=0)  # once a day: a second start adds none
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(safety_copies(shop)) == 1
    again.close_store()


async def test_a_failing_safety_copy_is_a_notification_not_a_crash(shop, monkeypatch):
    def broken(store, keep=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "ensure_daily_copy", broken)
    async with running(shop) as pilot:
        app = pilot.app
        (message,) = [n for n in notes(app) if "safety copy" in n]
        assert "No space left on device" in message and "data itself is fine" in message
        await pilot.press("c")  # the app carries on
        await settle(pilot)
        assert "Anna Bauer" in screen_text(app)


async def test_export_asks_where_and_offers_documents_not_the_start_folder(
        shop, tmp_path, monkeypatch):
    started_in, home = tmp_path / "started-here", tmp_path / "home"
    started_in.mkdir()
    (home / "Documents").mkdir(parents=True)
    monkeypatch.chdir(started_in)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    async with running(shop) as pilot:
        app = pilot.app
        app.open_customer(3)
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        box = app.screen.query_one("#export-path", Input)
        target = home / "Documents" / "kbm-customer-3-2026-11-22.zip"
        assert box.value == str(target) and not target.exists()  # nothing written yet
        await pilot.press("enter")
        await settle(pilot)
        assert target.exists()
        (message,) = [n for n in notes(app) if "written to" in n]
        assert str(target) in message and "2 promises" in message
        await pilot.press("x")  # never over the first file
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value.endswith("-2.zip")
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "nowhere" / "a.zip")
        await pilot.press("enter")
        await settle(pilot)
        assert "There is no folder" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
    assert list(started_in.iterdir()) == []
    assert [p.name for p in (home / "Documents").iterdir()] == [target.name]
    with zipfile.ZipFile(target) as zf:
        data = json.loads(zf.read("customer.json"))
    assert data["customer"][0]["name"] == "Cem Yilmaz"
    assert {p["text"] for p in data["promise"]} == {"Send a replacement display",
                                                    "Ring back the same day"}


async def test_forget_a_customer_only_after_typing_the_name(shop):
    async with running(shop) as pilot:
        app = pilot.app
        app.open_customer(1)
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        text = screen_text(app)
        assert "Forget Anna Bauer for good?" in text
        assert app.screen.holds == "1 conversation, 1 promise, 1 follow-up"  # in the text
        assert app.screen.query_one("#erase").disabled
        await type_text(pilot, "Anna")
        await pilot.press("enter")
        await settle(pilot)
        assert "exactly as shown" in screen_text(app)  # not yet
        await pilot.press("escape")  # changed my mind
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
        with Store.open(shop) as s:
            assert s.get_customer(1).name == "Anna Bauer"
        await pilot.press("F")
        await settle(pilot)
        await type_text(pilot, "anna bauer")  # case doesn't matter
        await settle(pilot)
        assert not app.screen.query_one("#erase").disabled
        await pilot.click("#erase")
        await settle(pilot)
        # back where the card was opened from
        assert app.screen.__class__.__name__ == "TodayScreen"
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomersScreen"
        text = screen_text(app)
        assert "Anna Bauer" not in text.split("Erased")[0] and "1 of 4 customers" in text
        (message,) = [n for n in notes(app) if n.startswith("Erased")]
        assert ("Erased Anna Bauer: 1 customer, 1 conversation, 1 promise, 1 follow-up."
                in message) and "safety copies" in message
        assert not [n for n in notes(app) if "no customer #1" in n]
    with Store.open(shop) as s:
        assert s.count_customers() == 4
        assert s.find_customers("Anna") == []
        assert s.conversations(text="chain") == []


async def test_forget_while_another_program_reads_says_the_file_still_holds_them(
        shop, monkeypatch):
    monkeypatch.setenv("KBM_BUSY_TIMEOUT", "0.3")
    reader = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN'); c.execute('SELECT count(*) FROM customer').fetchone(); "
        "print('reading', flush=True); sys.stdin.readline()"), str(shop)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline() == "reading\n"
        async with running(shop) as pilot:
            app = pilot.app
            app.open_customer(1)
            await settle(pilot)
            await pilot.press("F")
            await settle(pilot)
            await type_text(pilot, "anna bauer")
            await settle(pilot)
            await pilot.click("#erase")
            # the card closes; the screen it was opened from shows
            assert await wait_for(pilot, lambda: app.screen.__class__.__name__ ==
                                  "TodayScreen")
            await settle(pilot)
            (message,) = [n for n in notes(app) if n.startswith("Erased")]
            assert "not yet from the file itself" in message
    finally:
        reader.stdin.close()
        reader.wait()
        reader.stdout.close()
    with Store.open(shop) as s:
        assert not s.erasure_pending()
    assert b"Anna Bauer" not in shop.read_bytes()
