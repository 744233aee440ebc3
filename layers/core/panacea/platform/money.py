"""Money is an integer amount of minor units plus an ISO 4217 currency; rates are basis points.

Rounding is written down here and only here: a share of an amount (commission, cashback,
a percentage discount) rounds DOWN to the minor unit, so the platform never pays out more
than it took. Amounts of different currencies never mix.
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, ConfigDict, Field

from panacea.platform.models import BaseModel

# ISO 4217 active codes and their minor-unit exponent (2 unless listed otherwise).
_EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND"
_EXPONENT_2 = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD "
    "CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD "
    "GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD "
    "MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP "
    "PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS "
    "TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWL"
)
MINOR_UNITS: dict[str, int] = {
    **dict.fromkeys(_EXPONENT_2.split(), 2),
    **dict.fromkeys(_EXPONENT_0.split(), 0),
    **dict.fromkeys(_EXPONENT_3.split(), 3),
}
BASIS_POINTS_IN_WHOLE = 10_000


def _known_currency(code: str) -> str:
    if code not in MINOR_UNITS:
        raise ValueError(f"{code} is not an ISO 4217 currency code")
    return code


Currency = Annotated[
    str,
    Field(min_length=3, max_length=3, pattern=r"^[A-Z]{3}$", examples=["GBP", "CNY"]),
    AfterValidator(_known_currency),
]
BasisPoints = Annotated[int, Field(ge=0, le=BASIS_POINTS_IN_WHOLE, description="1/100 of a percent")]


class CurrencyMismatch(ValueError):
    """Amounts of two currencies were combined."""


class Money(BaseModel):
    """An amount in minor units (pence, fen, cents) of one currency."""

    model_config = ConfigDict(frozen=True)

    amount: int = Field(description="minor units, e.g. 1999 is £19.99", examples=[1999])
    currency: Currency

    @classmethod
    def zero(cls, currency: str) -> Self:
        return cls(amount=0, currency=currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(amount=self.amount + other.amount, currency=self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(amount=self.amount - other.amount, currency=self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def share(self, rate: int) -> Money:
        """`rate` basis points of this amount, rounded down to the minor unit (the house rule)."""
        if not 0 <= rate <= BASIS_POINTS_IN_WHOLE:
            raise ValueError(f"a rate is 0..{BASIS_POINTS_IN_WHOLE} basis points, not {rate}")
        if self.amount < 0:
            raise ValueError("a share is taken of a non-negative amount")
        return Money(amount=self.amount * rate // BASIS_POINTS_IN_WHOLE, currency=self.currency)

    def __str__(self) -> str:
        exponent = MINOR_UNITS[self.currency]
        whole = abs(self.amount) / (10**exponent)
        sign = "-" if self.amount < 0 else ""
        return f"{sign}{whole:.{exponent}f} {self.currency}"
