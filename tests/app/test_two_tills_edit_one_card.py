"""Two tills edit one customer's card: the second save is not written over the first, the
form says what changed and keeps what was typed; saving again is the person's choice."""

from __future__ import annotations

import pytest

from kbm_tui.store import Store
from support import notes, running, settle, type_text, typed

pytestmark = pytest.mark.both_engines


async def test_a_save_over_another_tills_change_says_what_changed_and_then_may_go_over_it(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("c")
        await type_text(pilot, "emil")
        await typed(pilot)
        await settle(pilot)
        await pilot.press("enter")  # into the list
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#f-name").value == "Emil Weber"
        with Store.open(shop) as other:  # the other till, while this form is open
            emil = other.match_customer("Emil Weber")
            other.update_customer(emil.id, phone="0160 999 000")
        await pilot.press("tab", "tab", "tab", "tab")  # to tags
        await type_text(pilot, "gravel")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerForm"
        assert app.screen.query_one("#f-tags").value == "gravel"
        assert notes(app)[-1].startswith(
            "Someone else changed this card since you opened it: phone (0160 999 000).")
        with Store.open(shop) as other:
            assert other.match_customer("Emil Weber").tags is None  # nothing written yet
        await pilot.press("ctrl+s")  # again: this form's card goes over theirs, as it said
        await settle(pilot)
        assert app.screen.__class__.__name__ != "CustomerForm"
    with Store.open(shop) as s:
        emil = s.match_customer("Emil Weber")
        assert (emil.tags, emil.phone) == ("gravel", "0160 222 333")
