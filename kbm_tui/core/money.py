"""Money as integer cents: typed by people as 12.50, 12,50, 1.234,50 or 1,234.50 €."""

from __future__ import annotations

import re
from functools import lru_cache

from kbm_tui.core import l10n
from kbm_tui.core.errors import InputError

_MAX_CENTS = 10**11  # a billion in the shop's currency: larger is surely a typo
_SHAPE = re.compile(r"^(-)?(\d{1,3}(?:[.,' ]\d{3})*|\d+)(?:[.,](\d{1,2}))?$")


def parse_amount(text: str) -> int:
    """Cents for what a person typed; InputError says what is wrong."""
    raw = text.strip().replace("€", "").replace("EUR", "").replace("eur", "").strip()
    raw = raw.replace("\u2212", "-")
    match = _SHAPE.match(raw)
    if not match:
        raise InputError(
            f'"{text}" is not an amount. Write it like 12.50, 12,50 or 1.234,50.',
            field="amount",
        )
    sign, whole, fraction = match.groups()
    digits = re.sub(r"\D", "", whole)
    cents = int(digits) * 100 + int((fraction or "0").ljust(2, "0"))
    if cents >= _MAX_CENTS:
        raise InputError(f'"{text}" is too large for an amount.', field="amount")
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
