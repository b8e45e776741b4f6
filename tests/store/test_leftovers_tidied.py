"""Opening a database tidies up after a creation that was killed half-way."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from kbm_tui.store import Store

pytestmark = pytest.mark.skipif(os.name == "nt", reason="leftovers are kept on Windows")


def _gone_pid() -> int:
    """The process id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _leftover(folder, name: str) -> None:
    """A half-made database, as `_create` leaves it when killed."""
    conn = sqlite3.connect(folder / name)
    conn.execute("CREATE TABLE staff (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("existing", [False, True], ids=["creating", "opening"])
def test_leftovers_of_ended_processes_go_those_of_running_ones_stay(db_path, existing):
    folder = db_path.parent
    folder.mkdir(parents=True)
    if existing:
        Store.open(db_path).close()
    gone = _gone_pid()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _leftover(folder, f".kbm.sqlite3.new-{gone}")
        (folder / f".kbm.sqlite3.new-{gone}-journal").write_bytes(b"\0" * 512)
        for name in (f".kbm.sqlite3.new-{running.pid}",  # being created right now
                     f".other.sqlite3.new-{gone}",  # another database's
                     ".kbm.sqlite3.new-notapid", ".kbm.sqlite3.new-0",
                     f".kbm.sqlite3.new-{gone}.bak", f"kbm.sqlite3.new-{gone}"):
            _leftover(folder, name)
        with Store.open(db_path) as store:
            assert store.owner().name == "Owner"
        left = sorted(p.name for p in folder.iterdir() if ".new-" in p.name)
        assert left == sorted([f".kbm.sqlite3.new-{running.pid}", f".other.sqlite3.new-{gone}",
                               ".kbm.sqlite3.new-notapid", ".kbm.sqlite3.new-0",
                               f".kbm.sqlite3.new-{gone}.bak", f"kbm.sqlite3.new-{gone}"])
    finally:
        running.kill()
        running.wait()


def test_a_creation_killed_half_way_leaves_nothing_behind_the_next_open(db_path, tmp_path):
    """The real thing: `kbm` killed while it builds the new database's schema."""
    folder = db_path.parent
    folder.mkdir(parents=True)
    hang = tmp_path / "hang.py"
    hang.write_text(
        "import os, sys, time\n"
        "from kbm_tui.db import models\n"
        "def stuck(path):\n"
        "    open(os.environ['READY'], 'w').close()\n"
        "    time.sleep(60)\n"
        "models.create_schema = stuck\n"
        "from kbm_tui.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
    ready = tmp_path / "ready"
    child = subprocess.Popen([sys.executable, str(hang), "--db", str(db_path), "customers"],
                             env={**os.environ, "READY": str(ready)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            if ready.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert ready.exists(), "the child never started creating the database"
        assert (folder / f".kbm.sqlite3.new-{child.pid}").exists()
        with Store.open(db_path):  # the creator is still running: its file stays
            pass
        assert (folder / f".kbm.sqlite3.new-{child.pid}").exists()
    finally:
        child.kill()
        child.wait()
    with Store.open(db_path) as store:
        assert store.owner().name == "Owner"
    assert [p.name for p in folder.iterdir() if ".new-" in p.name] == []
