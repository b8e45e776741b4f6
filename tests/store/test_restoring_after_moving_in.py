"""Schema 5 and the ways back: a safety copy keeps the import and merge journals (an import
restored with it can still be undone), and copies and backups made before the card got its
new fields (schema 4) still restore."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from kbm_tui.backup import export as backup_export
from kbm_tui.backup import restore as backup_restore
from kbm_tui.core.errors import BackupError, KbmError
from kbm_tui.moving.read import load
from kbm_tui.store import Store

DATA = Path(__file__).parent.parent / "data"
NEW_COLUMNS = ("organization", "birthday", "more_contacts", "source_key")


def test_a_safety_copy_keeps_the_journals_so_an_import_and_a_merge_can_still_be_undone(
        store, tmp_path):
    loaded = load(DATA / "import" / "iphone.vcf")
    _, batch = store.import_cards(loaded.cards, loaded.rejected, file_name="iphone.vcf",
                                  file_format=loaded.format)
    assert batch is not None and batch.added == 3
    anna = store.add_customer("Anna Schmidt", phone="0341 1112233")
    (older,) = [c for c in store.list_customers("schmidt") if c.id != anna.id]
    store.merge_customers(older.id, anna.id)
    copy = store.copy_beside("test")
    with Store.open(tmp_path / "other.sqlite3") as other:
        other.restore_safety_copy(copy)
        counts = {t: other.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("import_batch", "import_change", "customer_merge")}
        assert counts == {"import_batch": 1, "import_change": 3, "customer_merge": 1}
        merge, back = other.undo_merge(kept_id=older.id)
        assert back.name == "Anna Schmidt"
        undone = other.undo_import()
        assert undone.batch.id == batch.id and undone.removed == 3
        assert [c.name for c in other.list_customers("")] == ["Anna Schmidt"]


def test_a_journal_row_no_one_could_have_written_is_refused_naming_it(store, tmp_path):
    loaded = load(DATA / "import" / "iphone.vcf")
    store.import_cards(loaded.cards, loaded.rejected, file_name="iphone.vcf",
                       file_format=loaded.format)
    copy = store.copy_beside("test")
    with Store.open(copy) as crafted:
        crafted.conn.execute("PRAGMA ignore_check_constraints=ON")
        crafted.conn.execute("UPDATE import_change SET after_values='{not json' WHERE id=2")
    with Store.open(tmp_path / "other.sqlite3") as other:
        with pytest.raises(KbmError, match=r"CHECK constraint failed in import_change.*"
                                           r"nothing was changed"):
            other.restore_safety_copy(copy)
        assert other.count_customers("") == 0


def test_a_safety_copy_of_schema_4_restores_with_the_new_fields_empty(tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema_v4.sqlite3", old)
    with Store.open(tmp_path / "new.sqlite3") as store:
        store.restore_safety_copy(old)
        assert [c.name for c in store.list_customers("mueller")] == ["Jürgen Müller"]
        jurgen = store.match_customer("mueller")
        assert (jurgen.organization, jurgen.birthday, jurgen.more_contacts) == (None,) * 3
        assert store.conn.execute("SELECT count(*) FROM import_batch").fetchone()[0] == 0


def _as_schema_4(backup: Path, target: Path, *, version: int = 4) -> None:
    """The backup as the kbm-tui of schema 4 wrote it: no new columns on the card."""
    with zipfile.ZipFile(backup) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "customer.csv":
                rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
                keep = [n for n, c in enumerate(rows[0]) if c not in NEW_COLUMNS]
                out = io.StringIO()
                csv.writer(out, lineterminator="\r\n").writerows(
                    [[row[n] for n in keep] for row in rows])
                data = out.getvalue().encode("utf-8")
            elif info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema_version"] = version
                columns = manifest["tables"]["customer"]["columns"]
                manifest["tables"]["customer"]["columns"] = [
                    c for c in columns if c not in NEW_COLUMNS]
                data = json.dumps(manifest).encode("utf-8")
            zout.writestr(info.filename, data)


def test_a_backup_of_schema_4_restores_and_a_newer_one_lacking_a_column_does_not(
        store, tmp_path):
    store.add_customer("Jürgen Müller", phone="0171 5551234", notes="Stammkunde")
    backup_export.export(store, tmp_path / "b.zip")
    _as_schema_4(tmp_path / "b.zip", tmp_path / "v4.zip")
    with Store.open(tmp_path / "r.sqlite3") as other:
        backup_restore.restore(other, tmp_path / "v4.zip")
        assert [c.name for c in other.list_customers("+49 171 5551234")] == ["Jürgen Müller"]
    _as_schema_4(tmp_path / "b.zip", tmp_path / "v5.zip", version=5)
    with Store.open(tmp_path / "r5.sqlite3") as other, pytest.raises(
            BackupError, match="organization, birthday, more_contacts, source_key are missing"):
        backup_restore.restore(other, tmp_path / "v5.zip")
