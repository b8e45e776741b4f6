"""Work files hold the shop's data: they are private (0600 in a 0700 folder), never left
beside a backup's target, and removed by the next start when their process was killed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time

import pytest

from kbm_tui.store import Store

pytestmark = pytest.mark.skipif(os.name == "nt", reason="leftovers are kept on Windows")

HANG = """
import os, sys, time
from kbm_tui.backup import export, zip_writer
def stuck(self, name, pieces):
    open(os.environ["READY"], "w").close()
    time.sleep(60)
zip_writer.ZipWriter.add = stuck
export.PARALLEL_ROWS = int(os.environ["PARALLEL_ROWS"])
from kbm_tui.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("helpers", [False, True], ids=["here", "helper processes"])
def test_a_killed_export_leaves_nothing_readable_and_the_next_start_removes_it(
        kbm, tmp_path, helpers):
    kbm.ok("log", "Anna Schmidt", "private matter", "--new")
    for n in range(30):
        kbm.ok("log", "anna", f"talk {n}")
    out = tmp_path / "out"
    out.mkdir()
    ready = tmp_path / "ready"
    child = subprocess.Popen(
        [sys.executable, "-c", HANG, "--db", str(kbm.db_path), "export", str(out / "b.zip")],
        env={**os.environ, "READY": str(ready), "PARALLEL_ROWS": "10" if helpers else "10000000"},
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            if ready.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert ready.exists(), "the export never got to writing the zip"
    finally:
        child.kill()
        child.wait()
    assert list(out.iterdir()) == []  # nothing beside the target
    work = [p for p in kbm.db_path.parent.iterdir() if ".work-" in p.name]
    assert len(work) == 1 and mode(work[0]) == 0o700
    files = list(work[0].iterdir())
    assert files and all(mode(f) == 0o600 for f in files), [(f.name, oct(mode(f))) for f in files]
    kbm.ok("today")
    assert not [p for p in kbm.db_path.parent.iterdir() if ".work-" in p.name]


def test_exporting_onto_the_database_itself_is_refused(kbm, tmp_path):
    kbm.ok("add", "Anna Schmidt")
    before = kbm.db_path.read_bytes()
    for target in (kbm.db_path, f"{kbm.db_path}-wal"):
        err = kbm.fails("export", str(target), "--force")
        assert "is the database itself" in err
    assert kbm.db_path.read_bytes() == before
    assert "Anna Schmidt" in kbm.ok("customers")


def test_exporting_onto_the_database_by_another_name_is_refused(kbm, tmp_path):
    kbm.ok("add", "Anna Schmidt")
    link = tmp_path / "same.sqlite3"
    os.link(kbm.db_path, link)
    assert "is the database itself" in kbm.fails("export", str(link), "--force")
    with Store.open(kbm.db_path) as store:
        assert store.count_customers() == 1
