"""What each Stripe event does to a payment: never backwards, never twice the same refund, and
refunds that are cumulative. (The rules alone, on a payment in hand: no table, no Stripe.)"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from panacea.payments import dal
from panacea.payments.logic import NotYetPaid
from panacea.payments.models import Method, PaymentFailed, PaymentRefunded, PaymentStatus, PaymentSucceeded, Provider
from panacea.payments.stripe_events import APPLIERS
from panacea.platform.money import Money
from panacea.platform.payments import Notification

T0 = 1_790_000_000
INTENT = "pi_3QJ8kLB7WZ01zgkW0a1b2c3d"


def _payment(status: PaymentStatus = PaymentStatus.PENDING, *, amount: int = 10_000) -> dal.PaymentItem:
    item = dal.PaymentItem.new(
        tenant_id="01JD7PZZ1X3C5V7B9N1M3K5H7G",
        payment_id="01JD7Q3V9N6J8T2KX4M5P7R9SB",
        order_id="01JD7Q2ZQ8C1V3B5N7M9K2H4FD",
        amount=Money(amount=amount, currency="GBP"),
        provider=Provider.STRIPE,
        methods=[Method.CARD],
        customer_ref=None,
        at=datetime(2026, 11, 23, tzinfo=UTC),
    )
    item.intent_id, item.status = INTENT, status.value
    if status != PaymentStatus.PENDING:
        item.paid_at = datetime(2026, 11, 23, tzinfo=UTC)
    return item


def _note(kind: str, created: int, **obj) -> Notification:
    base = (
        {"object": "payment_intent", "id": INTENT} if kind.startswith("payment_intent") else {"payment_intent": INTENT}
    )
    return Notification(id=f"evt_{kind}_{created}", type=kind, created=created, object={**base, **obj})


def _apply(payment: dal.PaymentItem, note: Notification):
    return APPLIERS[note.type](payment, note)


def test_a_pending_payment_succeeds_and_says_so():
    payment = _payment()
    change = _apply(payment, _note("payment_intent.succeeded", T0, latest_charge="ch_1"))
    assert payment.current_status == PaymentStatus.SUCCEEDED
    assert (payment.method, payment.charge_id, int(payment.intent_event_at)) == ("card", "ch_1", T0)
    (event,) = change.events
    assert isinstance(event, PaymentSucceeded)
    assert event.amount == Money(amount=10_000, currency="GBP")


def test_a_failure_never_undoes_a_success_whatever_its_time():
    # Given a payment that succeeded at T0
    payment = _payment()
    _apply(payment, _note("payment_intent.succeeded", T0))
    # When a failure arrives, older or (impossibly) newer
    for created in (T0 - 30, T0 + 30):
        change = _apply(payment, _note("payment_intent.payment_failed", created, last_payment_error={"code": "x"}))
        # Then nothing changes
        assert change.events == []
        assert change.stale
        assert payment.current_status == PaymentStatus.SUCCEEDED


def test_an_older_failure_does_not_overwrite_a_newer_one():
    # Given the member's second attempt failed at T0 (expired card)
    payment = _payment()
    newer = {"code": "expired_card", "message": "Your card has expired."}
    _apply(payment, _note("payment_intent.payment_failed", T0, last_payment_error=newer))
    # When the first attempt's failure (T0 - 20) arrives late
    older = {"code": "card_declined", "message": "Your card was declined."}
    change = _apply(payment, _note("payment_intent.payment_failed", T0 - 20, last_payment_error=older))
    # Then it is stale, and the payment still says why the newest attempt failed
    assert change.stale
    assert change.events == []
    assert payment.failure == "expired_card: Your card has expired."


def test_a_failure_announces_the_code_and_message():
    payment = _payment()
    error = {"code": "card_declined", "decline_code": "insufficient_funds", "message": "Insufficient funds."}
    (event,) = _apply(payment, _note("payment_intent.payment_failed", T0, last_payment_error=error)).events
    assert isinstance(event, PaymentFailed)
    assert (event.failure_code, event.failure_message) == ("insufficient_funds", "Insufficient funds.")
    assert payment.current_status == PaymentStatus.FAILED


def test_refunds_are_cumulative_so_only_the_newest_counts():
    # Given a paid payment of 100.00
    payment = _payment(PaymentStatus.SUCCEEDED)
    # When Stripe says 50.00 is refunded in all (T0 + 20), then, late, that 30.00 was (T0 + 10)
    first = _apply(payment, _note("charge.refunded", T0 + 20, amount_refunded=5_000, currency="gbp"))
    late = _apply(payment, _note("charge.refunded", T0 + 10, amount_refunded=3_000, currency="gbp"))
    # Then the payment is 50.00 refunded, announced once, and the late event changed nothing
    (event,) = first.events
    assert isinstance(event, PaymentRefunded)
    assert (event.amount.amount, event.refunded_total.amount, event.remaining.amount, event.full) == (
        5_000,
        5_000,
        5_000,
        False,
    )
    assert late.stale
    assert late.events == []
    assert (payment.current_status, int(payment.refunded)) == (PaymentStatus.PARTIALLY_REFUNDED, 5_000)


def test_the_last_refund_is_announced_as_full():
    payment = _payment(PaymentStatus.SUCCEEDED)
    _apply(payment, _note("charge.refunded", T0, amount_refunded=4_000, currency="gbp"))
    (event,) = _apply(payment, _note("charge.refunded", T0 + 5, amount_refunded=10_000, currency="gbp")).events
    assert (event.amount.amount, event.full) == (6_000, True)
    assert payment.current_status == PaymentStatus.REFUNDED


def test_a_refund_made_in_stripes_dashboard_counts_against_what_is_refundable():
    # Given a paid payment with 20.00 of refunds reserved through the platform
    payment = _payment(PaymentStatus.SUCCEEDED)
    payment.refund_reserved = 2_000
    # When Stripe says 70.00 was refunded (50.00 of it in the dashboard)
    _apply(payment, _note("charge.refunded", T0, amount_refunded=7_000, currency="gbp"))
    # Then no more than 30.00 can be asked for now
    assert payment.refundable == Money(amount=3_000, currency="GBP")


def test_a_refund_or_dispute_before_the_success_is_delivered_again_later():
    payment = _payment()
    with pytest.raises(NotYetPaid):
        _apply(payment, _note("charge.refunded", T0, amount_refunded=1_000, currency="gbp"))
    with pytest.raises(NotYetPaid):
        _apply(payment, _note("charge.dispute.created", T0, id="dp_1", amount=1_000, reason="fraudulent"))


def test_a_dispute_is_recorded_once():
    payment = _payment(PaymentStatus.SUCCEEDED)
    opened = _note("charge.dispute.created", T0, id="dp_1", amount=10_000, reason="fraudulent", status="needs_response")
    (event,) = _apply(payment, opened).events
    assert (event.dispute_id, event.reason, event.amount.amount) == ("dp_1", "fraudulent", 10_000)
    again = _apply(payment, _note("charge.dispute.created", T0 + 1, id="dp_1", amount=10_000))
    assert again.events == []
    assert payment.dispute["status"] == "needs_response"


def test_a_cancellation_ends_only_an_unpaid_payment():
    pending = _payment()
    assert _apply(pending, _note("payment_intent.canceled", T0)).events
    assert pending.current_status == PaymentStatus.CANCELED
    paid = _payment(PaymentStatus.SUCCEEDED)
    assert _apply(paid, _note("payment_intent.canceled", T0)).events == []
    assert paid.current_status == PaymentStatus.SUCCEEDED
