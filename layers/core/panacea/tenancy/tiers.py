"""What each subscription tier may do per second and per day on the API (the CDK app makes one
API Gateway usage plan per tier from these numbers, and the local gateway enforces the same), and
how many notifications a month it may send (engagement counts them as it accepts them; issue 13
replaces these with billing's entitlements)."""

from __future__ import annotations

from dataclasses import dataclass

from panacea.tenancy.vocabulary import Tier


@dataclass(frozen=True)
class RateLimit:
    per_second: int  # steady rate (token bucket refill)
    burst: int  # bucket size
    per_day: int  # quota


LIMITS: dict[Tier, RateLimit] = {
    Tier.TRIAL: RateLimit(per_second=5, burst=10, per_day=10_000),
    Tier.PROFESSIONAL: RateLimit(per_second=25, burst=50, per_day=250_000),
    Tier.ENTERPRISE: RateLimit(per_second=100, burst=200, per_day=2_000_000),
    Tier.FLAGSHIP: RateLimit(per_second=250, burst=500, per_day=10_000_000),
    Tier.WHITE_LABEL: RateLimit(per_second=500, burst=1_000, per_day=25_000_000),
}
MESSAGES_PER_MONTH: dict[Tier, int] = {
    Tier.TRIAL: 1_000,
    Tier.PROFESSIONAL: 25_000,
    Tier.ENTERPRISE: 250_000,
    Tier.FLAGSHIP: 1_000_000,
    Tier.WHITE_LABEL: 5_000_000,
}


def messages_per_month(tier: Tier) -> int:
    """The notifications a tenant of `tier` may send in a calendar month (UTC)."""
    return MESSAGES_PER_MONTH[tier]


PLATFORM = RateLimit(per_second=50, burst=100, per_day=1_000_000)  # platform admins' consoles
PLATFORM_PLAN = "platform"


def usage_key(stage: str, owner: str) -> str:
    """The API Gateway usage key a tenant's (or the platform's) requests are counted under.

    It only names a bucket: clients never send it (the authorizer returns it), so it need not
    be secret, and it is derived, so nothing has to be stored to find it again.
    """
    return f"panacea-{stage}-usage-{owner}"
