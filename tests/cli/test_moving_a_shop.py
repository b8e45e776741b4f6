"""`kbm move`: a shop from its file to a PostgreSQL server and back, everything in one
transaction, proved by byte-identical CSV backups."""

from __future__ import annotations

import zipfile

from kbm_tui.store import Store
from support import build_shop, contents


def backup_tables(kbm, db, target) -> dict[str, bytes]:
    kbm.ok("--db", str(db), "export", str(target), db=False)
    with zipfile.ZipFile(target) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.endswith(".csv")}


def test_a_shop_moves_to_the_server_and_back_with_nothing_lost(kbm, tmp_path, server_db):
    shop = tmp_path / "shop.sqlite3"
    build_shop(shop)
    out = kbm.ok("--db", str(shop), "move", "--to", server_db, db=False)
    assert "5 customers" in out and "byte for byte" in out
    back = tmp_path / "back.sqlite3"
    out = kbm.ok("--db", server_db, "move", "--to", str(back), db=False)
    assert "byte for byte" in out
    tables = [backup_tables(kbm, db, tmp_path / f"{n}.zip")
              for n, db in enumerate((shop, server_db, back))]
    assert tables[0] == tables[1] == tables[2]
    assert len(tables[0]) == 6 and all(tables[0].values())
    with Store.open(server_db) as store:  # the server's copy is a working shop
        assert [c.name for c in store.list_customers("krüger")] == ["Dora Krüger"]
        store.log_conversation(store.match_customer("dora").id, "Called about the seat")


def test_moving_into_a_database_that_holds_data_changes_nothing(kbm, tmp_path, server_db):
    shop = tmp_path / "shop.sqlite3"
    build_shop(shop)
    kbm.ok("--db", server_db, "add", "Somebody Else", db=False)
    before = contents(server_db), contents(shop)
    err = kbm.fails("--db", str(shop), "move", "--to", server_db, db=False)
    assert "already holds data" in err
    assert (contents(server_db), contents(shop)) == before


def test_a_moved_shop_finds_what_it_found_before(kbm, tmp_path, server_db):
    # The search columns are derived on the server as the store derives them on a save:
    # German name spellings, national numbers in international digits, further numbers
    # and the organisation on the card.
    shop = tmp_path / "shop.sqlite3"
    with Store.open(shop) as store:
        store.add_customer("Michael Franke", phone="(034297) 58715")
        customer = store.add_customer("Jürgen Maier", phone="0171 5550101")
        store.update_customer(customer.id, organization="Radhaus Süd",
                              more_contacts="work: 0351 4445556")
        store.add_customer("Anna Weiß", email="anna@example.org")
    searches = ["michael", "michal", "034297 58715", "+49 34297", "0351 444", "4445556",
                "radhaus", "sud", "juergen", "mai", "weiss", "example", "0171"]
    with Store.open(shop) as store:
        before = {s: [c.name for c in store.list_customers(s)] for s in searches}
    kbm.ok("--db", str(shop), "move", "--to", server_db, db=False)
    with Store.open(server_db) as store:
        after = {s: [c.name for c in store.list_customers(s)] for s in searches}
    assert after == before
    assert before["michael"] == ["Michael Franke"] and before["radhaus"] == ["Jürgen Maier"]


def versions_left_behind(url: str) -> int:
    """Customer rows written more than once: an UPDATE leaves the row's old version in the
    table (until a VACUUM FULL) and writes the new one in the next free place, so the live
    rows' places on a page no longer run 1, 2, 3 …"""
    import psycopg

    with psycopg.connect(url) as conn:
        places = [tuple(map(int, r[0].strip("()").split(",")))
                  for r in conn.execute("SELECT ctid::text FROM customer")]
    pages: dict[int, list[int]] = {}
    for page, item in places:
        pages.setdefault(page, []).append(item)
    return sum(max(items) - len(items) for items in pages.values())


def test_a_moved_or_restored_shop_writes_each_customer_once(kbm, tmp_path, server_db):
    # Each customer goes in with their search columns and last contact: the table is the
    # size it needs, not two or three times that until a VACUUM FULL.
    shop = tmp_path / "shop.sqlite3"
    build_shop(shop)
    kbm.ok("--db", str(shop), "move", "--to", server_db, db=False)
    assert versions_left_behind(server_db) == 0
    with Store.open(shop) as store:
        before = {c.name: c.last_contact_at for c in store.list_customers()}
    with Store.open(server_db) as store:
        assert {c.name: c.last_contact_at for c in store.list_customers()} == before
        assert [c.name for c in store.list_customers("krüger")] == ["Dora Krüger"]

    import pg_server

    again = pg_server.new_database(pg_server.admin_url() or "")
    try:
        kbm.ok("--db", str(shop), "export", str(tmp_path / "backup.zip"), db=False)
        kbm.ok("--db", again, "restore", str(tmp_path / "backup.zip"), db=False)
        assert versions_left_behind(again) == 0
        with Store.open(again) as store:
            assert {c.name: c.last_contact_at for c in store.list_customers()} == before
    finally:
        pg_server.drop_database(pg_server.admin_url() or "", again)
