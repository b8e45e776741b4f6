"""Part of the store: copies of the whole database — the daily safety copy, and the copy
kept beside the database before it is replaced — and private work folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kbm_tui.core import clock, settings
from kbm_tui.db import workdir
from kbm_tui.db.base import Part
from kbm_tui.db.safety import copies, folder, prefix
from kbm_tui.db.sqlite.copy import copy_database


class SafetyPart(Part):
    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the whole database at `target` (owner-only), or at
        `target-2`, … when that name is taken; returns where it went."""
        made = copy_database(self.conn, target)
        assert made is not None
        return made

    def copy_beside(self, label: str) -> Path:
        """A copy beside the database file, named after what is about to happen."""
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        return self.copy_to(self.path.with_name(f"{self.path.name}.{label}-{stamp}"))

    def ensure_daily_copy(self, keep: int | None = None) -> Path | None:
        """Make today's copy if there is none yet, then drop all but the newest `keep`."""
        keep = keep if keep is not None else settings.Settings.load().backups_keep
        keep = max(1, keep)
        target_dir = folder(self.path)
        target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(target_dir, 0o700)
        workdir.remove_dead(target_dir)
        target = target_dir / f"{prefix(self.path)}-{clock.today().isoformat()}.sqlite3"
        made = None if target.exists() else copy_database(self.conn, target, if_absent=True)
        for old in copies(self.path)[keep:]:
            old.path.unlink(missing_ok=True)
        return made

    @contextmanager
    def work_folder(self, what: str) -> Iterator[Path]:
        """A private folder (0700) beside the database for a job's work files, removed
        afterwards — or, if this process is killed, by the next start."""
        with workdir.folder(self.path, what) as path:
            yield path
