"""Search gives the same answers on SQLite (FTS5) and PostgreSQL (pg_trgm, folded columns):
the same shop in both, the same searches, the same customers in the same order."""

from __future__ import annotations

import psycopg
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
    # words said with hyphens, digits, apostrophes, quotes and German letters in them
    ("Paul O'Brien", None, None, None,
     ["O'Brien's bike-rack, 2x 29er wheels", "Größe: XL; Fußpumpe (Straßenrad)",
      "follow-up re: order #4711", "„Lastenrad“ für 3 Kinder – e-cargo"]),
    ("Maria Weiß", None, None, None, ["Cargo bike? Cargobike!", "rack", "Süßigkeiten"]),
    # letters that do not come apart into a letter and an accent are letters all the same
    ("Ahmet Kılıç", None, None, None, ["Smørrebrød für die Tour", "Łukasz kommt mit"]),
    ("Søren Łada", None, None, None, ["Ærmel des Trikots zu lang", "Œuvre-Katalog bestellt"]),
    ("Þór Guðmundsson", None, None, "Ærmelschoner", ["øl"]),
    ("Đuro Horvat", "+385 1 234 5678", None, None, ["Đakovo, Guðrún"]),
    # found by the address as written on the card, or with the street written out
    ("Anneliese Schäfer", "0341/2223344", None, None, []),
    ("Karl Weber", "+49 30 3333 4444", None, None, []),
    ("Emil Sommer", None, None, None, []),
]
# Written on a card's further numbers (schema 5): found as the main number is.
MORE_CONTACTS = {"Heike Groß": "work: +49 (0)351 4445556\nmobile: 0152 9998887"}
ADDRESSES = {"Anneliese Schäfer": "Hauptstr. 3, 04109 Leipzig",
             "Karl Weber": "Hauptstraße 30\n04177 Leipzig",
             "Emil Sommer": "Hauptstraße 3a, 01067 Dresden",
             "Jürgen Müller": "Karl-Liebknecht-Str. 12, 04107 Leipzig",
             "Dora Krüger": "Eisenbahnstr. 40, 04315 Leipzig"}
SEARCHES = [
    # phone fragments in any notation
    "1234", "555-12", "0171 555", "(0)171", "+49 171", "777 8", "77", "0", "00", "01", "2223334",
    "0049 341 987", "+49 341 98765", "0351 444", "+49 152 999", "4445556", "0152",
    # name fragments, folded German (and other) names
    "mül", "muller", "MÜLLER", "groß", "gross", "an", "and", "jan", "ö", "oz", "cagla",
    "zoe", "aebe", "krug", "kruger", "dora kr",
    # words said, card words, several words
    "kette", "kettenöl", "helm", "bremsbel", "e-bike", "bike", "club", "steil", "strasse",
    "seat", "child seat", "display", "service bike", "letter", "example", "nobody", "zz",
    # the start of a word said, and not its middle; a whole word as a prefix of longer ones
    "brien", "o'brien", "brien's", "rack", "29er", "29e", "4711", "#4711", "wheel", "fusspumpe", "pumpe", "strassenrad", "(strassen", "grosse", "größe", "xl;",
    "follow-up", "lastenrad", "kinder", "e-cargo", "cargo", "cargob", "sussig", "süßigkeiten", "igkeiten", "rack, 2x", "wheels", "3 kinder",
    # letters such as ı ø æ ł inside a word, not word breaks; punctuation around a word typed
    "c", "ç", "ic", "lic", "kılıç", "d", "la", "ada", "ukasz", "brød", "rød", "rrebrød",
    "ørrebrød", "rmel", "re:", "bike?", "-rack", "„lasten", "c.", "(cargo)", "?",
    "ö", "l", "łukasz", "ø", "ærmel", "a-", "øl", "ol", "lukasz",
    # typed as on a German keyboard: the letters that are not on it folded alike
    "soren", "søren", "SØREN", "lukasz", "aermel", "armel", "kilic", "smorrebrod", "oeuvre",
    "œuvre", "thor", "þór", "duro", "đuro", "gudrun", "đakovo", "lada", "ołada",
    # an address as it is on the card or as people say it: a house number, a postcode, a
    # street written out or cut short ("Str."), both ways round
    "Hauptstr 3", "Hauptstr. 3", "Hauptstr. 3, 04109 Leipzig", "Hauptstraße 3",
    "hauptstrasse 3", "hauptstr", "hauptstraße", "HAUPTSTR.", "04109", "0410", "04109 leipzig",
    "3", "3,", "3.", "3a", "hauptstr 3a", "30", "hauptstr 30", "12", "karl-liebknecht-straße 12",
    "Karl-Liebknecht-Str. 12", "eisenbahnstraße 40", "eisenbahnstr", "40", "str.", "straße",
    "leipzig", "dresden 3", "0341/98765", "+49 341 9876", "98765-43", "0341", "3333",
    "oeztuerk", "Mueller",
]


