"""Billing's routes for a tenant's staff: the price list, the tenant's entitlements, and for its owner
Checkout, plan changes, cancellation and Stripe's Customer Portal."""

from __future__ import annotations

from typing import Any

from panacea.billing import subscribing
from panacea.billing.access import Action
from panacea.billing.subscribing_models import (
    CheckoutRequest,
    CheckoutStarted,
    EntitlementsView,
    PlanChange,
    PlanView,
    PortalRequest,
    PortalSession,
    SubscriptionCancellation,
)
from panacea.platform.access import requires
from panacea.platform.api import build_resolver, current_actor, lambda_entry

app = build_resolver()
TAG = "Billing"


@app.get(
    "/v1/billing/plans",
    summary="Panacea's plans for tenants and partners",
    description=requires(Action.READ_BILLING),
    tags=[TAG],
)
def plans() -> list[PlanView]:
    return subscribing.price_list(current_actor())


@app.get(
    "/v1/billing/entitlements",
    summary="What the tenant may do now: its plan, access, features and limits",
    description=f"{requires(Action.READ_BILLING)} As billing last rebuilt it from Stripe (`access` none before a "
    "subscription).",
    tags=[TAG],
)
def entitlements() -> EntitlementsView:
    return subscribing.entitlements(current_actor())


@app.post(
    "/v1/billing/checkout",
    summary="Start paying for a plan through Stripe Checkout",
    description=f"{requires(Action.MANAGE_SUBSCRIPTION)} The tenant's Stripe Customer is made first (once); the "
    "plan's trial applies. What the subscription grants arrives by Stripe's webhooks. 409 `already-subscribed` "
    "when the tenant has a live subscription (change plan instead).",
    tags=[TAG],
    status_code=201,
)
def checkout(request: CheckoutRequest) -> CheckoutStarted:
    return subscribing.start_checkout(current_actor(), request)


@app.post(
    "/v1/billing/plan",
    summary="Change plan now (the rest of the period is prorated)",
    description=f"{requires(Action.MANAGE_SUBSCRIPTION)} 409 `not-subscribed` without a live subscription.",
    tags=[TAG],
)
def change_plan(change: PlanChange) -> EntitlementsView:
    return subscribing.change_plan(current_actor(), change)


@app.post(
    "/v1/billing/cancellation",
    summary="Cancel at the period's end, or take that back",
    description=f"{requires(Action.MANAGE_SUBSCRIPTION)} Access lasts until the paid period ends.",
    tags=[TAG],
)
def cancellation(cancel: SubscriptionCancellation) -> EntitlementsView:
    return subscribing.cancel(current_actor(), cancel)


@app.post(
    "/v1/billing/portal",
    summary="Open Stripe's Customer Portal (invoices, card, plan)",
    description=f"{requires(Action.READ_BILLING)} A short-lived address to send the person to.",
    tags=[TAG],
)
def portal(request: PortalRequest) -> PortalSession:
    return subscribing.portal(current_actor(), request)


handler: Any = lambda_entry(app)
