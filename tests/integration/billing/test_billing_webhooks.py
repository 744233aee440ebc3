"""Billing's webhooks through the gateway, from the local Stripe: each answered by re-reading the
customer from Stripe and rebuilding the tenant's one entitlements record."""

from __future__ import annotations

from typing import Any

from infra.local.provision import STRIPE_BILLING_WEBHOOK_SECRET
from infra.local.runtime import STRIPE_BILLING_WEBHOOK_PATH, LocalPlatform
from panacea import billing
from panacea.billing import accounts, reconcile, stripe_events
from panacea.billing.models import EffectiveEntitlements
from panacea.platform import subscriptions
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from tests.integration.stripe_support import sandbox
from tests.support.builders import eventually
from tests.support.in_process import gateway_request, onboard


def _record(tenant_id: str) -> EffectiveEntitlements | None:
    with acting_for(tenant_id):
        return accounts.entitlements_of(tenant_id)


def _when(tenant_id: str, **expected: Any) -> EffectiveEntitlements:
    def matches() -> EffectiveEntitlements | None:
        record = _record(tenant_id)
        return record if record and all(getattr(record, k) == v for k, v in expected.items()) else None

    found: EffectiveEntitlements = eventually(matches, what=f"entitlements {expected}")
    return found


def _subscribed(platform: LocalPlatform, prices: dict[str, str], plan_key: str) -> tuple[str, str, str]:
    """A tenant subscribed to `plan_key` in pounds through Checkout: (tenant, customer, subscription)."""
    tenant_id = str(onboard()["id"])
    with acting_for(tenant_id):
        customer = accounts.open_account(tenant_id, email="owner@clinic.example", name="Bristol Clinic")
    checkout = subscriptions.start_checkout(
        customer=customer,
        price_id=prices[f"{plan_key}.monthly.gbp"],
        trial_days=0,
        metadata={"tenant_id": tenant_id},
        success_url="https://clinic.example/billing/done",
        cancel_url="https://clinic.example/billing",
        idempotency_key=new_id(),
    )
    completed = sandbox(platform).complete_checkout(checkout.id)
    return tenant_id, customer, str(completed["subscription"])


def test_a_paid_checkout_gives_the_tenant_its_plan_and_a_failed_renewal_keeps_it_in_grace(platform, prices):
    # Given a clinic that pays for Professional through Checkout
    tenant_id, _, subscription_id = _subscribed(platform, prices, "tenant.professional")
    # Then its entitlements are Professional's, in full
    record = _when(tenant_id, plan_key="tenant.professional", access=billing.Access.FULL)
    assert record.features == billing.plan("tenant.professional").features
    assert record.limits[billing.Limit.MEMBERS] == 100
    # When its renewal fails
    sandbox(platform).renew(subscription_id, outcome="failed")
    # Then it is past due, still with full access for the grace period, and told when to look again
    record = _when(tenant_id, status="past_due")
    assert record.access is billing.Access.FULL
    assert record.review_by is not None
    # When the retry succeeds, it is active again
    invoice = subscriptions.subscription(subscription_id)
    (open_invoice,) = [i for i in sandbox(platform).billing.invoices.values() if i["status"] == "open"
                       and i["customer"] == invoice.customer]  # fmt: skip
    sandbox(platform).pay_invoice(open_invoice["id"])
    _when(tenant_id, status="active", access=billing.Access.FULL)


