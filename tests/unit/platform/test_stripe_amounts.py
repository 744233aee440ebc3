"""Amounts go to Stripe in Stripe's units and come back in the platform's, by one mapping; what
Stripe cannot take exactly is refused (a 422), never rounded."""

from __future__ import annotations

import pytest

from panacea.platform.money import MINOR_UNITS, Money
from panacea.platform.stripe_amounts import (
    THREE_DECIMAL,
    WHOLE_UNITS_ONLY,
    ZERO_DECIMAL,
    AmountNotPayable,
    from_stripe,
    payable,
    to_stripe,
    units,
)


@pytest.mark.parametrize(
    ("amount", "currency", "at_stripe"),
    [
        (1999, "GBP", 1999),  # £19.99: pence, as Stripe counts them
        (500, "JPY", 500),  # ¥500: zero-decimal, as it is
        (50_000, "KRW", 50_000),
        (250_000, "VND", 250_000),
        (1500, "ISK", 150_000),  # 1,500 kr: two-decimal at Stripe, 100 = 1 króna
        (12_345, "HUF", 1_234_500),  # 12,345 Ft (CLDR: no fillér): two-decimal at Stripe
        (199_900, "TWD", 199_900),  # NT$1,999.00: whole dollars
        (5120, "KWD", 5120),  # 5.120 KWD: thousandths, ending in 0
        (10, "BHD", 10),
        (1500, "IDR", 150_000),  # Rp1,500 (CLDR: no sen): two-decimal at Stripe
    ],
)
def test_an_amount_goes_to_stripe_in_stripes_units_and_comes_back_as_it_was(amount, currency, at_stripe):
    # Given an amount in the platform's minor units
    money = Money(amount=amount, currency=currency)
    # When it is sent to Stripe, and Stripe's amount is read back (Stripe writes the currency in lower case)
    sent = to_stripe(money)
    back = from_stripe(sent, currency.lower())
    # Then Stripe gets its own units, and the platform gets back what it sent
    assert sent == at_stripe
    assert back == money


@pytest.mark.parametrize(
    ("amount", "currency", "step"),
    [
        (5125, "KWD", "0.010 KWD"),  # three-decimal amounts end in 0 at Stripe
        (1001, "BHD", "0.010 BHD"),
        (1005, "JOD", "0.010 JOD"),
        (1003, "OMR", "0.010 OMR"),
        (1009, "TND", "0.010 TND"),
        (199_950, "TWD", "1.00 TWD"),  # TWD in whole dollars
    ],
)
def test_an_amount_stripe_cannot_take_exactly_is_refused_not_rounded(amount, currency, step):
    # Given an amount that falls between two of Stripe's steps
    money = Money(amount=amount, currency=currency)
    # When it is to be sent to Stripe
    with pytest.raises(AmountNotPayable) as refused:
        to_stripe(money, field="amount.amount")
    # Then it is a 422 naming the field and the step Stripe takes, and nothing was rounded
    problem = refused.value.problem()
    assert (problem["status"], problem["type"]) == (422, "/errors/amount-not-payable")
    assert problem["errors"][0]["field"] == "amount.amount"
    assert problem["errors"][0]["code"] == "not_payable_in_currency"
    assert step in problem["detail"]
    assert not payable(money)


def test_stripes_special_cases_are_stripes():
    # Given Stripe's currencies page, When its units are read, Then they are as it says
    assert {c: (units(c).exponent, units(c).step) for c in ("JPY", "ISK", "HUF", "TWD", "KWD", "GBP")} == {
        "JPY": (0, 1),
        "ISK": (2, 100),
        "HUF": (2, 100),
        "TWD": (2, 100),
        "KWD": (3, 10),
        "GBP": (2, 1),
    }
    assert len(ZERO_DECIMAL) == 16
    assert len(THREE_DECIMAL) == 5


@pytest.mark.parametrize("currency", sorted(MINOR_UNITS))
def test_every_currency_in_use_makes_the_round_trip(currency):
    # Given one of the smallest amounts of the currency that Stripe takes
    unit = units(currency)
    digits = MINOR_UNITS[currency]
    smallest = max(1, unit.step * 10**digits // 10**unit.exponent)
    money = Money(amount=smallest * 7, currency=currency)
    # When it goes to Stripe and comes back, Then it is the same amount
    assert from_stripe(to_stripe(money), currency) == money


def test_every_zero_decimal_three_decimal_and_whole_unit_currency_is_known_to_cldr():
    # Given Stripe's special lists, Then CLDR knows each currency (else a tenant could never use it)
    assert (ZERO_DECIMAL | THREE_DECIMAL | WHOLE_UNITS_ONLY) - set(MINOR_UNITS) == set()


def test_an_amount_stripe_reports_finer_than_the_platforms_unit_is_rounded_down():
    # Given a refund made in Stripe's dashboard of 10.50 lek (CLDR counts the lek in whole units)
    # When the platform reads it
    money = from_stripe(1050, "all")
    # Then it records 10 lek: never more given back than Stripe gave
    assert money == Money(amount=10, currency="ALL")
