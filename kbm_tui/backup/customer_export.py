"""Everything stored about one customer, for them to take away (GDPR article 15).

One zip: `customer.json` (all of it, nested, readable) and a CSV per table, with the
same spreadsheet-safe cells as the backup.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

from kbm_tui import __version__
from kbm_tui.backup import readme
from kbm_tui.backup.place import move_into_place, refuse_the_database
from kbm_tui.core import clock, timefmt
from kbm_tui.core.cells import escape_cell
from kbm_tui.core.errors import KbmError, os_reason
from kbm_tui.core.i18n import _


def write(store, customer_id: int, target: Path) -> dict[str, int]:
    data = store.customer_data(customer_id)
    staff = {s.id: s.name for s in store.staff(include_inactive=True)}
    document = {
        "exported_at": timefmt.to_db(clock.now()),
        "exported_by": f"kbm-tui {__version__}",
        "staff_names": {str(k): v for k, v in staff.items()},
        **data,
    }
    refuse_the_database(store, target)
    try:
        with store.work_folder("customer-export") as work:
            _write(store, work / "customer.zip", document, data)
            move_into_place(work / "customer.zip", target)
    except OSError as exc:
        raise KbmError(_("Can't write {path}: {reason}.").format(
            path=target, reason=os_reason(exc))) from None
    return {table: len(rows) for table, rows in data.items()}


def _write(store, path: Path, document: dict, data: dict[str, list[dict]]) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("customer.json", json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        name = data["customer"][0]["name"] if data["customer"] else ""
        counts = {table: len(rows) for table, rows in data.items()}
        zf.writestr(readme.name(), readme.for_customer(name, counts, clock.now()))
        for table, rows in data.items():
            buffer = io.StringIO(newline="")
            writer = csv.writer(buffer, lineterminator="\r\n")
            columns = list(rows[0]) if rows else store.table_columns(table, stored_only=True)
            writer.writerow(columns)
            writer.writerows([escape_cell(row[c]) for c in columns] for row in rows)
            zf.writestr(f"{table}.csv", "\ufeff" + buffer.getvalue())
