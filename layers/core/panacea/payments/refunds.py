"""Refunds: money given back of a paid payment, never more than was paid less what was already
refunded or asked for (the amount is reserved against the payment under that condition, in the
transaction that records the refund, before Stripe is asked). Online, Stripe's `charge.refunded`
webhook announces `payment.refunded`; offline, it is recorded and announced at once.
"""

from __future__ import annotations

from panacea.payments import dal
from panacea.payments.logic import (
    MAX_ATTEMPTS,
    Claimed,
    IdempotencyKeyReused,
    PaymentNotRefundable,
    RefundExceedsPayment,
    RefundRefused,
    check_currency,
    check_key,
    check_payable,
    check_positive,
    payment_item,
    refunded_event,
    status_after_refunds,
)
from panacea.payments.models import (
    PAID,
    Provider,
    Refund,
    RefundStatus,
)
from panacea.platform import clock, observability
from panacea.platform import payments as stripe_port
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from panacea.platform.transaction import unit_of_work


def refund(tenant_id: str, payment_id: str, amount: Money, reason: str, *, idempotency_key: str) -> Refund:
    """Give back `amount` of a paid payment (all of it or part), never more than was paid less
    what was already refunded or asked for: the amount is reserved against the payment under
    that condition, in the transaction that records the refund, before Stripe is asked.

    Online, Stripe refunds it and its `charge.refunded` webhook announces `payment.refunded`;
    offline (the money goes back outside Stripe), it is recorded and announced at once. Once per
    `idempotency_key`: a retry answers the same refund (and asks Stripe again, with the same key,
    if Stripe had not answered)."""
    check_key(idempotency_key, field="idempotency_key")
    if not 3 <= len(reason.strip()) <= 500:
        raise Unprocessable.on_field("reason", "invalid", "a reason is 3 to 500 characters")
    payment = payment_item(tenant_id, payment_id)
    check_positive(amount)
    check_currency(payment, amount)
    if Provider(payment.provider) == Provider.STRIPE:
        check_payable(amount)
    request = f"{payment_id}.{dal.digest(idempotency_key)}"
    if dal.claim_owner(tenant_id, "refund_request", request):  # a retry: answer (or finish) the first refund
        return _finish(payment, _replayed_refund(tenant_id, payment_id, request, amount))
    if payment.current_status not in PAID:
        raise PaymentNotRefundable(f"payment {payment_id} is {payment.status}; only a paid payment is refunded")
    if Provider(payment.provider) == Provider.OFFLINE:
        return _refund_offline(payment, amount, reason.strip(), request)
    record = dal.RefundItem.new(
        payment=payment,
        refund_id=new_id(),
        amount=amount,
        reason=reason.strip(),
        status=RefundStatus.REQUESTED,
        at=clock.now(),
    )
    try:
        with unit_of_work(tenant_id) as uow:
            uow.claim(tenant_id, "refund_request", request, record.refund_id, taken=Claimed(""))
            uow.create(record, conflict=Conflict(f"refund {record.refund_id} exists"))
            dal.reserve_refund(uow, payment, amount, at=record.created_at, refused=_exceeds(payment, amount))
    except Claimed:
        record = _replayed_refund(tenant_id, payment_id, request, amount)
    return _finish(payment, record)


def _finish(payment: dal.PaymentItem, record: dal.RefundItem) -> Refund:
    """A refund Stripe has not answered yet is asked for (again: the same key); others are as they are."""
    return _submit(payment, record) if record.current_status == RefundStatus.REQUESTED else record.view()


def _submit(payment: dal.PaymentItem, record: dal.RefundItem) -> Refund:
    """Ask Stripe for a reserved refund; give the reservation back if Stripe refuses it."""
    assert payment.intent_id, "an online payment that was paid has an intent"
    try:
        made = stripe_port.create_refund(
            intent_id=payment.intent_id,
            amount=record.money,
            metadata={
                "tenant_id": payment.tenant_id,
                "payment_id": payment.payment_id,
                "order_id": payment.order_id,
                "refund_id": record.refund_id,
            },
            idempotency_key=f"panacea-refund-{payment.tenant_id}-{record.refund_id}",
        )
    except stripe_port.ProviderRefused as refused:
        record.status, record.failure, record.updated_at = RefundStatus.FAILED.value, refused.detail, clock.now()
        with unit_of_work(payment.tenant_id) as uow:
            uow.save(record)
            dal.release_refund(uow, payment, record.money, at=record.updated_at)
        raise RefundRefused(f"Stripe refused the refund: {refused.detail}") from refused
    record.stripe_refund_id = made.id
    record.status = (RefundStatus.SUCCEEDED if made.status == "succeeded" else RefundStatus.PENDING).value
    record.updated_at = clock.now()
    with unit_of_work(payment.tenant_id) as uow:
        uow.save(record)
    observability.count("RefundsRequested")
    return record.view()


def _refund_offline(payment: dal.PaymentItem, amount: Money, reason: str, request: str) -> Refund:
    """Money handed back outside Stripe: recorded, and announced, at once."""
    for _ in range(MAX_ATTEMPTS):
        if amount.amount > payment.refundable.amount:
            raise _exceeds(payment, amount)
        at = clock.now()
        record = dal.RefundItem.new(
            payment=payment, refund_id=new_id(), amount=amount, reason=reason, status=RefundStatus.SUCCEEDED, at=at
        )
        before = payment.refunded_total
        payment.refunded = int(payment.refunded) + amount.amount
        payment.refund_reserved = int(payment.refund_reserved) + amount.amount
        payment.status = status_after_refunds(payment).value
        payment.updated_at = at
        try:
            with unit_of_work(payment.tenant_id) as uow:
                uow.claim(payment.tenant_id, "refund_request", request, record.refund_id, taken=Claimed(""))
                uow.create(record, conflict=Conflict(f"refund {record.refund_id} exists"))
                dal.save_changed(uow, payment)
                uow.emit(refunded_event(payment, before))
            return record.view()
        except Claimed:
            return _replayed_refund(payment.tenant_id, payment.payment_id, request, amount).view()
        except ConcurrentUpdate:
            payment = payment_item(payment.tenant_id, payment.payment_id)
    raise ConcurrentUpdate("the payment kept changing; retry")


def _replayed_refund(tenant_id: str, payment_id: str, request: str, amount: Money) -> dal.RefundItem:
    owner = dal.claim_owner(tenant_id, "refund_request", request)
    record = dal.refund(tenant_id, payment_id, owner) if owner else None
    if record is None:
        raise Conflict("a refund for this idempotency key is being made; retry shortly")
    if record.money != amount:
        raise IdempotencyKeyReused(
            "this idempotency key already asked for a refund of another amount",
            errors=[FieldError("idempotency_key", "reused")],
        )
    return record


def _exceeds(payment: dal.PaymentItem, amount: Money) -> RefundExceedsPayment:
    return RefundExceedsPayment(
        f"{amount} asked; {payment.refundable} of {payment.total} is left to refund "
        "(refunds already made or on their way count)",
        errors=[FieldError("amount", "exceeds_refundable")],
    )
