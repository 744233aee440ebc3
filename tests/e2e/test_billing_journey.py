"""Billing on `make dev`'s platform, over HTTP as the clinic's owner and Stripe reach it: the demo
clinic checked out Professional through the local Stripe (the seed), and is in its trial; its owner
moves it to Enterprise; the trial ends and the first payment fails, so it is past due but keeps full
access for the grace period; the retry pays and it is active again. Every change reaches billing as
Stripe's signed webhooks, and billing's record is what Stripe says on re-reading."""

from __future__ import annotations

from typing import Any

import pytest
import stripe

from infra.local.provision import STRIPE_SECRET_KEY
from tests.e2e.conftest import Client, ok
from tests.support.builders import SandboxOverHttp, eventually

pytestmark = pytest.mark.slow


def _entitlements(client: Client, owner: str, **expected: Any) -> dict[str, Any]:
    def matching() -> dict[str, Any] | None:
        found: dict[str, Any] = ok(client.request("GET", "/v1/billing/entitlements", token=owner), 200)
        return found if all(found.get(k) == v for k, v in expected.items()) else None

    found: dict[str, Any] = eventually(matching, timeout_s=60, what=f"entitlements {expected}")
    return found


def test_a_clinic_moves_up_fails_its_first_payment_and_recovers(client: Client, owner_token: str):
    billing = client.demo["demo_tenant"]["billing"]
    sandbox = SandboxOverHttp(client.demo["stripe_sandbox"])
    # Given the demo clinic on Professional, in its trial, as Stripe's webhooks told billing
    trial = _entitlements(client, owner_token, plan_key="tenant.professional", status="trialing")
    assert (trial["access"], trial["limits"]["members"]) == ("full", 100)
    # When its owner moves it to Enterprise
    moved = ok(
        client.request("POST", "/v1/billing/plan", token=owner_token, body={"plan_key": "tenant.enterprise"}), 200
    )
    # Then the answer, and the record, say Enterprise
    assert (moved["plan_key"], moved["limits"]["members"]) == ("tenant.enterprise", 1000)
    # When the trial ends and the first payment fails
    sandbox.control(f"/_sandbox/subscriptions/{billing['subscription_id']}/end_trial?outcome=failed")
    # Then the clinic is past due, with full access for the grace period
    due = _entitlements(client, owner_token, status="past_due")
    assert (due["plan_key"], due["access"]) == ("tenant.enterprise", "full")
    # When the retry pays the open invoice
    stripe_api = stripe.StripeClient(STRIPE_SECRET_KEY, base_addresses={"api": client.demo["stripe_sandbox"]})
    (invoice,) = stripe_api.v1.invoices.list({"subscription": billing["subscription_id"], "status": "open"}).data
    sandbox.control(f"/_sandbox/invoices/{invoice.id}/pay")
    # Then it is active again on Enterprise
    _entitlements(client, owner_token, status="active", plan_key="tenant.enterprise", access="full")
    # And the owner can open Stripe's portal
    portal = {"return_url": "https://demo-clinic.example/billing"}
    assert ok(client.request("POST", "/v1/billing/portal", token=owner_token, body=portal), 200)["url"]
