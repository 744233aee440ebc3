"""Stripe's webhooks, from the local Stripe sandbox (the real `stripe` client talks to it, and it
signs and sends its events as Stripe does) through the gateway to the webhook function."""

from __future__ import annotations

import copy
import time

import pytest

from infra.local.runtime import LocalPlatform
from panacea.platform.ids import new_id
from tests.integration.stripe_support import (
    events_of,
    gbp,
    paid,
    payment,
    post_webhook,
    sandbox,
    send,
    shop,
    start,
    until,
)


def test_a_payment_succeeds_when_stripe_says_so(platform: LocalPlatform):
    # Given a payment started for an order: a PaymentIntent for the member's app to confirm
    tenant = shop()
    view = start(tenant, gbp(12_900))
    assert view.status == "pending"
    assert view.client_secret
    assert view.intent_id
    assert view.client_secret.startswith(view.intent_id)
    intent = sandbox(platform).intents[view.intent_id]
    assert (intent["amount"], intent["currency"], intent["allowed_payment_method_types"]) == (12_900, "gbp", ["card"])
    assert intent["metadata"] == {
        "tenant_id": tenant,
        "order_id": view.order_id,
        "payment_id": view.id,
        "customer_ref": "member-1",
    }
    # When the member pays and Stripe's webhooks arrive, signed
    sandbox(platform).succeed(view.intent_id)
    done = until(tenant, view.id, lambda p: p.status == "succeeded")
    # Then the payment is paid by card, and payment.succeeded was announced once, with the order
    assert (done.method, done.paid_at is not None, done.failure) == ("card", True, None)
    (announced,) = events_of(tenant, "payment.succeeded")
    assert announced["order_id"] == view.order_id
    assert announced["amount"] == {"amount": 12_900, "currency": "GBP"}
    assert (announced["provider"], announced["method"], announced["intent_id"]) == ("stripe", "card", view.intent_id)


def test_alipay_and_wechat_pay_are_offered_as_the_tenant_enables_them(platform: LocalPlatform):
    # Given a CNY tenant (Alipay, WeChat Pay and cards, by default)
    tenant = shop(currency="CNY", locale="zh-CN", jurisdiction="CN")
    # When a payment starts with every method the tenant enables, and the member pays with WeChat Pay
    view = start(tenant, gbp(39_800, "CNY"))
    assert view.intent_id
    assert sorted(sandbox(platform).intents[view.intent_id]["allowed_payment_method_types"]) == [
        "alipay",
        "card",
        "wechat_pay",
    ]
    sandbox(platform).succeed(view.intent_id, method="wechat_pay")
    # Then the payment says it was WeChat Pay (the charge's method, asked of Stripe)
    done = until(tenant, view.id, lambda p: p.status == "succeeded")
    assert (done.method, done.amount) == ("wechat_pay", gbp(39_800, "CNY"))


def test_a_failed_attempt_is_announced_and_the_member_may_pay_again(platform: LocalPlatform):
    # Given a started payment whose first attempt is declined
    tenant = shop()
    view = start(tenant, gbp(5_000))
    assert view.intent_id
    sandbox(platform).fail(view.intent_id, code="card_declined")
    failed = until(tenant, view.id, lambda p: p.status == "failed")
    assert failed.failure == "card_declined: Your card was declined."
    (announced,) = events_of(tenant, "payment.failed")
    assert announced["failure_code"] == "card_declined"
    # When the member pays with another card
    sandbox(platform).succeed(view.intent_id)
    # Then the payment succeeds
    assert until(tenant, view.id, lambda p: p.status == "succeeded").failure is None


def test_a_body_stripe_did_not_sign_is_a_400_and_changes_nothing(platform: LocalPlatform):
    # Given a started payment, and the event that would mark it paid
    tenant = shop()
    view = start(tenant, gbp(2_500))
    assert view.intent_id
    intent = dict(sandbox(platform).intents[view.intent_id], status="succeeded")
    event = sandbox(platform).event("payment_intent.succeeded", intent)
    payload, good = sandbox(platform).signed(event)
    # When it arrives signed with another secret, changed after signing, or signed too long ago
    answers = [
        send(platform, event, secret="whsec_not_the_endpoints"),
        post_webhook(payload.replace(b"2500", b"25"), good),
        send(platform, event, at=int(time.time()) - 301),
    ]
    # And unsigned (the header the document requires, missing)
    unsigned = post_webhook(payload, None)
    # Then each is a 400 problem naming the signature (unsigned: a 422 naming the header)
    for answer in answers:
        assert answer.status == 400, answer.body
        assert answer.headers["Content-Type"] == "application/problem+json"
        assert answer.body["type"] == "/errors/invalid-signature"
        assert answer.problem_fields == ["header.Stripe-Signature"]
    assert (unsigned.status, unsigned.problem_fields) == (422, ["header.Stripe-Signature"])
    # And the payment is still pending
    assert payment(tenant, view.id).status == "pending"
    assert events_of(tenant, "payment.succeeded") == []


def test_a_replayed_event_is_applied_once(platform: LocalPlatform):
    # Given a payment the member paid, its success applied
    tenant = shop()
    done = paid(platform, tenant, gbp(7_700))
    delivered = [e for e in sandbox(platform).events.values() if e["type"] == "payment_intent.succeeded"]
    (event,) = [e for e in delivered if e["data"]["object"]["id"] == done.intent_id]
    # When Stripe delivers the same event again (twice)
    first, second = sandbox(platform).deliver(event["id"]), sandbox(platform).deliver(event["id"])
    again = send(platform, event)
    # Then each is answered 200 as a duplicate, and payment.succeeded was announced once
    assert (first, second, again.status) == (200, 200, 200)
    assert again.body["outcome"] == "duplicate"
    assert len(events_of(tenant, "payment.succeeded")) == 1
    assert payment(tenant, done.id).updated_at == done.updated_at


