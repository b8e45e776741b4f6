"""The product's words: channels, directions, kinds and statuses, with the names people type.

Stored values are short English words; people may type the label, the stored word or the
German word, in any case.
"""

from __future__ import annotations

import unicodedata

CHANNEL_LABELS = {
    "store": "in store",
    "phone": "phone",
    "email": "email",
    "letter": "letter",
    "social": "messenger/social",
    "web": "web",
    "visit": "visit",
}
KIND_LABELS = {
    "inquiry": "inquiry",
    "offer": "offer",
    "purchase": "purchase",
    "invoice": "invoice",
    "payment": "payment",
    "complaint": "complaint",
    "return": "return",
    "service": "service",
    "feedback": "feedback/idea",
    "other": "other",
}
DIRECTION_LABELS = {"in": "customer came to us", "out": "we reached out"}

CHANNELS = tuple(CHANNEL_LABELS)
KINDS = tuple(KIND_LABELS)
DIRECTIONS = tuple(DIRECTION_LABELS)
PROMISE_STATUSES = ("open", "kept", "broken", "cancelled")
IDEA_STATUSES = ("new", "considered", "done")
STAFF_ROLES = ("owner", "staff")

_ALIASES = {
    "channel": {
        "in store": "store", "in-store": "store", "instore": "store", "shop": "store",
        "laden": "store", "geschaft": "store", "counter": "store", "theke": "store",
        "tel": "phone", "telefon": "phone", "call": "phone", "anruf": "phone",
        "mail": "email", "e-mail": "email",
        "brief": "letter", "post": "letter",
        "messenger": "social", "messenger/social": "social", "whatsapp": "social",
        "sms": "social", "chat": "social", "instagram": "social", "facebook": "social",
        "website": "web", "online": "web", "webshop": "web", "internet": "web",
        "besuch": "visit", "vor ort": "visit", "hausbesuch": "visit",
    },
    "kind": {
        "anfrage": "inquiry", "question": "inquiry", "frage": "inquiry",
        "angebot": "offer", "quote": "offer",
        "kauf": "purchase", "sale": "purchase", "verkauf": "purchase",
        "rechnung": "invoice", "zahlung": "payment",
        "beschwerde": "complaint", "reklamation": "complaint",
        "ruckgabe": "return", "umtausch": "return",
        "reparatur": "service", "repair": "service", "wartung": "service",
        "idea": "feedback", "idee": "feedback", "anregung": "feedback",
        "feedback/idea": "feedback", "wish": "feedback", "wunsch": "feedback",
        "sonstiges": "other",
    },
    "direction": {
        "incoming": "in", "inbound": "in", "rein": "in", "eingehend": "in",
        "outgoing": "out", "outbound": "out", "raus": "out", "ausgehend": "out",
    },
}
_CANON = {"channel": CHANNELS, "kind": KINDS, "direction": DIRECTIONS}


def fold(text: str) -> str:
    """Lower-case, accents stripped, spaces squeezed: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("ß", "ss").split())


def digits_of(text: str | None) -> str | None:
    """The digits of a phone number, how numbers are compared; None when there are none."""
    digits = "".join(c for c in text or "" if c.isdigit())
    return digits or None


def canonical(field: str, typed: str) -> str | None:
    """The stored word for what a person typed, or None when it isn't one."""
    key = fold(typed)
    if key in _CANON[field]:
        return key
    labels = {fold(v): k for k, v in _labels(field).items()}
    return labels.get(key) or _ALIASES[field].get(key)


def choices(field: str) -> str:
    return ", ".join(_CANON[field])


def _labels(field: str) -> dict[str, str]:
    return {"channel": CHANNEL_LABELS, "kind": KIND_LABELS, "direction": DIRECTION_LABELS}[field]
