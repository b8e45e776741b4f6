"""The one face of the data layer: every read and write of the shop's data goes through `Store`.

Callers get plain records (core/records.py) back and never see SQL or the connection, which
live only in db/. Each public method that writes is one transaction; `with
store.transaction():` groups several into one. Code outside db/ imports from here, never
from db/ itself (tests/unit/test_layout.py checks both).
"""

from __future__ import annotations

import os
from typing import Self

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.core.i18n import _
from kbm_tui.db.agenda import AgendaPart
from kbm_tui.db.cards_out import CardsOutPart
from kbm_tui.db.care import CarePart
from kbm_tui.db.contact import ContactPart
from kbm_tui.db.conversations import ConversationsPart
from kbm_tui.db.copies import SafetyPart
from kbm_tui.db.customers import CustomersPart
from kbm_tui.db.duplicates import DuplicatesPart, Likely, Pair
from kbm_tui.db.engine import DATABASE_ERRORS
from kbm_tui.db.engine import explain as explain_database_error
from kbm_tui.db.engine import is_server as is_server_address
from kbm_tui.db.imports import ImportBatch, ImportPart, ImportPlan, Planned, UndoneImport
from kbm_tui.db.insight import InsightPart
from kbm_tui.db.journal import JournalPart, Ref, Rows, Where
from kbm_tui.db.location import default_path, resolve_path
from kbm_tui.db.merge import CHOOSABLE as MERGE_FIELDS
from kbm_tui.db.merge import Merge, MergePart
from kbm_tui.db.privacy import PrivacyPart
from kbm_tui.db.promises import PromisesPart
from kbm_tui.db.restore import RestorePart
from kbm_tui.db.safety import SafetyCopy
from kbm_tui.db.safety import copies as safety_copies
from kbm_tui.db.safety import find as find_safety_copy
from kbm_tui.db.safety import folder as safety_folder
from kbm_tui.db.schema import SCHEMA_VERSION, TABLES_IN_ORDER
from kbm_tui.db.sqlite.connect import SQLITE_HEADER
from kbm_tui.db.staff import StaffPart
from kbm_tui.db.tables import TablesPart
from kbm_tui.db.timeline import TimelinePart
from kbm_tui.db.views import ViewsPart
from kbm_tui.db.workdir import remove_dead as remove_dead_work_files
from kbm_tui.db.workdir import scratch_file

__all__ = ["Store", "SafetyCopy", "Likely", "Pair", "Merge", "MERGE_FIELDS", "ImportBatch",
           "ImportPlan", "Planned", "UndoneImport", "SCHEMA_VERSION",
           "TABLES_IN_ORDER", "DATABASE_ERRORS",
           "default_path", "resolve_path", "safety_copies", "find_safety_copy",
           "explain_database_error", "is_database_file", "scratch_file", "safety_folder",
           "remove_dead_work_files", "Ref", "Rows", "Where", "is_server_address"]


class Store(ContactPart, StaffPart, CustomersPart, ConversationsPart, PromisesPart,
            AgendaPart, CarePart, InsightPart, TimelinePart, ViewsPart, TablesPart,
            PrivacyPart, SafetyPart, RestorePart, JournalPart, DuplicatesPart,
            MergePart, ImportPart, CardsOutPart):
    """The shop's data. `Store.open(path)` opens (creating or upgrading) the database;
    use it as a context manager, or call `close()`."""

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> Self:
        """Open the database at `path` (or KBM_DB, or the default), creating or upgrading it:
        a file, or a database on a PostgreSQL server named by its URL (db/engine.py)."""
        if is_server_address(path):
            try:
                from kbm_tui.db.postgres.engine import open_part as open_server
            except ImportError:
                # kbm is on no package index: the driver comes with kbm's own folder.
                raise DatabaseFileError(_(
                    "kbm-tui needs PostgreSQL's driver (psycopg) to use a database server: "
                    "run .venv/bin/pip install -e '.[postgres]' in kbm's folder (see the "
                    "README, \"Several computers\"). Nothing was changed.")) from None
            server: Self = open_server(cls, path)
            return server
        from kbm_tui.db.sqlite.engine import open_part as open_file

        found: Self = open_file(cls, path)
        return found


def is_database_file(path) -> bool:
    """True when `path` is a database file (a safety copy) rather than, say, a backup zip."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
