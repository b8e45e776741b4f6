"""Lists of people: Google and Outlook CSV, any CSV (`,` or `;`), and Excel (.xlsx, with
openpyxl). The first row names the columns (moving/columns.py); each further row is a card,
and its line (or row of the sheet) is named in every message about it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kbm_tui.core.cards import Card
from kbm_tui.core.i18n import _
from kbm_tui.moving import columns
from kbm_tui.moving.columns import Role
from kbm_tui.moving.source import Loaded, refuse

MAX_FIELD = 1_000_000  # characters in one cell; more is no contact list
_HOME_COUNTRIES = {"deutschland", "germany", "de"}
_GOOGLE_SYSTEM_LABELS = ("* ", "myContacts")


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d])


def read_csv(path: Path, text: str, mapping: dict[str, str] | None) -> Loaded:
    delimiter = _delimiter(text.split("\n", 1)[0])
    csv.field_size_limit(MAX_FIELD)
    rows = list(_rows(path, text, delimiter))
    if rows and _never_closed(text, rows[-1][0], delimiter):
        # (read as written, the rest of the file would become one customer's field)
        raise refuse(path, _("line {line}").format(line=rows[-1][0]), _(
            'A quotation mark (") opened in this line is never closed, so the rest of the '
            "file would be one field. Close it or remove it in the file, then import "
            "again."))
    return _read(path, iter(rows), mapping, _("line {n}"))


def _never_closed(text: str, line: int, delimiter: str) -> bool:
    """Whether the row that begins at `line` is a quotation mark left open to the end of
    the file: only the last row can be (it took in everything after it). Read strictly
    there alone, so that a quotation mark with text after it elsewhere ("Müller" GmbH) is
    still read as written."""
    tail = "\n".join(text.split("\n")[line - 1:])
    try:
        for _row in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise refuse(path, _("line {line}").format(line=reader.line_num),
                         _("The line can't be read as CSV ({error}).").format(
                             error=str(exc)[:100])) from None
        yield line, row
        line = reader.line_num + 1


def csv_header(text: str) -> list[str]:
    for line in text.splitlines():
        if line.strip():
            row = next(csv.reader([line], delimiter=_delimiter(line)), [])
            return [cell.strip().lstrip("\ufeff") for cell in row]
    return []


def xlsx_header(path: Path) -> list[str]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise refuse(path, None, _("The workbook can't be read ({error}).").format(
            error=str(exc)[:100] or type(exc).__name__)) from None
    try:
        for values in book.worksheets[0].iter_rows(values_only=True):
            row = [_cell(v).strip() for v in values]
            if any(row):
                return row
        return []
    finally:
        book.close()


def read_xlsx(path: Path, mapping: dict[str, str] | None) -> Loaded:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise refuse(path, None, _("The workbook can't be read ({error}).").format(
            error=str(exc)[:100] or type(exc).__name__)) from None
    try:
        sheet = book.worksheets[0]

        def rows() -> Iterator[tuple[int, list[str]]]:
            for n, values in enumerate(sheet.iter_rows(values_only=True), 1):
                yield n, [_cell(v) for v in values]

        loaded = _read(path, rows(), mapping, _("row {n}"))
    finally:
        book.close()
    loaded.format = "xlsx"
    return loaded


def _cell(value: Any) -> str:
    """A cell as text: dates as days, whole numbers without ".0" (a phone number Excel
    took for a number keeps its digits; its leading 0 Excel had dropped already)."""
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read(path: Path, rows: Iterator[tuple[int, list[str]]], mapping: dict[str, str] | None,
          where: str) -> Loaded:
    header: list[str] | None = None
    line = 0
    for line, row in rows:  # noqa: B007 (the header's line is named below)
        if any(cell.strip() for cell in row):
            header = [cell.strip().lstrip("\ufeff") for cell in row]
            break
    if header is None:
        raise refuse(path, None, _("The file is empty."))
    found = columns.roles(header, mapping or {})
    named = {r.field for r in found if r}
    if not named & {"name", "first_name", "last_name", "organization"}:
        shown = ", ".join(f'"{t}"' for t in header[:8] if t) or _("(none)")
        raise refuse(path, _("line {line}").format(line=line),
                     _("No column says who the person is (Name, Vorname, Nachname, Firma, "
                       "First Name …). The columns are: {columns}. Say which is which with "
                       '--map "Column=name" (or first_name, last_name, phone, email …).').format(
                         columns=shown))
    titles = {t: "mobile" if r.label == "mobile" else r.field
              for t, r in zip(header, found) if r and t}
    unused = [t for t, r in zip(header, found) if not r and t]
    cards = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        cards.append(_card(where.format(n=line), header, found, row))
    return Loaded(_kind(header), cards, columns=titles, unused=unused)


def _kind(header: list[str]) -> str:
    titles = {columns.normal(t) for t in header}
    if titles & {"given name", "family name", "group membership"} or \
            {"first name", "labels", "e mail 1 value"} <= titles:
        return "google"
    if titles & {"e mail address", "e mail adresse"} and titles & {
            "business phone", "mobile phone", "telefon geschaftlich", "mobiltelefon",
            "home phone", "telefon privat"}:
        return "outlook"
    return "csv"


def _values(cell: str) -> list[str]:
    """Google joins several values of one cell with " ::: "."""
    return [v.strip() for v in cell.split(":::")] if ":::" in cell else [cell.strip()]


def _card(where: str, header: list[str], found: list[Role | None], row: list[str]) -> Card:
    single: dict[str, list[str]] = {}
    labels: dict[tuple[str, str], str] = {}
    phones: list[tuple[str, str, str]] = []  # group, label, number
    emails: list[tuple[str, str]] = []
    parts: dict[str, dict[str, list[str]]] = {}
    more: list[str] = []
    for role, cell in zip(found, row):
        if role is None or not cell.strip():
            continue
        values = _values(cell)
        if role.field == "label":
            labels[(role.label, role.group)] = values[0].lstrip("* ").lower()
        elif role.field == "phone":
            phones += [(role.group, role.label, v) for v in values if v]
        elif role.field == "email":
            emails += [(role.group, v) for v in values if v]
        elif role.field in ("address", "street", "street2", "house", "postcode", "city",
                            "region", "country"):
            parts.setdefault(role.group, {}).setdefault(role.field, []).append(cell.strip())
        elif role.field == "web":
            more += [f"web: {v}" for v in values if v]
        else:
            single.setdefault(role.field, []).extend(v for v in values if v)

    def one(name: str, joiner: str = " ") -> str:
        return joiner.join(single.get(name, []))

    name = one("name")
    if not name:
        name = " ".join(x for x in (one("first_name"), one("middle_name"), one("last_name")) if x)
    tags = [t for t in single.get("tags", []) for t in t.replace(";", ",").split(",")]
    tags = [t.strip() for t in tags if t.strip() and not t.startswith(_GOOGLE_SYSTEM_LABELS)]
    return Card(
        where, name=name,
        phones=tuple((labels.get(("phone", g)) or label or _group_label(g), number)
                     for g, label, number in phones),
        emails=tuple((labels.get(("email", g)) or _group_label(g), mail) for g, mail in emails),
        addresses=tuple((labels.get(("address", g)) or _group_label(g), _address(p))
                        for g, p in parts.items() if _address(p)),
        notes=one("notes", "\n"), tags=tuple(tags), organization=one("organization", ", "),
        birthday=one("birthday"), source_key=f"id:{one('id')}" if one("id") else "",
        more=tuple(more))


def _group_label(group: str) -> str:
    return "" if group.isdigit() else group


def _address(parts: dict[str, list[str]]) -> str:
    if "address" in parts:
        return "\n".join(parts["address"])
    street = " ".join(parts.get("street", []) + parts.get("house", []))
    lines = [street, *parts.get("street2", [])]
    town = " ".join(parts.get("postcode", []) + parts.get("city", []))
    country = " ".join(parts.get("country", []))
    if country.strip().lower() in _HOME_COUNTRIES:
        country = ""
    return ", ".join(x for x in (*lines, town, " ".join(parts.get("region", [])), country) if x)
