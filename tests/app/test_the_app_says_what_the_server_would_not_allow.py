"""The app makes a new database on a server that would not let kbm create pg_trgm: what to
ask the server's administrator is shown in the app (in the shop's language), not printed to
the terminal the app covers at once."""

from __future__ import annotations

from support import running, told, wait_for

SAID = {"en": ("About the database", "would not let kbm create the extension(s) pg_trgm"),
        "de": ("Zur Datenbank", "die Erweiterung(en) pg_trgm nicht anlegen lassen")}


async def test_the_app_shows_which_extension_to_ask_the_administrator_for(extensionless,
                                                                          language, capsys):
    title, words = SAID[language]
    async with running(extensionless) as pilot:
        assert await wait_for(pilot, lambda: told(pilot.app, words))
        [(shown_title, message)] = told(pilot.app, words)
        assert shown_title == title
        assert "CREATE EXTENSION pg_trgm;" in message
    assert capsys.readouterr().err == ""  # nothing behind the app on the terminal
