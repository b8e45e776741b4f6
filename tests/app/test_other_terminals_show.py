"""The app open at the counter while four other terminals log with `kbm log`: every one of
the 1,000 conversations arrives, and the app shows them after its next look (≤ 2 s)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from kbm_tui.app import KbmApp
from kbm_tui.store import Store
from support import settle, wait_for

LOGGER = """
import sys
from kbm_tui.cli.main import main
db, who = sys.argv[1], sys.argv[2]
for i in range(250):
    code = main(["--db", db, "log", "Kunde Eins", f"{who} message {i}"])
    if code != 0:
        sys.exit(f"{who} failed at {i} with {code}")
"""


def shown_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


@pytest.mark.both_engines
async def test_the_app_shows_all_conversations_four_processes_log_meanwhile(db_path):
    with Store.open(db_path) as store:
        store.add_customer("Kunde Eins")
    app = KbmApp(db_path)  # the normal look at the database, once a second
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "0 talks today" in shown_text(app, "#today-title")
        workers = [subprocess.Popen([sys.executable, "-c", LOGGER, str(db_path), f"w{n}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    text=True)
                   for n in range(4)]
        seen_midway = False
        while any(w.poll() is None for w in workers):  # the app keeps running meanwhile
            await pilot.pause(0.2)
            text = shown_text(app, "#today-title")
            seen_midway |= "0 talks today" not in text and "1,000 talks" not in text
        last_write = time.monotonic()
        errors = [w.stderr.read() for w in workers]
        assert [w.returncode for w in workers] == [0, 0, 0, 0], errors
        with Store.open(db_path) as other:
            assert other.count_conversations() == 1000
        assert await wait_for(pilot, lambda: "1,000 talks today" in shown_text(
            app, "#today-title"), timeout=2.0)
        assert time.monotonic() - last_write <= 2.0
        assert seen_midway  # it showed them arriving, not only at the end
        await pilot.press("v")
        await settle(pilot)
        assert await wait_for(pilot, lambda: "of 1,000" in shown_text(app, "#cv-status"),
                              timeout=2.0)
    app.close_store()


@pytest.mark.both_engines
async def test_two_apps_open_both_show_what_four_processes_logged(db_path):
    """Two terminals with the app open (the counter and the back office) while four others
    log 250 conversations each: both apps show all 1,000, no process fails."""
    with Store.open(db_path) as store:
        store.add_customer("Kunde Eins")
    counter, office = KbmApp(db_path), KbmApp(db_path)
    async with counter.run_test(size=(100, 30)) as one, office.run_test(size=(100, 30)) as two:
        await settle(one)
        await settle(two)
        workers = [subprocess.Popen([sys.executable, "-c", LOGGER, str(db_path), f"w{n}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    text=True)
                   for n in range(4)]
        while any(w.poll() is None for w in workers):
            await one.pause(0.2)
            await two.pause(0.2)
        errors = [w.stderr.read() for w in workers]
        assert [w.returncode for w in workers] == [0, 0, 0, 0], errors
        for pilot, app in ((one, counter), (two, office)):
            assert await wait_for(pilot, lambda app=app: "1,000 talks today" in shown_text(
                app, "#today-title"), timeout=2.0)
    counter.close_store()
    office.close_store()