def test_an_event_answered_twice_is_a_duplicate_and_a_forged_one_changes_nothing(platform, prices):
    # Given a tenant on Enterprise, its events delivered
    tenant_id, customer, _ = _subscribed(platform, prices, "tenant.enterprise")
    _when(tenant_id, plan_key="tenant.enterprise")
    stripe = sandbox(platform)
    eventually(stripe.settled, what="every webhook sent")
    (created,) = [
        e
        for e in stripe.events.values()
        if e["type"] == "customer.subscription.created" and e["data"]["object"]["customer"] == customer
    ]
    # When Stripe delivers its customer.subscription.created again
    payload, signature = stripe.signed(created, secret=STRIPE_BILLING_WEBHOOK_SECRET)
    again = gateway_request("POST", STRIPE_BILLING_WEBHOOK_PATH, headers={"Stripe-Signature": signature}, body=payload)
    # Then it is acknowledged as a duplicate
    assert (again.status, again.body["outcome"]) == (200, "duplicate")
    # When someone signs an event with the payments endpoint's secret (not billing's)
    forged = stripe.event("customer.subscription.deleted", created["data"]["object"])
    payload, signature = stripe.signed(forged)
    refused = gateway_request(
        "POST", STRIPE_BILLING_WEBHOOK_PATH, headers={"Stripe-Signature": signature}, body=payload
    )
    # Then it is refused, and the tenant keeps Enterprise
    assert refused.status == 400
    assert refused.problem_fields == ["header.Stripe-Signature"]
    assert _record(tenant_id).plan_key == "tenant.enterprise"  # type: ignore[union-attr]


def test_an_event_about_a_customer_of_no_tenant_is_acknowledged_and_ignored(platform):
    # Given an event about a customer the platform never made
    stripe = sandbox(platform)
    stray = stripe.event("customer.subscription.updated", {"id": "sub_stray", "object": "subscription",
                                                             "customer": "cus_nobody"})  # fmt: skip
    payload, signature = stripe.signed(stray, secret=STRIPE_BILLING_WEBHOOK_SECRET)
    # When it arrives
    answer = gateway_request("POST", STRIPE_BILLING_WEBHOOK_PATH, headers={"Stripe-Signature": signature}, body=payload)
    # Then Stripe is told it was received, and nothing is done with it
    assert (answer.status, answer.body["outcome"]) == (200, "ignored")


def test_the_nightly_reconcile_catches_up_with_events_that_never_arrived(platform, prices):
    # Given a clinic on Professional, its entitlements in full
    tenant_id, _, subscription_id = _subscribed(platform, prices, "tenant.professional")
    _when(tenant_id, plan_key="tenant.professional", status="active")
    stripe = sandbox(platform)
    eventually(stripe.settled, what="every webhook sent")
    # When its renewal fails while billing's endpoint is out of reach (the events are not delivered)
    with stripe.held():
        stripe.renew(subscription_id, outcome="failed")
        # And the nightly reconcile runs
        reconciled = reconcile.reconcile_all(page_size=2)
        # Then the tenant's record says past due from Stripe's own answer, without one webhook
        record = _record(tenant_id)
        assert record is not None
        assert (record.status, record.access) == ("past_due", billing.Access.FULL)
        assert reconciled.accounts >= 1
        assert reconciled.failed == 0
    # And the events delivered late change nothing it did not already know
    eventually(stripe.settled, what="the late webhooks sent")
    assert _record(tenant_id).status == "past_due"  # type: ignore[union-attr]


def test_a_webhook_costs_five_dynamodb_requests_and_two_stripe_reads(platform, prices, dynamodb_requests):
    # Given a tenant on Professional, its events delivered
    tenant_id, customer, _ = _subscribed(platform, prices, "tenant.professional")
    _when(tenant_id, plan_key="tenant.professional")
    stripe = sandbox(platform)
    eventually(stripe.settled, what="every webhook sent")
    # When Stripe tells billing again that the customer's entitlements changed (a new event)
    about = {"object": "entitlements.active_entitlement_summary", "customer": customer}
    summary = stripe.event("entitlements.active_entitlement_summary.updated", about)
    payload, signature = stripe.signed(summary, secret=STRIPE_BILLING_WEBHOOK_SECRET)
    del dynamodb_requests[:]
    receipt = stripe_events.handle_billing_webhook(payload, signature)
    # Then it was answered with the customer's pointer, the event's memory, the stored record, the
    # rebuilt record's conditional put and the event's note: five requests
    assert receipt.outcome == "applied"
    assert dynamodb_requests == ["GetItem", "GetItem", "GetItem", "PutItem", "PutItem"]
