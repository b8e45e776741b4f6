"""The product's words: channels, directions, kinds and statuses, with the names people type.

Stored values are short English words and stay so in either language (the database and
`--json` are read by scripts). People see labels, translated by `label()`; they may type the
label, the stored word or the German word, in any case, whatever the language in use.
"""

from __future__ import annotations

import unicodedata

from kbm_tui.core import folding
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _

# English labels, marked for the catalogue; `label()` and `labels()` translate them.
CHANNEL_LABELS = {
    "store": N_("in store"),
    "phone": N_("phone"),
    "email": N_("email"),
    "letter": N_("letter"),
    "social": N_("messenger/social"),
    "web": N_("web"),
    "visit": N_("visit"),
}
KIND_LABELS = {
    "inquiry": N_("inquiry"),
    "offer": N_("offer"),
    "purchase": N_("purchase"),
    "invoice": N_("invoice"),
    "payment": N_("payment"),
    "complaint": N_("complaint"),
    "return": N_("return"),
    "service": N_("service"),
    "feedback": N_("feedback/idea"),
    "advertising": N_("advertising"),
    "other": N_("other"),
}
DIRECTION_LABELS = {"in": N_("customer got in touch"), "out": N_("we reached out")}
IDEA_STATUS_LABELS = {"new": N_("new"), "considered": N_("considered"), "done": N_("done")}
PROMISE_STATUS_LABELS = {"open": N_("open"), "kept": N_("kept"), "broken": N_("broken"),
                         "cancelled": N_("cancelled")}
ROLE_LABELS = {"owner": N_("owner"), "staff": N_("staff")}
SORT_LABELS = {"name": N_("name"), "last_contact": N_("last_contact"), "newest": N_("newest")}
STAFF_ACTION_LABELS = {"add": N_("add"), "rename": N_("rename")}

CHANNELS = tuple(CHANNEL_LABELS)
KINDS = tuple(KIND_LABELS)
DIRECTIONS = tuple(DIRECTION_LABELS)
PROMISE_STATUSES = tuple(PROMISE_STATUS_LABELS)
IDEA_STATUSES = tuple(IDEA_STATUS_LABELS)
# What an import journal records (db/imports.py): the kind of file, and what a row did.
IMPORT_FORMATS = ("vcard", "google", "outlook", "csv", "xlsx")
IMPORT_ACTIONS = ("added", "filled")
STAFF_ROLES = tuple(ROLE_LABELS)
SORT_ORDERS = tuple(SORT_LABELS)

# What people type besides the stored word and the English label: synonyms and the German
# words (the German labels among them, written here so both languages are always understood;
# tests/unit/test_vocab.py checks every German label is). Keys are folded (see fold()).
_ALIASES = {
    "channel": {
        "in store": "store", "in-store": "store", "instore": "store", "shop": "store",
        "counter": "store", "laden": "store", "im laden": "store", "geschaft": "store",
        "theke": "store", "personlich": "store", "vor ort im laden": "store",
        "tel": "phone", "telefon": "phone", "telefonisch": "phone", "call": "phone",
        "anruf": "phone", "handy": "phone",
        "mail": "email", "e-mail": "email", "per mail": "email", "per e-mail": "email",
        "brief": "letter", "post": "letter", "schriftlich": "letter", "per post": "letter",
        "messenger": "social", "messenger/social": "social", "messenger/social media": "social",
        "social media": "social", "soziale medien": "social", "whatsapp": "social",
        "signal": "social", "threema": "social", "telegram": "social", "sms": "social",
        "chat": "social", "instagram": "social", "facebook": "social",
        "website": "web", "online": "web", "webshop": "web", "onlineshop": "web",
        "internet": "web", "homepage": "web", "kontaktformular": "web", "formular": "web",
        "besuch": "visit", "vor ort": "visit", "hausbesuch": "visit", "beim kunden": "visit",
    },
    "kind": {
        "anfrage": "inquiry", "question": "inquiry", "frage": "inquiry", "nachfrage": "inquiry",
        "angebot": "offer", "quote": "offer", "kostenvoranschlag": "offer", "kva": "offer",
        "kauf": "purchase", "sale": "purchase", "verkauf": "purchase", "order": "purchase",
        "bestellung": "purchase", "einkauf": "purchase", "auftrag": "purchase",
        "rechnung": "invoice", "zahlung": "payment", "bezahlung": "payment",
        "anzahlung": "payment",
        "beschwerde": "complaint", "reklamation": "complaint", "mangel": "complaint",
        "ruckgabe": "return", "umtausch": "return", "retoure": "return",
        "rucksendung": "return",
        "reparatur": "service", "repair": "service", "wartung": "service",
        "inspektion": "service", "kundendienst": "service",
        "idea": "feedback", "idee": "feedback", "anregung": "feedback", "lob": "feedback",
        "feedback/idea": "feedback", "idee/feedback": "feedback", "wish": "feedback",
        "wunsch": "feedback", "vorschlag": "feedback", "ruckmeldung": "feedback",
        "werbung": "advertising", "newsletter": "advertising", "mailing": "advertising",
        "aktion": "advertising", "rundschreiben": "advertising", "prospekt": "advertising",
        "promotion": "advertising", "ad": "advertising", "ads": "advertising",
        "marketing": "advertising", "reklame": "advertising",
        "sonstiges": "other", "anderes": "other", "sonst": "other",
    },
    "direction": {
        "incoming": "in", "inbound": "in", "rein": "in", "eingehend": "in",
        "kam zu uns": "in", "kunde hat sich gemeldet": "in", "hat sich gemeldet": "in",
        "got in touch": "in", "came to us": "in", "vom kunden": "in", "from them": "in",
        "von uns": "out", "from us": "out",
        "outgoing": "out", "outbound": "out", "raus": "out", "ausgehend": "out",
        "wir haben uns gemeldet": "out",
    },
    "idea_status": {
        "neu": "new", "offen": "new", "open": "new",
        "geprueft": "considered", "gepruft": "considered", "in prufung": "considered",
        "uberlegt": "considered", "bedacht": "considered", "angesehen": "considered",
        "erledigt": "done", "fertig": "done", "umgesetzt": "done",
    },
    "promise_status": {
        "offen": "open", "gehalten": "kept", "eingehalten": "kept", "erledigt": "kept",
        "gebrochen": "broken", "nicht gehalten": "broken",
        "abgesagt": "cancelled", "storniert": "cancelled", "zuruckgenommen": "cancelled",
        "canceled": "cancelled",
    },
    "role": {"inhaber": "owner", "inhaberin": "owner", "inhaber/in": "owner",
             "mitarbeiter": "staff", "mitarbeiterin": "staff", "mitarbeiter/in": "staff",
             "personal": "staff"},
    "sort": {"letzter kontakt": "last_contact", "letzter_kontakt": "last_contact",
             "last contact": "last_contact", "kontakt": "last_contact",
             "neueste": "newest", "neu": "newest"},
    "staff_action": {"neu": "add", "hinzufugen": "add", "dazu": "add",
                     "umbenennen": "rename", "new": "add"},
}
_LABELS = {"channel": CHANNEL_LABELS, "kind": KIND_LABELS, "direction": DIRECTION_LABELS,
           "idea_status": IDEA_STATUS_LABELS, "promise_status": PROMISE_STATUS_LABELS,
           "role": ROLE_LABELS, "sort": SORT_LABELS, "staff_action": STAFF_ACTION_LABELS}


