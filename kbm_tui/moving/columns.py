"""Which column of a list is what, by its title and never by its position: Google Contacts
(the current and the older header), Outlook in English and German, and what people write
above their own lists (Name, Vorname, Telefon, Handy, E-Mail, PLZ, Ort, Kundennummer …).
`--map "Spalte=field"` says it for a column whose title says nothing known."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbm_tui.core import vocab
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import N_, _

# What a column can be; --map takes these words (or the German ones in MAP_WORDS).
FIELDS = ("name", "first_name", "middle_name", "last_name", "phone", "mobile", "email",
          "address", "street", "postcode", "city", "country", "notes", "tags", "organization",
          "birthday", "id", "web", "ignore")
# What each field is called where a person reads it (the preview, the app's choice).
FIELD_WORDS = {
    "name": N_("name"), "first_name": N_("first name"), "middle_name": N_("middle name"),
    "last_name": N_("last name"), "phone": N_("phone"), "mobile": N_("mobile"),
    "email": N_("email"), "address": N_("address"), "street": N_("street"),
    "street2": N_("street, 2nd line"), "house": N_("house number"),
    "postcode": N_("postcode"), "city": N_("town"), "region": N_("region"),
    "country": N_("country"), "notes": N_("notes"), "tags": N_("tags"),
    "organization": N_("organisation"), "birthday": N_("birthday"), "id": N_("customer number"),
    "web": N_("web page"), "label": N_("label of a number or address"),
    "ignore": N_("(leave out)"),
}
MAP_WORDS = {"vorname": "first_name", "nachname": "last_name", "telefon": "phone",
             "handy": "mobile", "mobil": "mobile", "e-mail": "email", "mail": "email",
             "adresse": "address", "anschrift": "address", "strasse": "street",
             "straße": "street", "plz": "postcode", "ort": "city", "stadt": "city",
             "land": "country", "notiz": "notes", "notizen": "notes", "note": "notes",
             "kategorien": "tags", "tag": "tags", "firma": "organization",
             "organisation": "organization", "geburtstag": "birthday", "kundennummer": "id",
             "nummer": "id", "ignorieren": "ignore", "web": "web", "phone number": "phone"}


@dataclass(frozen=True)
class Role:
    """What a column holds: `field`, its group (an address or number of one kind, or the
    n-th of Google's), and for label columns which field's label it is."""

    field: str
    group: str = ""
    label: str = ""


def normal(title: str) -> str:
    """ "E-mail 1 - Value" -> "e mail 1 value"; "Straße geschäftlich" -> "strasse geschaftlich"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", vocab.fold(title)).split())


_GROUPS = (("home", ("home", "privat", "private", "personal")),
           ("work", ("business", "geschaftlich", "work", "company", "dienstlich", "buro")),
           ("other", ("other", "weitere", "weiterer", "weiteres", "andere")))
_IGNORED = re.compile(
    r".*(phonetic|yomi|display name|angezeigter name|anzeigename|e ?mail (\d+ )?(typ|type)$|"
    r"e ?mail typ|file as|speichern unter|photo|foto|initials|initialen|gender|geschlecht|"
    r"sensitivity|vertraulichkeit|priority|prioritat|mileage|reisekilometer|billing|"
    r"abrechnung|directory server|verzeichnisserver|language|sprache|hobby|nickname|spitzname|"
    r"anrede|prefix|suffix|title|titel|position|abteilung|department|job|beruf|profession|"
    r"manager|assistant|assistent|spouse|partner|children|kinder|account|konto|"
    r"free busy|frei gebucht|user \d|benutzer \d|location|ort der|office|buro ort|"
    r"referred|empfohlen|anniversary|jahrestag|subject|betreff|occupation|maiden|"
    r"short name|kurzname|organizational id|organisations id|government|keywords|"
    r"stichworter$|internet free|po box|postfach|extended address).*")
_SIMPLE = (
    (r"(full )?name|(nach)?name vorname|kunde|kundin|kundenname|name kunde|kontakt"
     r"|kontaktname|ansprechpartner|name vollstandig|vollstandiger name", "name"),
    (r"first name|given name|vorname|vornamen", "first_name"),
    (r"middle name|additional name|weitere vornamen|zweiter vorname", "middle_name"),
    (r"last name|family name|surname|nachname|familienname|zuname", "last_name"),
    (r"organization( \d+)? name|organization|organisation|company|firma|firmenname"
     r"|unternehmen|betrieb", "organization"),
    (r"birthday|geburtstag|geburtsdatum|date of birth|geb(urts)? ?dat(um)?", "birthday"),
    (r"notes?|notiz(en)?|bemerkung(en)?|anmerkung(en)?|kommentare?|hinweise?|info", "notes"),
    (r"labels|group membership|categories|kategorien|kategorie|gruppen?|tags?|schlagworte"
     r"|stichworte|merkmale", "tags"),
    (r"id|kundennummer|kunden ?nr|kd ?nr|kundennr|customer (number|id|no)|nr|nummer"
     r"|kunden id", "id"),
    (r"web page|website( \d+)?( value)?|webseite|homepage|internetseite|url", "web"),
)
_PHONE_WORDS = {"phone", "telefon", "tel", "handy", "mobil", "mobiltelefon", "mobile", "fax",
                "telefax", "pager", "rufnummer", "telefonnummer", "festnetz", "cell", "autotelefon",
                "mobilnummer", "handynummer", "isdn", "callback", "radio", "telex", "tty"}
_MAIL = re.compile(r"e ?mail( \d+)?( value| address| adresse)?|e ?mail adresse( \d+)?"
                   r"|e ?mail \d+ adresse|mail")
_PARTS = (
    ("house", re.compile(r".*\b(hausnummer|hausnr|hnr|house number|house no)\b.*")),
    ("street", re.compile(r".*\b(street|strasse|str|strasse und hausnummer|anschrift strasse)"
                          r"( \d)?\b.*")),
    ("postcode", re.compile(r".*\b(postal code|postleitzahl|plz|zip|zip code|postcode)\b.*")),
    ("country", re.compile(r".*\b(country|land|staat)\b.*")),
    ("region", re.compile(r".*\b(region|state|bundesland|kanton|province)\b.*")),
    ("city", re.compile(r".*\b(city|ort|stadt|wohnort)\b.*")),
    ("address", re.compile(r".*\b(address|adresse|anschrift)\b.*")),
)


def _group(words: list[str]) -> str:
    for group, names in _GROUPS:
        if any(w in names for w in words):
            return group
    numbers = [w for w in words if w.isdigit()]
    return numbers[0] if numbers else ""


def role_of(title: str) -> Role | None:
    """What a column with this title holds; None for a title that says nothing known."""
    key = normal(title)
    if not key:
        return None
    words = key.split()
    google = re.fullmatch(r"(e mail|phone|address|website|organization|relation|event) (\d+)"
                          r" (label|type|value|formatted|street|city|po box|region|postal code"
                          r"|country|extended address|name|title|department)", key)
    if google:
        kind, n, part = google[1], google[2], google[3]
        if kind in ("e mail", "phone", "address") and part in ("label", "type"):
            return Role("label", n, {"e mail": "email", "phone": "phone"}.get(kind, kind))
        if kind == "e mail" and part == "value":
            return Role("email", n)
        if kind == "phone" and part == "value":
            return Role("phone", n)
        if kind == "address":
            part_field = {"formatted": "address", "street": "street", "city": "city",
                          "region": "region", "postal code": "postcode",
                          "country": "country"}.get(part)
            return Role(part_field, n) if part_field else None
        if kind == "website" and part == "value":
            return Role("web", n)
        if kind == "organization" and part == "name":
            return Role("organization")
        return None
    if _IGNORED.fullmatch(key):
        return None
    for title_pattern, simple in _SIMPLE:
        if re.fullmatch(title_pattern, key):
            return Role(simple)
    if _MAIL.fullmatch(key):
        return Role("email", _group(words))
    if set(words) & _PHONE_WORDS or any(w.startswith(("telefon", "mobil", "handy"))
                                        for w in words):
        return Role("phone", _group(words), _phone_label(words))
    for field, pattern in _PARTS:
        if pattern.fullmatch(key):
            line2 = field == "street" and words[-1] in ("2", "3")
            return Role("street2" if line2 else field,
                        _group([w for w in words if w not in ("2", "3")]))
    return None


def _phone_label(words: list[str]) -> str:
    text = " ".join(words)
    if any(w in text for w in ("mobil", "handy", "cell")):
        return "mobile"
    if "fax" in text:
        return "fax"
    group = _group(words)
    return group if not group.isdigit() else ""


def parse_map(pairs: list[str] | None) -> dict[str, str]:
    """`--map "Spalte=field"` (repeatable, or several joined by commas) -> title: field."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        for part in pair.split(","):
            if not part.strip():
                continue
            title, sep, field = part.rpartition("=")
            word = field.strip().lower()
            word = MAP_WORDS.get(word, word)
            if not sep or not title.strip() or word not in FIELDS:
                raise InputError(_('--map "{pair}": write it as "Column title=field", with a '
                                   'field of: {fields}.').format(pair=part.strip(),
                                                                 fields=", ".join(FIELDS)))
            mapping[normal(title)] = word
    return mapping


def roles(titles: list[str], mapping: dict[str, str]) -> list[Role | None]:
    """The role of every column; a --map entry wins over the title."""
    found: list[Role | None] = []
    for title in titles:
        mapped = mapping.get(normal(title))
        if mapped == "ignore":
            found.append(None)
        elif mapped == "mobile":
            found.append(Role("phone", "", "mobile"))
        elif mapped:
            found.append(Role(mapped))
        else:
            found.append(role_of(title))
    fields = {r.field for r in found if r}
    if "first_name" in fields and "last_name" not in fields:
        # "Name" beside "Vorname" is the family name, as German lists write it.
        found = [Role("last_name") if r and r.field == "name" else r for r in found]
    return found


def field_word(field: str) -> str:
    return _(FIELD_WORDS[field]) if field in FIELD_WORDS else field
