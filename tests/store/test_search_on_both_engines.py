"""Search gives the same answers on SQLite (FTS5) and PostgreSQL (pg_trgm, folded columns):
the same shop in both, the same searches, the same customers in the same order."""

from __future__ import annotations

import pytest

from kbm_tui.store import Store

SHOP = [
    ("Jürgen Müller", "+49 (0)171 555-1234", "juergen@example.com", "road bike, club",
     ["Fragte nach einem Kettenöl", "Bremsbeläge für das Rennrad"]),
    ("Anna-Lena Groß", "030 777 888", None, "e-bike", ["Die Straße ist zu steil für das E-Bike"]),
    ("Jan Andersen", "0160/2223334", "jan@andersen.dk", None, ["asked about a child seat"]),
    ("Çağla Öztürk", "+90 212 555 12 34", "cagla@example.org", "kids",
     ["Wants a helmet for her son", "bought the helmet"]),
    ("Zoë Æbelø", None, "zoe@example.net", "club", ["Flickering display, e-bike"]),
    ("Ben Schulz", "0171 5550101", None, None, ["Brought the bike in for a service"]),
    ("Dora Krüger", "030-777-999", None, "letter only", []),
    ("Heike Groß", "0341 9876543", None, None, []),
]
# Written on a card's further numbers (schema 5): found as the main number is.
MORE_CONTACTS = {"Heike Groß": "work: +49 (0)351 4445556\nmobile: 0152 9998887"}
SEARCHES = [
    # phone fragments in any notation
    "1234", "555-12", "0171 555", "(0)171", "+49 171", "777 8", "77", "01", "2223334",
    "0049 341 987", "+49 341 98765", "0351 444", "+49 152 999", "4445556", "0152",
    # name fragments, folded German (and other) names
    "mül", "muller", "MÜLLER", "groß", "gross", "an", "and", "jan", "ö", "oz", "cagla",
    "zoe", "aebe", "krug", "kruger", "dora kr",
    # words said, card words, several words
    "kette", "kettenöl", "helm", "bremsbel", "e-bike", "bike", "club", "steil", "strasse",
    "seat", "child seat", "display", "service bike", "letter", "example", "nobody", "zz",
]


def fill(store) -> None:
    for name, phone, email, tags, said in SHOP:
        customer = store.add_customer(name, phone=phone, email=email, tags=tags)
        if name in MORE_CONTACTS:
            store.update_customer(customer.id, more_contacts=MORE_CONTACTS[name])
        for text in said:
            store.log_conversation(customer.id, text)


@pytest.fixture
def both(tmp_path, server_db):
    found = {}
    for engine, target in (("sqlite", tmp_path / "shop.sqlite3"), ("postgresql", server_db)):
        with Store.open(target) as store:
            fill(store)
            found[engine] = {
                typed: ([c.name for c in store.list_customers(typed, limit=50)],
                        store.count_customers(typed),
                        [v.summary for v in store.conversations(text=typed, limit=50)])
                for typed in SEARCHES}
    return found


def test_the_same_searches_find_the_same_customers_on_both_engines(both):
    assert both["postgresql"] == both["sqlite"]
    # and the searches are worth comparing: most find something, not everything
    hits = [len(names) for names, _, _ in both["sqlite"].values()]
    assert sum(1 for n in hits if 0 < n < len(SHOP)) > len(SEARCHES) // 2
