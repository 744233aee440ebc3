"""Payments in currencies Stripe counts otherwise than the platform: amounts reach Stripe (the local
sandbox, through the real stripe client) in Stripe's units and come back, by webhook, in the
platform's; an amount Stripe cannot take exactly is refused before anything is asked or written."""

from __future__ import annotations

import pytest

from infra.local.runtime import LocalPlatform
from panacea.payments import refunds
from panacea.platform.errors import DomainError
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from tests.integration.stripe_support import as_tenant, events_of, paid, payment, sandbox, shop, start, until
from tests.support import builders, call
from tests.support.in_process import HANDLERS, onboard, staff


@pytest.mark.parametrize(
    ("price", "at_stripe"),
    [
        (Money(amount=5_000, currency="JPY"), (5_000, "jpy")),  # ¥5,000: zero-decimal, as it is
        (Money(amount=1_500, currency="ISK"), (150_000, "isk")),  # 1,500 kr: hundredths at Stripe
    ],
)
def test_a_payment_and_its_refund_reach_stripe_in_stripes_units(platform: LocalPlatform, price, at_stripe):
    # Given a tenant, When a member's payment is started and paid
    tenant = shop()
    done = paid(platform, tenant, price)
    # Then Stripe's intent and charge are in Stripe's units, and the payment in the platform's
    intent = sandbox(platform).intents[str(done.intent_id)]
    assert (intent["amount"], intent["currency"]) == at_stripe
    assert sandbox(platform).charges[intent["latest_charge"]]["amount_captured"] == at_stripe[0]
    assert done.amount == price
    # When a fifth of it is refunded
    fifth = Money(amount=price.amount // 5, currency=price.currency)
    as_tenant(tenant, lambda: refunds.refund(tenant, done.id, fifth, "returned", idempotency_key=new_id()))
    # Then Stripe refunded a fifth in its units, and its charge.refunded webhook is read back in the platform's
    assert [r["amount"] for r in sandbox(platform).refunds.values() if r["payment_intent"] == done.intent_id] == [
        at_stripe[0] // 5
    ]
    refunded = until(tenant, done.id, lambda p: p.refunded == fifth)
    assert (refunded.status, refunded.refundable) == ("partially_refunded", price - fifth)
    assert events_of(tenant, "payment.refunded")[-1]["refunded_total"] == fifth.model_dump(mode="json")


@pytest.mark.parametrize(
    ("price", "step"),
    [
        (Money(amount=5_125, currency="KWD"), "0.010 KWD"),  # Stripe takes thousandths ending in 0
        (Money(amount=199_950, currency="TWD"), "1.00 TWD"),  # and New Taiwan dollars whole
    ],
)
def test_a_payment_stripe_cannot_take_exactly_is_refused_before_anything_is_asked(platform: LocalPlatform, price, step):
    # Given a tenant
    tenant, intents = shop(), len(sandbox(platform).intents)
    order_id = new_id()
    # When a payment of an amount between two of Stripe's steps is started
    with pytest.raises(DomainError) as refused:
        start(tenant, price, order_id=order_id)
    # Then it is a 422 naming the amount and the step Stripe takes, Stripe was not asked, and no payment recorded
    problem = refused.value.problem()
    assert (problem["status"], problem["type"], problem["errors"][0]["field"]) == (
        422,
        "/errors/amount-not-payable",
        "amount.amount",
    )
    assert step in problem["detail"]
    assert len(sandbox(platform).intents) == intents
    assert start(tenant, Money(amount=5_120, currency="KWD"), order_id=order_id).amount.amount == 5_120


def test_a_refund_stripe_cannot_take_exactly_is_refused_and_nothing_is_reserved(platform: LocalPlatform):
    # Given a paid payment of 5.120 KWD
    tenant = shop()
    done = paid(platform, tenant, Money(amount=5_120, currency="KWD"))
    # When 1.005 KWD of it is to be refunded
    with pytest.raises(DomainError) as refused:
        as_tenant(
            tenant,
            lambda: refunds.refund(
                tenant, done.id, Money(amount=1_005, currency="KWD"), "returned", idempotency_key=new_id()
            ),
        )
    # Then it is refused on the amount, and all of the payment is still refundable
    assert (refused.value.status, refused.value.errors[0].field) == (422, "amount.amount")
    assert payment(tenant, done.id).refundable == Money(amount=5_120, currency="KWD")


def test_checking_out_a_total_stripe_cannot_take_is_a_422_and_places_nothing(platform: LocalPlatform):
    # Given a Kuwaiti clinic selling a consultation at 5.125 KWD, five in stock
    clinic = onboard(currency="KWD", jurisdiction="KW")["id"]
    owner = staff(clinic, "owner")
    consultation = builders.product(HANDLERS, owner, name="A consultation", kind="service")
    sku = builders.sku(HANDLERS, owner, consultation["id"], price=5_125, currency="KWD")
    builders.publish(HANDLERS, owner, consultation["id"])
    builders.set_stock(HANDLERS, owner, sku["id"], clinic, 5)
    member = staff(clinic, "member", user_id=f"member-{new_id().lower()}")
    intents = len(sandbox(platform).intents)
    # When a member checks out one (a total of 5.125 KWD, which Stripe cannot take: thousandths end in 0)
    one = builders.checkout(HANDLERS, member, [{"sku_id": sku["id"], "store_id": clinic, "quantity": 1}])
    # Then it is a 422 naming the order's total, Stripe was not asked, and nothing was placed or reserved
    assert (one.status, one.body["type"], one.problem_fields) == (422, "/errors/amount-not-payable", ["total"])
    assert len(sandbox(platform).intents) == intents
    assert builders.stock_of(HANDLERS, owner, sku["id"], clinic)["available"] == 5
    assert call("GET", "/v1/me/orders", caller=member).body["items"] == []
    # And two of them (10.250 KWD) are placed, and reach Stripe as 10250 thousandths
    two = builders.checkout(HANDLERS, member, [{"sku_id": sku["id"], "store_id": clinic, "quantity": 2}])
    assert two.status == 201, two.body
    assert two.body["order"]["total"] == {"amount": 10_250, "currency": "KWD"}
    assert [(i["amount"], i["currency"]) for i in list(sandbox(platform).intents.values())[intents:]] == [
        (10_250, "kwd")
    ]
