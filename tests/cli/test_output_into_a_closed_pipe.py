"""`kbm … | head -1`: when the program reading kbm's output stops early, kbm stops quietly,
as other command-line tools do — no "internal error", and never "Nothing was changed" after
a change was saved."""

from __future__ import annotations

import os
import subprocess
import sys


def run_into_closed_pipe(kbm, *args: str) -> subprocess.CompletedProcess:
    reading, writing = os.pipe()
    os.close(reading)  # the reader is gone before kbm writes a line: every write fails
    try:
        return subprocess.run([sys.executable, "-m", "kbm_tui.cli", "--db", str(kbm.db_path),
                               *args], stdout=writing, stderr=subprocess.PIPE, text=True,
                              cwd=kbm.cwd, timeout=60, stdin=subprocess.DEVNULL)
    finally:
        os.close(writing)


def test_a_reader_that_stops_early_gets_no_internal_error(kbm):
    kbm.ok("add", "Anna Schmidt", "--phone", "0171 2345678")
    for args in (("show", "anna"), ("log", "anna", "Asked about a bell")):
        result = run_into_closed_pipe(kbm, *args)
        assert result.stderr == "", (args, result.stderr)
        assert result.returncode == 1, args  # as Python and rich end on a closed pipe
    assert "Asked about a bell" in kbm.ok("show", "anna")  # the change was saved
