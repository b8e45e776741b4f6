"""Putting a finished file where the person asked for it, whole or not at all.

Files holding the shop's data are written in the database's private work folder (0700,
files 0600, removed by the next start if the process dies) and only then moved to their
place. Across file systems the move is a copy under a hidden name of this process's own
beside the target, renamed when complete; a leftover of a killed copy is removed the next
time a file is written there.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from kbm_tui.store import Store, remove_dead_work_files, scratch_file


def refuse_the_database(store: Store, target: Path) -> None:
    """A backup never replaces the database it is made of, nor SQLite's files beside it."""
    from kbm_tui.core.errors import KbmError
    from kbm_tui.core.i18n import _

    own = [store.path] + [Path(f"{store.path}{s}") for s in ("-wal", "-shm", "-journal")]
    for path in own:
        same = target.absolute() == path.absolute()
        try:
            same = same or (target.exists() and path.exists() and target.samefile(path))
        except OSError:
            pass
        if same:
            raise KbmError(_("{path} is the database itself (or SQLite's file beside it): a "
                             "backup can't replace it. Choose another name.").format(path=target))


def move_into_place(tmp: Path, target: Path) -> None:
    """Move a finished file from the work folder to `target`, replacing what is there."""
    remove_dead_work_files(target.parent, target.name)
    try:
        os.replace(tmp, target)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    part = scratch_file(target)
    try:
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as source:
            shutil.copyfileobj(source, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
