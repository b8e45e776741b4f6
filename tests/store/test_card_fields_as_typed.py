"""Birthday, organisation and more contacts as a person types them (the customer form,
`kbm add/edit`): read as the card stores them, refused with the reason when they can't be."""

from __future__ import annotations

import pytest

from kbm_tui.core.errors import InputError

pytestmark = pytest.mark.both_engines


def test_a_birthday_typed_as_people_write_it_finds_the_card_with_that_birthday(store):
    anna = store.add_customer("Anna Schmidt", birthday="14.03.1985")
    store.add_customer("Anna Schmidt", birthday="2.7.1990")  # another Anna
    for typed in ("14.3.1985", "14.03.", "1985-03-14"):
        found = store.likely_same("Anna Schmidt", birthday=typed)
        assert [(m.customer.id, m.reasons) for m in found] == \
            [(anna.id, ("name+birthday",))], typed


def test_a_malformed_email_or_number_among_more_contacts_is_refused_and_nothing_saved(store):
    anna = store.add_customer("Anna Schmidt", more_contacts="work: anna@firma.de")
    for typed, says in (
            ("work: anna@firma.de\nprivate: anna@", 'line 2: "anna@" is not an email address'),
            ("Handy: 0171 234567x", 'line 1: "0171 234567x" is not a phone number'),
            ("Telefon privat: zu Hause", 'line 1: "zu Hause" is not a phone number')):
        with pytest.raises(InputError, match=says) as refused:
            store.update_customer(anna.id, more_contacts=typed)
        assert refused.value.field == "more_contacts"
        with pytest.raises(InputError, match=says):
            store.add_customer("Berta Bold", more_contacts=typed)
    assert store.get_customer(anna.id).more_contacts == "work: anna@firma.de"
    assert [c.name for c in store.find_customers("Berta")] == []


def test_more_contacts_a_card_had_already_stand_as_they_are(store):
    from kbm_tui.core.cards import Card

    # An import keeps what it could not read as a number or an email among more contacts.
    store.import_cards([Card("card 1", name="Anna Schmidt", phones=(("mobile", "0171 CALL ME"),),
                             emails=(("", "anna at gmx"),))], [],
                       file_name="adressen.vcf", file_format="vcard")
    (anna,) = store.find_customers("Anna Schmidt")
    kept = anna.more_contacts
    assert kept is not None and "mobile: 0171 CALL ME" in kept and "anna at gmx" in kept
    store.update_customer(anna.id, name="Anna Schmidt-Berg")
    changed = store.update_customer(anna.id, more_contacts=kept + "\nwork: anna@firma.de")
    assert changed.more_contacts == kept + "\nwork: anna@firma.de"
    with pytest.raises(InputError, match='line 3: "anna at" is not a phone number'):
        store.update_customer(anna.id, more_contacts=kept + "\nfax: anna at")


def test_further_numbers_and_emails_are_found_and_compared_like_the_main_ones(store):
    anna = store.add_customer("Anna Schmidt", phone="0341 111 22 33",
                              more_contacts="mobile: 0171 234 56 78\nwork: a.schmidt@firma.de")
    assert store.get_customer(anna.id).more_contacts == \
        "mobile: 0171 234 56 78\nwork: a.schmidt@firma.de"
    for typed in ("+49 171 2345678", "0171/2345678", "a.schmidt@firma.de"):
        assert [c.id for c in store.find_customers(typed)] == [anna.id], typed
    by_number = store.likely_same("A. Schmidt", phone="0049 171 23456 78")
    assert [(m.customer.id, m.reasons) for m in by_number] == [(anna.id, ("phone",))]
    by_more = store.likely_same("Anna Schmidt", more_contacts="Handy: +49 341 1112233")
    assert [(m.customer.id, m.reasons) for m in by_more] == [(anna.id, ("phone",))]
