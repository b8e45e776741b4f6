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


def test_a_paid_service_is_bought_and_its_invoice_counts_once():
    """A repair for 89.50 is money the customer spent, as a purchase is; the invoice for it a
    week later is the same sale."""
    assert bought_cents([("service", 8950, DAY),
                         ("invoice", 8950, DAY + timedelta(days=7))]) == 8950


def test_a_return_is_taken_off_whichever_sign_it_was_typed_with():
    sold = [("purchase", 4990, DAY), ("purchase", 12000, DAY)]
    assert bought_cents([*sold, ("return", 4990, DAY + timedelta(days=2))]) == 12000
    assert bought_cents([*sold, ("return", -4990, DAY + timedelta(days=2))]) == 12000


def test_payments_and_offers_are_not_bought():
    assert bought_cents([("offer", 99000, DAY), ("payment", 4990, DAY)]) == 0
