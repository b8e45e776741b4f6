"""The note a person reads when they open a backup or a customer's data export.

A zip full of CSV files and a manifest says nothing to a shop owner (or to the customer who
asked for their data): this text, in the language in use, says what it is, when it was
made, what it holds and how to bring it back. Restore reads members by name and ignores it.
"""

from __future__ import annotations

from datetime import datetime

from kbm_tui.core import l10n
from kbm_tui.core.i18n import _
from kbm_tui.core.text import counts_text


def name() -> str:
    """README.txt, or LIESMICH.txt in German: the name a person looks for first."""
    return _("README.txt")


def _made(moment: datetime) -> str:
    return _("{day} at {time}").format(day=l10n.long_date(moment.date()),
                                       time=l10n.clock(moment.time(), uhr=True))


def for_backup(counts: dict[str, int], made: datetime, version: str) -> str:
    lines = [
        _("kbm-tui backup, made on {made} (kbm-tui {version}).").format(
            made=_made(made), version=version),
        "",
        _("It holds {counts}.").format(counts=counts_text(counts)),
        "",
        _("Each table of the shop's data is a CSV file (UTF-8), which Excel and LibreOffice "
          "open. A cell that starts with = + - or @ has a ' in front of it, so that a "
          "spreadsheet shows it instead of running it as a formula."),
        "",
        _("To bring this backup back into kbm:"),
        _("  kbm --db new.sqlite3 restore THIS-FILE.zip    (into a new, empty database)"),
        _("  kbm restore THIS-FILE.zip --replace           (instead of the current database; "
          "a copy of it is kept beside it)"),
        _("Before anything is replaced, kbm checks every file, line and value of the backup."),
        "",
        _("manifest.json is for kbm itself: leave it as it is."),
    ]
    return "\r\n".join(lines) + "\r\n"


def for_customer(customer: str, counts: dict[str, int], made: datetime) -> str:
    lines = [
        _("Everything the shop has stored about {name}, as of {made}.").format(
            name=customer, made=_made(made)),
        "",
        _("It holds {counts}.").format(counts=counts_text(counts)),
        "",
        _("customer.json holds all of it in one file, readable by people and programs; each "
          "CSV file (UTF-8) holds one kind of record and opens in Excel or LibreOffice."),
    ]
    return "\r\n".join(lines) + "\r\n"
