"""The demo tenant's subscription to Panacea: the plans synced to the local Stripe, and the owner's
Checkout of Professional completed on the sandbox's page (its 14-day trial), so the entitlements that
Stripe's webhooks rebuild are there to read (`GET /v1/billing/entitlements`)."""

from __future__ import annotations

from typing import Any

from panacea.billing import plan_sync
from tests.support import builders
from tests.support.transport import Http

PLAN = "tenant.professional"


def open_billing(api: Http, *, owner: str, sandbox: builders.SandboxOverHttp) -> dict[str, Any]:
    plan_sync.sync_plans()
    back = "https://demo-clinic.example/billing"
    body = {"plan_key": PLAN, "currency": "GBP", "billing_email": "accounts@demo-clinic.example",
            "success_url": f"{back}/done", "cancel_url": back}  # fmt: skip
    started = builders.ok(api.request("POST", "/v1/billing/checkout", as_=owner, body=body), 201)
    completed = sandbox.control(f"/_sandbox/checkout/sessions/{started['checkout_id']}/complete")
    return {"plan": PLAN, "customer_id": started["customer_id"], "subscription_id": completed["subscription"]}
