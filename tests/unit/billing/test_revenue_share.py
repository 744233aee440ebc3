"""A partner's revenue share statement: to the penny, with the minimum monthly revenue rule."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panacea.billing.revenue_share import SubTenantInvoice, apportion, statement
from panacea.platform.money import CurrencyMismatch, Money

NOVEMBER = date(2026, 11, 1)


def invoice(number: int, tenant: str, paid: int, refunded: int = 0, currency: str = "GBP") -> SubTenantInvoice:
    return SubTenantInvoice(
        invoice_id=f"in_{number}", tenant_id=tenant, currency=currency, amount_paid=paid, amount_refunded=refunded
    )


def test_a_silver_partners_statement_adds_up_to_the_penny():
    # Given a silver partner (20%, minimum £2,000) whose three sub-tenants paid in November:
    #   clinic-a: £999.00 + £999.00, £100.00 refunded  -> 189,800
    #   clinic-b: £299.00                              ->  29,900
    #   clinic-c: £49.00 + £0.01                       ->   4,901
    #   total                                              224,601 (>= 200,000: the minimum is met)
    invoices = [
        invoice(1, "clinic-a", 99_900),
        invoice(2, "clinic-a", 99_900, refunded=10_000),
        invoice(3, "clinic-b", 29_900),
        invoice(4, "clinic-c", 4_900),
        invoice(5, "clinic-c", 1),
    ]
    # When the statement is made
    found = statement("partner.silver", NOVEMBER, "GBP", invoices)
    # Then the share is 20% of 224,601 = 44,920.2, rounded down: 44,920
    assert found.total_revenue == Money(amount=224_601, currency="GBP")
    assert (found.minimum_met, found.share_rate_bps, found.share.amount) == (True, 2_000, 44_920)
    # And it is spread by largest remainder: exact parts 37,960.0 / 5,980.0 / 980.2 -> floors 37,960 + 5,980 + 980
    #   = 44,920, nothing left over
    assert [(line.tenant_id, line.revenue.amount, line.share.amount) for line in found.lines] == [
        ("clinic-a", 189_800, 37_960),
        ("clinic-b", 29_900, 5_980),
        ("clinic-c", 4_901, 980),
    ]
    assert found.lines[0].invoices == ("in_1", "in_2")
    assert sum(line.share.amount for line in found.lines) == found.share.amount
    assert found.period == "2026-11"


def test_pennies_left_by_the_floors_go_to_the_largest_remainders():
    # Given a bronze partner (15%, minimum £500) with three sub-tenants of £333.34, £333.33, £333.33
    invoices = [invoice(1, "a", 33_334), invoice(2, "b", 33_333), invoice(3, "c", 33_333)]
    found = statement("partner.bronze", NOVEMBER, "GBP", invoices)
    # Then 15% of 100,000 = 15,000; exact parts 5,000.1 / 4,999.95 / 4,999.95 -> floors 5,000 + 4,999 + 4,999 = 14,998
    #   the 2 pence left go to the largest remainders, .95 and .95 (b, c)
    assert found.share.amount == 15_000
    assert [line.share.amount for line in found.lines] == [5_000, 5_000, 5_000]


def test_below_the_minimum_the_partner_earns_no_share():
    # Given a gold partner (25%, minimum £10,000) whose sub-tenants paid £9,999.99
    found = statement("partner.gold", NOVEMBER, "GBP", [invoice(1, "a", 500_000), invoice(2, "b", 499_999)])
    # Then the minimum is not met and the share is nothing, on every line
    assert (found.minimum_met, found.share.amount) == (False, 0)
    assert [line.share.amount for line in found.lines] == [0, 0]
    # And one penny more meets it: 25% of the whole £10,000, not of the part above
    met = statement("partner.gold", NOVEMBER, "GBP", [invoice(1, "a", 500_000), invoice(2, "b", 500_000)])
    assert (met.minimum_met, met.share.amount) == (True, 250_000)


def test_a_refund_of_an_earlier_month_takes_its_line_below_zero_and_earns_it_nothing():
    # Given a bronze partner: clinic-a paid £1,000; clinic-b had £50 refunded of an October invoice counted here
    found = statement("partner.bronze", NOVEMBER, "GBP", [invoice(1, "a", 100_000), invoice(2, "b", 0, refunded=5_000)])
    # Then total 95,000, share 15% = 14,250, all of it on clinic-a's line
    assert found.total_revenue.amount == 95_000
    assert [(line.revenue.amount, line.share.amount) for line in found.lines] == [(100_000, 14_250), (-5_000, 0)]


def test_a_statement_in_cny_uses_the_cny_minimum():
    # Given a platinum partner in China (30%, minimum ¥450,000) with ¥500,000 of revenue
    found = statement("partner.platinum", NOVEMBER, "CNY", [invoice(1, "a", 50_000_000, currency="CNY")])
    assert (found.minimum_monthly_revenue, found.share) == (
        Money(amount=45_000_000, currency="CNY"),
        Money(amount=15_000_000, currency="CNY"),
    )


def test_an_invoice_in_another_currency_or_listed_twice_is_refused():
    with pytest.raises(CurrencyMismatch):
        statement("partner.bronze", NOVEMBER, "GBP", [invoice(1, "a", 100, currency="CNY")])
    with pytest.raises(ValueError, match="twice"):
        statement("partner.bronze", NOVEMBER, "GBP", [invoice(1, "a", 100), invoice(1, "a", 100)])
    with pytest.raises(ValueError, match="not a partner plan"):
        statement("tenant.flagship", NOVEMBER, "GBP", [])


@given(st.integers(0, 10**9), st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 10**7), min_size=1))
def test_apportioned_parts_add_up_and_stay_within_a_penny_of_their_exact_share(total: int, weights: dict[str, int]):
    if sum(weights.values()) == 0:
        total = 0
    parts = apportion(total, weights)
    assert sum(parts.values()) == total
    whole = sum(weights.values()) or 1
    assert all(abs(parts[k] * whole - total * w) < whole for k, w in weights.items())


@given(
    st.lists(st.integers(0, 10**8), min_size=1, max_size=12), st.sampled_from(["bronze", "silver", "gold", "platinum"])
)
def test_the_lines_always_add_up_to_the_rounded_down_share(paid: list[int], level: str):
    found = statement(f"partner.{level}", NOVEMBER, "GBP", [invoice(i, f"t{i}", p) for i, p in enumerate(paid)])
    assert sum(line.share.amount for line in found.lines) == found.share.amount
    assert found.share.amount * 10_000 <= found.total_revenue.amount * found.share_rate_bps
