"""Billing: what tenants (and the members of B2C tenants) pay Panacea by Stripe subscription, the
entitlements that follow from it, and the figures read from it.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
plans and the tenancy tier a plan grants; a tenant's effective entitlements and the limit check a
write makes against them (402 when the plan does not include it, 429 when the period's limit is
reached) with the period its counter rolls by; and the SaaS figures analytics rolls up.
The rebuild of entitlements from Stripe's reads, the revenue share and the data layer are
billing's own."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.billing.figures import SubscriptionSnapshot, movement, mrr, trial_conversion
    from panacea.billing.limits import (
        LimitReached,
        PeriodBasis,
        PlanDoesNotInclude,
        Refusal,
        check,
        period_key,
        refusal,
    )
    from panacea.billing.models import EffectiveEntitlements
    from panacea.billing.plans import Plan, all_plans, plan, tier_granted
    from panacea.billing.vocabulary import Access, Audience, Feature, Limit

__all__ = [
    "Access",
    "Audience",
    "EffectiveEntitlements",
    "Feature",
    "Limit",
    "LimitReached",
    "PeriodBasis",
    "Plan",
    "PlanDoesNotInclude",
    "Refusal",
    "SubscriptionSnapshot",
    "all_plans",
    "check",
    "movement",
    "mrr",
    "period_key",
    "plan",
    "refusal",
    "tier_granted",
    "trial_conversion",
]
__getattr__ = face(
    __name__,
    {
        **dict.fromkeys(("Access", "Audience", "Feature", "Limit"), "panacea.billing.vocabulary"),
        "EffectiveEntitlements": "panacea.billing.models",
        **dict.fromkeys(("Plan", "all_plans", "plan", "tier_granted"), "panacea.billing.plans"),
        **dict.fromkeys(
            ("LimitReached", "PeriodBasis", "PlanDoesNotInclude", "Refusal", "check", "period_key", "refusal"),
            "panacea.billing.limits",
        ),
        **dict.fromkeys(("SubscriptionSnapshot", "movement", "mrr", "trial_conversion"), "panacea.billing.figures"),
    },
)
