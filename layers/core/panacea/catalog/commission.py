"""A product's commission override: what distributors earn on it instead of the tenant's rate for a
level (the distribution context applies it to what the buyer paid for each order line, rounded
down). The rules, written once:

- levels 1 to 3, each at most once; a level the override does not name earns the tenant's rate, and
  a level the tenant does not pay earns nothing (an override adds no level);
- each level is either a rate in basis points of what the buyer paid for the line, or a fixed
  amount per unit in the tenant's currency (an order in another currency earns the level's rate);
  never negative; the rates of the override together at most 50 % (as the tenant's own rates are);
- a fixed amount is never more than the price: the fixed amounts of the override together are at
  most the price of each of the product's SKUs in their currency, checked when the override is set
  and when a SKU's price is added or changed (a 422 either way, naming the field); and on an order
  the distribution context caps what a line earns at what the buyer paid for it, discounts and
  wallet credit taken off, so commission never exceeds what was paid.

The override is copied onto each SKU's pricing copy, so orders carry it on their lines as it was
when the order was placed; a later change never rewrites an order already placed."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.inputs import Command, MoneyIn
from panacea.platform.money import BasisPoints, Money

MAX_LEVELS = 3
MAX_RATES_BPS = 5000  # the override's rates together: at most half of what the buyer paid


class LevelCommission(Command):
    """What one level earns on the product: `rate_bps` of what the buyer paid, or `fixed` per unit."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"level": 1, "rate_bps": 1200}, {"level": 2, "fixed": {"amount": 500, "currency": "GBP"}}]
        },
    )

    level: Annotated[int, Field(ge=1, le=MAX_LEVELS, description="1: the buyer's referrer")]
    rate_bps: BasisPoints | None = Field(default=None, description="of what the buyer paid for the line")
    fixed: MoneyIn | None = Field(
        default=None, description="per unit, in the tenant's currency; at most the price of every SKU"
    )

    @field_validator("fixed")
    @classmethod
    def _not_negative(cls, fixed: Money | None) -> Money | None:
        if fixed is not None and fixed.amount < 0:
            raise ValueError("a fixed commission is zero or more")
        return fixed

    @model_validator(mode="after")
    def _one_rule(self) -> LevelCommission:
        if (self.rate_bps is None) == (self.fixed is None):
            raise ValueError("give either rate_bps or fixed")
        return self


CommissionOverride = Annotated[
    list[LevelCommission],
    Field(
        max_length=MAX_LEVELS,
        description="per level, instead of the tenant's rate; levels not named earn the tenant's rate",
    ),
]


def check_levels(rules: list[LevelCommission] | None) -> list[LevelCommission] | None:
    """Each level at most once, the rates together at most MAX_RATES_BPS (a model validator)."""
    if rules is None:
        return None
    levels = [rule.level for rule in rules]
    if len(set(levels)) != len(levels):
        raise ValueError("each level at most once")
    if sum(rule.rate_bps or 0 for rule in rules) > MAX_RATES_BPS:
        raise ValueError(f"the rates together are at most {MAX_RATES_BPS} basis points")
    return sorted(rules, key=lambda rule: rule.level)


def stored(rules: list[LevelCommission] | list[dict[str, Any]]) -> dict[str, Any]:
    """The override as the product item keeps it: level → {"rate_bps": n} or {"fixed": money}."""
    parsed = [LevelCommission.model_validate(r) if isinstance(r, dict) else r for r in rules]
    return {
        str(rule.level): {k: v for k, v in rule.model_dump(mode="json", exclude={"level"}).items() if v is not None}
        for rule in parsed
    }


def of_stored(document: dict[str, Any] | None) -> list[LevelCommission]:
    """The override back from the product item (or a SKU's pricing copy of it), level 1 first."""
    return [
        LevelCommission.model_construct(
            level=int(level),
            rate_bps=None if "rate_bps" not in rule else int(rule["rate_bps"]),
            fixed=None if "fixed" not in rule else Money.model_validate(rule["fixed"]),
        )
        for level, rule in sorted((document or {}).items(), key=lambda kv: int(kv[0]))
    ]


def check_fixed_within_prices(
    rules: list[LevelCommission], skus: dict[str, Any], *, currency: str | None, field: str
) -> None:
    """422 naming `field` if a fixed amount is not in the tenant's currency, or the fixed amounts
    together are more than the price of a SKU (`skus`: the product's copy of them) in their currency."""
    errors: list[FieldError] = []
    fixed = [(i, rule.fixed) for i, rule in enumerate(rules) if rule.fixed is not None]
    for i, money in fixed:
        if currency and money.currency != currency:
            errors.append(FieldError(f"{field}[{i}].fixed.currency", "not_tenant_currency", f"use {currency}"))
    total = sum(money.amount for _, money in fixed)
    for sku in skus.values():
        price = (sku.get("prices") or {}).get(currency) if currency else None
        if fixed and price is not None and total > int(price):
            errors.append(
                FieldError(
                    field, "more_than_price", f"fixed commission of {total} is more than SKU {sku['code']}'s {price}"
                )
            )
            break
    if errors:
        raise Unprocessable("; ".join(e.message for e in errors), errors=errors)


def check_price_covers(document: dict[str, Any] | None, prices: list[Money], *, field: str) -> None:
    """422 naming `field` if a SKU's price is below the product's fixed commission in its currency."""
    totals: dict[str, int] = {}
    for rule in of_stored(document):
        if rule.fixed is not None:
            totals[rule.fixed.currency] = totals.get(rule.fixed.currency, 0) + rule.fixed.amount
    for i, price in enumerate(prices):
        if price.amount < totals.get(price.currency, 0):
            raise Unprocessable.on_field(
                f"{field}[{i}]",
                "below_commission",
                f"{price.amount} is below the product's fixed commission of {totals[price.currency]}",
            )
