"""Never two cards for one person: finding them, making them one, and taking that back."""

from __future__ import annotations

import pytest

from kbm_tui.core.when import parse_when

pytestmark = pytest.mark.both_engines


def test_adding_someone_known_names_them_with_the_reason(store):
    jurgen = store.add_customer("Jürgen Müller", phone="+49 341 9876543",
                                address="Hauptstraße 5, 04109 Leipzig")
    store.add_customer("Heike Groß", email="Heike.Gross@web.de")
    by_phone = store.likely_same("J. Mueller", phone="0341 98765-43")
    assert [(m.customer.id, m.level, m.reasons) for m in by_phone] == \
        [(jurgen.id, "same", ("phone",))]
    assert store.likely_same("H. Gross", email="heike.gross@WEB.de")[0].reasons == ("email",)
    street = store.likely_same("Juergen Mueller", address="Hauptstr. 5\n04109 Leipzig")
    assert street[0].customer.id == jurgen.id and street[0].sure
    close = store.likely_same("Jürgen Müler", address="Hauptstr. 5, 04109 Leipzig")
    assert [(m.level, m.reasons) for m in close] == [("maybe", ("close+street",))]
    assert store.likely_same("Petra Meier", phone="0171 555") == []


def test_a_name_typed_without_the_letters_a_german_keyboard_lacks_is_the_same_name(store):
    soren = store.add_customer("Søren Łada", phone="+45 32 12 34 56",
                               address="Nørregade 5, 1165 København")
    same = store.likely_same("Soren Lada", phone="0045 32123456")
    assert [(m.customer.id, m.level, m.reasons) for m in same] == [(soren.id, "same", ("phone",))]
    street = store.likely_same("Soren Lada", address="Norregade 5, 1165 Kobenhavn")
    assert [(m.level, m.reasons) for m in street] == [("same", ("name+street",))]
    assert [m.customer.id for m in store.likely_same("soren lada", quick=True)] == [soren.id]


def test_the_quick_check_for_kbm_log_new_compares_the_name(store):
    anna = store.add_customer("Anna Schmidt", phone="0171 2345678")
    found = store.likely_same("anna schmidt", quick=True)
    assert [(m.customer.id, m.level) for m in found] == [(anna.id, "maybe")]
    assert store.likely_same("Anna Schmid", quick=True) == []


def test_duplicates_lists_likely_pairs_surest_first(store):
    a = store.add_customer("Jürgen Müller", phone="+49 341 9876543")
    b = store.add_customer("Juergen Mueller", phone="0341 9876543")
    c = store.add_customer("Karin Vogel", address="Gohliser Str. 3, 04155 Leipzig")
    d = store.add_customer("Karin Vogl", address="Wiederitzscher Str. 9, 04155 Leipzig")
    store.add_customer("Petra Meier")
    pairs = store.duplicate_pairs()
    assert [(p.first.id, p.second.id, p.level, p.reasons) for p in pairs] == [
        (a.id, b.id, "same", ("phone",)), (c.id, d.id, "maybe", ("close+town",))]


