"""Whether a tenant may take one more of something its plan limits, decided from its effective
entitlements and the counter of what it has used; and which period a counter counts.

- 402 `plan-does-not-include`: the tenant's access is not FULL (no plan, read-only in dunning,
  suspended), or its plan does not include the limited thing (the limit is absent, or 0);
- 429 `limit-reached`: the plan includes it, but `used + requested` would pass the limit for the
  period (or, for a stock like members, in all).

Monthly limits (messages, API calls) roll by a period: the calendar month in UTC (`2026-12`), or
the subscription's current period (`P20261204T0930Z`, its start). Stock limits (members,
sub-tenants) never roll: their counter is the number that exist (`all`). A record whose period
does not hold `at` (it is stale: the renewal's rebuild has not landed) counts in the calendar month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Literal

from panacea.billing.models import EffectiveEntitlements
from panacea.billing.vocabulary import Access, Limit
from panacea.platform.errors import DomainError, FieldError, RateLimited

MONTHLY = frozenset({Limit.MESSAGES_PER_MONTH, Limit.API_CALLS_PER_MONTH})
ALL_TIME = "all"


class PeriodBasis(StrEnum):
    CALENDAR_MONTH = "calendar_month"  # UTC months, whatever the subscription's anchor
    SUBSCRIPTION_PERIOD = "subscription_period"  # the subscription's current billing period


class PlanDoesNotInclude(DomainError):
    status, slug, title = 402, "plan-does-not-include", "Your plan does not include this"


class LimitReached(RateLimited):
    slug, title = "limit-reached", "Limit reached for the period"


@dataclass(frozen=True)
class Refusal:
    """Why one more is refused: which limit, what the plan allows (None: unlimited, so never by
    count), what was used, and the status the API answers."""

    limit: Limit
    allowed: int | None
    used: int
    status: Literal[402, 429]
    reason: str

    def error(self) -> DomainError:
        """The problem+json error to raise (`errors[0].field` names the limit)."""
        cls = PlanDoesNotInclude if self.status == 402 else LimitReached
        return cls(self.reason, errors=[FieldError(f"limits.{self.limit.value}", cls.slug.replace("-", "_"))])


def refusal(entitlements: EffectiveEntitlements, limit: Limit, used: int, requested: int = 1) -> Refusal | None:
    """None when `requested` more fit; otherwise the refusal naming the limit."""
    if requested < 1 or used < 0:
        raise ValueError("one asks for at least one more, having used none or more")
    allowed = entitlements.limits.get(limit, 0)
    if entitlements.access is not Access.FULL:
        reason = f"billing access is {entitlements.access.value}: {limit.value} cannot grow"
        return Refusal(limit, allowed, used, 402, reason)
    if allowed == 0:
        return Refusal(limit, 0, used, 402, f"plan {entitlements.plan_key} does not include {limit.value}")
    if allowed is not None and used + requested > allowed:
        reason = f"{limit.value}: {used} of {allowed} used, {requested} more requested"
        return Refusal(limit, allowed, used, 429, reason)
    return None


def check(entitlements: EffectiveEntitlements, limit: Limit, used: int, requested: int = 1) -> None:
    """Raise the refusal's error when `requested` more do not fit."""
    refused = refusal(entitlements, limit, used, requested)
    if refused is not None:
        raise refused.error()


def period_key(
    entitlements: EffectiveEntitlements,
    limit: Limit,
    at: datetime,
    basis: PeriodBasis = PeriodBasis.CALENDAR_MONTH,
) -> str:
    """The key of the counter `limit` counts into at `at` (a sort key: later periods sort later)."""
    if at.tzinfo is None:
        raise ValueError("a period is read from aware time")
    if limit not in MONTHLY:
        return ALL_TIME
    at = at.astimezone(UTC)
    start, end = entitlements.period_start, entitlements.period_end
    if basis is PeriodBasis.SUBSCRIPTION_PERIOD and start is not None and end is not None and start <= at < end:
        return start.astimezone(UTC).strftime("P%Y%m%dT%H%MZ")
    return at.strftime("%Y-%m")
