"""What billing reads and what it decides, as pydantic models: a subscription and an active
entitlement summary as re-read from Stripe, the tenant's local overrides, and the one effective
entitlements record they merge into (`panacea.billing.entitlements`).

Every datetime is aware UTC. Every input carries the Stripe time it answers for (`as_of`), and the
overrides the time they last changed, so the record's `version` orders rebuilds without a clock of
ours: a rebuild from older reads never overwrites one from newer reads."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, ConfigDict, Field

from panacea.billing.vocabulary import Access, Limit, SubscriptionStatus
from panacea.platform.models import BaseModel


class SubscriptionRead(BaseModel):
    """A tenant's subscription as Stripe answered a re-read (never a webhook's payload).

    `as_of` is when the read was made (by the platform's clock, to the microsecond: a read answers
    for the moment it is made, whichever event prompted it, and an event's `created` is only whole
    seconds, so two events of one second would not order their reads). `past_due_since` is when the unpaid
    invoice that made the subscription past_due first failed (stable across re-reads)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subscription_id: str
    plan_key: str
    status: SubscriptionStatus
    current_period_start: AwareDatetime
    current_period_end: AwareDatetime
    cancel_at_period_end: bool = False
    trial_end: AwareDatetime | None = None
    past_due_since: AwareDatetime | None = None
    as_of: AwareDatetime


class EntitlementSummaryRead(BaseModel):
    """The lookup keys of the customer's active entitlements (every page of them), as re-read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    features: frozenset[str]
    as_of: AwareDatetime


class Complimentary(BaseModel):
    """A plan given free until `until` (it wins over whatever the subscription says)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plan_key: str
    until: AwareDatetime


class ExtendedTrial(BaseModel):
    """Full access on `plan_key` (or the subscription's plan) until `until`, whatever Stripe says."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plan_key: str | None = None
    until: AwareDatetime


class FeatureOverride(BaseModel):
    """One feature granted (`enabled`) or withdrawn for this tenant, until `until` (None: for good)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    feature: str
    enabled: bool
    until: AwareDatetime | None = None


class LimitOverride(BaseModel):
    """One limit set for this tenant (`value` None: unlimited), until `until` (None: for good)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    limit: Limit
    value: int | None = Field(ge=0)
    until: AwareDatetime | None = None


class Overrides(BaseModel):
    """What Panacea's staff set for one tenant, beside Stripe; `changed_at` is when they last did."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    complimentary: Complimentary | None = None
    extended_trial: ExtendedTrial | None = None
    features: tuple[FeatureOverride, ...] = ()
    limits: tuple[LimitOverride, ...] = ()
    changed_at: AwareDatetime


class EffectiveEntitlements(BaseModel):
    """What one tenant may do, as of `evaluated_at`: the one record every limit check reads.

    `version` is the newest of its inputs' times in microseconds since the epoch; the record is
    written only over one of a lower version (or of the same version evaluated earlier).
    `review_by` is the first instant at which the same inputs would give another answer (a grace
    period or an override ends, a cancelled subscription's period ends): rebuild by then."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tenant_id: str
    access: Access
    plan_key: str | None
    status: SubscriptionStatus | None
    features: frozenset[str]
    limits: dict[Limit, int | None]
    period_start: AwareDatetime | None
    period_end: AwareDatetime | None
    trial_end: AwareDatetime | None = None
    complimentary: bool = False
    version: int
    evaluated_at: AwareDatetime
    review_by: AwareDatetime | None = None

    def allows(self, feature: str) -> bool:
        return self.access is Access.FULL and feature in self.features


def version_of(*times: datetime | None) -> int:
    """The version a record built from inputs of these times has: the newest, in microseconds."""
    known = [t for t in times if t is not None]
    if not known:
        return 0
    newest = max(known)
    return int(newest.timestamp()) * 1_000_000 + newest.microsecond
