"""Money as integer cents: typed by people as 12.50, 12,50, 1.234,50, 12 Euro, 12,- or
CHF 12.50; shown with the shop's currency ("€1,234.50" / "1.234,50 €")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from kbm_tui.core import l10n
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import _

_MAX_CENTS = 10**11  # a billion in the shop's currency: larger is surely a typo
_SHAPE = re.compile(r"^(-)?(\d{1,3}(?:[.,' ]\d{3})*|\d+)(?:[.,](\d{1,2}|[-\u2013]))?$")
# A currency written before or after the number, and which one it is.
_CURRENCY = re.compile(r"^\s*(€|eur|euro|euros|chf|sfr\.?|fr\.)\s*|\s*(€|eur|euro|euros|chf|"
                       r"sfr\.?|fr\.)\s*$", re.IGNORECASE)
_CURRENCY_OF = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "chf": "CHF",
                "sfr": "CHF", "sfr.": "CHF", "fr.": "CHF"}


def parse_amount(text: str) -> int:
    """Cents for what a person typed; InputError says what is wrong."""
    raw = text.strip().replace("\u2212", "-").replace("\u00a0", " ")
    sign = "-" if raw.startswith("-") else ""  # "-€5", "- 5 €"
    raw, written = raw[len(sign):].strip(), None
    while match := _CURRENCY.search(raw):
        written = _CURRENCY_OF[(match.group(1) or match.group(2)).lower()]
        raw = (raw[:match.start()] + " " + raw[match.end():]).strip()
    raw = sign + raw
    match = _SHAPE.match(raw)
    if not match:
        raise InputError(_('"{typed}" is not an amount. Write it like 12.50, 12,50 or '
                           '1.234,50.').format(typed=text), field="amount")
    if written is not None and written != currency():
        raise InputError(_('"{typed}" is in {written}, but the shop keeps its amounts in '
                           '{currency} (the currency setting). Type the amount in {currency}.')
                         .format(typed=text, written=written, currency=currency()),
                         field="amount")
    sign, whole, fraction = match.groups()
    if fraction is not None and not fraction.isdigit():  # "12,-": whole units
        fraction = None
    digits = re.sub(r"\D", "", whole)
    cents = int(digits) * 100 + int((fraction or "0").ljust(2, "0"))
    if cents >= _MAX_CENTS:
        raise InputError(_('"{typed}" is too large for an amount.').format(typed=text),
                         field="amount")
    return -cents if sign else cents


def format_cents(cents: int | None) -> str:
    """The amount as a number: "1,234.50" / "1.234,50"; "" for none."""
    return "" if cents is None else l10n.amount(cents)


def format_money(cents: int | None) -> str:
    """The amount with the shop's currency: "€1,234.50" / "1.234,50 €"; "" for none."""
    return "" if cents is None else l10n.money(cents, currency())


@lru_cache(maxsize=1)
def currency() -> str:
    """The shop's currency (the `currency` setting: EUR or CHF)."""
    from kbm_tui.core.settings import Settings

    chosen = Settings.load().currency.upper()
    return chosen if chosen in l10n.CURRENCIES else "EUR"


# An invoice within this many days of a sale of the same amount bills that sale.
SAME_SALE_DAYS = 30
# What a customer buys when it happens: goods over the counter, and a paid service (a repair,
# an inspection); an invoice may bill either later.
SALE_KINDS = ("purchase", "service")
# Every kind of conversation whose amount "Bought" looks at (the SQL selects these).
BOUGHT_KINDS = (*SALE_KINDS, "invoice", "return")


def bought_cents(sales: Iterable[tuple[str, int, datetime]]) -> int:
    """What a customer bought, from their conversations with an amount as (kind, cents, when):
    every purchase and paid service; every invoice except one that bills a sale already
    counted (the same amount within SAME_SALE_DAYS of it; each sale takes at most one
    invoice), so a sale logged when it happened and again when it was invoiced counts once;
    less what they returned (a return's amount, whichever sign it was typed with). Payments
    and offers are not counted: a payment settles an invoice, an offer was not bought."""
    listed = list(sales)
    # The sales not yet billed, by amount (in the order given): an invoice looks only at
    # sales of its own amount, so a customer with thousands of sales costs no more than one.
    unbilled: dict[int, list[datetime]] = {}
    total = 0
    for kind, cents, when in listed:
        if kind in SALE_KINDS:
            unbilled.setdefault(cents, []).append(when)
            total += cents
    for kind, cents, when in listed:
        if kind == "return":
            total -= abs(cents)
            continue
        if kind != "invoice":
            continue
        same = unbilled.get(cents, [])
        billed = next((n for n, sold in enumerate(same)
                       if abs((sold - when).total_seconds()) <= SAME_SALE_DAYS * 86400), None)
        if billed is None:
            total += cents
        else:
            del same[billed]
    return total
