"""One tenant's effective entitlements, rebuilt from what was last read.

Stripe's webhooks arrive late, twice, out of order or not at all, so no payload is trusted: each
event is answered by re-reading the subscription and the active entitlement summary from Stripe,
and the record is rebuilt from those reads, the tenant's local overrides and `now`:

    inputs = merged(stored_inputs, EntitlementInputs(tenant_id=..., subscription=read, summary=read))
    record = rebuild(inputs, now)       # pure: the same inputs and now give the same record

`merged` keeps, part by part, the newer read (by its Stripe time `as_of`; overrides by their
`changed_at`), so folding the reads of any history in any order, with any duplicates, gives the
same inputs; `newer` picks between two records the same way (version, then the later evaluation),
so a rebuild from older reads never overwrites a newer one.

How the parts merge:

- the plan and access come from the subscription and its dunning (`panacea.billing.dunning`);
- an extended trial gives FULL access on its plan (or the subscription's) until it ends, and a
  complimentary plan wins over both until it ends;
- features are the effective plan's, plus Stripe's active entitlements while the subscription
  itself gives access (Stripe is the truth of what was bought), then the feature overrides in force
  (grants first, then withdrawals: a withdrawal wins);
- limits are the effective plan's, then the limit overrides in force (where two set the same limit,
  the more generous wins: unlimited over any number);
- with no plan (NONE) there are no features and no limits: every limited write is refused; a
  plan key plans.json does not know gives none either (the data layer maps a Stripe price to its
  plan with `plan_for_lookup_key`, which refuses an unknown one before it gets here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeVar

from pydantic import ConfigDict

from panacea.billing import dunning
from panacea.billing.models import (
    EffectiveEntitlements,
    EntitlementSummaryRead,
    FeatureOverride,
    LimitOverride,
    Overrides,
    SubscriptionRead,
    version_of,
)
from panacea.billing.plans import all_plans, plan
from panacea.billing.vocabulary import Access, Limit
from panacea.platform.models import BaseModel

T = TypeVar("T", bound=BaseModel)


class EntitlementInputs(BaseModel):
    """Everything a tenant's record is rebuilt from: the newest reads and the overrides."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tenant_id: str
    subscription: SubscriptionRead | None = None
    summary: EntitlementSummaryRead | None = None
    overrides: Overrides | None = None

    @property
    def version(self) -> int:
        return version_of(
            self.subscription.as_of if self.subscription else None,
            self.summary.as_of if self.summary else None,
            self.overrides.changed_at if self.overrides else None,
        )


def _newest(a: T | None, b: T | None, when: Callable[[T], datetime]) -> T | None:
    if a is None or b is None:
        return a or b
    # same time, different content (two reads in one instant): the canonical JSON decides, so either order agrees
    return max(a, b, key=lambda x: (when(x), x.model_dump_json()))


def merged(a: EntitlementInputs, b: EntitlementInputs) -> EntitlementInputs:
    """The newer of each part of `a` and `b` (commutative, associative, idempotent)."""
    if a.tenant_id != b.tenant_id:
        raise ValueError(f"cannot merge the inputs of {a.tenant_id} and {b.tenant_id}")
    return EntitlementInputs(
        tenant_id=a.tenant_id,
        subscription=_newest(a.subscription, b.subscription, lambda s: s.as_of),
        summary=_newest(a.summary, b.summary, lambda s: s.as_of),
        overrides=_newest(a.overrides, b.overrides, lambda o: o.changed_at),
    )


def newer(a: EffectiveEntitlements, b: EffectiveEntitlements) -> EffectiveEntitlements:
    """The record to keep of two: the higher version, then the later evaluation (then the canonical
    JSON, so that the choice never depends on which came first)."""
    return max(a, b, key=lambda r: (r.version, r.evaluated_at, r.model_dump_json()))


def supersedes(rebuilt: EffectiveEntitlements, stored: EffectiveEntitlements | None) -> bool:
    """Whether `rebuilt` may be written over `stored` (the data layer's write condition)."""
    return stored is None or (rebuilt.version, rebuilt.evaluated_at) > (stored.version, stored.evaluated_at)


def _in_force(until: datetime | None, now: datetime) -> bool:
    return until is None or now < until


def _features(base: Iterable[str], overrides: Iterable[FeatureOverride], now: datetime) -> frozenset[str]:
    live = [o for o in overrides if _in_force(o.until, now)]
    granted = set(base) | {o.feature for o in live if o.enabled}
    return frozenset(granted - {o.feature for o in live if not o.enabled})


def _limits(
    base: dict[Limit, int | None], overrides: Iterable[LimitOverride], now: datetime
) -> dict[Limit, int | None]:
    limits = dict(base)
    chosen: dict[Limit, int | None] = {}
    for o in overrides:
        if not _in_force(o.until, now):
            continue
        if o.limit not in chosen:
            chosen[o.limit] = o.value
        else:
            before = chosen[o.limit]
            chosen[o.limit] = None if before is None or o.value is None else max(before, o.value)
    return {**limits, **chosen}


def rebuild(inputs: EntitlementInputs, now: datetime) -> EffectiveEntitlements:
    """The tenant's effective entitlements `now`, from `inputs` alone (no I/O, no clock)."""
    sub, overrides = inputs.subscription, inputs.overrides
    own = dunning.standing(sub, now) if sub else dunning.Standing(Access.NONE, None)
    access, plan_key = own.access, (sub.plan_key if sub and own.access is not Access.NONE else None)
    review = [own.until]
    trial_end = sub.trial_end if sub and sub.trial_end and now < sub.trial_end else None
    complimentary = False
    if overrides and overrides.extended_trial:
        extension = overrides.extended_trial
        review.append(extension.until)
        granted = extension.plan_key or (sub.plan_key if sub else None)
        if now < extension.until and granted:
            access, plan_key, trial_end = Access.FULL, granted, extension.until
    if overrides and overrides.complimentary:
        gift = overrides.complimentary
        review.append(gift.until)
        if now < gift.until:
            access, plan_key, complimentary = Access.FULL, gift.plan_key, True
    features: frozenset[str] = frozenset()
    limits: dict[Limit, int | None] = {}
    if plan_key is not None and plan_key in all_plans():
        paid = set(inputs.summary.features) if inputs.summary and own.access is not Access.NONE else set()
        chosen = plan(plan_key)
        features = _features(paid | set(chosen.features), overrides.features if overrides else (), now)
        limits = _limits(chosen.limits, overrides.limits if overrides else (), now)
        review += [o.until for o in (overrides.features + overrides.limits if overrides else ())]
    return EffectiveEntitlements(
        tenant_id=inputs.tenant_id,
        access=access,
        plan_key=plan_key,
        status=sub.status if sub else None,
        features=features,
        limits=limits,
        period_start=sub.current_period_start if sub else None,
        period_end=sub.current_period_end if sub else None,
        trial_end=trial_end,
        complimentary=complimentary,
        version=inputs.version,
        evaluated_at=now,
        review_by=min((t for t in review if t is not None and t > now), default=None),
    )
