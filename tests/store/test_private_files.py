"""Everything kbm writes is the owner's alone, whatever the umask: folders 0700, files 0600."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from kbm_tui.core.settings import Settings

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_with_umask_000_nothing_is_readable_by_others(tmp_path, monkeypatch):
    data, config = tmp_path / "data", tmp_path / "config"
    env = {**os.environ, "KBM_DATA_DIR": str(data), "KBM_CONFIG_DIR": str(config)}
    monkeypatch.delenv("KBM_DB", raising=False)
    script = (
        "import sys\n"
        "from kbm_tui.cli.main import main\n"
        "from kbm_tui.core.settings import Settings\n"
        "from kbm_tui.store import Store\n"
        "Settings(theme='nord').save()\n"
        "assert main(['add', 'Anna']) == 0\n"
        "with Store.open() as s: s.ensure_daily_copy()\n"
        "assert main(['export', sys.argv[1]]) == 0\n"
        "assert main(['customer-export', 'anna', sys.argv[2]]) == 0\n")
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "b.zip"),
                    str(tmp_path / "anna.zip")], env=env, check=True, cwd=tmp_path,
                   preexec_fn=lambda: os.umask(0), stdout=subprocess.DEVNULL)
    made = [p for root in (data, config) for p in [root, *root.rglob("*")]]
    made += [tmp_path / "b.zip", tmp_path / "anna.zip"]
    assert any(p.name == "settings.json" for p in made)
    assert any(p.suffix == ".sqlite3" and p.parent.name == "safety-copies" for p in made)
    for path in made:
        wanted = 0o700 if path.is_dir() else 0o600
        assert mode(path) == wanted, (str(path.relative_to(tmp_path)), oct(mode(path)))
    monkeypatch.setenv("KBM_CONFIG_DIR", str(config))
    assert Settings.load().theme == "nord"
