"""A customer's timeline names each conversation as `kbm show` does: "phone, inquiry"."""

from __future__ import annotations

from kbm_tui.screens.customer import _type


def test_conversations_read_as_channel_and_kind_like_kbm_show(store, kbm):
    c = store.add_customer("Eva Klein")
    store.log_conversation(c.id, "asked about a child seat", channel="phone", kind="inquiry")
    store.log_conversation(c.id, "offer for the cargo bike", channel="email", direction="out",
                           kind="offer")
    store.log_conversation(c.id, "dropped by", kind="other")
    store.log_conversation(c.id, "wishes for a repair café", channel="social", kind="feedback")
    labels = [_type(e).plain for e in store.timeline(c.id)]  # newest first
    assert labels == ["messenger/social, feedback/idea", "in store, other", "email, offer",
                      "phone, inquiry"]
    shown = kbm.ok("show", "eva")
    for label in labels:
        assert label in shown, (label, shown)