def fold(text: str) -> str:
    """Lower-case, accents stripped, ø ł æ œ đ ð þ ı ß spelt as a keyboard without them
    types them (core/folding.py), spaces squeezed: how names are compared and searched.
    Lower case, not casefold(): what PostgreSQL's lower() does, and its kbm_fold too."""
    if text.isascii():  # most text, ten times faster
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text).lower()
    return " ".join(folding.strip_marks(folding.spell_letters(decomposed)).split())


def name_fold(text: str) -> str:
    """`fold`, and the German spellings without umlauts read as the umlaut: Mueller, Müller
    and Muller are one name (ae=ä=a, oe=ö=o, ue=ü=u, ß=ss). How names and cards are searched
    and compared; both sides go through it, so "Samuel" is still found by "samuel"."""
    return fold(text).replace("ae", "a").replace("oe", "o").replace("ue", "u")


def digits_of(text: str | None) -> str | None:
    """The digits of a phone number, how numbers are compared; None when there are none."""
    digits = "".join(c for c in text or "" if c.isdigit())
    return digits or None


def canonical(field: str, typed: str) -> str | None:
    """The stored word for what a person typed, or None when it isn't one."""
    key = fold(typed)
    if key in _LABELS[field]:
        return key
    english = {fold(v): k for k, v in _LABELS[field].items()}
    return english.get(key) or _ALIASES[field].get(key)


def word(field: str, typed: str) -> str:
    """The stored word for what a person typed; InputError lists what may be typed."""
    found = canonical(field, typed)
    if found is None:
        raise InputError(_refusal(field).format(typed=typed.strip(), choices=_(_TYPED[field])),
                         field=field)
    return found


def choices(field: str) -> str:
    """The stored words, for messages that name them (the database's own checks)."""
    return ", ".join(_LABELS[field])


def typed_choices(field: str) -> str:
    """What a person may type, in the language in use: "store, phone, …" / "Laden, …"."""
    return _(_TYPED[field])


def label(field: str, stored: str | None) -> str:
    """How a stored word is shown to people, in the language in use ("" for none)."""
    if not stored:
        return ""
    shown = _LABELS[field].get(stored)
    return _(shown) if shown is not None else stored


def labels(field: str) -> dict[str, str]:
    """Every stored word with its label in the language in use, in the usual order."""
    return {stored: _(shown) for stored, shown in _LABELS[field].items()}


# The words a person is told to type (each of them is understood: canonical() above).
_TYPED = {
    "channel": N_("store, phone, email, letter, social, web, visit"),
    "kind": N_("inquiry, offer, purchase, invoice, payment, complaint, return, service, "
               "feedback, advertising, other"),
    "direction": N_("in, out"),
    "idea_status": N_("new, considered, done"),
    "promise_status": N_("open, kept, broken, cancelled"),
    "role": N_("owner, staff"),
    "sort": N_("name, last_contact, newest"),
    "staff_action": N_("add, rename"),
}


def _refusal(field: str) -> str:
    """The message for a word that isn't one of `field`'s (whole sentences, one per field)."""
    if field == "channel":
        return _('"{typed}" is not a channel. Choose one of: {choices}.')
    if field == "kind":
        return _('"{typed}" is not a kind. Choose one of: {choices}.')
    if field == "direction":
        return _('"{typed}" is not a direction. Choose one of: {choices}.')
    if field == "idea_status":
        return _('"{typed}" is not an idea status. Choose one of: {choices}.')
    if field == "promise_status":
        return _('"{typed}" is not a promise status. Choose one of: {choices}.')
    if field == "role":
        return _('"{typed}" is not a role. Choose one of: {choices}.')
    if field == "staff_action":
        return _('"{typed}" is not something kbm staff does. Choose one of: {choices}.')
    return _('"{typed}" is not a sort order. Choose one of: {choices}.')
