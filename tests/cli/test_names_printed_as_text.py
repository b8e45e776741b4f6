"""Text a person typed is printed as text: never read as markup, and no control character
stored in the file (an escape sequence, a bell, a hidden link) reaches the terminal."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kbm_tui.store import Store
from support import running, screen_text

MARKUP_NAMES = ["Anna [/b] Schmidt", "Bob [link=https://evil.example]Support[/link]",
                "[bold red]Cem[/]", "Dora \\[escaped] [i]"]


def test_names_that_look_like_markup_are_printed_as_typed(kbm):
    kbm.ok("staff", "add", "[b]Maria[/b]")
    for n, name in enumerate(MARKUP_NAMES, 1):
        kbm.ok("log", name, f"[red]said {n}[/red]", "--new", "--by", "[b]Maria",
               "--promise", "[link=https://x.example]call[/link]", "--due", "14:00")
    outputs = [kbm.ok(*command) for command in (
        ["customers"], ["today"], ["promises"], ["staff"], ["complaints"],
        *[["show", f"#{n}"] for n in range(1, len(MARKUP_NAMES) + 1)])]
    everything = "\n".join(outputs)
    for name in MARKUP_NAMES:
        assert name in everything, name
    assert "[b]Maria[/b]" in outputs[3]
    assert "[link=https://x.example]call[/link]" in outputs[2]
    assert "[red]said 1[/red]" in outputs[1]


def plant(db_path, name: str, summary: str) -> None:
    """What another program (or a damaged file) could leave in the database."""
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA ignore_check_constraints=ON")
    conn.execute("INSERT INTO customer(name, name_key, search_text, created_at, updated_at) "
                 "VALUES (?, 'eve', 'eve', '2026-11-22T09:00:00Z', '2026-11-22T09:00:00Z')",
                 (name,))
    conn.execute("INSERT INTO conversation(customer_id, at, channel, direction, kind, summary, "
                 "created_at) VALUES (1, '2026-11-22T09:00:00Z', 'store', 'in', 'complaint', "
                 "?, '2026-11-22T09:00:00Z')", (summary,))
    conn.execute("INSERT INTO promise(customer_id, text, made_at, due_day, status) "
                 "VALUES (1, ?, '2026-11-22T09:00:00Z', '2026-11-22', 'open')", (summary,))
    conn.commit()
    conn.close()


EVIL_NAME = "Eve \x1b[2J\x1b]8;;https://evil.example\x07Support\x1b]8;;\x07"
EVIL_SUMMARY = "broke \x9b31m\x07\x08\x08\x08 it\nsecond line"
CONTROLS = ["\x1b", "\x07", "\x9b", "\x08"]


@pytest.mark.parametrize("command", [["customers"], ["today"], ["promises"], ["show", "eve"],
                                     ["complaints"], ["customers", "--json"],
                                     ["today", "--json"], ["forget", "eve"]])
def test_escape_sequences_in_the_file_never_reach_the_terminal(kbm, command):
    plant(kbm.db_path, EVIL_NAME, EVIL_SUMMARY)
    result = kbm(*command)
    assert result.returncode in (0, 2), result.stderr
    for control in CONTROLS:
        assert control not in result.stdout + result.stderr, (command, control)
    if result.returncode == 0:
        assert "Eve" in result.stdout
    if "--json" in command:
        json.loads(result.stdout)


def test_an_argument_with_escape_sequences_is_echoed_safely(kbm):
    kbm.ok("add", "Anna")
    for args in (["log", "Nobody\x1b[2J", "hi"], ["log", "anna", "hi", "--via", "\x1b[31mx"],
                 ["log", "anna", "hi", "--kind", "\x9bx"]):
        result = kbm(*args)
        assert result.returncode == 2
        for control in CONTROLS:
            assert control not in result.stdout + result.stderr, (args, control)


async def test_escape_sequences_in_the_file_never_reach_the_app_screen(db_path):
    plant(db_path, EVIL_NAME, EVIL_SUMMARY)
    async with running(db_path) as pilot:
        shown = screen_text(pilot.app)
        assert "Eve" in shown and "\ufffd" in shown
        await pilot.press("c")
        shown += screen_text(pilot.app)
        svg = pilot.app.export_screenshot()
    for control in CONTROLS:
        assert control not in shown and control not in svg
