"""Payments' use cases: what the orders context calls (record and start a payment, confirm an
offline one, refund, cancel, read), what finance reads, and what Stripe's webhooks change.

Online payments are Stripe PaymentIntents: a payment is recorded (with the order it pays, in the
order's own transaction: `record_payment`, or on its own: `start_payment`) and opened at Stripe
(the member's app confirms the intent with its client secret), and Stripe's webhooks say how it
went. Offline payments (a bank transfer, cash at a collection point) are confirmed by finance with
a reference. Either way a paid payment announces `payment.succeeded`, which is what the order
waits for. By family:

    starting.py       online payments recorded and opened, offline ones confirmed, payments called off
    refunds.py        money given back (Stripe, or offline), once per key
    stripe_events.py  Stripe's webhooks, applied at most once and never backwards
    logic.py          reads, and what the families share (errors, checks, the events a payment announces)
"""

from __future__ import annotations

import re

from panacea.payments import dal
from panacea.payments.access import Action
from panacea.payments.models import (
    Method,
    Payment,
    PaymentRefunded,
    PaymentStatus,
    PaymentSucceeded,
    Provider,
    Refund,
)
from panacea.platform import stripe_amounts
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, NotFound, Unprocessable
from panacea.platform.ids import is_id
from panacea.platform.money import CurrencyMismatch, Money
from panacea.platform.table import Page

MAX_ATTEMPTS = 5  # a change computed from what was read is retried this often when someone changed it meanwhile
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


class PaymentNotFound(NotFound):
    slug, title = "payment-not-found", "Payment not found"


class PaymentsNotSetUp(Conflict):
    slug, title = "payments-not-set-up", "Payments are not set up for this tenant"


class IdempotencyKeyReused(Unprocessable):
    slug, title = "idempotency-key-reused", "Idempotency key reused"


class ReferenceAlreadyRecorded(Conflict):
    slug, title = "reference-already-recorded", "Reference already recorded"


class PaymentNotRefundable(Conflict):
    slug, title = "payment-not-refundable", "Payment cannot be refunded"


class RefundExceedsPayment(Conflict):
    slug, title = "refund-exceeds-payment", "Refund exceeds what is left of the payment"


class RefundRefused(Conflict):
    slug, title = "refund-refused", "Refund refused by the payment provider"


class PaymentNotCancelable(Conflict):
    slug, title = "payment-not-cancelable", "Payment cannot be cancelled"


class NotYetPaid(Conflict):
    """A refund or dispute arrived before the payment's success: Stripe delivers it again later."""

    slug, title = "payment-not-yet-paid", "Payment not yet paid here"


class Claimed(Conflict):
    """A uniqueness claim (an idempotency key, a reference) is already held."""


# --- reading -------------------------------------------------------------------------------


def get_payment(tenant_id: str, payment_id: str) -> Payment:
    """A payment of the tenant (for other contexts, which authorize their own callers)."""
    return payment_item(tenant_id, payment_id).view()


def payments_of_order(tenant_id: str, order_id: str) -> list[Payment]:
    """An order's payments, newest first (an order has a few at most)."""
    return dal.payments(tenant_id, order_id=order_id, status=None, cursor=None, limit=100).items


def refunds_of(tenant_id: str, payment_id: str) -> list[Refund]:
    return [r.view() for r in dal.refunds(tenant_id, payment_item(tenant_id, payment_id).payment_id)]


def read_payment(actor: Actor, payment_id: str) -> Payment:
    authorize(actor, Action.READ_PAYMENTS)
    return get_payment(actor.tenant, payment_id)


def list_payments(
    actor: Actor, *, order_id: str | None, status: PaymentStatus | None, cursor: str | None, limit: int
) -> Page[Payment]:
    authorize(actor, Action.READ_PAYMENTS)
    if order_id is not None and not is_id(order_id):
        return Page[Payment](items=[])
    return dal.payments(actor.tenant, order_id=order_id, status=status, cursor=cursor, limit=limit)


def list_refunds(actor: Actor, payment_id: str) -> list[Refund]:
    authorize(actor, Action.READ_PAYMENTS)
    return refunds_of(actor.tenant, payment_id)


def payment_item(tenant_id: str, payment_id: str) -> dal.PaymentItem:
    item = dal.payment(tenant_id, payment_id) if is_id(payment_id) else None
    if item is None:
        raise PaymentNotFound(f"no payment {payment_id}", field="payment_id")
    return item


# --- shared --------------------------------------------------------------------------------


def succeeded_event(payment: dal.PaymentItem) -> PaymentSucceeded:
    assert payment.paid_at is not None
    return PaymentSucceeded(
        payment_id=payment.payment_id,
        order_id=payment.order_id,
        amount=payment.total,
        provider=Provider(payment.provider),
        method=Method(payment.method) if payment.method else None,
        intent_id=payment.intent_id,
        reference=payment.reference,
        customer_ref=payment.customer_ref,
        paid_at=payment.paid_at,
    )


def refunded_event(payment: dal.PaymentItem, before: Money) -> PaymentRefunded:
    return PaymentRefunded(
        payment_id=payment.payment_id,
        order_id=payment.order_id,
        amount=payment.refunded_total - before,
        refunded_total=payment.refunded_total,
        remaining=payment.total - payment.refunded_total,
        full=int(payment.refunded) >= int(payment.amount),
    )


def check_key(key: str, *, field: str) -> None:
    if not isinstance(key, str) or not _KEY.match(key):
        raise Unprocessable.on_field(field, "invalid", f"{field} is 1 to 255 printable ASCII characters")


def check_order(order_id: str) -> None:
    if not is_id(order_id):
        raise Unprocessable.on_field("order_id", "invalid", f"{order_id!r} is not an order id")


def check_positive(amount: Money) -> None:
    if amount.amount <= 0:
        raise Unprocessable.on_field("amount.amount", "not_positive", "an amount is more than zero")


def check_payable(amount: Money, *, field: str = "amount.amount") -> None:
    """Stripe can take `amount` exactly (the platform never rounds money to fit it: 422 on `field`)."""
    stripe_amounts.to_stripe(amount, field=field)


def check_currency(payment: dal.PaymentItem, amount: Money) -> None:
    try:
        amount - payment.total
    except CurrencyMismatch:
        raise Unprocessable.on_field(
            "amount.currency", "currency_mismatch", f"the payment is in {payment.currency}, not {amount.currency}"
        ) from None


def status_after_refunds(payment: dal.PaymentItem) -> PaymentStatus:
    if int(payment.refunded) >= int(payment.amount):
        return PaymentStatus.REFUNDED
    return PaymentStatus.PARTIALLY_REFUNDED if int(payment.refunded) > 0 else PaymentStatus.SUCCEEDED
