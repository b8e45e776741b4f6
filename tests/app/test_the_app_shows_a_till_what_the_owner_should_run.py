"""A till whose role only reads and writes kbm's tables opens, in the app, a database an
older kbm made: what the owner should run is shown in the app, where the person at the till
reads it, not printed to the terminal the app covers at once; once on each computer."""

from __future__ import annotations

from pg_server import as_an_older_kbm_left_it, grant_table_rights

from kbm_tui.store import Store
from support import running, told, wait_for

SAID = {"en": ("About the database", "may not add the index for words said"),
        "de": ("Zur Datenbank", "darf den Index für gesagte Wörter")}


async def test_the_app_shows_a_till_once_what_the_owner_should_run(server_db, till_role,
                                                                    language, capsys):
    role, till = till_role
    with Store.open(server_db) as owner:
        owner.add_customer("Anna Bauer")
    as_an_older_kbm_left_it(server_db)
    grant_table_rights(server_db, role)
    title, words = SAID[language]

    async with running(till) as pilot:
        assert await wait_for(pilot, lambda: told(pilot.app, words))
        [(shown_title, message)] = told(pilot.app, words)
        assert shown_title == title
        assert message.startswith(role) and "kbm --db postgresql://" in message
    assert capsys.readouterr().err == ""  # nothing behind the app on the terminal

    async with running(till) as pilot:  # once on this computer
        assert [c.name for c in pilot.app.store.list_customers("anna")] == ["Anna Bauer"]
        assert not told(pilot.app, words)
