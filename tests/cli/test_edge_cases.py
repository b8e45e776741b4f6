"""Arguments at and beyond the edges: bytes that aren't UTF-8, numbers of 2^63 and more,
dates far off. Each is a clear one-line refusal (exit 2), never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.both_engines

BIG = str(2**63)


def run_bytes(kbm, *args: bytes) -> subprocess.CompletedProcess:
    argv = [sys.executable.encode(), b"-m", b"kbm_tui.cli", b"--db", os.fsencode(kbm.db_path),
            *args]
    return subprocess.run(argv, capture_output=True, cwd=kbm.cwd, timeout=60,
                          stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("args", [
    [b"add", b"Anna \xff\xfe"],
    [b"log", b"anna", b"caf\xe9 ordered"],
    [b"log", b"Anna", b"hi", b"--via", b"\xc3"],
])
def test_an_argument_that_is_not_utf8_is_refused(kbm, args):
    kbm.ok("add", "Anna")
    result = run_bytes(kbm, *args)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert err.startswith("kbm: ") and "not valid UTF-8" in err and "Traceback" not in err
    assert "Anna" in kbm.ok("customers") and "caf" not in kbm.ok("today")


@pytest.mark.parametrize("args", [
    ["kept", BIG], ["broken", BIG, "why"], ["done", "1" + "0" * 30], ["resolve", BIG, "ok"],
    ["idea", BIG, "done"], ["renegotiate", BIG, "friday", "why"], ["kept", "-1"],
    ["customers", "--limit", BIG], ["show", "anna", "--limit", BIG],
    ["demo", "--customers", BIG], ["demo", "--conversations", BIG],
    ["log", "#" + BIG, "hi"], ["show", "#" + "9" * 5000],
])
@pytest.mark.sqlite_only  # names a second database file beside the first
def test_numbers_of_2_to_the_63_and_more_are_refused(kbm, args):
    kbm.ok("add", "Anna")
    err = kbm.fails(*args, db=args[0] != "demo") if args[0] != "demo" else \
        kbm.fails("--db", str(kbm.db_path.with_name("demo.sqlite3")), *args, db=False)
    assert "internal error" not in err


@pytest.mark.parametrize("args, says", [
    (["remind", "anna", "check", "--on", "31.12.9999", "--every", "7"], "year 9999"),
    (["remind", "anna", "check", "--on", "01.01.3000"], "year 3000"),
    (["promise", "anna", "call", "--due", "+99999w"], "too far away"),
    (["promise", "anna", "call", "--due", "+60000w"], "too far away"),
    (["log", "anna", "hi", "--at", "vor 9999 Wochen"], "too long ago"),
    (["log", "anna", "hi", "--at", "01.01.1899"], "year 1899"),
])
def test_dates_beyond_the_calendar_are_refused(kbm, args, says):
    kbm.ok("add", "Anna")
    err = kbm.fails(*args)
    assert says in err and "internal error" not in err


def test_a_repeating_follow_up_at_the_end_of_the_calendar_stops_repeating(kbm):
    kbm.ok("add", "Anna")
    kbm.ok("remind", "anna", "check", "--on", "24.12.2999", "--every", "14")
    out = kbm.ok("done", "1")
    assert "repeats no more" in out
