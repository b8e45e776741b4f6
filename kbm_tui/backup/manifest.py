"""The backup's format: a zip of one CSV per table plus manifest.json, which names the
format, the schema version, and each table's file, columns and row count."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from kbm_tui.core.errors import BackupError
from kbm_tui.store import SCHEMA_VERSION

FORMAT = "kbm-tui backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def read_manifest(zf: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError:
        raise BackupError(f"{source} is not a kbm-tui backup: it has no {MANIFEST}.") from None
    except (ValueError, UnicodeDecodeError):
        raise BackupError(f"{source}: {MANIFEST} is damaged (not valid JSON).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is not a kbm-tui backup (its manifest is of another kind).")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise BackupError(f"{source}: the manifest names no schema version.")
    if version > SCHEMA_VERSION:
        raise BackupError(
            f"{source} was made by a newer kbm-tui (schema {version}). "
            "Update kbm-tui to restore it.")
    if not isinstance(manifest.get("tables"), dict):
        raise BackupError(f"{source}: the manifest lists no tables.")
    return manifest

