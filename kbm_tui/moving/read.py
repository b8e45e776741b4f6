"""Reading a contact file: the format from the content, never the file's name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kbm_tui.core.i18n import _
from kbm_tui.moving import table_in, vcard_in
from kbm_tui.moving.source import Loaded, decode, read_bytes, refuse


def load(path: Path, mapping: dict[str, str] | None = None) -> Loaded:
    """Every card of the file; ImportFileError when the file can't be read as one."""
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            names = set()
        if "xl/workbook.xml" in names:
            return table_in.read_xlsx(path, mapping)
        if "manifest.json" in names:
            raise refuse(path, None, _("This is a kbm backup. Bring it back with kbm restore."))
        raise refuse(path, None, _("This is a zip archive, not a contact file. kbm imports "
                                   "vCard (.vcf), CSV and Excel (.xlsx) files."))
    if not data.strip():
        raise refuse(path, None, _("The file is empty."))
    text = decode(path, data)
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip().upper()
    if first.startswith("BEGIN:VCARD"):
        return vcard_in.read(path, text)
    if path.suffix.lower() in (".vcf", ".vcard"):  # read as a list, it would name odd columns
        raise refuse(path, None, _("This file is named as a vCard but does not begin like one "
                                   "(BEGIN:VCARD): it is damaged or something else. Export the "
                                   "contacts from your address book again."))
    return table_in.read_csv(path, text, mapping)


def header_of(path: Path) -> list[str] | None:
    """The column titles of a list (CSV or .xlsx), for choosing what each holds; None for
    a vCard file. ImportFileError when the file can't be read."""
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        return table_in.xlsx_header(path)
    text = decode(path, data)
    if text.lstrip("\ufeff \t\r\n")[:11].upper().startswith("BEGIN:VCARD"):
        return None
    return table_in.csv_header(text)
