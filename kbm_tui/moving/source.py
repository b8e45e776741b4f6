"""Reading a contact file whatever it is: the format from the content (never the name),
the text's encoding, and a clear refusal naming the file and the line or card when it
can't be read. The readers (vcard_in, table_in) make core.cards.Card of what they find."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kbm_tui.core.cards import Card, Rejected
from kbm_tui.core.errors import KbmError, os_reason
from kbm_tui.core.i18n import N_, _

MAX_BYTES = 200 * 1024 * 1024
FORMATS = {
    "vcard": N_("vCard"),
    "google": N_("Google Contacts CSV"),
    "outlook": N_("Outlook CSV"),
    "csv": N_("spreadsheet list (CSV)"),
    "xlsx": N_("Excel workbook (.xlsx)"),
}


class ImportFileError(KbmError):
    """A file that can't be imported; nothing was."""


@dataclass
class Loaded:
    """What a file holds: its format, the cards, the rows that can't be a card, and for
    lists which column became what."""

    format: str
    cards: list[Card]
    rejected: list[Rejected] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # column title -> field
    unused: list[str] = field(default_factory=list)

    @property
    def format_name(self) -> str:
        return _(FORMATS[self.format])


def refuse(path: Path, where: str | None, problem: str) -> ImportFileError:
    if where:
        return ImportFileError(_("{file}, {where}: {problem} Nothing was imported.").format(
            file=path.name, where=where, problem=problem))
    return ImportFileError(_("{file}: {problem} Nothing was imported.").format(
        file=path.name, problem=problem))


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise refuse(path, None, _("This is not a file."))
        if size > MAX_BYTES:
            raise refuse(path, None, _("The file is {mb} MB; at most 200 MB can be imported at "
                                       "once. Split it into smaller files.").format(
                mb=size // (1024 * 1024)))
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(_("{file}: there is no such file. Check the name and the "
                                "folder.").format(file=path)) from None
    except PermissionError:
        raise ImportFileError(_("{file}: you may not read this file.").format(
            file=path)) from None
    except IsADirectoryError:
        raise refuse(path, None, _("This is a folder, not a file.")) from None
    except OSError as exc:
        raise refuse(path, None, _("It can't be read ({error}).").format(
            error=os_reason(exc))) from None


def decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (what German Excel and
    Outlook write)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:65536]:
        raise refuse(path, None, _("This is not a contact file (it holds binary data). kbm "
                                   "imports vCard (.vcf), CSV and Excel (.xlsx) files."))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        line = data[:utf8_error.start].count(b"\n") + 1
        raise refuse(path, _("line {line}").format(line=line),
                     _("The text is in an encoding kbm doesn't know (neither UTF-8 nor "
                       "Windows-1252). Save it as CSV UTF-8 and try again.")) from None