def test_merge_keeps_both_stories_and_every_detail_and_can_be_undone(store):
    keep = store.add_customer("Jürgen Müller", phone="+49 341 9876543", tags=["e-bike"],
                              notes="Fährt täglich")
    gone = store.add_customer("Juergen Mueller", phone="0171 2345678",
                              email="jm@example.de", tags=["werkstatt"], notes="Kommt samstags",
                              birthday="04.05.1970")
    store.log_conversation(keep.id, "Fragt nach Kindersitz")
    said = store.log_conversation(gone.id, "Bremsen quietschen", kind="complaint")
    promise = store.make_promise(gone.id, "Rückruf wegen Ersatzteil", parse_when("Freitag"))
    followup = store.plan_followup(gone.id, "Nach dem Rad fragen", parse_when("in 2 Wochen"),
                                   every_days=28)
    store.update_customer(gone.id, more_contacts="work: 0341 111222")
    merge = store.merge_customers(keep.id, gone.id)
    card = store.get_customer(keep.id)
    assert card.phone == "+49 341 9876543" and card.email == "jm@example.de"
    assert card.birthday == "1970-05-04"
    assert card.tags == "e-bike, werkstatt"
    assert "Fährt täglich" in card.notes and "Kommt samstags" in card.notes
    assert "Juergen Mueller" in card.notes
    assert "phone: 0171 2345678" in card.more_contacts and "work: 0341 111222" in card.more_contacts
    assert merge.moved == {"conversation": 1, "promise": 1, "followup": 1}
    assert store.get_promise(promise.id).customer_id == keep.id
    assert store.get_followup(followup.id).customer_id == keep.id
    assert store.get_conversation(said.id).customer_id == keep.id
    assert [c.name for c in store.list_customers("quietschen")] == ["Jürgen Müller"]
    assert [c.name for c in store.list_customers("0171 234")] == ["Jürgen Müller"]
    assert [m.id for m in store.merges_of(keep.id)] == [merge.id]
    assert store.count_customers("") == 1

    later = store.log_conversation(keep.id, "Nach der Zusammenführung")
    undone, back = store.undo_merge(kept_id=keep.id)
    assert undone.undone_at is not None and back.id == gone.id
    assert back.name == "Juergen Mueller" and back.email == "jm@example.de"
    assert store.get_conversation(said.id).customer_id == gone.id
    assert store.get_conversation(later.id).customer_id == keep.id  # new since: stays
    card = store.get_customer(keep.id)
    assert card.email is None and card.tags == "e-bike" and card.notes == "Fährt täglich"
    assert [c.name for c in store.list_customers("quietschen")] == ["Juergen Mueller"]
    assert store.merges_of(keep.id) == []


def test_merge_refuses_one_customer_twice_and_a_field_it_does_not_know(store):
    import pytest

    from kbm_tui.core.errors import InputError

    a = store.add_customer("Anna Schmidt")
    b = store.add_customer("Anna Schmitt")
    with pytest.raises(InputError, match="themselves"):
        store.merge_customers(a.id, a.id)
    with pytest.raises(InputError, match="shoe_size"):
        store.merge_customers(a.id, b.id, take=frozenset({"shoe_size"}))
    merged = store.merge_customers(a.id, b.id, take=frozenset({"name"}))
    assert store.get_customer(merged.kept_id).name == "Anna Schmitt"


def test_a_do_not_contact_wish_of_either_card_stays(store):
    a = store.add_customer("Anna Schmidt")
    b = store.add_customer("Anna Schmidt", email="anna@example.de")
    store.set_wishes(b.id, do_not_contact=True, dnc_reason="möchte keine Werbung")
    store.merge_customers(a.id, b.id)
    card = store.get_customer(a.id)
    assert card.do_not_contact and card.dnc_reason == "möchte keine Werbung"


def test_forgetting_a_customer_also_erases_the_merge_and_import_journals(store):
    from kbm_tui.core.cards import Card

    a = store.add_customer("Anna Schmidt", phone="0171 2345678")
    b = store.add_customer("Anna Schmidt", email="anna@example.de")
    store.merge_customers(a.id, b.id)
    store.import_cards([Card("line 2", name="Anna Schmidt", phones=(("", "0171 2345678"),),
                             addresses=(("", "Gartenweg 3, Berlin"),))], [],
                       file_name="liste.csv", file_format="csv")
    data = store.customer_data(a.id)
    assert len(data["customer_merge"]) == 1 and len(data["import_change"]) == 1
    store.forget_customer(a.id)
    for table in ("customer_merge", "import_change"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_one_number_in_two_notations_is_not_kept_twice_by_a_merge(store):
    keep = store.add_customer("Jürgen Müller", phone="+49 (0)171 2345678",
                              email="JUERGEN.MUELLER@example.de")
    gone = store.add_customer("Juergen Mueller", phone="0171 2345678",
                              email="juergen.mueller@example.de")
    store.merge_customers(keep.id, gone.id)
    card = store.get_customer(keep.id)
    assert card.phone == "+49 (0)171 2345678" and card.more_contacts is None
