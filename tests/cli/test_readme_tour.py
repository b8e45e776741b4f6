"""The command-line tour of the README (English) and of LIESMICH.md (German) is what kbm
really prints: every `$ kbm ...` line is run, on a new database at the tests' fixed clock,
and its output compared with the lines under it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOURS = {"README.md": ("en", "## The command line in five minutes"),
         "LIESMICH.md": ("de", "## Die Kommandozeile in fünf Minuten")}


def tour(readme: str) -> list[tuple[str, list[str]]]:
    """(command, the output shown under it) for each `$ kbm` line of the tour's text block."""
    text = (ROOT / readme).read_text(encoding="utf-8")
    section = text.split(TOURS[readme][1], 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.S)
    assert block, f"{readme}: no text block in the tour"
    steps: list[tuple[str, list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"{readme}: output before the first command: {line!r}"
            steps[-1][1].append(line.rstrip())
    for _command, shown in steps:
        while shown and not shown[-1]:
            shown.pop()
    return steps


@pytest.mark.parametrize("readme", TOURS)
def test_the_tour_prints_what_the_readme_shows(kbm, readme):
    language, _heading = TOURS[readme]
    steps = tour(readme)
    assert len(steps) >= 7
    for command, shown in steps:
        words = shlex.split(command)
        assert words[0] == "kbm", command
        result = kbm(*words[1:], env={"KBM_LANG": language})
        assert result.returncode == 0, (command, result.stderr)
        # The no-break space of "89,90 €" reads as a space in the README.
        printed = [line.rstrip().replace("\u00a0", " ")
                   for line in result.stdout.rstrip("\n").splitlines()]
        assert printed == shown, f"{readme}: {command}\n" + "\n".join(printed)


def test_both_readmes_start_with_the_same_two_set_up_commands():
    def set_up(readme: str) -> list[str]:
        text = (ROOT / readme).read_text(encoding="utf-8")
        return re.findall(r"```sh\n(python3 -m venv .*?)\n```", text)[:2]

    english = set_up("README.md")
    assert len(english) == 2
    assert set_up("LIESMICH.md") == english


@pytest.mark.parametrize(("readme", "typed", "quoted"), [
    ("README.md", "after lunch", '("→ {shown}")'),
    ("LIESMICH.md", "nach dem Mittagessen", "(„→ {shown}“)")])
def test_the_first_walks_due_time_is_what_the_quick_log_shows(readme, typed, quoted):
    """The first walk quotes what the quick-log shows under a due time as it is typed (the
    tmux walk found it said "→ today 14:00" where the app shows the date)."""
    from kbm_tui.core import i18n
    from kbm_tui.core.when import parse_when

    i18n.use(TOURS[readme][0])
    try:
        shown = parse_when(typed).describe()
    finally:
        i18n.use("en")
    text = " ".join((ROOT / readme).read_text(encoding="utf-8").split())
    assert quoted.format(shown=shown.replace("\u00a0", " ")) in text, shown
