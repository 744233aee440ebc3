"""Panacea's plans as data (plans.json, read once per process): what each costs a month in GBP and
CNY, its trial, the features it grants and its numeric limits, and for partner plans the revenue
share and the minimum monthly revenue.

A plan's `key` (`tenant.professional`) names it everywhere; each of its prices is a Stripe Price
whose lookup key is `<plan key>.monthly.<currency>` (`tenant.professional.monthly.gbp`), which is
how a subscription read back from Stripe names its plan again (`plan_for_lookup_key`).

Tenant and partner plans grant a tenancy tier (`tier_granted`): the tier that sets the API's rate
limits; their `messages_per_month` are tenancy's numbers for that tier. Member plans (what members
of a B2C tenant pay that tenant) grant no tier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Self

from pydantic import ConfigDict, Field, model_validator

from panacea import tenancy
from panacea.billing.vocabulary import Audience, Feature, Limit
from panacea.platform.caches import cached
from panacea.platform.models import BaseModel
from panacea.platform.money import BasisPoints, Money

DATA = Path(__file__).resolve().parent / "plans.json"
INTERVAL = "monthly"
CURRENCIES = ("GBP", "CNY")


class UnknownPlan(LookupError):
    """No plan has that key (or no price that lookup key)."""


class PartnerTerms(BaseModel):
    """What a partner level earns of its sub-tenants' revenue, and the revenue it must bring."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    revenue_share_bps: BasisPoints
    minimum_monthly_revenue: dict[str, int] = Field(description="currency → minor units")


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(pattern=r"^(member|tenant|partner)\.[a-z_]+$")
    audience: Audience
    name: str
    prices: dict[str, int] = Field(description="currency → monthly price in minor units")
    trial_days: int = Field(ge=0, le=730)
    tier: str | None = Field(description="the tenancy tier the plan grants (None: a member plan)")
    features: frozenset[Feature]
    limits: dict[Limit, int | None] = Field(description="None: unlimited")
    partner: PartnerTerms | None = None

    @model_validator(mode="after")
    def _whole(self) -> Self:
        if self.key.split(".")[0] != self.audience.value:
            raise ValueError(f"{self.key} is not a {self.audience} plan's key")
        if set(self.prices) != set(CURRENCIES) or any(amount < 0 for amount in self.prices.values()):
            raise ValueError(f"{self.key} must price every one of {CURRENCIES}, never below zero")
        if set(self.limits) != set(Limit):
            raise ValueError(f"{self.key} must state every limit (null for unlimited)")
        if (self.partner is not None) != (self.audience is Audience.PARTNER):
            raise ValueError(f"{self.key}: partner terms belong to partner plans, and only to them")
        if (self.tier is None) != (self.audience is Audience.MEMBER):
            raise ValueError(f"{self.key}: tenant and partner plans grant a tier, member plans none")
        return self

    def price(self, currency: str) -> Money:
        if currency not in self.prices:
            raise UnknownPlan(f"{self.key} has no price in {currency}")
        return Money(amount=self.prices[currency], currency=currency)

    def lookup_key(self, currency: str) -> str:
        """The Stripe Price lookup key of this plan's monthly price in `currency`."""
        if currency not in self.prices:
            raise UnknownPlan(f"{self.key} has no price in {currency}")
        return f"{self.key}.{INTERVAL}.{currency.lower()}"


class Catalogue(BaseModel):
    model_config = ConfigDict(frozen=True)

    plans: tuple[Plan, ...]


@cached
def all_plans() -> dict[str, Plan]:
    """Every plan by key, in the order plans.json lists them."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    catalogue = Catalogue.model_validate({"plans": raw["plans"]})
    by_key = {plan.key: plan for plan in catalogue.plans}
    if len(by_key) != len(catalogue.plans):
        raise ValueError("plans.json names a plan twice")
    return by_key


def plan(key: str) -> Plan:
    try:
        return all_plans()[key]
    except KeyError:
        raise UnknownPlan(f"no plan {key!r}") from None


def plans_for(audience: Audience) -> list[Plan]:
    return [p for p in all_plans().values() if p.audience is audience]


def plan_for_lookup_key(lookup_key: str) -> Plan:
    """The plan a Stripe Price's lookup key (`tenant.enterprise.monthly.cny`) belongs to."""
    key, _, rest = lookup_key.rpartition(f".{INTERVAL}.")
    found = all_plans().get(key)
    if found is None or rest.upper() not in found.prices:
        raise UnknownPlan(f"no plan's price has the lookup key {lookup_key!r}")
    return found


def tier_granted(plan_key: str) -> tenancy.Tier | None:
    """The tenancy tier a tenant on `plan_key` has (None for a member plan)."""
    granted = plan(plan_key).tier
    return None if granted is None else tenancy.Tier(granted)
