"""Which way a conversation went is said in words that fit every channel: an incoming phone
call read "(Telefon, Sonstiges, kam zu Inhaber/in)", and "kam zu" is a visit, not a call or
an email. Now the customer "hat sich bei Inhaber/in gemeldet" ("got in touch with Owner") on
every channel, as "Inhaber/in hat sich gemeldet" is said the other way."""

from __future__ import annotations

import pytest

from kbm_tui.core.vocab import CHANNEL_LABELS

CHANNELS = sorted(CHANNEL_LABELS)


@pytest.mark.parametrize("channel", CHANNELS)
def test_an_incoming_conversation_says_the_customer_got_in_touch_in_german(kbm, channel):
    said = kbm.ok("log", "Anna Schmidt", "fragt nach dem Kindersitz", "--new", "--via", channel,
               env={"KBM_LANG": "de"})
    assert "Sonstiges, hat sich bei Inhaber/in gemeldet)" in said, said
    assert "kam zu" not in said


@pytest.mark.parametrize("channel", CHANNELS)
def test_an_incoming_conversation_says_the_customer_got_in_touch_in_english(kbm, channel):
    said = kbm.ok("log", "Anna Schmidt", "asked about the child seat", "--new", "--via", channel)
    assert "other, got in touch with Owner)" in said, said
    assert "came to us" not in said


def test_the_other_way_we_reached_out_and_the_help_says_it_alike(kbm):
    said = kbm.ok("log", "Anna Schmidt", "Angebot geschickt", "--new", "--out", "--via", "email",
               env={"KBM_LANG": "de"})
    assert "Inhaber/in hat sich gemeldet)" in said, said
    helped = kbm.ok("log", "--help", env={"KBM_LANG": "de"})
    assert "der Kunde hat sich gemeldet (Standard)" in " ".join(helped.split())
