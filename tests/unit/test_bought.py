"""What "Bought" on the card counts (core.money.bought_cents)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kbm_tui.core.money import bought_cents

DAY = datetime(2026, 11, 2, 10, tzinfo=UTC)


def test_a_purchase_and_its_invoice_count_once_other_invoices_count():
    assert bought_cents([("purchase", 4990, DAY), ("invoice", 4990, DAY + timedelta(days=8)),
                         ("invoice", 218400, DAY)]) == 4990 + 218400


def test_an_invoice_long_after_or_of_another_amount_is_another_sale():
    assert bought_cents([("purchase", 4990, DAY),
                         ("invoice", 4990, DAY + timedelta(days=31))]) == 2 * 4990
    assert bought_cents([("purchase", 4990, DAY), ("invoice", 5990, DAY)]) == 4990 + 5990


def test_each_purchase_takes_one_invoice_at_most():
    two_locks = [("purchase", 4990, DAY), ("invoice", 4990, DAY), ("invoice", 4990, DAY)]
    assert bought_cents(two_locks) == 2 * 4990
    assert bought_cents([]) == 0
