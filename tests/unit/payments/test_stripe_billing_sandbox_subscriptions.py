"""The local Stripe's subscriptions behave as Stripe's do, seen through the real `stripe` library and
the webhooks it sends: Checkout starts them (with or without a trial), a plan change prorates onto
the next invoice, cancelling at the period's end ends them at renewal, and a failed renewal leaves
them past_due until the invoice is paid — each step with Stripe's events, in order, signed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import stripe

from tests.support.stripe_billing import AT, SECRET, Billing, running

SUMMARY = "entitlements.active_entitlement_summary.updated"


def _at(year: int, month: int, day: int, hour: int) -> int:
    return int(datetime(year, month, day, hour, tzinfo=UTC).timestamp())


def _previous(event: stripe.Event) -> Any:
    """What the update changed (`data.previous_attributes`), which an update event always carries."""
    assert event.data.previous_attributes is not None
    return event.data.previous_attributes


@pytest.fixture
def billing() -> Iterator[Billing]:
    with running() as served:
        yield served


@pytest.fixture
def plans(billing: Billing) -> dict[str, str]:
    """Professional (£49) and Enterprise (£299) a month, each granting a feature; their price ids."""
    messaging, api = billing.feature("messaging"), billing.feature("api")
    _, professional = billing.product("Professional", price=4_900, key="professional", features=(messaging,))
    _, enterprise = billing.product("Enterprise", price=29_900, key="enterprise", features=(messaging, api))
    return {"professional": professional, "enterprise": enterprise}


def test_checkout_without_a_trial_subscribes_with_a_paid_first_invoice(billing: Billing, plans: dict[str, str]):
    # Given a customer at Checkout for Professional, When they pay on the sandbox's page
    customer, subscription_id = billing.subscribed(plans["professional"])
    # Then the session completed, the subscription is active and its first invoice paid
    sessions = [e.data.object for e in billing.events() if e.type == "checkout.session.completed"]
    assert (sessions[0].status, sessions[0].subscription, sessions[0].customer) == (
        "complete",
        subscription_id,
        customer,
    )
    assert sessions[0].url.startswith(billing.sandbox.url)
    subscription = billing.client.v1.subscriptions.retrieve(subscription_id)
    item = subscription["items"].data[0]
    assert (subscription.status, subscription.metadata["tenant_id"], item.price.id) == (
        "active",
        "t-1",
        plans["professional"],
    )
    # And the period is a month from the fixed instant (the 31st: the last day of February)
    assert (item.current_period_start, item.current_period_end) == (_at(2027, 1, 31, 9), _at(2027, 2, 28, 9))
    invoice = billing.client.v1.invoices.retrieve(str(subscription.latest_invoice))
    assert (invoice.status, invoice.amount_paid, invoice.billing_reason) == ("paid", 4_900, "subscription_create")
    assert invoice.parent
    assert invoice.parent.subscription_details
    assert invoice.parent.subscription_details.subscription == subscription_id
    # And Stripe's events came in order, then the customer's new entitlements
    assert billing.types() == ["checkout.session.completed", "customer.subscription.created", "invoice.paid", SUMMARY]
    # And the subscription reads with its product expanded, as the billing context asks for it
    expanded = billing.client.v1.subscriptions.retrieve(
        subscription_id, params={"expand": ["items.data.price.product"]}
    )
    assert expanded["items"].data[0].price.product.name == "Professional"
    status, listed = billing.sandbox.handle("GET", "/_sandbox/events", {}, b"")
    assert (status, [e["object"] for e in listed["events"]][-1]) == (200, None)  # the summary has no id


def test_checkout_with_a_trial_subscribes_trialing_until_the_trial_ends(billing: Billing, plans: dict[str, str]):
    # Given a customer at Checkout with a 14-day trial, When they complete it
    _, subscription_id = billing.subscribed(plans["professional"], trial_days=14)
    # Then the subscription is trialing for 14 days, and no invoice.paid is sent
    subscription = billing.client.v1.subscriptions.retrieve(subscription_id)
    assert (subscription.status, subscription.trial_end) == ("trialing", int((AT + timedelta(days=14)).timestamp()))
    assert billing.types() == ["checkout.session.completed", "customer.subscription.created", SUMMARY]
    # When Stripe warns the trial will end, and then it ends
    billing.clock.advance(days=11)
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/trial_will_end")
    billing.clock.advance(days=3)
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/end_trial")
    # Then the subscription is active, billed from now, and the update says it was trialing
    events = billing.events()[3:]
    assert [e.type for e in events] == [
        "customer.subscription.trial_will_end",
        "customer.subscription.updated",
        "invoice.paid",
    ]
    assert events[1].data.object.status == "active"
    assert _previous(events[1])["status"] == "trialing"
    assert events[2].data.object.amount_paid == 4_900


def test_an_upgrade_sends_the_update_with_previous_attributes_and_prorates_onto_the_next_invoice(
    billing: Billing, plans: dict[str, str]
):
    # Given a Professional subscription, half-way through its 28-day period
    _, subscription_id = billing.subscribed(plans["professional"])
    billing.clock.advance(days=14)
    item = billing.client.v1.subscriptions.retrieve(subscription_id)["items"].data[0]
    seen = len(billing.events())
    # When it moves to Enterprise, prorating
    billing.client.v1.subscriptions.update(
        subscription_id,
        params={"items": [{"id": item.id, "price": plans["enterprise"]}], "proration_behavior": "create_prorations"},
    )
    # Then customer.subscription.updated says the item's price was Professional, and the new features arrive
    events = billing.events()[seen:]
    assert [e.type for e in events] == ["customer.subscription.updated", SUMMARY]
    previous = _previous(events[0])["items"]["data"][0]
    assert (previous["price"]["id"], events[0].data.object["items"].data[0].price.id) == (
        plans["professional"],
        plans["enterprise"],
    )
    assert [e.lookup_key for e in events[1].data.object.entitlements.data] == ["messaging", "api"]
    # When the period renews, Then its invoice credits half of Professional, charges half of Enterprise and the month
    billing.clock.advance(days=14)
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/renew")
    subscription = billing.client.v1.subscriptions.retrieve(subscription_id)
    invoice = billing.client.v1.invoices.retrieve(str(subscription.latest_invoice))
    lines = [
        (line.amount, line.description, bool(line.parent and line.parent.type == "invoice_item_details"))
        for line in invoice.lines.data
    ]
    assert lines == [
        (-2_450, "Unused time on Professional after 14 Feb 2027", True),
        (14_950, "Remaining time on Enterprise after 14 Feb 2027", True),
        (29_900, "1 × Enterprise", False),  # noqa: RUF001 - Stripe's own wording
    ]
    assert (invoice.total, invoice.status, invoice.billing_reason) == (42_400, "paid", "subscription_cycle")
    # And the new period runs to the anchor's day, the 31st of March
    assert subscription["items"].data[0].current_period_end == _at(2027, 3, 31, 9)


def test_an_upgrade_invoiced_at_once_bills_the_prorations_now(billing: Billing, plans: dict[str, str]):
    # Given a Professional subscription half-way through its period
    _, subscription_id = billing.subscribed(plans["professional"])
    billing.clock.advance(days=14)
    item = billing.client.v1.subscriptions.retrieve(subscription_id)["items"].data[0]
    seen = len(billing.events())
    # When it moves to Enterprise with proration_behavior=always_invoice
    billing.client.v1.subscriptions.update(
        subscription_id,
        params={"items": [{"id": item.id, "price": plans["enterprise"]}], "proration_behavior": "always_invoice"},
    )
    # Then the prorations are invoiced and paid now, after the update, and the new features follow
    assert billing.types(seen) == ["customer.subscription.updated", "invoice.paid", SUMMARY]
    latest = billing.client.v1.subscriptions.retrieve(subscription_id).latest_invoice
    invoice = billing.client.v1.invoices.retrieve(str(latest))
    assert (invoice.billing_reason, invoice.amount_paid) == ("subscription_update", 14_950 - 2_450)


def test_a_change_without_proration_bills_only_the_new_price(billing: Billing, plans: dict[str, str]):
    # Given an Enterprise subscription a week in
    _, subscription_id = billing.subscribed(plans["enterprise"])
    billing.clock.advance(days=7)
    item = billing.client.v1.subscriptions.retrieve(subscription_id)["items"].data[0]
    # When it moves down to Professional without proration, and renews
    billing.client.v1.subscriptions.update(
        subscription_id,
        params={"items": [{"id": item.id, "price": plans["professional"]}], "proration_behavior": "none"},
    )
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/renew")
    # Then the renewal bills the month of Professional only, and the api feature went
    invoices = billing.client.v1.invoices.list(params={"subscription": subscription_id})
    assert [i.total for i in invoices.data] == [4_900, 29_900]
    summaries = [e.data.object for e in billing.events() if e.type == SUMMARY]
    assert [e.lookup_key for e in summaries[-1].entitlements.data] == ["messaging"]


def test_cancelling_at_the_period_end_ends_the_subscription_at_renewal(billing: Billing, plans: dict[str, str]):
    # Given an active subscription
    customer, subscription_id = billing.subscribed(plans["professional"])
    seen = len(billing.events())
    # When the owner cancels it at the period's end
    billing.client.v1.subscriptions.update(subscription_id, params={"cancel_at_period_end": True})
    # Then the update says it was not cancelling, and it will end with the period
    update = billing.events()[seen]
    assert (update.type, _previous(update)["cancel_at_period_end"]) == (
        "customer.subscription.updated",
        False,
    )
    assert update.data.object.cancel_at == _at(2027, 2, 28, 9)
    # When the period ends, Then the subscription is deleted, entitles nothing, and is listed only with status=all
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/renew")
    assert billing.types(seen + 1) == ["customer.subscription.deleted", SUMMARY]
    assert billing.client.v1.entitlements.active_entitlements.list(params={"customer": customer}).data == []
    assert billing.client.v1.subscriptions.list(params={"customer": customer}).data == []
    listed = billing.client.v1.subscriptions.list(params={"customer": customer, "status": "all"})
    assert [(s.id, s.status) for s in listed.data] == [(subscription_id, "canceled")]


def test_cancelling_now_deletes_the_subscription(billing: Billing, plans: dict[str, str]):
    # Given an active subscription, When it is cancelled now
    _, subscription_id = billing.subscribed(plans["professional"])
    seen = len(billing.events())
    cancelled = billing.client.v1.subscriptions.cancel(subscription_id)
    # Then it is canceled at once, with Stripe's event
    assert (cancelled.status, cancelled.ended_at) == ("canceled", int(AT.timestamp()))
    assert billing.types(seen) == ["customer.subscription.deleted", SUMMARY]
    with pytest.raises(stripe.InvalidRequestError):
        billing.client.v1.subscriptions.update(subscription_id, params={"cancel_at_period_end": True})


def test_a_failed_renewal_goes_past_due_and_recovers_when_the_invoice_is_paid(billing: Billing, plans: dict[str, str]):
    # Given an active subscription whose renewal succeeds once
    customer, subscription_id = billing.subscribed(plans["professional"])
    billing.clock.advance(days=28)
    seen = len(billing.events())
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/renew", outcome="paid")
    assert billing.types(seen) == ["customer.subscription.updated", "invoice.paid"]
    # When the next renewal's payment fails
    billing.clock.advance(days=31)
    seen = len(billing.events())
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/renew", outcome="failed")
    # Then the period moves, the invoice fails (a retry planned), and the subscription is past_due, still entitled
    events = billing.events()[seen:]
    assert [e.type for e in events] == [
        "customer.subscription.updated",
        "invoice.payment_failed",
        "customer.subscription.updated",
    ]
    failed = events[1].data.object
    assert (failed.status, failed.attempt_count, failed.next_payment_attempt is not None) == ("open", 1, True)
    assert (events[2].data.object.status, _previous(events[2])["status"]) == ("past_due", "active")
    assert [
        e.lookup_key for e in billing.client.v1.entitlements.active_entitlements.list(params={"customer": customer})
    ] == ["messaging"]
    # When the retry succeeds
    billing.control(f"/_sandbox/invoices/{failed.id}/pay")
    # Then the invoice is paid and the subscription active again
    assert billing.types(seen + 3) == ["invoice.paid", "customer.subscription.updated"]
    assert billing.client.v1.subscriptions.retrieve(subscription_id).status == "active"
    assert billing.client.v1.invoices.retrieve(failed.id).status == "paid"
    assert len(billing.client.v1.invoices.list(params={"customer": customer}).data) == 3


def test_a_renewal_needing_the_customers_action_says_so(billing: Billing, plans: dict[str, str]):
    # Given an active subscription, When its renewal needs the customer to authenticate
    _, subscription_id = billing.subscribed(plans["professional"])
    seen = len(billing.events())
    billing.control(f"/_sandbox/subscriptions/{subscription_id}/renew", outcome="action_required")
    # Then Stripe asks for the action, and the subscription is past_due until the invoice is paid
    assert billing.types(seen) == [
        "customer.subscription.updated",
        "invoice.payment_action_required",
        "customer.subscription.updated",
    ]
    assert billing.client.v1.subscriptions.retrieve(subscription_id).status == "past_due"


def test_an_idempotency_key_answers_the_first_checkout_session_again(billing: Billing, plans: dict[str, str]):
    # Given a customer
    customer = billing.client.v1.customers.create(params={"email": "owner@clinic.example"})
    params: Any = {
        "mode": "subscription",
        "customer": customer.id,
        "line_items": [{"price": plans["professional"], "quantity": 1}],
        "success_url": "https://app.example/ok",
    }
    # When the same session is asked for twice under one Idempotency-Key
    first = billing.client.v1.checkout.sessions.create(params=params, options={"idempotency_key": "start-t-1"})
    again = billing.client.v1.checkout.sessions.create(params=params, options={"idempotency_key": "start-t-1"})
    # Then one session is made, and the same key with other parameters is refused
    assert (again.id, again.url) == (first.id, first.url)
    assert len(billing.sandbox.billing.checkout_sessions) == 1
    with pytest.raises(stripe.IdempotencyError):
        billing.client.v1.checkout.sessions.create(
            params=params | {"client_reference_id": "t-2"}, options={"idempotency_key": "start-t-1"}
        )


def test_webhooks_are_signed_with_the_endpoints_secret_and_carry_the_objects_as_the_api_reads_them(
    billing: Billing, plans: dict[str, str]
):
    # Given a subscription made through Checkout
    _, subscription_id = billing.subscribed(plans["professional"])
    billing.events()
    body, header = billing.endpoint.received[1]
    # When its event is verified with the endpoint's secret, Then it carries the subscription as the API reads it
    event = stripe.Webhook.construct_event(body, header, SECRET)
    assert event.data.object.to_dict() == billing.client.v1.subscriptions.retrieve(subscription_id).to_dict()
    # When it is verified with another secret, or its body changed, Then it is refused
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(body, header, "whsec_other")
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(body.replace(b"active", b"trialing"), header, SECRET)
