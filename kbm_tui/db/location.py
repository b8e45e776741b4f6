"""Which database: --db, then KBM_DB, then kbm.sqlite3 in the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from kbm_tui.core import settings

DB_FILE_NAME = "kbm.sqlite3"


def default_path() -> Path:
    return settings.data_dir() / DB_FILE_NAME


def resolve_path(given: str | os.PathLike | None) -> Path:
    """--db, then KBM_DB, then the default in the user's data folder."""
    if given:
        return Path(given).expanduser()
    if env := os.environ.get("KBM_DB"):
        return Path(env).expanduser()
    return default_path()

