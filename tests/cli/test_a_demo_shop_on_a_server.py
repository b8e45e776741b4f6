"""`kbm demo` straight onto a PostgreSQL server: the same shop as in a file, each customer
written once with their search columns and last contact (not filled in by UPDATEs that leave
every customer in the table three times until a VACUUM FULL)."""

from __future__ import annotations

from test_moving_a_shop import backup_tables, versions_left_behind

from kbm_tui.store import Store


def test_a_demo_on_a_server_is_the_file_demo_with_each_customer_written_once(kbm, tmp_path,
                                                                            server_db):
    shop = tmp_path / "demo.sqlite3"
    for db in (shop, server_db):
        out = kbm.ok("--db", str(db), "demo", "--customers", "300", "--conversations", "2000",
                     db=False)
        assert "300 customers" in out
    # what to type to open it: the server's address, not a work folder on this computer
    opens_with = out.strip().rpartition("Open it with: kbm --db ")[2]
    assert opens_with == server_db
    assert "#1 " in kbm.ok("--db", opens_with, "show", "#1", db=False)
    again = kbm.fails("--db", server_db, "demo", db=False)
    assert "already holds data" in again and ".postgresql" not in again
    assert versions_left_behind(server_db) == 0

    assert backup_tables(kbm, server_db, tmp_path / "server.zip") == backup_tables(
        kbm, shop, tmp_path / "file.zip")
    with Store.open(shop) as store:
        wanted = {c.id: c.last_contact_at for c in store.list_customers(limit=1000, include_archived=True)}
        said = store.list_customers("cargo", limit=1000, include_archived=True)
        counted = store.count_customers("cargo")
        assert said and counted
    with Store.open(server_db) as store:
        assert {c.id: c.last_contact_at for c in store.list_customers(limit=1000, include_archived=True)} == wanted
        assert store.list_customers("cargo", limit=1000, include_archived=True) == said
        assert store.count_customers("cargo") == counted
