"""Refunds through Stripe (the local sandbox): partial and full, once per key, and never more than
was paid, however many are asked for at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from infra.local.runtime import LocalPlatform
from panacea.payments import logic, refunds
from panacea.platform.errors import DomainError
from panacea.platform.ids import new_id
from tests.integration.stripe_support import as_tenant, events_of, gbp, paid, payment, sandbox, shop, until


def _refund(tenant: str, payment_id: str, amount: int, *, key: str | None = None, currency: str = "GBP"):
    return as_tenant(
        tenant,
        lambda: refunds.refund(
            tenant, payment_id, gbp(amount, currency), "damaged in transit", idempotency_key=key or new_id()
        ),
    )


def _refunds_at_stripe(platform: LocalPlatform, intent_id: str | None) -> list[int]:
    assert intent_id is not None
    return [r["amount"] for r in sandbox(platform).refunds.values() if r["payment_intent"] == intent_id]


def test_a_partial_then_a_full_refund(platform: LocalPlatform):
    # Given a paid payment of 100.00
    tenant = shop()
    done = paid(platform, tenant, gbp(10_000))
    # When 30.00 is refunded
    first = _refund(tenant, done.id, 3_000)
    assert (first.status, first.amount) == ("succeeded", gbp(3_000))
    assert first.stripe_refund_id
    # Then, once Stripe's charge.refunded arrives, the payment is partially refunded
    assert until(tenant, done.id, lambda p: p.refunded == gbp(3_000)).status == "partially_refunded"
    # When the remaining 70.00 is refunded
    _refund(tenant, done.id, 7_000)
    # Then it is refunded in full, and each refund was announced with its amounts
    assert until(tenant, done.id, lambda p: p.refunded == gbp(10_000)).status == "refunded"
    announced = [
        (e["amount"]["amount"], e["refunded_total"]["amount"], e["full"]) for e in events_of(tenant, "payment.refunded")
    ]
    assert announced == [(3_000, 3_000, False), (7_000, 10_000, True)]
    assert _refunds_at_stripe(platform, done.intent_id) == [3_000, 7_000]
    assert [r.amount.amount for r in as_tenant(tenant, lambda: logic.refunds_of(tenant, done.id))] == [3_000, 7_000]


def test_a_refund_is_made_once_per_key(platform: LocalPlatform):
    # Given a paid payment and a refund of 20.00 asked for with a key
    tenant = shop()
    done = paid(platform, tenant, gbp(6_000))
    first = _refund(tenant, done.id, 2_000, key="refund-once")
    # When the same request is retried with the same key
    again = _refund(tenant, done.id, 2_000, key="refund-once")
    # Then it is the same refund, Stripe refunded once, and the key cannot be reused for another amount
    assert again == first
    assert _refunds_at_stripe(platform, done.intent_id) == [2_000]
    with pytest.raises(logic.IdempotencyKeyReused):
        _refund(tenant, done.id, 2_500, key="refund-once")


def test_more_than_is_left_is_refused_and_nothing_is_refunded(platform: LocalPlatform):
    # Given a paid payment of 50.00 with 40.00 refunded
    tenant = shop()
    done = paid(platform, tenant, gbp(5_000))
    _refund(tenant, done.id, 4_000)
    # When 20.00 more is asked for
    with pytest.raises(logic.RefundExceedsPayment) as refused:
        _refund(tenant, done.id, 2_000)
    # Then it is a 409 naming the amount, and Stripe was never asked
    assert (refused.value.status, refused.value.errors[0].field) == (409, "amount")
    assert "10.00 GBP of 50.00 GBP is left" in refused.value.detail
    assert _refunds_at_stripe(platform, done.intent_id) == [4_000]


@pytest.mark.parametrize(
    ("amount", "currency", "error"),
    [(0, "GBP", "amount.amount"), (-100, "GBP", "amount.amount"), (100, "EUR", "amount.currency")],
)
def test_a_refund_that_makes_no_sense_is_a_422(platform: LocalPlatform, amount: int, currency: str, error: str):
    tenant = shop()
    done = paid(platform, tenant, gbp(1_000))
    with pytest.raises(DomainError) as refused:
        _refund(tenant, done.id, amount, currency=currency)
    assert (refused.value.status, refused.value.errors[0].field) == (422, error)


def test_an_unpaid_payment_is_not_refunded(platform: LocalPlatform):
    from tests.integration.stripe_support import start  # noqa: PLC0415

    tenant = shop()
    view = start(tenant, gbp(1_000))
    with pytest.raises(logic.PaymentNotRefundable):
        _refund(tenant, view.id, 500)
    with pytest.raises(logic.PaymentNotFound):
        _refund(tenant, new_id(), 500)


def test_concurrent_partial_refunds_never_exceed_the_payment(platform: LocalPlatform):
    # Given a paid payment of 100.00
    tenant = shop()
    done = paid(platform, tenant, gbp(10_000))

    # When six refunds of 25.00 are asked for at the same moment
    def attempt(_: int) -> str:
        try:
            _refund(tenant, done.id, 2_500)
            return "refunded"
        except logic.RefundExceedsPayment:
            return "refused"

    with ThreadPoolExecutor(6) as pool:
        outcomes = sorted(pool.map(attempt, range(6)))
    # Then exactly four are made, two refused, and Stripe refunded exactly 100.00
    assert outcomes == ["refunded"] * 4 + ["refused"] * 2
    assert sum(_refunds_at_stripe(platform, done.intent_id)) == 10_000
    # And once Stripe's webhooks are in, the payment is refunded in full, announced as 100.00 in all
    assert until(tenant, done.id, lambda p: p.status == "refunded").refunded == gbp(10_000)
    announced = events_of(tenant, "payment.refunded")
    assert sum(e["amount"]["amount"] for e in announced) == 10_000
    assert [e["full"] for e in announced][-1] is True


def test_stripe_refusing_a_refund_gives_its_amount_back(platform: LocalPlatform):
    # Given a paid payment of 100.00, 80.00 of which was just refunded in Stripe's dashboard, its
    # webhook not delivered yet (so the platform does not know)
    tenant = shop()
    done = paid(platform, tenant, gbp(10_000))
    assert done.intent_id
    stripe = sandbox(platform)
    with stripe.held():
        stripe.refund_in_dashboard(done.intent_id, amount=8_000)
        # When the platform refunds 30.00
        with pytest.raises(logic.RefundRefused) as refused:
            _refund(tenant, done.id, 3_000)
        # Then Stripe refuses it (more than is left on the charge) and the refund is recorded as failed
        assert "greater than unrefunded amount" in refused.value.detail
        (failed,) = as_tenant(tenant, lambda: logic.refunds_of(tenant, done.id))
        assert (failed.status, failed.amount) == ("failed", gbp(3_000))
        assert (payment(tenant, done.id).refunded, payment(tenant, done.id).refundable) == (gbp(0), gbp(10_000))
    # And once the dashboard refund's webhook arrives, the platform knows only 20.00 is left
    assert until(tenant, done.id, lambda p: p.refunded == gbp(8_000)).status == "partially_refunded"
    with pytest.raises(logic.RefundExceedsPayment):
        _refund(tenant, done.id, 2_500)
    assert _refund(tenant, done.id, 2_000).status == "succeeded"


def test_a_retried_refund_answers_the_first_even_once_nothing_is_left(platform: LocalPlatform):
    # Given a payment refunded in full by one refund
    tenant = shop()
    done = paid(platform, tenant, gbp(3_300))
    first = _refund(tenant, done.id, 3_300, key="refund-all")
    until(tenant, done.id, lambda p: p.status == "refunded")
    # When the caller retries it (its answer was lost)
    again = _refund(tenant, done.id, 3_300, key="refund-all")
    # Then it gets the same refund back, not a refusal
    assert again == first
    assert _refunds_at_stripe(platform, done.intent_id) == [3_300]
