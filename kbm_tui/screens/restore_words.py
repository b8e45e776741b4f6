"""What the restore dialog says: where it looks first, what a backup holds, what restoring
it will do, and what it did."""

from __future__ import annotations

import re
from pathlib import Path

from kbm_tui.backup.restore import RestoreResult
from kbm_tui.backup.sources import Preview
from kbm_tui.core import l10n, timefmt
from kbm_tui.core.i18n import _, n_
from kbm_tui.store import Store
from kbm_tui.ui.fmt import number

_DAILY = re.compile(r"-\d{4}-\d{2}-\d{2}\.sqlite3$")  # the app's daily safety copies
# What the preview counts: the rows a shop owner knows by name.
SHOWN = ("customer", "conversation", "promise", "followup")


def newest_backup(folder: Path) -> Path | None:
    """The newest backup zip kbm wrote into `folder` (kbm-backup-….zip), if any."""
    try:
        found = [p for p in folder.glob("kbm-backup-*.zip") if p.is_file()]
        return max(found, key=lambda p: p.stat().st_mtime) if found else None
    except OSError:
        return None


def holds(counts: dict[str, int]) -> str:
    """ "5 customers, 5 conversations, 4 promises and 3 follow-ups" (none left out)."""
    n = [counts.get(t, 0) for t in SHOWN]
    parts = [n_("{n} customer", "{n} customers", n[0]).format(n=number(n[0])),
             n_("{n} conversation", "{n} conversations", n[1]).format(n=number(n[1])),
             n_("{n} promise", "{n} promises", n[2]).format(n=number(n[2])),
             n_("{n} follow-up", "{n} follow-ups", n[3]).format(n=number(n[3]))]
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def made(preview: Preview) -> str:
    if preview.safety_copy:
        day, version = preview.made_day, preview.schema_version
        if day is None:
            return _("A copy of a kbm-tui database (schema {version}).").format(version=version)
        if _DAILY.search(preview.source.name):
            return _("A safety copy from {day} (schema {version}).").format(
                day=l10n.long_date(day), version=version)
        # A copy kept before a restore, or one made by hand: its day is its last change.
        return _("A copy of a kbm-tui database, last changed on {day} (schema {version})."
                 ).format(day=l10n.long_date(day), version=version)
    if preview.made is None:
        return _("A kbm-tui backup; the day it was made is not in it (schema {version})."
                 ).format(version=preview.schema_version)
    moment = timefmt.local(preview.made)
    return _("A backup made on {day} at {time} (schema {version}).").format(
        day=l10n.long_date(moment.date()), time=l10n.clock(moment.time(), uhr=True),
        version=preview.schema_version)


def what_happens(preview: Preview, store: Store, now: dict[str, int] | None,
                 keeps_copy: bool) -> str:
    """The preview and the question: what the file holds, what is replaced, where the
    current data is kept, and that u can't take it back."""
    shown, name = store.shown, store.path.name
    lines = [made(preview),
             _("It holds {counts}.").format(counts=holds(preview.counts)), ""]
    if now is None:
        lines.append(_("Restoring fills the database {path}, which is empty now: nothing "
                       "needs keeping.").format(path=shown))
    elif keeps_copy:
        lines.append(_("Restoring replaces what the database {path} holds now ({counts}). "
                       "That is first kept as a copy beside it, in the same folder: "
                       "{name}.before-restore-(day)-(time).").format(
            path=shown, counts=holds(now), name=name))
    else:
        lines.append(_("Restoring replaces what the database {path} holds now ({counts}). "
                       "No copy of that is kept here: the server's own backup (pg_dump) is "
                       "the way back.").format(path=shown, counts=holds(now)))
    lines.append(_("A restore is not on the undo history (u can't take it back): the way "
                   "back is the kept copy.") if keeps_copy or now is None else
                 _("A restore is not on the undo history (u can't take it back)."))
    return "\n".join(lines)


def restored(source: Path, result: RestoreResult) -> str:
    text = _("Restored {file}: {counts}.").format(file=source, counts=holds(result.counts))
    if result.safety_copy:
        text += "\n" + _("The data that was there before is kept as {path}.").format(
            path=result.safety_copy)
    return text