def test_an_older_event_does_not_overwrite_newer_state(platform: LocalPlatform):
    # Given a payment whose intent succeeded at `now`
    tenant = shop()
    view = start(tenant, gbp(4_000))
    assert view.intent_id
    stripe = sandbox(platform)
    intent = copy.deepcopy(stripe.intents[view.intent_id])
    now = int(time.time())
    succeeded = stripe.event("payment_intent.succeeded", {**intent, "status": "succeeded"}, created=now)
    assert send(platform, succeeded).status == 200
    until(tenant, view.id, lambda p: p.status == "succeeded")
    # When a failure from an earlier attempt (a minute before) arrives afterwards
    error = {"code": "card_declined", "message": "Your card was declined."}
    late = stripe.event("payment_intent.payment_failed", {**intent, "last_payment_error": error}, created=now - 60)
    answer = send(platform, late)
    # Then it is acknowledged as stale, and the payment is still paid
    assert (answer.status, answer.body["outcome"]) == (200, "stale")
    assert payment(tenant, view.id).status == "succeeded"
    assert events_of(tenant, "payment.failed") == []


def test_refunds_arriving_out_of_order_leave_the_newest_total(platform: LocalPlatform):
    # Given a paid payment of 100.00
    tenant = shop()
    done = paid(platform, tenant, gbp(10_000))
    assert done.intent_id
    stripe = sandbox(platform)
    charge = copy.deepcopy(stripe.charges[stripe.intents[done.intent_id]["latest_charge"]])
    now = int(time.time())
    # When Stripe's charge.refunded for 50.00 in all (newer) arrives before the one for 30.00 (older)
    newer = stripe.event("charge.refunded", {**charge, "amount_refunded": 5_000}, created=now)
    older = stripe.event("charge.refunded", {**charge, "amount_refunded": 3_000}, created=now - 10)
    answers = [send(platform, newer).body["outcome"], send(platform, older).body["outcome"]]
    # Then the payment is 50.00 refunded, announced once
    assert answers == ["applied", "stale"]
    assert payment(tenant, done.id).refunded == gbp(5_000)
    (announced,) = events_of(tenant, "payment.refunded")
    assert (announced["amount"]["amount"], announced["full"]) == (5_000, False)


def test_a_refund_before_the_payment_succeeded_here_is_asked_for_again(platform: LocalPlatform):
    # Given a payment whose success has not arrived yet
    tenant = shop()
    view = start(tenant, gbp(3_000))
    charge = {"id": "ch_early", "object": "charge", "payment_intent": view.intent_id, "amount_refunded": 1_000}
    # When a refund of it arrives first
    answer = send(platform, sandbox(platform).event("charge.refunded", charge))
    # Then Stripe is answered 409 (it delivers it again later) and nothing changed
    assert (answer.status, answer.body["type"]) == (409, "/errors/payment-not-yet-paid")
    assert payment(tenant, view.id).refunded == gbp(0)


def test_a_dispute_is_recorded_and_announced(platform: LocalPlatform):
    # Given a paid payment
    tenant = shop()
    done = paid(platform, tenant, gbp(8_800))
    assert done.intent_id
    # When the member's bank disputes it
    dispute = sandbox(platform).dispute(done.intent_id, reason="fraudulent")
    # Then the payment carries the dispute, and payment.disputed was announced
    disputed = until(tenant, done.id, lambda p: p.dispute is not None)
    assert disputed.dispute is not None
    assert (disputed.dispute.id, disputed.dispute.reason, disputed.dispute.amount) == (
        dispute["id"],
        "fraudulent",
        gbp(8_800),
    )
    (announced,) = events_of(tenant, "payment.disputed")
    assert (announced["dispute_id"], announced["order_id"]) == (dispute["id"], done.order_id)


def test_the_tenant_of_a_webhook_comes_from_the_platforms_record_never_from_the_event(platform: LocalPlatform):
    # Given tenant A's started payment and tenant B's
    a, b = shop(), shop()
    a_view, b_view = start(a, gbp(1_000)), start(b, gbp(1_000))
    assert a_view.intent_id
    stripe = sandbox(platform)
    # When a signed event about A's intent claims, in its metadata, to be B's payment
    claims_b = dict(
        stripe.intents[a_view.intent_id],
        status="succeeded",
        metadata={"tenant_id": b, "payment_id": b_view.id, "order_id": b_view.order_id},
    )
    applied = send(platform, stripe.event("payment_intent.succeeded", claims_b))
    # And a signed event about an intent the platform never made names A's payment
    stranger = dict(claims_b, id=f"pi_{new_id().lower()}", metadata={"tenant_id": a, "payment_id": a_view.id})
    ignored = send(platform, stripe.event("payment_intent.succeeded", stranger))
    # Then the first is applied to A's payment (the intent's owner), B's is untouched; the second changes nothing
    assert (applied.status, applied.body["outcome"]) == (200, "applied")
    assert payment(a, a_view.id).status == "succeeded"
    assert payment(b, b_view.id).status == "pending"
    assert events_of(b, "payment.succeeded") == []
    assert (ignored.status, ignored.body["outcome"]) == (200, "ignored")
    assert len(events_of(a, "payment.succeeded")) == 1


@pytest.mark.parametrize("kind", ["customer.created", "invoice.paid", "charge.succeeded"])
def test_events_payments_does_not_act_on_are_acknowledged(platform: LocalPlatform, kind: str):
    answer = send(platform, sandbox(platform).event(kind, {"id": "obj_123", "object": kind.split(".", maxsplit=1)[0]}))
    assert (answer.status, answer.body["outcome"]) == (200, "ignored")
