"""The database server goes away in the middle of a change: one clear message, nothing
half-written, and the next use connects again once it is back."""

from __future__ import annotations

import pg_server as pg
import psycopg
import pytest

from kbm_tui.core.errors import KbmError
from kbm_tui.store import Store


def cut_off(store) -> None:
    """What a server restart does to this store's session."""
    pid = store.conn.raw().info.backend_pid
    with psycopg.connect(pg.admin_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_a_change_cut_off_half_way_leaves_nothing_and_the_store_carries_on(server_db):
    with Store.open(server_db) as store:
        eva = store.add_customer("Eva Klein")
        before = store.row_counts()
        with pytest.raises(KbmError, match=r"at \S+ does not answer — nothing was saved"), \
                store.transaction():
            store.log_conversation(eva.id, "bought a bell")  # written, not committed
            cut_off(store)
            store.make_promise(eva.id, "order the red one")
        assert store.row_counts() == before  # a new session: the half-done change is gone
        store.log_conversation(eva.id, "came back for the bell")
        assert store.row_counts()["conversation"] == before["conversation"] + 1


def test_kbm_log_says_so_in_one_line_with_exit_2(kbm, server_db):
    kbm.ok("--db", server_db, "add", "Eva Klein", db=False)
    params = psycopg.conninfo.conninfo_to_dict(server_db)
    gone = f"postgresql://{params['user']}@127.0.0.1:1/{params['dbname']}"
    err = kbm.fails("--db", gone, "log", "eva", "hi", db=False)
    assert "does not answer — nothing was saved" in err
    assert len(err.strip().splitlines()) == 1


def test_nothing_of_a_lost_transaction_runs_on_a_new_session(server_db):
    with Store.open(server_db) as store:
        eva = store.add_customer("Eva Klein")
        before = store.row_counts()
        with pytest.raises(KbmError), store.transaction():
            cut_off(store)
            try:  # a caller that carries on after the first refusal …
                store.log_conversation(eva.id, "bought a bell")
            except KbmError:
                pass
            store.make_promise(eva.id, "order the red one")  # … is refused again
        assert store.row_counts() == before
