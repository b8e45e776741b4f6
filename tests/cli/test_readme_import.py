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


def test_every_sample_output_in_the_readmes_is_one_a_test_runs():
    """A block of `$ kbm …` lines and what they print, added anywhere in README.md or
    LIESMICH.md, must be one of the blocks the tour and import tests run and compare —
    else it could show output kbm no longer prints."""
    import re

    import test_readme_tour

    checked = {"README.md": [test_readme_tour.TOURS["README.md"][1],
                             SECTIONS["README.md"][1]],
               "LIESMICH.md": [test_readme_tour.TOURS["LIESMICH.md"][1],
                               SECTIONS["LIESMICH.md"][1]]}
    for readme, headings in checked.items():
        text = (ROOT / readme).read_text(encoding="utf-8")
        samples = [m.group(1) for m in re.finditer(r"```\w*\n(.*?)```", text, re.S)
                   if re.search(r"^\$ ", m.group(1), re.M)]
        run = [re.search(r"```text\n(.*?)```", text.split(heading, 1)[1], re.S).group(1)
               for heading in headings]
        assert sorted(samples) == sorted(run), f"{readme}: a sample output no test runs"
