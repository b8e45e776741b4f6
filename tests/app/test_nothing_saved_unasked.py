"""Issue 11, point 4: nothing the app saves ends up where the person did not choose, and the
shop's data folders are the owner's alone."""

from __future__ import annotations

import os
import stat

import pytest

from kbm_tui.store import safety_copies
from support import notes, running, wait_for

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX folders")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_loose_data_and_safety_folders_are_tightened_and_said(shop, tmp_path):
    data, beside = tmp_path / "data", shop.parent / "kbm-safety-copies"
    data.mkdir(mode=0o755)
    beside.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    os.chmod(beside, 0o755)
    async with running(shop) as pilot:
        assert await wait_for(pilot, lambda: len(
            [n for n in notes(pilot.app) if "could be read by other users" in n]) == 2)
        assert await wait_for(pilot, lambda: safety_copies(shop) != [])
        said = "\n".join(notes(pilot.app))
        assert str(data) in said and str(beside) in said and "yours alone" in said
    assert mode(data) == mode(beside) == 0o700
    # A database opened with --db keeps its copies beside it, not in the personal folder.
    assert safety_copies(shop)[0].path.parent == beside
    assert list(data.iterdir()) == []


async def test_private_folders_are_not_mentioned(shop, tmp_path):
    (tmp_path / "data").mkdir(mode=0o700)
    async with running(shop) as pilot:
        assert await wait_for(pilot, lambda: safety_copies(shop) != [])
        assert not [n for n in notes(pilot.app) if "other users" in n]


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    return folder


async def test_a_screenshot_without_downloads_goes_home_and_says_so(shop, home, tmp_path):
    async with running(shop) as pilot:
        pilot.app.screenshot_to_file()
        assert await wait_for(pilot, lambda: any("screenshot" in n for n in notes(pilot.app)))
        (said,) = [n for n in notes(pilot.app) if "screenshot" in n]
    (picture,) = home.glob("*.svg")
    assert str(picture) in said
    assert not (home / "Downloads").exists() and not list(tmp_path.glob("*.svg"))


async def test_a_screenshot_goes_to_downloads_when_there_is_one(shop, home):
    (home / "Downloads").mkdir()
    async with running(shop) as pilot:
        pilot.app.screenshot_to_file()
        assert await wait_for(pilot, lambda: any("screenshot" in n for n in notes(pilot.app)))
    assert len(list((home / "Downloads").glob("*.svg"))) == 1
