"""Opening the shop's database for the app: the given or default file, or a throwaway demo
shop; and keeping the folders that hold the shop's data private.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from kbm_tui.store import Store


def tighten(folder: Path) -> bool:
    """Make an existing folder of the shop's data the owner's alone (0700); True when it
    was not."""
    try:
        mode = stat.S_IMODE(folder.stat().st_mode)
        if not folder.is_dir() or not mode & 0o077:
            return False
        os.chmod(folder, 0o700)
    except OSError:
        return False
    return True


def open_store(db_path: str | Path | None, *, demo: bool = False,
               progress: Callable[[str, int, int], None] | None = None
               ) -> tuple[Store, Path | None]:
    """The store to show: the given/default file, or a throwaway demo shop."""
    if not demo:
        return Store.open(db_path), None
    folder = Path(tempfile.mkdtemp(prefix="kbm-demo-"))
    try:
        store = Store.open(folder / "kbm-demo.sqlite3")
        try:
            from kbm_tui.demo import shop as demo_data

            demo_data.generate(store, progress=progress)
        except BaseException:
            store.close()
            raise
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return store, folder
