"""Writing the vCard and calendar files, for the command line and the app alike: whole or
not at all, readable by the owner only (they hold customers' details)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from kbm_tui.core.errors import KbmError, os_reason
from kbm_tui.core.i18n import _
from kbm_tui.moving import calendar_out, vcard_out
from kbm_tui.store import Store


def write_private(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.part-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KbmError(_("Can't write {file}: {error}.").format(
            file=target, error=os_reason(exc))) from None


def vcard_file(store: Store, target: Path, search: str = "", *,
               include_archived: bool = False) -> int:
    """All customers (or those the search finds) as vCard 4.0; how many."""
    out = io.StringIO()
    count = vcard_out.write(store.customers_matching(search, include_archived=include_archived),
                            out, store.database_token())
    if not count:
        raise KbmError(_('No customer matches "{search}". Nothing was written.').format(
            search=search))
    write_private(target, out.getvalue().encode("utf-8"))
    return count


def calendar_file(store: Store, target: Path, *, todo: bool = False) -> calendar_out.Written:
    """Open promises and follow-ups as iCalendar."""
    promises, followups = store.open_promises_and_followups()
    ids = {p.customer_id for p in promises} | {f.customer_id for f in followups}
    phones = {cid: number for cid in ids if (number := store.get_customer(cid).phone)}
    data, written = calendar_out.build(promises, followups, store.database_token(),
                                       todo=todo, phones=phones)
    write_private(target, data)
    return written
