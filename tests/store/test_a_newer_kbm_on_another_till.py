"""Another till opened the shop with a newer kbm-tui and brought it up to date while this
one was open: this one's next change is refused, nothing of it saved, rather than written
the old way into the newer database (an older merge would drop what the newer keeps)."""

from __future__ import annotations

import pytest

from kbm_tui.core.errors import DatabaseFileError
from kbm_tui.db import schema

pytestmark = pytest.mark.both_engines


def test_a_change_after_another_kbm_made_the_database_newer_is_refused_unsaved(store):
    store.add_customer("Eva Klein")
    newer = schema.SCHEMA_VERSION + 1
    store.conn.execute("UPDATE kbm_meta SET value=? WHERE key='schema_version'", (str(newer),))
    with pytest.raises(DatabaseFileError, match=(
            rf"Not saved: .* was updated meanwhile for a newer kbm-tui \(schema {newer}; this "
            rf"one knows up to {schema.SCHEMA_VERSION}\).*Update kbm-tui here")):
        store.add_customer("Ben Groß")
    assert [c.name for c in store.list_customers("")] == ["Eva Klein"]
    revision = store.conn.execute("SELECT value FROM kbm_meta WHERE key='revision'").fetchone()
    store.conn.execute("UPDATE kbm_meta SET value=? WHERE key='schema_version'",
                       (str(schema.SCHEMA_VERSION),))
    store.add_customer("Ben Groß")  # the same kbm again: writes as before
    assert store.conn.execute("SELECT value FROM kbm_meta WHERE key='revision'"
                              ).fetchone()[0] != revision[0]
