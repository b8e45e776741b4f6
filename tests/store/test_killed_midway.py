"""Killed in the middle: the database is whole and holds the entire change or none of it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kbm_tui.backup import export as backup_export
from kbm_tui.backup import restore as backup_restore
from kbm_tui.store import Store

KBM = [sys.executable, "-m", "kbm_tui.cli"]


def check(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("customer", "conversation", "promise")}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def big_backup(tmp_path_factory):
    """A backup large enough that restoring it takes a moment (about 60k rows)."""
    folder = tmp_path_factory.mktemp("big")
    with Store.open(folder / "big.sqlite3") as store, store.transaction():
        store.insert_rows("customer", ["id", "name", "notes", "created_at", "updated_at"],
                          [(i, f"Kunde {i}", "n" * 200, "2026-01-01T10:00:00Z",
                            "2026-01-01T10:00:00Z") for i in range(1, 10_001)])
        store.insert_rows("conversation", ["id", "customer_id", "at", "channel", "direction",
                                           "kind", "summary", "created_at"],
                          [(i, i % 10_000 + 1, "2026-02-01T10:00:00Z", "phone", "in", "inquiry",
                            "s" * 150, "2026-02-01T10:00:00Z") for i in range(1, 50_001)])
        store.refresh_derived()
    target = folder / "big.zip"
    with Store.open(folder / "big.sqlite3") as store:
        backup_export.export(store, target)
    return target


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.4, 2.2])
def test_restore_killed_at_any_moment_leaves_all_or_nothing(big_backup, tmp_path, delay):
    target = tmp_path / "target.sqlite3"
    with Store.open(target):
        pass
    proc = subprocess.Popen(KBM + ["--db", str(target), "restore", str(big_backup)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    counts = check(target)
    assert counts["customer"] in (0, 10_000) and counts["conversation"] in (0, 50_000)
    assert (counts["customer"] == 0) == (counts["conversation"] == 0)
    with Store.open(target) as store:  # and it still works afterwards
        if counts["customer"] == 0:
            backup_restore.restore(store, big_backup)
        assert store.count_customers() == 10_000


QUICK_ADDS = """
import sys
from kbm_tui.cli.main import main
for i in range(10_000):
    main(["--db", sys.argv[1], "log", "Eva", f"talk {i}", "--promise", f"promise {i}",
          "--follow-up", "tomorrow", f"follow {i}"])
"""


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.9])
def test_quick_add_killed_leaves_whole_entries(db_path, delay):
    with Store.open(db_path) as store:
        store.add_customer("Eva")
    proc = subprocess.Popen([sys.executable, "-c", QUICK_ADDS, str(db_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Killed some time after the first quick-add went through, however busy the machine is.
    deadline = time.monotonic() + 120
    while check(db_path)["conversation"] == 0 and time.monotonic() < deadline:
        assert proc.poll() is None, "the quick-adds ended on their own"
        time.sleep(0.05)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    counts = check(db_path)
    assert counts["conversation"] > 0
    # Each quick-add is one transaction: a conversation never lacks its promise.
    assert counts["conversation"] == counts["promise"]
    with Store.open(db_path) as store:
        assert store.row_counts()["followup"] == counts["conversation"]


@pytest.mark.parametrize("delay", [0.6, 1.2, 2.0])
def test_demo_generator_killed_leaves_all_or_nothing(tmp_path, delay):
    target = tmp_path / "demo.sqlite3"
    proc = subprocess.Popen(KBM + ["--db", str(target), "demo", "--customers", "20000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if not target.exists():  # killed before the new database was moved into place
        assert not list(tmp_path.glob("demo.sqlite3*"))
        return
    counts = check(target)
    assert counts["customer"] in (0, 20_000)
    assert (counts["customer"] == 0) == (counts["conversation"] == 0)
    with Store.open(target) as store:  # whole, and usable
        assert store.count_customers(include_archived=True) == counts["customer"]
