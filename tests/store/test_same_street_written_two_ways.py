"""A new card whose street is written out ("Hauptstraße 5") is compared with the customers
whose card has it cut short ("Hauptstr. 5"), and the other way round: close names in the
same street are asked about whichever way the street was written."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.both_engines


@pytest.mark.parametrize(("known", "new"), [("Hauptstr. 5", "Hauptstraße 5"),
                                            ("Hauptstraße 5", "Hauptstr. 5")])
def test_a_close_name_in_the_same_street_is_found_however_the_street_is_written(
        store, known, new):
    store.add_customer("Jürgen Müller", address=known)
    store.add_customer("Jürgen Möller", address="Gartenweg 2")
    found = store.likely_same("Jürgen Müler", address=new)
    assert [(m.customer.name, m.reasons) for m in found] == [
        ("Jürgen Müller", ("close+street",))]
