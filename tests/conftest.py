"""Every test runs on its own temporary database, folders and a fixed clock.

Shared fixtures: `db_path` (a database path, not yet created), `store` (open on it), `kbm`
(the real command line on it), `shop` (the small bike shop of support.build_shop) and
`pilot` (the app on the shop under Pilot, at support.SIZE, its store closed afterwards).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kbm_tui.app import KbmApp
from kbm_tui.core import clock, i18n
from kbm_tui.store import Store
from support import build_shop, running

BERLIN = ZoneInfo("Europe/Berlin")
# Sunday 22 November 2026, 11:30 in Berlin: before "after lunch" (14:00).
FIXED_NOW = datetime(2026, 11, 22, 11, 30, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("KBM_TZ", "Europe/Berlin")
    monkeypatch.setenv("KBM_NOW", FIXED_NOW.isoformat())
    monkeypatch.setenv("KBM_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KBM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("KBM_DB", raising=False)
    clock.set_now(FIXED_NOW)
    yield
    clock.set_now(None)


# The engines a test marked `both_engines` runs on. PostgreSQL needs a server: KBM_TEST_PG
# names a maintenance database on it (.ci/run starts a throwaway one). Without it those runs
# are skipped, except in CI, where a missing server is a failure.
ENGINES = ("sqlite", "postgresql")


def pytest_configure(config):
    config.addinivalue_line("markers", "both_engines: run on SQLite and on PostgreSQL")
    config.addinivalue_line("markers", "sqlite_only: about the database file itself")


def pytest_generate_tests(metafunc):
    # Only tests on both engines get an [engine] in their name (snapshots are named after it).
    if "engine" in metafunc.fixturenames and (
            metafunc.definition.get_closest_marker("both_engines") is not None and
            metafunc.definition.get_closest_marker("sqlite_only") is None):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture(params=["en", "de"])
def language(request):
    """The test in English, then in German (a test that parametrizes `language` itself
    sets the language its own way)."""
    i18n.use(request.param)
    yield request.param
    i18n.use("en")


@pytest.fixture
def engine(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_path(engine, tmp_path, request):
    """Where the test's shop lives: a file path, or on PostgreSQL a new, empty database's
    URL (a str)."""
    if engine == "sqlite":
        return tmp_path / "shop" / "kbm.sqlite3"
    return request.getfixturevalue("server_db")


@pytest.fixture
def server_db(request, tmp_path):
    """A new, empty PostgreSQL database for this test (dropped afterwards): its URL."""
    import pg_server as pg

    admin = pg.admin_url()
    if admin is None:
        if os.environ.get("CI") == "true":
            pytest.fail("KBM_TEST_PG is not set: CI must run every test on PostgreSQL too")
        pytest.skip("no PostgreSQL server (set KBM_TEST_PG, see .ci/run)")
    url = pg.new_database(admin)
    yield url
    pg.drop_database(admin, url)


@pytest.fixture
def till_role(server_db):
    """A role that may read and write kbm's tables in `server_db` and nothing else (granted
    by pg_server.grant_table_rights once the tables are there), and its URL."""
    import pg_server as pg
    from psycopg import conninfo

    role = pg.new_role(server_db)
    yield role, conninfo.make_conninfo(server_db, user=role)
    pg.drop_role(server_db, role)


@pytest.fixture
def extensionless(server_db):
    """The URL of a new, empty database as a role that may make kbm's tables there but not
    the extension search uses (pg_server.without_extension_rights)."""
    import pg_server as pg

    admin = pg.admin_url() or ""
    url, role, as_role = pg.without_extension_rights(admin)
    yield as_role
    pg.drop_database(admin, url)
    pg.drop_role(admin, role)


@pytest.fixture
def store(db_path):
    with Store.open(db_path) as s:
        yield s


class Kbm:
    """Runs the real `kbm` command in a subprocess on the test's database."""

    def __init__(self, db_path: Path, cwd: Path):
        self.db_path = db_path
        self.cwd = cwd

    def __call__(self, *args: str, db: bool = True, env: dict | None = None,
                 timeout: float = 60) -> subprocess.CompletedProcess:
        argv = [sys.executable, "-m", "kbm_tui.cli"]
        if db:
            argv += ["--db", str(self.db_path)]
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(argv + list(args), capture_output=True, text=True, cwd=self.cwd,
                              env=full_env, timeout=timeout, stdin=subprocess.DEVNULL)

    def ok(self, *args: str, **kw) -> str:
        result = self(*args, **kw)
        assert result.returncode == 0, (result.stdout, result.stderr)
        return result.stdout

    def fails(self, *args: str, **kw) -> str:
        """Exit status 2, a one-line reason and never a traceback."""
        result = self(*args, **kw)
        assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("kbm: ") or "usage:" in result.stderr
        return result.stderr


@pytest.fixture
def kbm(db_path, tmp_path) -> Kbm:
    return Kbm(db_path, tmp_path)


@pytest.fixture(autouse=True)
def notes_recorded(monkeypatch):
    """Every notification the app shows is kept in `app.notes_seen` (support.notes)."""
    shown = KbmApp.notify

    def notify(app, message, *args, **kwargs):
        app.__dict__.setdefault("notes_seen", []).append(str(message))
        return shown(app, message, *args, **kwargs)

    monkeypatch.setattr(KbmApp, "notify", notify)


@pytest.fixture
def shop(db_path) -> Path:
    """The small bike shop: every state a promise or follow-up can be in."""
    build_shop(db_path)
    return db_path


@pytest.fixture
async def pilot(shop):
    """The app on the small shop, started and settled."""
    async with running(shop) as pilot:
        yield pilot
