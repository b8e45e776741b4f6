"""What people type for channels, kinds, statuses and amounts, in German or English, whatever
the language kbm speaks; what they are shown is in the language in use, and what is stored
stays the same English word."""

from __future__ import annotations

import pytest

from kbm_tui.core import i18n, money, vocab
from kbm_tui.core.errors import InputError
from kbm_tui.core.settings import Settings
from kbm_tui.core.text import age, count_text, counts_text, due_text

FIELDS = ("channel", "kind", "direction", "idea_status", "promise_status", "role", "sort",
          "staff_action")


@pytest.fixture
def german():
    i18n.use("de")
    yield
    i18n.use("en")


TYPED = [  # (field, typed, stored)
    ("kind", "bestellung", "purchase"), ("kind", "Bestellung", "purchase"),
    ("kind", "Auftrag", "purchase"), ("kind", "Kauf", "purchase"),
    ("kind", "Kostenvoranschlag", "offer"), ("kind", "Anfrage", "inquiry"),
    ("kind", "Rückgabe", "return"), ("kind", "Umtausch", "return"),
    ("kind", "Reklamation", "complaint"), ("kind", "Beschwerde", "complaint"),
    ("kind", "Reparatur", "service"), ("kind", "Inspektion", "service"),
    ("kind", "Idee", "feedback"), ("kind", "Idee/Feedback", "feedback"),
    ("kind", "Lob", "feedback"), ("kind", "Sonstiges", "other"), ("kind", "Zahlung", "payment"),
    ("kind", "Rechnung", "invoice"), ("kind", "purchase", "purchase"),
    ("channel", "telefon", "phone"), ("channel", "Anruf", "phone"),
    ("channel", "im Laden", "store"), ("channel", "Laden", "store"),
    ("channel", "E-Mail", "email"), ("channel", "Brief", "letter"),
    ("channel", "WhatsApp", "social"), ("channel", "Messenger/Social Media", "social"),
    ("channel", "Besuch", "visit"), ("channel", "Kontaktformular", "web"),
    ("channel", "in store", "store"),
    ("idea_status", "erledigt", "done"), ("idea_status", "neu", "new"),
    ("idea_status", "geprüft", "considered"), ("idea_status", "geprueft", "considered"),
    ("idea_status", "considered", "considered"),
    ("promise_status", "gehalten", "kept"), ("promise_status", "gebrochen", "broken"),
    ("promise_status", "offen", "open"), ("promise_status", "abgesagt", "cancelled"),
    ("sort", "letzter_kontakt", "last_contact"), ("sort", "neueste", "newest"),
    ("staff_action", "neu", "add"), ("staff_action", "umbenennen", "rename"),
    ("direction", "eingehend", "in"), ("direction", "raus", "out"),
]


@pytest.mark.parametrize(("field", "typed", "stored"), TYPED)
@pytest.mark.parametrize("language", ["en", "de"])
def test_words_are_understood_in_either_language(field, typed, stored, language):
    i18n.use(language)
    try:
        assert vocab.word(field, typed) == stored
    finally:
        i18n.use("en")


@pytest.mark.parametrize("field", FIELDS)
def test_every_word_kbm_shows_or_suggests_is_understood(field):
    for language in ("en", "de"):
        i18n.use(language)
        try:
            shown = list(vocab.labels(field).items())
            suggested = [w.strip() for w in vocab.typed_choices(field).split(",")]
        finally:
            i18n.use("en")
        for stored, label in shown:
            assert vocab.canonical(field, label) == stored, (language, label)
        assert sorted(vocab.canonical(field, w) or w for w in suggested) == \
            sorted(vocab.labels(field)), (language, suggested)


def test_labels_follow_the_language_and_stored_words_do_not(german):
    assert vocab.label("channel", "store") == "im Laden"
    assert vocab.label("kind", "feedback") == "Idee/Feedback"
    assert vocab.label("idea_status", "considered") == "geprüft"
    assert vocab.CHANNELS[0] == "store" and vocab.KINDS[2] == "purchase"
    assert vocab.label("kind", None) == ""
    i18n.use("en")
    assert vocab.label("channel", "store") == "in store"


