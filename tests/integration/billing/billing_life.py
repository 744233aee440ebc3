"""Billing in a tenant's life (`tests/integration/platform/tenant_life.py` drives it): the owner reads
the price list, checks out Professional through Stripe Checkout, Stripe's `checkout.session.completed`
reaches billing's webhook through the recorded API (then again: a duplicate), and the owner moves to
Enterprise, cancels at the period's end and opens the portal; finance reads the entitlements."""

from __future__ import annotations

from typing import Any

from infra.local.provision import STRIPE_BILLING_WEBHOOK_SECRET
from infra.local.runtime import STRIPE_BILLING_WEBHOOK_PATH
from panacea.billing import plan_sync
from tests.support import staff

RETURN = "https://life.example/billing"


def subscribed(life: Any) -> None:
    stripe, owner, finance = life.platform.stripe, life.owner, staff(life.tenant["id"], "finance")
    plan_sync.sync_plans()  # an operator's step (README: Deploy)
    listed = life.call("GET", "/v1/billing/plans", as_=finance)
    assert "tenant.professional" in {p["key"] for p in listed}
    assert life.call("GET", "/v1/billing/entitlements", as_=finance)["access"] == "none"
    body = {"plan_key": "tenant.professional", "currency": "GBP", "billing_email": "accounts@life.example",
            "success_url": f"{RETURN}/done", "cancel_url": RETURN}  # fmt: skip
    started = life.call("POST", "/v1/billing/checkout", as_=owner, body=body)
    with stripe.held():
        stripe.complete_checkout(started["checkout_id"])
        (event,) = [
            e
            for e in stripe.events.values()
            if e["type"] == "checkout.session.completed" and e["data"]["object"]["id"] == started["checkout_id"]
        ]
        payload, signature = stripe.signed(event, secret=STRIPE_BILLING_WEBHOOK_SECRET)
        headers = {"Stripe-Signature": signature, "Content-Type": "application/json; charset=utf-8"}
        applied = life.call("POST", STRIPE_BILLING_WEBHOOK_PATH, as_=None, raw_body=payload, headers=headers)
        duplicate = life.call("POST", STRIPE_BILLING_WEBHOOK_PATH, as_=None, raw_body=payload, headers=headers)
    assert (applied["outcome"], applied["plan_key"]) == ("applied", "tenant.professional"), applied
    assert duplicate["outcome"] == "duplicate", duplicate
    moved = life.call("POST", "/v1/billing/plan", as_=owner, body={"plan_key": "tenant.enterprise"})
    assert (moved["plan_key"], moved["access"]) == ("tenant.enterprise", "full"), moved
    life.call("POST", "/v1/billing/cancellation", as_=owner, body={"at_period_end": True})
    assert life.call("POST", "/v1/billing/portal", as_=owner, body={"return_url": RETURN})["url"]
    assert life.call("GET", "/v1/billing/entitlements", as_=finance)["plan_key"] == "tenant.enterprise"
