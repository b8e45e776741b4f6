"""The backup's format: a zip of one CSV per table plus manifest.json, which names the
format, the schema version, and each table's file, columns and row count."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any, TypeGuard

from kbm_tui.backup.check import READ_ERRORS, damaged, member
from kbm_tui.core.errors import BackupError
from kbm_tui.core.i18n import _
from kbm_tui.store import SCHEMA_VERSION, TABLES_IN_ORDER

FORMAT = "kbm-tui backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_LIMIT = 1 << 20  # bytes; a real manifest is about 2 KB


def read_manifest(zf: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    """The manifest, checked: every value of the kind and range kbm-tui writes."""
    try:
        info = member(zf, MANIFEST, source, limit=MANIFEST_LIMIT)
    except BackupError as exc:
        if MANIFEST in zf.namelist():
            raise
        raise BackupError(_("{source} is not a kbm-tui backup: it has no {manifest}.").format(
            source=source, manifest=MANIFEST)) from exc
    try:
        manifest = json.loads(zf.read(info).decode("utf-8"))
    except READ_ERRORS as exc:
        raise damaged(source, MANIFEST, exc) from None
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BackupError(_("{source}: {manifest} is damaged (not valid JSON).").format(
            source=source, manifest=MANIFEST)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("{source} is not a kbm-tui backup (its manifest is of another "
                            "kind).").format(source=source))
    version = manifest.get("schema_version")
    if not _whole(version) or version < 1:
        raise BackupError(_("{source}: the manifest names no schema version.").format(
            source=source))
    if version > SCHEMA_VERSION:
        raise BackupError(
            _("{source} was made by a newer kbm-tui (schema {version}). Update kbm-tui to "
              "restore it.").format(source=source, version=version))
    tables = manifest.get("tables")
    if not isinstance(tables, dict):
        raise BackupError(_("{source}: the manifest lists no tables.").format(source=source))
    for table in TABLES_IN_ORDER:
        _check_entry(source, table, tables.get(table))
    return manifest


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_entry(source: Path, table: str, entry: object) -> None:
    names = {"source": source, "manifest": MANIFEST, "table": table}
    if not isinstance(entry, dict):
        raise BackupError(_("{source}: {manifest} is damaged: its entry for {table} is missing "
                            "or not a list of facts.").format(**names))
    rows = entry.get("rows")
    if not _whole(rows) or not 0 <= rows < 2**63:
        raise BackupError(_("{source}: {manifest} is damaged: its entry for {table} gives no "
                            "row count as a whole number (it says {says}).").format(
            says=json.dumps(rows)[:40], **names))
    if entry.get("file", f"{table}.csv") != f"{table}.csv":
        raise BackupError(_("{source}: {manifest} is damaged: its entry for {table} names "
                            "another file.").format(**names))
    columns = entry.get("columns", [])
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise BackupError(_("{source}: {manifest} is damaged: its entry for {table} lists its "
                            "columns wrongly.").format(**names))
