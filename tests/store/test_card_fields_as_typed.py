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
