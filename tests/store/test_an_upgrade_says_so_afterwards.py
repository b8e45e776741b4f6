"""A database an older kbm made is brought up to date when opened: at a terminal a line says
why nothing shows yet; afterwards the store keeps, for whoever shows it (the app in a
notification, the command line on stderr), that it was updated and what was kept — also for
a shop owner who started kbm from a desktop launcher, without a terminal."""

from __future__ import annotations

import shutil
import sys

from test_upgrade_to_the_new_folding import FIXTURE_V5, _as_schema_5

from kbm_tui.store import Store


def test_an_updated_file_says_where_the_old_one_is_kept(tmp_path, capsys):
    path = tmp_path / "v5.sqlite3"
    shutil.copy(FIXTURE_V5, path)
    with Store.open(path) as store:
        told = store.take_notices()
    [copy] = tmp_path.glob("v5.sqlite3.before-upgrade-v5-*")
    assert told == [f"v5.sqlite3 was updated for this version of kbm-tui; the old file is "
                    f"kept as {copy} (you may delete it once this version works for you)."]
    assert capsys.readouterr().err == ""  # no terminal: the store prints nothing
    with Store.open(path) as store:  # once
        assert store.take_notices() == []


def test_the_line_at_a_terminal_still_comes_before_the_work(tmp_path, capsys, monkeypatch):
    path = tmp_path / "v5.sqlite3"
    shutil.copy(FIXTURE_V5, path)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with Store.open(path) as store:
        assert "Updating v5.sqlite3 for this version of kbm-tui (only this once" in (
            capsys.readouterr().err)
        assert len(store.take_notices()) == 1


def test_an_updated_server_database_says_so(server_db, capsys):
    with Store.open(server_db) as store:
        store.add_customer("Søren Łada")
    _as_schema_5(server_db)
    with Store.open(server_db) as store:
        told = store.take_notices()
        assert [c.name for c in store.list_customers("soren")] == ["Søren Łada"]
    assert capsys.readouterr().err == ""
    [text] = told
    assert text.startswith("The database ") and "@" in text
    assert text.endswith(" was updated for this version of kbm-tui: computers with an older "
                         "kbm-tui must be updated to open it.")
    with Store.open(server_db) as store:
        assert store.take_notices() == []
