"""What `kbm restore` and the app's restore dialog share (backup/sources.py), on both
engines: a look inside that changes nothing, and a restore that keeps a copy of what it
replaced exactly where the store says it does (a database file: beside it; a server: no copy,
its own backup is the way back)."""

from __future__ import annotations

import pytest

from kbm_tui.backup import export as backup_export
from kbm_tui.backup import sources
from kbm_tui.store import Store
from support import build_shop

pytestmark = pytest.mark.both_engines


def test_look_then_restore_keeps_a_copy_only_where_the_store_says_so(db_path, tmp_path,
                                                                    engine):
    build_shop(db_path)
    target = tmp_path / "backup.zip"
    with Store.open(db_path) as s:
        backup_export.export(s, target)
        s.add_customer("Fritz Neu")
        preview = sources.look_into(s, target)
        assert s.count_customers() == 6  # looking changed nothing
        assert not preview.safety_copy
        assert [preview.counts[t] for t in ("customer", "conversation", "promise",
                                            "followup")] == [5, 5, 4, 3]
        result = sources.restore_from(s, target, replace=True)
        assert s.keeps_copies() == (engine == "sqlite")
        assert (result.safety_copy is not None) == s.keeps_copies()
        assert sorted(c.name for c in s.list_customers()) == [
            "Anna Bauer", "Ben Schulz", "Cem Yilmaz", "Dora Krüger", "Emil Weber"]