def fill(store) -> None:
    for name, phone, email, tags, said in SHOP:
        customer = store.add_customer(name, phone=phone, email=email, tags=tags)
        if name in MORE_CONTACTS:
            store.update_customer(customer.id, more_contacts=MORE_CONTACTS[name])
        if name in ADDRESSES:
            store.update_customer(customer.id, address=ADDRESSES[name])
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
    # "Ahmet Kılıç" is one word, not "k", "l", "ç" after letters that are word breaks
    assert both["postgresql"]["c"][0] == ["Çağla Öztürk"]
    assert both["postgresql"]["bike?"][1] == 5  # who said "bike", not a "road bike" tag
    # what a German keyboard types finds the letters it lacks, on the card, in the words
    # said and in the conversation list, on both engines
    for engine in both:
        for typed in ("soren", "søren", "SØREN"):
            assert both[engine][typed] == (["Søren Łada"], 1, []), (engine, typed)
        assert both[engine]["lukasz"] == (["Ahmet Kılıç"], 1, ["Łukasz kommt mit"])
        assert both[engine]["aermel"] == (["Søren Łada", "Þór Guðmundsson"], 2,
                                          ["Ærmel des Trikots zu lang"])
        assert both[engine]["armel"][0] == ["Þór Guðmundsson"]  # Ärmel on the card
        assert both[engine]["kilic"][:2] == (["Ahmet Kılıç"], 1)
        assert both[engine]["smorrebrod"] == (["Ahmet Kılıç"], 1, ["Smørrebrød für die Tour"])
        assert both[engine]["oeuvre"] == both[engine]["œuvre"] == (
            ["Søren Łada"], 1, ["Œuvre-Katalog bestellt"])
        assert both[engine]["thor"][0] == both[engine]["þór"][0] == ["Þór Guðmundsson"]
        assert both[engine]["duro"][0] == ["Đuro Horvat"]
        assert both[engine]["gudrun"] == (["Đuro Horvat"], 1, ["Đakovo, Guðrún"])
    # an address as written on the card, or with the street written out or cut short
    for engine in both:
        found = {typed: both[engine][typed][0] for typed in SEARCHES}
        number_3 = ["Anneliese Schäfer", "Emil Sommer"]  # "3" and "3a", not "30"
        for typed in ("Hauptstr 3", "Hauptstr. 3", "Hauptstraße 3", "hauptstrasse 3"):
            assert found[typed] == number_3, (engine, typed)
        # a number alone: the house number, or the start of a phone number (Đuro's
        # +385 …), not every 3 in a phone number (Karl's, Heike's)
        assert found["3"] == found["3,"] == found["3."] == [
            "Anneliese Schäfer", "Đuro Horvat", "Emil Sommer"], engine
        assert found["Hauptstr. 3, 04109 Leipzig"] == ["Anneliese Schäfer"], engine
        street = ["Anneliese Schäfer", "Emil Sommer", "Karl Weber"]
        assert found["hauptstr"] == found["hauptstraße"] == found["HAUPTSTR."] == street
        assert found["04109"] == found["04109 leipzig"] == ["Anneliese Schäfer"], engine
        assert found["3a"] == found["hauptstr 3a"] == found["dresden 3"] == ["Emil Sommer"]
        assert found["30"] == found["hauptstr 30"] == ["Karl Weber"], engine
        assert found["karl-liebknecht-straße 12"] == found["Karl-Liebknecht-Str. 12"] == [
            "Jürgen Müller"], engine
        assert found["eisenbahnstraße 40"] == found["eisenbahnstr"] == ["Dora Krüger"]
        # a phone fragment in any notation still finds the number
        for typed in ("0341/98765", "+49 341 9876", "98765-43"):
            assert found[typed] == ["Heike Groß"], (engine, typed)
        assert found["3333"] == ["Karl Weber"], engine  # in his phone number
        # and names still as a German keyboard types them
        assert found["oeztuerk"] == ["Çağla Öztürk"] and found["Mueller"] == ["Jürgen Müller"]
    # the first key of a number finds everyone with a number, not nobody
    with_a_number = sorted(name for name, number, *_ in SHOP if number)
    assert sorted(both["sqlite"]["0"][0]) == sorted(both["sqlite"]["00"][0]) == with_a_number
    # and the searches are worth comparing: most find something, not everything
    hits = [len(names) for names, _, _ in both["sqlite"].values()]
    assert sum(1 for n in hits if 0 < n < len(SHOP)) > len(SEARCHES) // 2


