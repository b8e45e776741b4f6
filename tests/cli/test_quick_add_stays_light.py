"""The quick-add path stays light: no Textual, no ORM (each costs a large part of the budget)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("textual", "sqlmodel", "sqlalchemy", "pydantic",
         # the import and export libraries: only `kbm import`, `merge`, `calendar` ... load them
         "vobject", "openpyxl", "icalendar", "rapidfuzz", "phonenumbers", "hashlib")

PROBE = """
import json, sys
from kbm_tui.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def run_cli_in_fresh_interpreter(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         check=True, stdin=subprocess.DEVNULL).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_quick_add_and_agenda_import_no_heavy_modules(kbm):
    kbm.ok("add", "Eva Klein")  # the first use creates the schema (that may use SQLModel)
    for args in (("log", "eva", "hi", "--promise", "call", "--due", "after lunch"),
                 ("log", "Jonas Weber", "first visit", "--new"),
                 ("log", "0171 234", "hi", "--new"), ("today",), ("customers", "eva"),
                 ("customers", "0341 98")):
        result = run_cli_in_fresh_interpreter("--db", str(kbm.db_path), *args)
        assert result["code"] == 0, args
        loaded = {m.split(".")[0] for m in result["modules"]}
        assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))


def test_the_sqlite_path_never_loads_the_postgresql_driver(kbm):
    """psycopg is only for a database on a server: a shop on a file never imports it, and
    needs it not even installed."""
    kbm.ok("add", "Eva Klein")
    for args in (("log", "eva", "hi"), ("today",), ("customers", "eva"), ("show", "eva")):
        result = run_cli_in_fresh_interpreter("--db", str(kbm.db_path), *args)
        assert result["code"] == 0, args
        loaded = {m.split(".")[0] for m in result["modules"]}
        assert "psycopg" not in loaded, args
        assert "kbm_tui.db.postgres.engine" not in result["modules"], args


def test_the_shop_in_the_data_folder_is_found_without_platformdirs(tmp_path, monkeypatch):
    """Without --db the database is the one in the user's data folder; on Linux that folder
    is the XDG rule itself, not a library loaded on every quick-add."""
    if not sys.platform.startswith("linux"):
        return
    for name in ("KBM_DATA_DIR", "KBM_DB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run_cli_in_fresh_interpreter("add", "Eva Klein")["code"] == 0
    result = run_cli_in_fresh_interpreter("log", "eva", "hi")
    assert result["code"] == 0
    assert "platformdirs" not in {m.split(".")[0] for m in result["modules"]}
    assert (tmp_path / "data" / "kbm-tui" / "kbm.sqlite3").is_file()
