"""Billing in a tenant's life (`tests/integration/platform/tenant_life.py` drives it): the tenant
subscribes to Professional through Checkout, and Stripe's `checkout.session.completed` reaches
billing's webhook through the recorded API, then again (a duplicate)."""

from __future__ import annotations

from typing import Any

from infra.local.provision import STRIPE_BILLING_WEBHOOK_SECRET
from infra.local.runtime import STRIPE_BILLING_WEBHOOK_PATH
from panacea.billing import accounts, plan_sync
from panacea.platform import subscriptions
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for


def subscribed(life: Any) -> None:
    """The tenant's Professional subscription, its Checkout completed while the sandbox holds its
    deliveries; the completion delivered through the recorded API: applied, then a duplicate."""
    stripe, tenant_id = life.platform.stripe, life.tenant["id"]
    prices = plan_sync.sync_plans()
    with acting_for(tenant_id):
        customer = accounts.open_account(tenant_id, email="owner@life.example", name=life.tenant["name"])
    checkout = subscriptions.start_checkout(
        customer=customer,
        price_id=prices["tenant.professional.monthly.gbp"],
        trial_days=0,
        metadata={"tenant_id": tenant_id},
        success_url="https://life.example/billing/done",
        cancel_url="https://life.example/billing",
        idempotency_key=new_id(),
    )
    with stripe.held():
        stripe.complete_checkout(checkout.id)
        (event,) = [
            e
            for e in stripe.events.values()
            if e["type"] == "checkout.session.completed" and e["data"]["object"]["id"] == checkout.id
        ]
        payload, signature = stripe.signed(event, secret=STRIPE_BILLING_WEBHOOK_SECRET)
        headers = {"Stripe-Signature": signature, "Content-Type": "application/json; charset=utf-8"}
        applied = life.call("POST", STRIPE_BILLING_WEBHOOK_PATH, as_=None, raw_body=payload, headers=headers)
        duplicate = life.call("POST", STRIPE_BILLING_WEBHOOK_PATH, as_=None, raw_body=payload, headers=headers)
    assert (applied["outcome"], applied["plan_key"]) == ("applied", "tenant.professional"), applied
    assert duplicate["outcome"] == "duplicate", duplicate
