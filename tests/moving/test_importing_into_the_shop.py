"""An import: a preview first, one batch, nothing twice, what the shop typed never
overwritten, and undone exactly, also days later."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbm_tui.core.errors import InputError
from kbm_tui.moving.read import load

pytestmark = pytest.mark.both_engines
DATA = Path(__file__).parent.parent / "data" / "import"


def run(store, name: str):
    loaded = load(DATA / name)
    return store.import_cards(loaded.cards, loaded.rejected, file_name=name,
                              file_format=loaded.format)


def test_the_preview_says_what_would_happen_and_changes_nothing(store):
    store.add_customer("Jürgen Müller", phone="0171 2345678", notes="Stammkunde")
    store.add_customer("Anna Schmid", address="Gohliser Str. 3, 04155 Leipzig")
    loaded = load(DATA / "iphone.vcf")
    plan = store.plan_import(loaded.cards)
    assert [p.card.where for p in plan.of("add")] == ["card 2 (line 23)", "card 3 (line 33)"]
    (known,) = plan.of("fill")
    assert known.customer_name == "Jürgen Müller" and known.reasons == ("phone",)
    assert set(known.fills) >= {"email", "address", "organization", "birthday", "tags"}
    assert "notes" not in known.fills  # the shop's own note stays
    (maybe,) = plan.maybe
    assert maybe.values["name"] == "Anna Schmidt" and maybe.maybe[0][1] == "Anna Schmid"
    assert store.count_customers("") == 2


def test_an_import_is_one_batch_and_importing_it_again_adds_nothing(store):
    plan, batch = run(store, "iphone.vcf")
    assert (batch.added, batch.filled) == (3, 0)
    assert store.count_customers("") == 3
    again, second = run(store, "iphone.vcf")
    assert second is None and len(again.of("known")) == 3  # no batch: nothing to undo
    for name in ("google_contacts.csv", "kunden_excel.csv", "outlook_de.csv"):
        run(store, name)
        before = store.count_customers("")
        run(store, name)
        assert store.count_customers("") == before, name


def test_a_card_known_from_another_source_only_gets_what_it_lacks(store):
    run(store, "iphone.vcf")
    plan, batch = run(store, "outlook_de.csv")
    (jurgen,) = plan.of("known")  # the same mobile number, written +49 (0)171 …
    assert jurgen.customer_name == "Jürgen Müller" and jurgen.reasons[0] == "phone"
    card = store.find_customers("Jürgen Müller")[0]
    assert card.notes.startswith("Fährt ein E-Bike")  # not replaced by "Kommt samstags"
    assert card.email == "juergen.mueller@example.de"
    assert batch.added == 1 and batch.filled == 0


def test_a_card_typed_by_hand_with_nothing_new_in_the_file_is_only_known(store, tmp_path):
    """The file knows her as the shop does: nothing to add, so nothing is said to be added
    (the file's own key for the row is bookkeeping, not something her card "gets")."""
    store.add_customer("Anna Schmidt", phone="0171 2345678", address="Hauptstr. 3")
    path = tmp_path / "kunden.csv"
    path.write_text("Name;Telefon;Adresse\nAnna Schmidt;+49 171 2345678;Hauptstr. 3\n",
                    encoding="utf-8")
    loaded = load(path)
    plan, batch = store.import_cards(loaded.cards, loaded.rejected, file_name=path.name,
                                     file_format=loaded.format)
    assert [p.customer_name for p in plan.of("known")] == ["Anna Schmidt"]
    assert plan.of("fill") == [] and batch is None  # nothing to undo either


def test_the_same_person_twice_in_one_file_becomes_one_card(store, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text("Name;Telefon;E-Mail\nJürgen Müller;0341 9876543;\n"
                    "Juergen Mueller;+49 341 98765-43;jm@example.de\nAnna Schmidt;0171 1;\n",
                    encoding="utf-8")
    loaded = load(path)
    plan, batch = store.import_cards(loaded.cards, [], file_name="liste.csv", file_format="csv")
    (twice,) = plan.of("in_file")
    assert twice.card.where == "line 3" and twice.joins == "line 2"
    assert batch.added == 2
    assert store.find_customers("Jürgen Müller")[0].email == "jm@example.de"


def test_rejected_rows_are_named_and_the_rest_comes_in(store):
    plan, batch = run(store, "hostile.csv")
    assert [(r.where, r.reason) for r in plan.rejected] == [
        ("line 4", "The name is 300 characters long; at most 200 fit. Shorten it."),
        ("line 6", "It has no name.")]
    assert batch.added == 3
    assert store.find_customers("max mustermann")[0].more_contacts == \
        "phone: +49 341 ext 5\nemail: kein-email"


def test_undo_takes_back_exactly_one_import_also_days_later(store):
    from datetime import timedelta

    from kbm_tui.core import clock

    own = store.add_customer("Jürgen Müller", phone="0171 2345678")
    _, first = run(store, "google_contacts.csv")
    _, second = run(store, "iphone.vcf")
    assert store.count_customers("") == 5
    clock.set_now(clock.now() + timedelta(days=5))
    undone = store.undo_import()
    assert undone.batch.id == second.id and undone.kept == []
    assert store.count_customers("") == 3
    card = store.get_customer(own.id)
    assert card.organization is None and card.email == "juergen.mueller@example.de"  # from the first
    undone = store.undo_import(first.id)
    assert store.count_customers("") == 1 and store.get_customer(own.id).email is None
    with pytest.raises(InputError, match="undone already"):
        store.undo_import(first.id)


def test_undo_keeps_customers_used_since_and_names_them(store):
    _, batch = run(store, "kunden_excel.csv")
    ute = store.find_customers("Ute")[0]
    store.log_conversation(ute.id, "Rechnung bezahlt")
    guenther = store.find_customers("Günther")[0]
    store.update_customer(guenther.id, notes="Neue Notiz")
    undone = store.undo_import(batch.id)
    assert undone.removed == 1
    assert sorted((name, why) for _id, name, why in undone.kept) == [
        ("Günther Köhler", "card changed since"), ("Ute Weißenborn", "has conversations")]
    assert store.count_customers("") == 2


def test_a_large_import_is_found_by_name_and_number_and_undone_whole(store, tmp_path):
    # Over 200 new cards take the bulk way into the search indexes (all at once on SQLite)
    rows = ["Name;Telefon"] + [f"Kundin Nummer{n:03d};0341 55{n:05d}" for n in range(250)]
    path = tmp_path / "viele.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    loaded = load(path)
    _, batch = store.import_cards(loaded.cards, loaded.rejected, file_name=path.name,
                                  file_format=loaded.format)
    assert store.count_customers("") == 250
    assert [c.name for c in store.list_customers("nummer123")] == ["Kundin Nummer123"]
    assert [c.name for c in store.list_customers("+49 341 5500 249")] == ["Kundin Nummer249"]
    assert [c.name for c in store.find_customers("Kundin Nummer007")] == ["Kundin Nummer007"]
    store.add_customer("Nach dem Import", phone="0341 9990000")
    assert [c.name for c in store.list_customers("0341 999")] == ["Nach dem Import"]
    assert store.undo_import(batch.id).removed == 250
    assert store.count_customers("") == 1 and store.list_customers("nummer") == []