# Written every way a summary or a name may hold them: the server's kbm_fold must fold
# exactly as the store does in Python (core/vocab.py), or the two engines part.
FOLDED_ALIKE = [text for *_, said in SHOP for text in said] + [name for name, *_ in SHOP] + [
    "ÆØÅ æøå ŁŃ łń ŒœĐđÐðÞþıİ ẞß", "Ǿǿ Ǽǽ", "Jo\u0301zef Mu\u0308ller", "½ ﬁ ™ „Zitat“",
    "Ελληνικά Кириллица", "e\u20d7 a\u1dc0 o\ufe20 u\u1ab0"]


def test_the_server_folds_text_as_the_store_does(server_db):
    from kbm_tui.core.vocab import fold

    with Store.open(server_db), psycopg.connect(server_db) as conn:
        for text in FOLDED_ALIKE:
            folded = conn.execute("SELECT kbm_fold(%s)", (text,)).fetchone()[0]
            assert " ".join(folded.split()) == fold(text), text


LONG = "donaudampfschifffahrtsgesellschaftskapitaen"  # longer than a word start is indexed
# More than fits in PostgreSQL's index of word starts (a tsvector holds under 1 MB).
VERY_MUCH = " ".join(sorted(f"teil{n:07d}-ende{n % 7}" for n in range(60_000)))


def test_long_words_and_a_customer_who_said_very_much_are_found_alike(tmp_path, server_db):
    searches = [LONG, LONG[:40], LONG[:33], LONG[:32], LONG[:31], "schifffahrt", "teil0012345",
                "teil0059999-en", "ende3", "ende9", "teil"]
    found = {}
    for engine, target in (("sqlite", tmp_path / "shop.sqlite3"), ("postgresql", server_db)):
        with Store.open(target) as store:
            captain = store.add_customer("Kapitän Blaubär")
            store.log_conversation(captain.id, f"Der {LONG.capitalize()} rief an")
            talker = store.add_customer("Vera Vielsager")
            store.log_conversation(talker.id, "teil0000000-ende0")
            # what hundreds of long conversations would leave (one holds at most 5,000 letters)
            store.conn.execute("UPDATE customer_said SET words=? WHERE customer_id=?",
                               (VERY_MUCH, talker.id))
            store.add_customer("Nora Nichts")
            found[engine] = {typed: [c.name for c in store.list_customers(typed)]
                             for typed in searches}
    assert found["postgresql"] == found["sqlite"]
    assert found["sqlite"][LONG] == found["sqlite"][LONG[:32]] == ["Kapitän Blaubär"]
    assert found["sqlite"]["teil0012345"] == ["Vera Vielsager"]
    assert found["sqlite"]["schifffahrt"] == []
    with psycopg.connect(server_db) as conn:  # Vera's words are searched by the pattern
        assert conn.execute("SELECT count(*) FROM customer_said "
                            "WHERE kbm_word_starts(words) IS NULL").fetchone()[0] == 1


def test_a_database_from_before_the_word_index_gets_it_when_opened(server_db):
    with Store.open(server_db) as store:
        fill(store)
        before = [c.name for c in store.list_customers("cargo")]
    for dropped in ("FUNCTION kbm_word_starts(text) CASCADE", "INDEX ix_customer_said_starts",
                    "INDEX ix_customer_name_starts"):
        with psycopg.connect(server_db) as conn:  # as kbm left it before, or half of it
            conn.execute(f"DROP {dropped}")
        with Store.open(server_db) as store:
            assert [c.name for c in store.list_customers("cargo")] == before == [
                "Maria Weiß", "Paul O'Brien"]
            assert store.count_customers("e-cargo") == 1
        with psycopg.connect(server_db) as conn:
            indexes = {r[0] for r in conn.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename IN ('customer_said', "
                "'customer')")}
        assert {"ix_customer_said_starts", "ix_customer_said_unindexed",
                "ix_customer_name_starts", "ix_customer_name_unindexed"} <= indexes
        with Store.open(server_db) as store:  # a short name word, looked up in the index
            assert [c.name for c in store.list_customers("o")] == ["Çağla Öztürk",
                                                                   "Paul O'Brien"]


def test_word_starts_made_by_an_older_kbm_are_made_anew_when_opened(server_db):
    from kbm_tui.db.postgres import search

    with Store.open(server_db) as store:
        fill(store)
        store.add_customer("Nəcəf Əliyev")  # ə: a letter beyond ASCII that folding keeps
    # kbm before 2026-11-29 took every letter beyond ASCII for a word break ("c" in "nəcəf")
    older = search.WORD_STARTS.replace(f"[^{search.LETTERS}]", "[^[:alnum:]]").replace(
        f"[{search.LETTERS}]", "[[:alnum:]]")
    starting_c = ("SELECT count(*) FROM customer WHERE kbm_word_starts(name_key) @@ "
                  "'c:*'::tsquery")
    with psycopg.connect(server_db) as conn:
        conn.execute(older)
        for name in search.WORD_STARTS_INDEX_NAMES:
            conn.execute(f"REINDEX INDEX {name}")
        assert conn.execute(starting_c).fetchone()[0] == 2  # Çağla, and Nəcəf's "c"
    with Store.open(server_db) as store:
        assert [c.name for c in store.list_customers("rrebrød")] == []
        assert [c.name for c in store.list_customers("c")] == ["Çağla Öztürk"]
    with psycopg.connect(server_db) as conn:
        assert conn.execute(starting_c).fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM pg_indexes WHERE indexname = ANY(%s)",
                            (search.WORD_STARTS_INDEX_NAMES,)).fetchone()[0] == 4