def test_a_word_that_is_not_one(german):
    with pytest.raises(InputError) as err:
        vocab.word("kind", "Klatsch")
    assert err.value.message == ('"Klatsch" ist keine Art. Möglich sind: Anfrage, Angebot, '
                                 "Kauf, Rechnung, Zahlung, Reklamation, Rückgabe, Service, "
                                 "Idee, Werbung, Sonstiges.")
    i18n.use("en")
    with pytest.raises(InputError) as err:
        vocab.word("channel", "pigeon")
    assert err.value.message == ('"pigeon" is not a channel. Choose one of: store, phone, '
                                 "email, letter, social, web, visit.")


AMOUNTS = [
    ("12.50", 1250), ("12,50", 1250), ("1.234,50", 123450), ("1,234.50", 123450), ("-5", -500),
    ("12 Euro", 1200), ("12 euro", 1200), ("12,50 €", 1250), ("12,50\u00a0€", 1250),
    ("12 EUR", 1200), ("€12", 1200), ("€ 1.234,50", 123450), ("EUR 12.50", 1250),
    ("12,-", 1200), ("12,–", 1200), ("1.234,-", 123400), ("-€5", -500), ("- 5 €", -500),
    ("\u22125", -500), ("89,90", 8990),
]


@pytest.mark.parametrize(("typed", "cents"), AMOUNTS)
@pytest.mark.parametrize("language", ["en", "de"])
def test_amounts(typed, cents, language):
    i18n.use(language)
    try:
        assert money.parse_amount(typed) == cents
    finally:
        i18n.use("en")


@pytest.fixture
def swiss():
    settings = Settings()
    settings.currency = "CHF"
    settings.save()
    money.currency.cache_clear()
    yield
    money.currency.cache_clear()


@pytest.mark.parametrize(("typed", "cents"), [("CHF 12.50", 1250), ("12.50 CHF", 1250),
                                              ("Fr. 12.50", 1250), ("12.-", 1200),
                                              ("SFr. 3", 300)])
def test_swiss_amounts(swiss, typed, cents):
    assert money.parse_amount(typed) == cents


def test_an_amount_in_another_currency_is_refused(swiss):
    with pytest.raises(InputError) as err:
        money.parse_amount("12 €")
    assert err.value.message == ('"12 €" is in EUR, but the shop keeps its amounts in CHF (the '
                                 "currency setting). Type the amount in CHF.")
    i18n.use("de")
    try:
        with pytest.raises(InputError) as err:
            money.parse_amount("12 Euro")
    finally:
        i18n.use("en")
    assert err.value.message == ('"12 Euro" ist in EUR, der Laden führt seine Beträge aber in '
                                 "CHF (Einstellung currency). Geben Sie den Betrag in CHF ein.")
    assert money.format_money(123450) == "CHF 1,234.50"


@pytest.mark.parametrize("typed", ["12.5.5", "zwölf", "1e5", "€", "-", "12 Dollar", "12,5,0"])
def test_what_is_not_an_amount(typed, german):
    with pytest.raises(InputError) as err:
        money.parse_amount(typed)
    assert err.value.message.startswith(f'"{typed}" ist kein Betrag. Schreiben Sie ihn')


def test_amounts_are_shown_with_the_currency():
    money.currency.cache_clear()
    assert money.format_money(8990) == "€89.90"
    i18n.use("de")
    try:
        assert money.format_money(8990) == "89,90\u00a0€"
    finally:
        i18n.use("en")


def test_counts_have_the_plural_the_number_asks_for(german):
    assert counts_text({"customer": 1, "conversation": 2, "promise": 1, "followup": 0}) == \
        "1 Kunde, 2 Gespräche, 1 Versprechen, 0 Wiedervorlagen"
    assert counts_text({"staff": 2, "followup": 1, "promise": 0}, skip_zero=True) == \
        "2 Mitarbeiter/innen, 1 Wiedervorlage"
    i18n.use("en")
    assert count_text("customer", 1) == "1 customer" and count_text("customer", 2) == \
        "2 customers"
    assert count_text("promise_change", 3) == "3 renegotiated dues"


def test_shared_lines_in_german(german):
    from datetime import date, datetime, timedelta

    from kbm_tui.core import clock

    assert age(clock.now()) == "seit heute"
    assert age(clock.now() - timedelta(days=1)) == "1 Tag"
    assert age(clock.now() - timedelta(days=12)) == "12 Tage"
    assert due_text(None, None) == "ohne Termin"
    assert due_text(date(2026, 11, 27), None) == "Fr., 27. Nov."
    assert due_text(date(2026, 11, 22), datetime(2026, 11, 22, 13, tzinfo=clock.local_tz())) \
        == "heute 13:00"
