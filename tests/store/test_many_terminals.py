"""Several terminals at once: quick-adds from four processes while others read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
