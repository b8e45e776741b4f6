"""The import example of the README and of LIESMICH.md is what kbm really prints: every
`$ kbm ...` line is run on a new database (with the example files beside it) and its output,
or its refusal, compared with the lines under it."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from test_readme_tour import ROOT, tour

DATA = ROOT / "tests" / "data" / "import"
SECTIONS = {"README.md": ("en", "## Importing your customers"),
            "LIESMICH.md": ("de", "## Kunden übernehmen")}


@pytest.mark.parametrize("readme", SECTIONS)
def test_the_import_example_prints_what_the_readme_shows(kbm, readme, monkeypatch):
    import test_readme_tour

    language, heading = SECTIONS[readme]
    monkeypatch.setitem(test_readme_tour.TOURS, readme, (language, heading))
    cwd = Path(kbm.cwd)
    for name in ("contacts.vcf", "kontakte.vcf"):
        shutil.copy(DATA / "iphone.vcf", cwd / name)
    for name in ("customers.csv", "kunden.csv"):
        shutil.copy(DATA / "kunden_excel.csv", cwd / name)
    steps = tour(readme)
    assert len(steps) >= 8
    for command, shown in steps:
        words = shlex.split(command)
        result = kbm(*words[1:], env={"KBM_LANG": language})
        assert result.returncode in (0, 2), (command, result.stderr)
        assert "Traceback" not in result.stderr
        printed = [line.rstrip() for line in
                   (result.stdout + result.stderr).rstrip("\n").splitlines()]
        assert printed == shown, f"{readme}: {command}\n" + "\n".join(printed)
