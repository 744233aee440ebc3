"""The subscriptions port against the local Stripe (the real `stripe` library, over HTTP): the plans
synced by lookup key, a subscription started through Checkout and read back, a plan change, the
features Stripe says are active, and usage metered once however often it is reported."""

from __future__ import annotations

from datetime import timedelta

from infra.local.runtime import LocalPlatform
from panacea import billing
from panacea.billing import plan_sync
from panacea.platform import clock, subscriptions
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from tests.integration.stripe_support import sandbox


def test_syncing_the_plans_again_changes_nothing(platform: LocalPlatform, prices: dict[str, str]):
    # Given the plans synced once
    # When they are synced again
    again = plan_sync.sync_plans()
    # Then every paid plan's price keeps its id, and Stripe finds each by its lookup key
    assert again == prices
    paid = [(p, c) for p in billing.all_plans().values() for c in p.prices if p.prices[c] > 0]
    assert set(prices) == {p.lookup_key(c) for p, c in paid}
    professional = sandbox(platform).billing.prices[prices["tenant.professional.monthly.gbp"]]
    assert (professional["unit_amount"], professional["currency"], professional["recurring"]["interval"]) == (
        4900,
        "gbp",
        "month",
    )


def test_a_tenant_subscribes_through_checkout_changes_plan_and_its_features_follow(
    platform: LocalPlatform, prices: dict[str, str]
):
    # Given a tenant's customer in Stripe (made once, whatever the retries)
    tenant_id, key = new_id(), new_id()
    customer = subscriptions.customer_for(
        email="owner@clinic.example", name="Bristol Clinic", metadata={"tenant_id": tenant_id}, idempotency_key=key
    )
    assert customer == subscriptions.customer_for(
        email="owner@clinic.example", name="Bristol Clinic", metadata={"tenant_id": tenant_id}, idempotency_key=key
    )
    # When its owner checks out Professional in pounds, without a trial, and pays on the page
    checkout = subscriptions.start_checkout(
        customer=customer,
        price_id=prices["tenant.professional.monthly.gbp"],
        trial_days=0,
        metadata={"tenant_id": tenant_id},
        success_url="https://clinic.example/billing/done",
        cancel_url="https://clinic.example/billing",
        idempotency_key=new_id(),
    )
    assert checkout.url
    completed = sandbox(platform).complete_checkout(checkout.id)
    # Then the subscription reads back active on Professional at £49 a month, for that tenant
    subscription = subscriptions.subscription(completed["subscription"])
    assert (subscription.status, subscription.lookup_key, subscription.price) == (
        "active",
        "tenant.professional.monthly.gbp",
        Money(amount=4900, currency="GBP"),
    )
    assert (subscription.customer, subscription.metadata["tenant_id"], subscription.interval) == (
        customer,
        tenant_id,
        "month",
    )
    assert subscription.current_period_end > subscription.current_period_start
    # And Stripe's active features are the plan's
    assert set(subscriptions.active_features(customer)) == set(billing.plan("tenant.professional").features)
    # When it moves to Enterprise
    moved = subscriptions.change_price(
        subscription.id,
        item_id=subscription.item_id,
        price_id=prices["tenant.enterprise.monthly.gbp"],
        idempotency_key=new_id(),
    )
    # Then it is on Enterprise, and the features follow
    assert moved.lookup_key == "tenant.enterprise.monthly.gbp"
    assert set(subscriptions.active_features(customer)) == set(billing.plan("tenant.enterprise").features)
    # And cancelling at the period's end keeps it active until then
    assert subscriptions.cancel_at_period_end(subscription.id, cancel=True).cancel_at_period_end
    assert subscriptions.subscription(subscription.id).status == "active"
    assert subscriptions.portal_session(customer=customer, return_url="https://clinic.example/billing")


def test_usage_reported_twice_under_one_identifier_is_counted_once(platform: LocalPlatform):
    # Given a meter of API calls and a customer
    meter = subscriptions.sync_meter(event_name="panacea_api_calls", display_name="API calls")
    assert subscriptions.sync_meter(event_name="panacea_api_calls", display_name="API calls") == meter
    customer = subscriptions.customer_for(
        email="ops@partner.example", name="Partner", metadata={"tenant_id": new_id()}, idempotency_key=new_id()
    )
    at = clock.now().replace(second=0, microsecond=0) - timedelta(hours=2)
    # When 120 calls are reported, the report sent twice (a retry), and 30 more under another identifier
    first = new_id()
    for identifier, value in ((first, 120), (first, 120), (new_id(), 30)):
        subscriptions.report_usage(
            event_name="panacea_api_calls", customer=customer, value=value, identifier=identifier, at=at
        )
    # Then the meter counted 150
    start = at.replace(minute=0)
    summary = subscriptions.usage_summary(
        meter_id=meter, customer=customer, start=start, end=start + timedelta(hours=3)
    )
    assert summary.value == 150
