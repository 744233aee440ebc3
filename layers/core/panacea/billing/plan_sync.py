"""Panacea's plans, told to Stripe: each paid plan a Product (`plan_<audience>_<name>`) with its
entitlement Features, and a monthly Price per currency found by its lookup key
(`tenant.professional.monthly.gbp`). Running it again changes nothing; a price whose amount changed
in plans.json is a new Price that takes the lookup key over (Stripe never changes an amount).

    PANACEA_STRIPE_SECRET=<secret name> python -m panacea.billing.plan_sync

prints each lookup key and its Price's id (the local runtime runs it against its sandbox)."""

from __future__ import annotations

from panacea.billing.plans import CURRENCIES, all_plans
from panacea.billing.vocabulary import Feature
from panacea.platform import subscriptions
from panacea.platform.subscriptions import PlanListing

SPELLED = {"sms": "SMS", "whatsapp": "WhatsApp", "api": "API", "sla": "SLA", "24": "24/7"}


def feature_name(feature: Feature) -> str:
    """How a customer reads the feature on Stripe's invoices and portal (`whatsapp` → WhatsApp)."""
    name = " ".join(SPELLED.get(word, word) for word in feature.value.split("_") if word != "7")
    return name[0].upper() + name[1:]


def listings() -> list[PlanListing]:
    """What Stripe is told: a listing per paid plan and currency (a free plan needs no subscription)."""
    return [
        PlanListing(
            lookup_key=plan.lookup_key(currency),
            product_key="plan_" + plan.key.replace(".", "_"),
            name=f"Panacea {plan.name} ({plan.audience.value})",
            price=plan.price(currency),
            features={feature.value: feature_name(feature) for feature in sorted(plan.features)},
        )
        for plan in all_plans().values()
        for currency in CURRENCIES
        if plan.prices[currency] > 0
    ]


def sync_plans() -> dict[str, str]:
    """Every paid plan's price in Stripe, made or brought up to date: lookup key → Price id."""
    return {listing.lookup_key: subscriptions.sync_plan(listing) for listing in listings()}


if __name__ == "__main__":
    for lookup_key, price_id in sync_plans().items():
        print(f"{lookup_key}\t{price_id}")
