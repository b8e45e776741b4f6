"""A rhythm is read back as it was said: "alle 4 Wochen" stays four weeks, not "alle 28 Tage"
(newcomer #33), in both languages; and a customer's "do not contact" reads as a sentence on
the card, not as a form printout ("Kein Kontakt JA", newcomer #30)."""

from __future__ import annotations

import pytest

from kbm_tui.core import i18n
from kbm_tui.core.text import every_text
from kbm_tui.ui import fmt


@pytest.fixture
def german():
    i18n.use("de")
    yield
    i18n.use("en")


@pytest.mark.parametrize(("days", "english", "german_text"), [
    (28, "every 4 weeks", "alle 4 Wochen"), (14, "every 2 weeks", "alle 2 Wochen"),
    (7, "every week", "jede Woche"), (1, "every day", "jeden Tag"),
    (10, "every 10 days", "alle 10 Tage"), (30, "every 30 days", "alle 30 Tage"),
])
def test_whole_weeks_are_said_as_weeks(days, english, german_text):
    assert every_text(days) == english == fmt.every_days(days)
    i18n.use("de")
    try:
        assert every_text(days) == german_text == fmt.every_days(days)
    finally:
        i18n.use("en")


def test_do_not_contact_reads_as_a_sentence_with_or_without_a_reason(store):
    eva = store.add_customer("Eva Klein")
    eva = store.set_wishes(eva.id, do_not_contact=True, dnc_reason="no more newsletters",
                           every_days=28)
    assert fmt.wishes(eva)[0] == ("Do not contact", "— no more newsletters")
    assert fmt.wishes_line(eva).startswith("do not contact — no more newsletters · channel: ")
    plain = store.set_wishes(eva.id, dnc_reason=None)
    assert fmt.wishes(plain)[0] == ("Do not contact", "— at their own request")


def test_do_not_contact_in_german(store, german):
    eva = store.add_customer("Eva Klein")
    eva = store.set_wishes(eva.id, do_not_contact=True, dnc_reason="keine Newsletter mehr",
                           every_days=14)
    assert fmt.wishes(eva)[0] == ("Kein Kontakt", "— keine Newsletter mehr")
    assert ("Wie oft", "alle 2 Wochen") in fmt.wishes(eva)
    assert fmt.wishes_line(eva).startswith("Kein Kontakt — keine Newsletter mehr · Kanal: ")


def test_kbm_prefer_reads_the_rhythm_back_as_it_was_typed(kbm):
    kbm.ok("add", "Eva Klein")
    german = {"KBM_LANG": "de"}
    assert "alle 4 Wochen" in kbm.ok("prefer", "eva", "--every", "alle 4 Wochen", env=german)
    assert "alle 2 Wochen" in kbm.ok("prefer", "eva", "--every", "zweiwöchentlich", env=german)
    assert "every 10 days" in kbm.ok("prefer", "eva", "--every", "10", env={"KBM_LANG": "en"})
