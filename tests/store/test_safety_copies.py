"""Automatic daily safety copies, and restoring one."""

from __future__ import annotations

import os
import stat
from datetime import timedelta

from kbm_tui.core import clock
from kbm_tui.db import safety
from kbm_tui.store import Store


def test_one_copy_a_day_private_and_the_last_n_kept(store, tmp_path):
    store.add_customer("Eva")
    made = store.ensure_daily_copy(keep=3)
    assert made is not None and store.ensure_daily_copy(keep=3) is None
    assert stat.S_IMODE(os.stat(made).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(safety.folder()).st_mode) == 0o700
    start = clock.now()
    for day in range(1, 6):
        clock.set_now(start + timedelta(days=day))
        store.add_customer(f"Day {day}")
        store.ensure_daily_copy(keep=3)
    kept = safety.copies(store.path)
    assert [c.day.day for c in kept] == [27, 26, 25]
    with Store.open(kept[-1].path) as old:
        assert old.count_customers() == 4  # Eva and days 1-3 at the time of that copy


def test_copies_of_other_databases_are_kept_apart(tmp_path):
    with Store.open(tmp_path / "a.sqlite3") as a, Store.open(tmp_path / "b.sqlite3") as b:
        a.ensure_daily_copy()
        b.ensure_daily_copy()
        assert len(safety.copies(a.path)) == 1 and len(safety.copies(b.path)) == 1
        assert safety.copies(a.path)[0].path != safety.copies(b.path)[0].path


def test_kbm_backups_lists_and_restore_takes_a_copy(kbm):
    kbm.ok("add", "Eva Klein")
    with Store.open(kbm.db_path) as store:
        store.ensure_daily_copy()
    kbm.ok("add", "Added later")
    listing = kbm.ok("backups")
    assert "2026-11-22" in listing and "kbm restore latest --replace" in listing
    assert "already holds 2 customers" in kbm.fails("restore", "latest")
    out = kbm.ok("restore", "2026-11-22", "--replace")
    assert "Restored the safety copy" in out and "kept as" in out
    names = kbm.ok("customers")
    assert "Eva Klein" in names and "Added later" not in names
