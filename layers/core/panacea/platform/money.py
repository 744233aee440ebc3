"""Money is an integer amount of minor units plus an ISO 4217 currency; rates are basis points.

Which currencies exist and how many digits each is counted in come from CLDR, through Babel (a
maintained source that follows ISO 4217 and the territories' own practice; updated with Babel):
a currency is known if CLDR lists it as legal tender somewhere, then or now (so a record written in
ZWL or BGN still reads; what a request may name is narrower: one in use that day,
`panacea.platform.inputs.CurrentCurrency`), and its minor unit is CLDR's digits for it: 2 for GBP's
pence, 0 for JPY, 3 for KWD's fils, and 0 where a currency's nominal fraction is not used
(ISK, HUF, IDR, COP, IQD …). Babel loads with the first amount checked or printed, never at
import (cold starts stay lean).

Rounding is written down here and only here:

- a share of an amount (commission, cashback, a percentage discount) rounds DOWN to the minor
  unit, so the platform never pays out more than it took;
- money is never rounded to suit a payment provider: an amount Stripe cannot take exactly (a
  KWD total ending in 5 fils, TWD with cents) is refused, 422 `amount-not-payable`, before
  anything is asked of Stripe or written (`panacea.platform.stripe_amounts` holds Stripe's units
  and says how an amount Stripe reports converts back).

Amounts of different currencies never mix.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Annotated, Self

from pydantic import AfterValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from panacea.platform import cldr
from panacea.platform.models import BaseModel

BASIS_POINTS_IN_WHOLE = 10_000


def _known() -> dict[str, int]:
    return cldr.currency_digits()


class _MinorUnits(Mapping[str, int]):
    """Currency code → the digits of its minor unit, read from CLDR on first use."""

    def __getitem__(self, code: str) -> int:
        return _known()[code]

    def __contains__(self, code: object) -> bool:
        return code in _known()

    def __iter__(self) -> Iterator[str]:
        return iter(_known())

    def __len__(self) -> int:
        return len(_known())

    def __repr__(self) -> str:
        return "<MINOR_UNITS: ISO 4217 currencies, then and now, and their digits, from CLDR (Babel)>"


MINOR_UNITS: Mapping[str, int] = _MinorUnits()


def _known_currency(code: str) -> str:
    if code not in MINOR_UNITS:
        raise PydanticCustomError("currency", "{code} is not an ISO 4217 currency", {"code": code})
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

    @property
    def major(self) -> Decimal:
        """The amount in major units, exactly: 1999 GBP → Decimal('19.99'), 500 JPY → Decimal('500')."""
        return Decimal(self.amount).scaleb(-MINOR_UNITS[self.currency])

    def localized(self, locale: str = "en") -> str:
        """The amount as readers of `locale` write it, by CLDR's pattern and symbol: '£19.99' (en_GB),
        '￥500' (ja_JP), '19,99\xa0€' (fr_FR)."""
        from babel.numbers import format_currency  # noqa: PLC0415 - on first use

        return str(format_currency(self.major, self.currency, locale=locale))

    def __str__(self) -> str:
        """Locale-free, for messages and logs: '19.99 GBP', '500 JPY', '-1.250 KWD'."""
        return f"{self.major:.{MINOR_UNITS[self.currency]}f} {self.currency}"
