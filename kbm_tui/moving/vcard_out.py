"""Customers as vCard 4.0 (RFC 6350), as phones, Google Contacts and Thunderbird import it:
name, numbers, emails, addresses, notes, organisation, birthday and tags; the further
numbers, emails and addresses of "more contacts" each as one more TEL, EMAIL or ADR.
Written by hand (escaping, folding at 75 octets): vobject writes vCard 3.0."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from typing import IO

from kbm_tui.core import cardfields, timefmt
from kbm_tui.core.records import Customer

_TYPES = {"mobile": "cell", "cell": "cell", "work": "work", "home": "home", "fax": "fax",
          "pager": "pager", "main": "voice", "other": "", "phone": "", "email": "",
          "address": "", "web": ""}
_STREET_TOWN = re.compile(r"^(?P<street>[^,\n]+?)[,\n]\s*(?P<code>\d{4,5})\s+(?P<city>[^,\n]+)"
                          r"(?:[,\n]\s*(?P<country>[^,\n]+))?$")
NAMESPACE = uuid.UUID("5f0c6f3e-8c1a-4a47-9d0e-6b1f2a3c4d5e")  # kbm-tui's, for card UIDs


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def fold(line: str) -> str:
    """A content line folded to at most 75 octets a line, never inside a character."""
    out: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not out else 74  # a continuation starts with a space
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return "\r\n ".join(out) + "\r\n"


def _type(label: str) -> str:
    words = [_TYPES.get(w) for w in label.lower().split()]
    known = [w for w in words if w]
    return f";TYPE={','.join(dict.fromkeys(known))}" if known else ""


def _adr(address: str, label: str = "") -> str:
    """An ADR line: street, postcode and town in their places where the address reads
    like "Street 1, 04109 Town"; otherwise the whole address as the street."""
    m = _STREET_TOWN.match(address.strip())
    if m:
        parts = ["", "", m["street"].strip(), m["city"].strip(), "", m["code"],
                 (m["country"] or "").strip()]
    else:
        parts = ["", "", address.strip(), "", "", "", ""]
    label_param = f';LABEL="{address.replace(chr(34), chr(39)).replace(chr(10), ", ")}"'
    return f"ADR{_type(label)}{label_param}:" + ";".join(escape(p) for p in parts)


def _n(customer: Customer) -> str:
    if customer.organization and customer.organization == customer.name:
        return "N:;;;;"
    words = customer.name.split()
    family = words[-1] if words else ""
    given = " ".join(words[:-1])
    return f"N:{escape(family)};{escape(given)};;;"


def card_uid(customer: Customer, token: str) -> str:
    if customer.source_key and customer.source_key.startswith("vcard:"):
        return customer.source_key[len("vcard:"):]
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, f"{token}/customer/{customer.id}"))


def lines(customer: Customer, token: str) -> Iterator[str]:
    yield "BEGIN:VCARD"
    yield "VERSION:4.0"
    yield f"UID:{card_uid(customer, token)}"
    if customer.organization and customer.organization == customer.name:
        yield "KIND:org"
    yield f"FN:{escape(customer.name)}"
    yield _n(customer)
    if customer.organization:
        yield f"ORG:{escape(customer.organization)}"
    if customer.phone:
        yield f"TEL;PREF=1:{escape(customer.phone)}"
    if customer.email:
        yield f"EMAIL;PREF=1:{escape(customer.email)}"
    if customer.address:
        yield _adr(customer.address)
    for line in (customer.more_contacts or "").splitlines():
        label, _sep, value = line.rpartition(": ")
        if not value:
            continue
        if label.lower() == "web" or value.startswith(("http://", "https://")):
            yield f"URL:{value}"
        elif cardfields.numbers_in(line):
            yield f"TEL{_type(label)}:{escape(value)}"
        elif "@" in value and " " not in value:
            yield f"EMAIL{_type(label)}:{escape(value)}"
        elif any(c.isdigit() for c in value) and ("," in value or len(value) > 15):
            yield _adr(value, label)
        else:
            yield f"NOTE:{escape(line)}"
    if customer.birthday:
        day = customer.birthday
        yield f"BDAY:{day[:4] + day[5:7] if day.startswith('--') else day.replace('-', '')}"
    if customer.tags:
        yield "CATEGORIES:" + ",".join(escape(t.strip()) for t in customer.tags.split(","))
    if customer.notes:
        yield f"NOTE:{escape(customer.notes)}"
    yield f"REV:{timefmt.to_db(customer.updated_at).replace('-', '').replace(':', '')}"
    yield "END:VCARD"


def write(customers: Iterable[Customer], out: IO[str], token: str) -> int:
    """Write the cards; how many."""
    count = 0
    for customer in customers:
        for line in lines(customer, token):
            out.write(fold(line))
        count += 1
    return count
