"""A command on a file an older kbm made: stderr says, after the work, that it was updated
and where the old file is kept (no terminal here, so no line before it)."""

from __future__ import annotations

import os
import shutil

FIXTURE_V5 = os.path.join(os.path.dirname(__file__), "..", "data", "schema_v5.sqlite3")


def test_the_command_line_says_once_that_the_file_was_updated(kbm, tmp_path):
    path = tmp_path / "v5.sqlite3"
    shutil.copy(FIXTURE_V5, path)
    result = kbm("--db", str(path), "customers", "soren", db=False)
    assert result.returncode == 0, result.stderr
    assert "Søren Łada" in result.stdout
    [copy] = tmp_path.glob("v5.sqlite3.before-upgrade-v5-*")
    assert result.stderr == (f"kbm: v5.sqlite3 was updated for this version of kbm-tui; the "
                             f"old file is kept as {copy} (you may delete it once this version "
                             "works for you).\n")

    again = kbm("--db", str(path), "customers", "soren", db=False)
    assert (again.returncode, again.stderr) == (0, "")
