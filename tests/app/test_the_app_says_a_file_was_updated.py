"""The app started on a file an older kbm made (from a desktop launcher, say: no terminal to
read): once brought up to date, the app says so in a notification, in the shop's language,
naming where the old file is kept."""

from __future__ import annotations

import os
import shutil

from support import running, told, wait_for

FIXTURE_V5 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v5.sqlite3")
SAID = {"en": ("About the database", "v5.sqlite3 was updated for this version of kbm-tui"),
        "de": ("Zur Datenbank", "v5.sqlite3 wurde für diese Version von kbm-tui")}


async def test_the_app_says_once_that_the_file_was_updated(tmp_path, language, capsys):
    path = tmp_path / "v5.sqlite3"
    shutil.copy(FIXTURE_V5, path)
    title, words = SAID[language]
    async with running(path) as pilot:
        assert await wait_for(pilot, lambda: told(pilot.app, words))
        [(shown_title, message)] = told(pilot.app, words)
        [copy] = tmp_path.glob("v5.sqlite3.before-upgrade-v5-*")
        assert shown_title == title and str(copy) in message
    assert capsys.readouterr().err == ""

    async with running(path) as pilot:  # once
        assert not told(pilot.app, words)
