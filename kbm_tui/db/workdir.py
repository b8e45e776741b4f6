"""Work files: private, named after the process that made them, and removed by the next
start when that process died before it could.

- `.NAME.new-PID-…` a database or copy being made (and SQLite's -journal/-wal/-shm of it);
- `.NAME.work-PID-WHAT-…/` a folder (0700) of a restore's or an export's work files, which
  hold the shop's data;
- `.NAME.part-PID-…` a backup being written beside its target.
A running process's files are work in progress and stay; so does anything that can't be
checked or deleted — it is only litter.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_LEFTOVER = re.compile(r"\.(.+)\.(new|work|part)-([1-9][0-9]{0,9})(-[a-z0-9]+)*"
                       r"(-journal|-wal|-shm)?")


@contextmanager
def folder(beside: Path, what: str) -> Iterator[Path]:
    """A private folder beside `beside` for one job, removed afterwards."""
    path = beside.with_name(f".{beside.name}.work-{os.getpid()}-{what}-{os.urandom(4).hex()}")
    os.mkdir(path, 0o700)
    try:
        os.chmod(path, 0o700)  # whatever the umask
        yield path
    finally:
        import shutil

        shutil.rmtree(path, ignore_errors=True)


def scratch_file(beside: Path, kind: str = "part") -> Path:
    """A hidden file name beside `beside` that is this process's alone."""
    return beside.with_name(f".{beside.name}.{kind}-{os.getpid()}-{os.urandom(4).hex()}")


def remove_dead(where: Path, name: str | None = None) -> None:
    """Remove the work files in `where` (only those of `name` if given) whose process is
    no longer running."""
    if os.name == "nt":  # there os.kill(pid, 0) would send Ctrl+C instead of asking
        return
    try:
        entries = os.listdir(where)
    except OSError:
        return
    for entry in entries:
        found = _LEFTOVER.fullmatch(entry)
        if not found or (name is not None and not found[1].startswith(name)):
            continue
        if _running(int(found[3])):
            continue
        path = where / entry
        try:
            if path.is_dir() and not path.is_symlink():
                import shutil

                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            pass


def _running(pid: int) -> bool:
    """False only when the process is known to be gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # someone else's process, or no pid at all: leave it
        return True
    return True
