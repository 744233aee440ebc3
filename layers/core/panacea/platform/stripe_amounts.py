"""Amounts as Stripe counts them, and back: the one mapping between the platform's minor units
(CLDR's digits, `panacea.platform.money`) and the units of Stripe's API (its currencies page,
https://docs.stripe.com/currencies, "Minor units in API amounts" and "Special cases").

Stripe counts a currency in hundredths unless it says otherwise, whatever ISO or CLDR say:

    zero-decimal   BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF
                   as they are: ¥500 is 500
    three-decimal  BHD JOD KWD OMR TND
                   thousandths with the last digit 0: 5.120 KWD is 5120; 5.125 KWD cannot be sent
    ISK            two-decimal at Stripe (100 is 1 króna) in whole krónur only: multiples of 100
    HUF, TWD       two-decimal at Stripe, paid out in whole units only; the platform charges and
                   refunds them in whole units too (multiples of 100), so what it takes can be paid
                   out as it is
    the rest       two-decimal: £19.99 is 1999, 1,500 IDR (CLDR: no decimals) is 150000

The rule, written once: the platform never rounds money to fit Stripe. An amount the platform
would send (a payment, a refund) that Stripe cannot take exactly is refused before anything is
asked of Stripe or written: `AmountNotPayable`, a 422 `amount-not-payable` naming the field and
the step Stripe takes (a tenant whose prices or discounts land between steps sees it at checkout;
it prices in steps Stripe takes).

Amounts Stripe reports (an intent, a refund, a webhook's charge or dispute) convert back exactly
for everything the platform sent. One made outside the platform (a refund in Stripe's dashboard,
a dispute) can fall between two of the platform's minor units only where Stripe counts finer than
CLDR (ALL, IQD, COP …): it is rounded DOWN to the minor unit, and logged, so the platform never
records more given back to a member than Stripe gave (what is left to refund is never understated).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from panacea.platform.errors import Unprocessable
from panacea.platform.money import MINOR_UNITS, Money
from panacea.platform.observability import logger

ZERO_DECIMAL = frozenset({
    "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
})  # fmt: skip
THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})
WHOLE_UNITS_ONLY = frozenset({"ISK", "HUF", "TWD"})  # two-decimal at Stripe, in multiples of 100


class AmountNotPayable(Unprocessable):
    """An amount Stripe cannot take exactly in its units (the platform does not round money)."""

    slug, title = "amount-not-payable", "Amount not payable in this currency"


@dataclass(frozen=True)
class StripeUnits:
    """How Stripe counts a currency: `exponent` digits after the point, in multiples of `step`."""

    currency: str  # upper case, as Money holds it (Stripe's requests take it in lower case)
    exponent: int
    step: int

    @property
    def shift(self) -> int:
        """Stripe's digits less the platform's: Stripe's amount is the platform's times 10**shift."""
        return self.exponent - MINOR_UNITS[self.currency]

    @property
    def smallest(self) -> str:
        """The step in major units, as the platform writes the currency: '0.010 KWD', '1 ISK'."""
        step = Decimal(self.step).scaleb(-self.exponent)
        digits = max(MINOR_UNITS[self.currency], -int(step.normalize().as_tuple().exponent))
        return f"{step:.{digits}f} {self.currency}"


def units(currency: str) -> StripeUnits:
    """Stripe's units for a currency (upper or lower case)."""
    code = currency.upper()
    if code in ZERO_DECIMAL:
        return StripeUnits(code, 0, 1)
    if code in THREE_DECIMAL:
        return StripeUnits(code, 3, 10)
    return StripeUnits(code, 2, 100 if code in WHOLE_UNITS_ONLY else 1)


def to_stripe(money: Money, *, field: str = "amount") -> int:
    """`money` as Stripe's `amount`; `AmountNotPayable` on `field` when Stripe cannot take it exactly."""
    unit = units(money.currency)
    scale: int = 10 ** abs(unit.shift)
    amount, left = (money.amount * scale, 0) if unit.shift >= 0 else divmod(money.amount, scale)
    if left or amount % unit.step:
        raise AmountNotPayable.on_field(
            field,
            "not_payable_in_currency",
            f"Stripe takes {unit.currency} in steps of {unit.smallest}; {money} is not one (money is not rounded)",
        )
    return amount


def payable(money: Money) -> bool:
    """Whether Stripe can take `money` exactly."""
    try:
        to_stripe(money)
    except AmountNotPayable:
        return False
    return True


def from_stripe(amount: int, currency: str) -> Money:
    """An amount Stripe reports, in the platform's minor units (rounded down when it falls between
    two of them, which only an amount made outside the platform can: see the module's rule)."""
    unit = units(currency)
    scale: int = 10 ** abs(unit.shift)
    if unit.shift <= 0:
        return Money(amount=amount * scale, currency=unit.currency)
    whole, left = divmod(amount, scale)
    if left:
        logger.warning(
            "a Stripe amount finer than the currency's minor unit was rounded down",
            extra={"stripe_amount": amount, "currency": unit.currency, "recorded": whole},
        )
    return Money(amount=whole, currency=unit.currency)