# How a page of a search not yet counted is read: narrowed to the ids of a
# rare word (the default here, every word is rare in a small shop); along the names with
# the search checked row by row (no word rare enough); and that walk running out (too few
# rows read along the names) so that the server's planner reads every match.
WAYS = {"by ids": {}, "along the names": {"FEW_CUSTOMERS": 0, "window": 10_000},
        "window runs out": {"FEW_CUSTOMERS": 0, "window": 3}}


@pytest.mark.parametrize("way", WAYS)
def test_pages_of_a_search_not_yet_counted_are_the_same_whichever_way_they_are_read(
        tmp_path, server_db, monkeypatch, way):
    import random

    from kbm_tui.db import search_plan, views
    from kbm_tui.db.postgres import search as server_search
    from kbm_tui.db.sqlite import search as file_search

    settings = WAYS[way]
    if "FEW_CUSTOMERS" in settings:
        monkeypatch.setattr(search_plan, "FEW_CUSTOMERS", settings["FEW_CUSTOMERS"])
        for module in (server_search, file_search):
            monkeypatch.setattr(module, "names_window", lambda: settings["window"])
    searches = ["regular", "anna", "an", "regular an", "new", "cargo", "cargo be", "0171",
                "cem reg", "nobody"]
    found = {}
    for engine, target in (("sqlite", tmp_path / "shop.sqlite3"), ("postgresql", server_db)):
        rng = random.Random(5)
        with Store.open(target) as store:
            with store.transaction():
                for n in range(120):  # repeated names: the order among them is by id
                    customer = store.add_customer(
                        rng.choice(["Anna", "Ben", "Cem", "Dora"]) + f" {n % 7}",
                        phone=f"0171 555{n:03d}" if n % 4 == 0 else None,
                        notes="regular" if n % 3 else "new")
                    if n % 5 == 0:
                        store.log_conversation(customer.id, rng.choice(
                            ["cargo bike", "cargobike rack", "e-cargo", "bell"]))
            store.set_archived(store.list_customers("ben")[0].id)
            pages = {}
            for typed in searches:
                views._COUNTED.clear()
                whole = [c.name for c in store.list_customers(typed, limit=1000)]
                paged = []
                for offset in range(0, len(whole) + 10, 13):  # scrolling before the count
                    views._COUNTED.clear()
                    paged += [c.name for c in store.list_customers(typed, offset=offset,
                                                                     limit=13)]
                assert paged == whole, (engine, typed)
                assert store.count_customers(typed) == len(whole), (engine, typed)
                pages[typed] = whole
            found[engine] = pages
    assert found["postgresql"] == found["sqlite"]
    assert [typed for typed in searches if not found["sqlite"][typed]] == ["nobody"]


def test_a_word_said_is_looked_up_in_its_index_even_without_parallel_workers(server_db):
    """Priced at PostgreSQL's default, kbm_word_starts was run on every row of a sequential
    scan whenever no parallel plan was on offer (1.75 s for "cargo" at 100,000 customers).
    A database whose function an older kbm made is priced anew when opened."""
    from kbm_tui.db.postgres import search

    with Store.open(server_db) as store:
        fill(store)
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute("ALTER FUNCTION kbm_word_starts(text) COST 100")  # as kbm made it before
    with Store.open(server_db) as store:
        assert [c.name for c in store.list_customers("bike?")][:1] == ["Anna-Lena Groß"]
    with psycopg.connect(server_db, autocommit=True) as conn:
        assert conn.execute("SELECT procost FROM pg_proc WHERE proname='kbm_word_starts'"
                            ).fetchone()[0] == search.WORD_STARTS_COST
        conn.execute("ANALYZE customer_said")
        conn.execute("SET max_parallel_workers_per_gather = 0")
        plan = "\n".join(row[0] for row in conn.execute(
            "EXPLAIN SELECT customer_id FROM customer_said "
            "WHERE kbm_word_starts(words) @@ 'bike:*'::tsquery LIMIT 2500"))
    assert "ix_customer_said_starts" in plan and "Seq Scan" not in plan
