"""Several terminals at once: quick-adds from four processes while others read."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kbm_tui.store import Store

LOGGER = """
import sys
from kbm_tui.cli.main import main
db, who = sys.argv[1], sys.argv[2]
for i in range(250):
    code = main(["--db", db, "log", "Kunde Eins", f"{who} message {i}", "--promise", f"{who} p{i}"])
    if code != 0:
        sys.exit(f"{who} failed at {i} with {code}")
"""


@pytest.mark.both_engines
def test_four_processes_log_1000_conversations_and_all_arrive(db_path):
    with Store.open(db_path) as store:
        store.add_customer("Kunde Eins")
    workers = [subprocess.Popen([sys.executable, "-c", LOGGER, str(db_path), f"w{n}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for n in range(4)]
    with Store.open(db_path) as reader:
        seen = []
        while any(w.poll() is None for w in workers):
            seen.append(reader.conn.execute("SELECT count(*) FROM conversation").fetchone()[0])
        errors = [w.stderr.read() for w in workers]
        assert [w.returncode for w in workers] == [0, 0, 0, 0], errors
        assert seen == sorted(seen)  # a reader never sees the count go back
        counts = reader.row_counts()
        assert counts["conversation"] == 1000 and counts["promise"] == 1000
        summaries = {c.summary for c in reader.conversations(limit=2000)}
        assert summaries == {f"w{n} message {i}" for n in range(4) for i in range(250)}
        if isinstance(db_path, Path):
            assert reader.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_second_connection_here_keeps_this_process_locks(db_path):
    """Opening the database again in a process that has it open must not read the file
    behind SQLite's back: closing that descriptor would drop the process's locks, and
    another program closing its connection would then delete the -wal file in use."""
    first = Store.open(db_path)
    try:
        first.add_customer("Eva Roth")
        Store.open(db_path).close()  # e.g. the app's counting or safety-copy connection
        other = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                 "c.execute('SELECT count(*) FROM customer').fetchall(); c.close()")
        subprocess.run([sys.executable, "-c", other, str(db_path)], check=True)
        assert Path(f"{db_path}-wal").exists()  # the other program saw us still here
        assert first.count_customers() == 1
    finally:
        first.close()


STARTER = """
import os, sys, time
from kbm_tui.cli.main import main
go = sys.argv[1]
while not os.path.exists(go):
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""
FIXTURE_V2 = Path(__file__).parent.parent / "data" / "schema_v2.sqlite3"


@pytest.mark.parametrize("trial", range(6))
def test_processes_opening_an_older_file_at_once_wait_for_one_upgrade(tmp_path, trial):
    """The app and quick-adds right after an update of kbm-tui: one process upgrades, the
    others wait for it and go on; the one before-upgrade copy is complete."""
    db = tmp_path / "kbm.sqlite3"
    shutil.copy(FIXTURE_V2, db)
    go = tmp_path / "go"
    commands = [["log", "Jürgen", f"message {n}"] for n in range(3)] + [["today"], ["customers"]]
    procs = [subprocess.Popen([sys.executable, "-c", STARTER, str(go), "--db", str(db), *cmd],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for cmd in commands]
    go.touch()
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for proc in procs:
        proc.stdout.close()
        proc.stderr.close()
    assert [code for code, _ in results] == [0] * len(commands), results
    copies = list(tmp_path.glob("kbm.sqlite3.before-upgrade-*"))
    assert len(copies) == 1, copies
    conn = sqlite3.connect(copies[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'"
                            ).fetchone()[0] == "2"
        assert conn.execute("SELECT count(*) FROM conversation").fetchone()[0] == 2
    finally:
        conn.close()
    with Store.open(db) as store:
        assert store.row_counts()["conversation"] == 5
