"""The SaaS figures read from subscriptions: MRR, ARR, the MRR's movement between two dates, and
trial conversion.

- A subscription's MRR is its price x quantity, less its recurring discount, per month: its
  interval x interval_count in months is 12 for a year, 3 for a quarter (month x 3), 12/52 for a
  week, 12/365 for a day. Each subscription's monthly amount is rounded half up to the minor unit
  once; totals add those rounded amounts, so they add up.
- It counts while the subscription is `active` or `past_due` (still owed, not yet lost), a
  cancellation at the period's end included until it ends; `trialing` counts nothing (not paid
  yet), nor anything else.
- Figures are per currency (never mixed), and per plan.
- Movement between two dates compares each tenant's MRR (per currency) at both: new (nothing at
  the start, never paid before), reactivation (nothing at the start, paid at some time before it),
  expansion and contraction (more or less, both non-zero), churned (something at the start,
  nothing at the end). end - start = new + reactivation + expansion - contraction - churned.
- Trial conversion: of the trials that ended in [since, until), the share whose subscription was
  then paying (active or past_due).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from enum import StrEnum
from fractions import Fraction

from pydantic import AwareDatetime, ConfigDict, Field

from panacea.billing.vocabulary import SubscriptionStatus
from panacea.platform.models import BaseModel
from panacea.platform.money import Currency

PAYING = frozenset({SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE})


class Interval(StrEnum):
    """Stripe's `recurring.interval`."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


MONTHS_PER = {
    Interval.DAY: Fraction(12, 365),
    Interval.WEEK: Fraction(12, 52),
    Interval.MONTH: Fraction(1),
    Interval.YEAR: Fraction(12),
}


class SubscriptionSnapshot(BaseModel):
    """One subscription item as it stood at a date: its price, how often it bills, how many."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subscription_id: str
    tenant_id: str
    plan_key: str
    status: SubscriptionStatus
    currency: Currency
    unit_amount: int = Field(ge=0, description="minor units per interval")
    quantity: int = Field(default=1, ge=0)
    interval: Interval = Interval.MONTH
    interval_count: int = Field(default=1, ge=1)
    discount_amount: int = Field(default=0, ge=0, description="recurring discount per interval, minor units")
    trial_end: AwareDatetime | None = None


class Figure(BaseModel):
    model_config = ConfigDict(frozen=True)

    currency: Currency
    mrr: int
    arr: int
    by_plan: dict[str, int]
    paying_tenants: int


class Movement(BaseModel):
    model_config = ConfigDict(frozen=True)

    currency: Currency
    start_mrr: int
    end_mrr: int
    new: int
    expansion: int
    contraction: int
    churned: int
    reactivation: int


class TrialConversion(BaseModel):
    model_config = ConfigDict(frozen=True)

    ended: int
    converted: int
    rate_bps: int | None = Field(description="converted / ended in basis points, rounded down (None: none ended)")


def _half_up(value: Fraction) -> int:
    return int((value + Fraction(1, 2)) // 1)


def monthly(snapshot: SubscriptionSnapshot) -> int:
    """The subscription's MRR in minor units (0 unless it is paying)."""
    if snapshot.status not in PAYING:
        return 0
    per_interval = max(snapshot.unit_amount * snapshot.quantity - snapshot.discount_amount, 0)
    months = MONTHS_PER[snapshot.interval] * snapshot.interval_count
    return _half_up(Fraction(per_interval) / months)


def mrr(snapshots: Iterable[SubscriptionSnapshot]) -> dict[str, Figure]:
    """MRR and ARR by currency, each by plan, from the subscriptions as they stood at one date."""
    by_plan: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    tenants: dict[str, set[str]] = defaultdict(set)
    for s in snapshots:
        amount = monthly(s)
        if amount or s.status in PAYING:
            by_plan[s.currency][s.plan_key] += amount
            tenants[s.currency].add(s.tenant_id)
    return {
        currency: Figure(
            currency=currency,
            mrr=sum(plans.values()),
            arr=sum(plans.values()) * 12,
            by_plan=dict(sorted(plans.items())),
            paying_tenants=len(tenants[currency]),
        )
        for currency, plans in sorted(by_plan.items())
    }


def _by_tenant(snapshots: Iterable[SubscriptionSnapshot]) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = defaultdict(int)
    for s in snapshots:
        found[(s.currency, s.tenant_id)] += monthly(s)
    return found


def movement(
    start: Sequence[SubscriptionSnapshot],
    end: Sequence[SubscriptionSnapshot],
    *,
    paid_before: Collection[str] = (),
) -> dict[str, Movement]:
    """How MRR moved, by currency, from the subscriptions at `start` to those at `end`.
    `paid_before`: the tenants that had MRR at some time before `start` (their return is reactivation)."""
    before, after = _by_tenant(start), _by_tenant(end)
    moves: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for currency, tenant in sorted(set(before) | set(after)):
        was, now = before.get((currency, tenant), 0), after.get((currency, tenant), 0)
        row = moves[currency]
        row["start_mrr"] += was
        row["end_mrr"] += now
        if was == 0 and now > 0:
            row["reactivation" if tenant in paid_before else "new"] += now
        elif was > 0 and now == 0:
            row["churned"] += was
        elif now > was:
            row["expansion"] += now - was
        elif now < was:
            row["contraction"] += was - now
    names = ("start_mrr", "end_mrr", "new", "expansion", "contraction", "churned", "reactivation")
    return {c: Movement(currency=c, **{n: row.get(n, 0) for n in names}) for c, row in sorted(moves.items())}


def trial_conversion(snapshots: Iterable[SubscriptionSnapshot], since: datetime, until: datetime) -> TrialConversion:
    """Of the trials that ended in [since, until), how many were paying (as the snapshots, taken at
    `until` or later, stand)."""
    ended = [s for s in snapshots if s.trial_end is not None and since <= s.trial_end < until]
    converted = sum(1 for s in ended if s.status in PAYING)
    rate = converted * 10_000 // len(ended) if ended else None
    return TrialConversion(ended=len(ended), converted=converted, rate_bps=rate)
