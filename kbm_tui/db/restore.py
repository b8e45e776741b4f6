"""Part of the store: putting other content in place of this database's, safely.

Whatever the source — a CSV backup or a safety copy — the content is first loaded into a
new, empty database of kbm's own making (`staging`), where every table, column and value is
checked against the same rules as typed input. Only a source that passes every check is
then put in place, in one step (`replace_with`). A refused restore never touches the live
file, and the live database never holds the source's own triggers, views or indexes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from kbm_tui.core.errors import ForeignKeyViolation, KbmError, RuleBroken, os_reason
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.text import broken_rule, count_text, shown_value
from kbm_tui.db import schema
from kbm_tui.db.base import Part
from kbm_tui.db.schema import JOURNAL_TABLES, TABLES_IN_ORDER
from kbm_tui.db.sqlite import connect, seen


class RestorePart(Part):
    def restore_safety_copy(self, source: Path, *, replace: bool = False) -> Path | None:
        """Put a safety copy's content into this database; returns the copy made of what
        was here before (None when it was empty)."""
        self.refuse_unless_replacing(replace)
        with self.staging() as staged:
            staged.load_database_file(source)
            return self.replace_with(staged)

    def move_into(self, target: Any) -> dict[str, int]:
        """Copy everything this database holds into `target` (a new, empty database on
        either engine) as it is at one moment, in one transaction there. Returns the counts."""
        from kbm_tui.core.i18n import _

        if target.holds_data():
            raise KbmError(_("{target} already holds data. Move into a new, empty database; "
                             "nothing was changed.").format(target=target.shown))
        with self.snapshot():
            if target.engine.name == "sqlite":
                with target.staging() as staged:
                    with staged.bulk():
                        staged.delete_everything()
                        for table in TABLES_IN_ORDER:
                            columns = self.table_columns(table, stored_only=True)
                            for batch in self.iter_batches(table, columns):
                                staged.insert_rows(table, columns, batch)
                    target.replace_with(staged)
            else:
                target.replace_with(self)
        return target.row_counts()

    def fingerprint(self) -> dict[str, str]:
        """Per table, a digest of its CSV backup: two databases with the same fingerprint
        give byte-identical backups."""
        import hashlib

        digests = {}
        with self.snapshot():
            for table in TABLES_IN_ORDER:
                columns = self.table_columns(table, stored_only=True)
                digest = hashlib.sha256()
                for lines in self.csv_batches(table, columns, ids=self.id_range(table)):
                    for line in lines:
                        digest.update(line + b"\r\n")
                digests[table] = digest.hexdigest()
        return digests

    def keeps_copies(self) -> bool:
        """Whether a restore keeps a copy of what was here (`replace_with` does beside a
        database file; a server's database has the server's own backup instead)."""
        return True

    def refuse_unless_replacing(self, replace: bool) -> None:
        if self.holds_data() and not replace:
            counts = self.row_counts()
            raise KbmError(
                _("The database {path} already holds {customers} and {conversations}. Restore "
                  "into a new one with --db NEW.sqlite3, or add --replace (a copy of the current "
                  "database is kept).").format(
                    path=self.path, customers=count_text("customer", counts["customer"]),
                    conversations=count_text("conversation", counts["conversation"])))

    @contextmanager
    def staging(self) -> Iterator[Self]:
        """A new, empty kbm-tui database in a private work folder beside this one, to be
        filled, checked and put in place with `replace_with`; removed afterwards."""
        from kbm_tui.db.sqlite import create  # not on the quick-add's path

        page_size = int(self.conn.execute("PRAGMA page_size").fetchone()[0])
        with self.work_folder("restore") as folder:
            path = folder / "staged.sqlite3"
            create.build(path, page_size=page_size)
            staged = type(self)(connect.open_scratch(path), path)
            try:
                yield staged
            finally:
                staged.conn.close()

    def replace_with(self, staged: Part, *, label: str = "before-restore") -> Path | None:
        """Put the staged database's whole content in place of this one's, in one step that
        other programs see all at once or not at all; first a copy of what was here, if
        anything. Returns that copy."""
        with connect.file_lock(self.path, "restoring into"):
            before = self.copy_beside(label) if self.holds_data() else None
            # The content that replaces this one's is newer than anything seen here, and
            # stays this file (db/sqlite/seen.py).
            revision = self.revision() + 1
            staged.conn.execute("UPDATE kbm_meta SET value=? WHERE key='revision'",
                                (str(revision),))
            staged.conn.execute("INSERT OR REPLACE INTO kbm_meta(key, value) "
                                "VALUES ('file_id', ?)", (self._file_id or seen.new_id(),))
            try:
                staged.conn.backup(self.conn)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                raise connect.translate(exc, self.path) from None
            self._file_id = seen.file_id(self.conn)
            seen.note(self.path, self._file_id, revision)
        return before

    # --- a database file as the source ---------------------------------------------------

    def load_database_file(self, source: Path) -> dict[str, int]:
        """Fill this (staged, empty) database from another kbm-tui database file, checking
        all of it. The source is read from a private copy: it is never written to, and no
        -wal or -shm file appears beside it."""
        return self.load_database_file_of_version(source)[1]

    def load_database_file_of_version(self, source: Path) -> tuple[int, dict[str, int]]:
        """`load_database_file`, with the schema version the file was written in."""
        private = self.path.with_name("source.sqlite3")
        _copy_file(source, private)
        version = _check_source(private, source, {
            t: (self.table_columns(t, stored_only=True), self.table_columns(t))
            for t in TABLES_IN_ORDER + JOURNAL_TABLES})
        # A copy made before the journals existed (schema 4 and older) starts with none.
        tables = TABLES_IN_ORDER + (JOURNAL_TABLES if version >= _JOURNALS_SINCE else ())
        self.conn.execute("ATTACH DATABASE ? AS src", (str(private),))
        counts = {}
        try:
            with self.bulk():
                self.delete_everything()  # the new database's owner
                for table in tables:
                    counts[table] = self._copy_table(table, source, version)
        except ForeignKeyViolation as exc:
            # Translators: {table} and {parent} are table names as in the file ("customer").
            raise KbmError(_("{source}: {table} #{id} refers to a {parent} that is not in the "
                             "file. Nothing was changed.").format(
                source=source, table=exc.table, id=exc.row_id, parent=exc.parent)) from None
        except RuleBroken as exc:
            raise KbmError(_("{source}: {problem} Nothing was changed.").format(
                source=source, problem=broken_text(exc))) from None
        finally:
            self.conn.execute("DETACH DATABASE src")
        if not counts["staff"]:
            raise KbmError(_("{source} holds no staff at all (a database has at least its "
                             "owner). Nothing was changed.").format(source=source))
        return version, counts

    def _copy_table(self, table: str, source: Path, version: int) -> int:
        newer = schema.newer_columns(table, version)
        columns = [c for c in self.table_columns(table, stored_only=True) if c not in newer]
        names = ", ".join(columns)
        try:
            with self.savepoint():
                cur = self.conn.execute(
                    f"INSERT INTO main.{table}({names}) SELECT {names} FROM src.{table}")
            return cur.rowcount
        except sqlite3.IntegrityError:
            pass
        for row in self.conn.execute(f"SELECT {names} FROM src.{table}").fetchall():
            try:
                with self.savepoint():
                    self.conn.execute(f"INSERT INTO main.{table}({names}) VALUES "
                                      f"({', '.join('?' for _ in columns)})", tuple(row))
            except sqlite3.IntegrityError as exc:
                raise KbmError(_("{source}: {table} #{id}: {problem}. Nothing was changed.")
                               .format(source=source, table=table, id=row[0],
                                       problem=self.explain_refusal(table, columns, row, exc))
                               ) from None
        raise KbmError(_("{source}: a row of {table} can't be stored. Nothing was changed.")
                       .format(source=source, table=table))

    def explain_refusal(self, table: str, columns: list[str], values,
                        exc: Exception) -> str:
        """What is wrong with a row the schema refused as it was stored (an empty value
        that must have one, a number used twice), in words. Values that break the value
        rules are found when the load is checked as a whole (bulk)."""
        text = str(exc)
        column = text.rsplit(".", 1)[-1] if "." in text else ""
        if "NOT NULL" in text:
            return _("{column} is empty, but must have a value").format(column=column)
        if "UNIQUE" in text and column in columns:
            return _("its {column} {value} appears twice").format(
                column=column, value=shown_value(values[columns.index(column)]))
        return text


def _copy_file(source: Path, private: Path) -> None:
    """The source (and its -wal, which holds its latest changes) as a private copy."""
    import shutil

    try:
        for suffix in ("", "-wal"):
            origin = Path(f"{source}{suffix}")
            if suffix and not origin.is_file():
                continue
            with open(origin, "rb") as fin, open(f"{private}{suffix}", "xb") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
    except OSError as exc:
        raise KbmError(_("Can't read {path}: {reason}.").format(
            path=source, reason=os_reason(exc))) from None


_JOURNALS_SINCE = 5


def _check_source(private: Path, source: Path,
                  columns: dict[str, tuple[list[str], list[str]]]) -> int:
    """A whole, undamaged kbm-tui database of a schema this kbm knows, with every table and
    column of its schema — or KbmError saying what is not. Returns its schema version."""
    try:
        conn = sqlite3.connect(private, isolation_level=None)
    except sqlite3.Error as exc:
        raise KbmError(_("{source} can't be opened ({problem}).").format(
            source=source, problem=exc)) from None
    try:
        conn.execute("PRAGMA trusted_schema=OFF")  # nothing in the file runs code of its own
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise KbmError(_("{source} is damaged ({problem}): it can't be restored, and "
                             "nothing was changed. Try an older safety copy or backup.").format(
                source=source, problem=problems[0]))
        found = {name: (kind, sql or "") for name, kind, sql in conn.execute(
            "SELECT name, type, sql FROM sqlite_master")}
        version = None
        if found.get("kbm_meta", ("",))[0] == "table":
            row = conn.execute("SELECT value FROM kbm_meta WHERE key='schema_version'").fetchone()
            version = row[0] if row else None
        if not isinstance(version, str) or not version.isdigit() or not version.strip("0"):
            raise KbmError(_("{source} is not a kbm-tui database (it has no schema version). "
                             "Nothing was changed.").format(source=source))
        if int(version) > schema.SCHEMA_VERSION:
            raise KbmError(_("{source} was written by a newer kbm-tui (schema {version}). "
                             "Update kbm-tui to restore it.").format(
                source=source, version=version))
        tables = TABLES_IN_ORDER + (JOURNAL_TABLES if int(version) >= _JOURNALS_SINCE else ())
        for table in tables:
            kind, sql = found.get(table, ("", ""))
            if kind != "table" or not sql.upper().startswith("CREATE TABLE"):
                raise KbmError(_("{source} is not a whole kbm-tui database: it has no table "
                                 "{table}. Nothing was changed.").format(
                    source=source, table=table))
            have = [r[1] for r in conn.execute(f"PRAGMA table_xinfo({table})")]
            stored, known = columns[table]
            newer = schema.newer_columns(table, int(version))
            stored = [c for c in stored if c not in newer]
            _check_columns(source, table, have, stored, known)
        return int(version)
    except sqlite3.DatabaseError as exc:
        raise KbmError(_("{source} is damaged or not a database ({problem}): it can't be "
                         "restored, and nothing was changed.").format(
            source=source, problem=exc)) from None
    finally:
        conn.close()


def _check_columns(source: Path, table: str, have: list[str], stored: list[str],
                   known: list[str]) -> None:
    missing = [c for c in stored if c not in have]
    unknown = [c for c in have if c not in known]
    if missing or unknown:
        message = (n_("{source}: the table {table} has no column {columns}. It can't be "
                      "restored; nothing was changed.",
                      "{source}: the table {table} has no columns {columns}. It can't be "
                      "restored; nothing was changed.", len(missing)) if missing else
                   _("{source}: the table {table} has columns kbm-tui doesn't know "
                     "({columns}). It can't be restored; nothing was changed."))
        raise KbmError(message.format(source=source, table=table,
                                      columns=", ".join(missing or unknown)))


def broken_text(exc: RuleBroken) -> str:
    """ "customer #3: name must be at most 200 characters, not "xxx…" (100,000 characters)." """
    return broken_rule(exc.table, exc.row_id, exc.column, exc.words, exc.value)
