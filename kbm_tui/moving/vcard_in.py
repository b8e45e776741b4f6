"""vCard 3.0 and 4.0 (.vcf) as phones, Google, Apple and Thunderbird write them, read with
vobject: one or many cards, folded lines, Apple's `itemN.` labels, `TEL;VALUE=uri`,
`BDAY:--MMDD`, several TEL/EMAIL/ADR, CATEGORIES, NOTE, ORG; PHOTO and what a shop has no
use for are left out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kbm_tui.core import cardfields
from kbm_tui.core.cards import Card
from kbm_tui.core.i18n import _
from kbm_tui.moving.source import Loaded, refuse

# vCard TYPE words -> the label kept with a further number or address.
_LABELS = {"cell": "mobile", "mobile": "mobile", "iphone": "mobile", "work": "work",
           "home": "home", "fax": "fax", "pager": "pager", "main": "main", "other": "other",
           "voice": "", "pref": "", "internet": "", "x400": "", "text": "", "msg": ""}
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")


def _cards(text: str) -> list[tuple[int, int, str]]:
    """(card number, first line, text) of every BEGIN:VCARD … END:VCARD."""
    found: list[tuple[int, int, str]] = []
    start = None
    lines: list[str] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        word = line.strip().upper()
        if word.startswith("BEGIN:VCARD"):
            if start is not None:
                return found + [(len(found) + 1, start, "")]  # an END is missing
            start, lines = number, [line]
        elif start is not None:
            lines.append(line)
            if word.startswith("END:VCARD"):
                found.append((len(found) + 1, start, "\n".join(lines) + "\n"))
                start = None
        elif word:
            found.append((len(found) + 1, number, "!" + line))  # text outside any card
    if start is not None:
        found.append((len(found) + 1, start, ""))
    return found


_BINARY = re.compile(r"^(?:[\w-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]", re.I)


def _without_pictures(body: str) -> str:
    """PHOTO, LOGO, SOUND and KEY lines (and their folded continuations) left out: a shop
    has no use for them, and a damaged picture must not cost the card."""
    kept, skipping = [], False
    for line in body.split("\n"):
        if skipping and line[:1] in (" ", "\t"):
            continue
        skipping = bool(_BINARY.match(line))
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def read(path: Path, text: str) -> Loaded:
    import vobject

    cards = []
    for number, line, body in _cards(text):
        where = _("card {n} (line {line})").format(n=number, line=line)
        if not body:
            raise refuse(path, where, _("The card has no END:VCARD. The file may be cut off; "
                                        "export it again."))
        if body.startswith("!"):
            raise refuse(path, _("line {line}").format(line=line),
                         _("This line is outside any card (BEGIN:VCARD … END:VCARD)."))
        try:
            component = vobject.readOne(_without_pictures(body), ignoreUnreadable=False)
        except Exception as exc:  # vobject raises many kinds for a broken card
            raise _broken(path, number, line, body, exc) from None
        cards.append(_card(component, where))
    if not cards:
        raise refuse(path, None, _("The file holds no card."))
    return Loaded("vcard", cards)


def _broken(path: Path, number: int, line: int, body: str, exc: Exception) -> Exception:
    """The refusal of a card vobject can't read, naming the line it stumbled on."""
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    bad = message.split("Failed to parse line: ", 1)[-1].strip() if "Failed to parse line" \
        in message else ""
    for offset, text in enumerate(body.split("\n")):
        if bad and text.strip() == bad:
            return refuse(path, _("card {n} (line {line})").format(n=number, line=line + offset),
                          _('The line "{text}" can\'t be read. Correct or delete it.').format(
                              text=bad[:80]))
    return refuse(path, _("card {n} (line {line})").format(n=number, line=line),
                  _("The card can't be read ({error}).").format(error=message[:120]))


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value if _text(v))
    return str(value or "").strip()


def _label(child: Any, apple: dict[str, str]) -> str:
    if child.group and child.group in apple:
        return apple[child.group]
    words = []
    for value in child.params.get("TYPE", []):
        for word in str(value).lower().split(","):
            label = _LABELS.get(word.strip(), word.strip())
            if label and label not in words:
                words.append(label)
    return " ".join(words)


def _address(value: Any) -> str:
    street = _text(getattr(value, "street", ""))
    extended = _text(getattr(value, "extended", ""))
    town = " ".join(x for x in (_text(getattr(value, "code", "")),
                                _text(getattr(value, "city", ""))) if x)
    country = _text(getattr(value, "country", ""))
    if country.lower() in ("deutschland", "germany", "de"):
        country = ""  # the shop's own country, as an address book at home leaves it out
    parts = [street, extended, town, _text(getattr(value, "region", "")), country]
    if not any(parts) and isinstance(value, str):
        return value
    return ", ".join(p for p in parts if p)


def _card(component: Any, where: str) -> Card:
    apple = {}
    for child in component.getChildren():
        if child.name == "X-ABLABEL" and child.group:
            label = str(child.value)
            match = _APPLE_LABEL.fullmatch(label)
            apple[child.group] = _LABELS.get(match[1].lower(), match[1].lower()) if match \
                else label
    name = family = given = ""
    phones, emails, addresses, more, tags = [], [], [], [], []
    notes = organization = birthday = uid = ""
    for child in component.getChildren():
        key = child.name
        if key == "FN":
            name = _text(child.value)
        elif key == "N":
            family = _text(getattr(child.value, "family", ""))
            given = " ".join(x for x in (_text(getattr(child.value, "given", "")),
                                         _text(getattr(child.value, "additional", ""))) if x)
        elif key == "TEL":
            number = _text(child.value)
            if number.lower().startswith("tel:"):
                number = number[4:].split(";")[0]
            phones.append((_label(child, apple), number))
        elif key == "EMAIL":
            mail = _text(child.value)
            emails.append((_label(child, apple), mail[7:] if mail.startswith("mailto:") else mail))
        elif key == "ADR":
            addresses.append((_label(child, apple), _address(child.value)))
        elif key == "NOTE":
            notes = "\n".join(x for x in (notes, _text(child.value)) if x)
        elif key == "ORG":
            organization = _text(child.value)
        elif key == "BDAY":
            birthday = _text(child.value)
        elif key == "CATEGORIES":
            values = child.value if isinstance(child.value, list) else [child.value]
            tags += [_text(v) for v in values if _text(v)]
        elif key == "UID":
            uid = _text(child.value)
        elif key == "URL":
            more.append(f"web: {_text(child.value)}")
        elif key == "NICKNAME" and _text(child.value):
            more.append(cardfields.more_line(_("nickname"), _text(child.value)))
    if not name or (family and given and name == f"{family}, {given}"):
        name = " ".join(x for x in (given, family) if x)
    return Card(where, name=name, phones=tuple(phones), emails=tuple(emails),
                addresses=tuple(addresses), notes=notes, tags=tuple(tags),
                organization=organization, birthday=birthday,
                source_key=f"vcard:{uid}" if uid else "", more=tuple(more))
