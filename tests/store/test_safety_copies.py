"""Automatic daily safety copies, and restoring one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta

from kbm_tui.core import clock
from kbm_tui.db import safety
from kbm_tui.store import Store


def test_one_copy_a_day_private_and_the_last_n_kept(store, tmp_path):
    store.add_customer("Eva")
    made = store.ensure_daily_copy(keep=3)
    assert made is not None and store.ensure_daily_copy(keep=3) is None
    assert stat.S_IMODE(os.stat(made).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(safety.folder(store.path)).st_mode) == 0o700
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


def test_copies_in_the_same_second_get_names_of_their_own(store):
    store.add_customer("Eva")
    first = store.copy_beside("before-restore")
    store.add_customer("Jo")
    second = store.copy_beside("before-restore")
    assert first != second and second.name == first.name + "-2"
    with Store.open(first) as a, Store.open(second) as b:
        assert (a.count_customers(), b.count_customers()) == (1, 2)


def test_a_copy_never_replaces_or_truncates_a_file_that_is_there(store):
    store.add_customer("Eva")
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    taken = store.path.with_name(f"{store.path.name}.before-restore-{stamp}")
    taken.write_bytes(b"someone's file")
    made = store.copy_beside("before-restore")
    assert made != taken and taken.read_bytes() == b"someone's file"
    assert not [p for p in store.path.parent.iterdir() if ".new-" in p.name]


def test_two_restores_in_the_same_second_keep_the_original_in_a_copy(kbm, tmp_path):
    kbm.ok("add", "Original Kunde")
    backups = []
    for name in ("Erste", "Zweite"):
        other = tmp_path / f"{name}.sqlite3"
        with Store.open(other) as store:
            store.add_customer(name)
        backups.append(other)
    procs = [subprocess.Popen([sys.executable, "-m", "kbm_tui.cli", "--db", str(kbm.db_path),
                               "restore", str(b), "--replace"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for b in backups]
    assert [p.wait(timeout=120) for p in procs] == [0, 0], [p.stderr.read() for p in procs]
    for proc in procs:
        proc.stderr.close()
    copies = sorted(kbm.db_path.parent.glob("kbm.sqlite3.before-restore-*"))
    assert len(copies) == 2
    held = []
    for copy in copies:
        with Store.open(copy) as store:
            held += [c.name for c in store.list_customers("")]
    assert "Original Kunde" in held


def test_copies_of_a_database_opened_with_db_go_beside_it(tmp_path, monkeypatch):
    monkeypatch.setenv("KBM_DATA_DIR", str(tmp_path / "personal"))
    with Store.open(tmp_path / "elsewhere" / "shop.sqlite3") as s:
        made = s.ensure_daily_copy()
    assert made is not None and made.parent == tmp_path / "elsewhere" / "kbm-safety-copies"
    assert not (tmp_path / "personal").exists()
    with Store.open(tmp_path / "personal" / "kbm.sqlite3") as s:  # the default database
        made = s.ensure_daily_copy()
    assert made is not None and made.parent == tmp_path / "personal" / "safety-copies"
