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
