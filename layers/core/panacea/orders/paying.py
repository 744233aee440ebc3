"""Paying: an order follows its payment. Paid (online: `payment.succeeded`; offline: confirmed by
finance), it sells its stock and counts as the member's paid order, and the transaction that marks
it paid also writes the sales ledger's entry (finance hands it over: `finance.sale_entry`).
Payments' other events (failed, disputed, refunded, called off) are noted on the order, whose
`payment.status` is always the payment's own (`changes.follow_payment`).

That transaction is orders' own: the contexts that follow a payment (distribution's commission,
logistics' kits, records …) subscribe to `order.paid`, `order.completed` and `order.refunded`
and never join it (except where an issue says a wallet debit must commit with the order: then
its owner hands orders the items, as finance does).
"""

from __future__ import annotations

from datetime import datetime

from panacea import finance, payments
from panacea.orders import dal, pricing, sales, supply
from panacea.orders.changes import LATE, Answer, PaymentNotNeeded, changing, facts, follow_payment, read
from panacea.orders.commands import (
    OfflinePayment,
)
from panacea.orders.lifecycle import PAID_STATES, effective, move
from panacea.orders.models import (
    OFFLINE_METHODS,
    Order,
    OrderPaid,
    OrderState,
)
from panacea.orders.refunds import Plan, record_refund
from panacea.platform import clock, observability
from panacea.platform.access import Actor, authorize
from panacea.platform.money import Money
from panacea.platform.observability import logger
from panacea.platform.transaction import unit_of_work


def paid(
    tenant_id: str,
    order_id: str,
    *,
    payment_id: str,
    method: str | None,
    by: str,
    at: datetime,
    reference: str | None = None,
) -> Order:
    """The order was paid: stock is sold, the member has a paid order, `order.paid`; the
    workflow's payment wait is answered. Paid twice (a redelivered event) changes nothing; paid
    after the order was cancelled or expired, the money goes back."""

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        success = Answer("payment", output={"payment_id": payment_id})
        if order.state != OrderState.PENDING_PAYMENT:
            late = order.state in (OrderState.CANCELLED, OrderState.EXPIRED) and order.payment.paid_at is None
            if late and (order.payment.status, order.payment.payment_id) != (LATE, payment_id):
                _refund_late_payment(tenant_id, item, order, payment_id)
            return order, [success]
        move(order, OrderState.PAID, by=by, at=at, doing="record the payment")
        order.payment = order.payment.model_copy(
            update={"payment_id": payment_id, "status": "succeeded", "paid_at": at, "reference": reference}
        )
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.add(supply.sale(tenant_id, order.id, order.lines))
            dal.count_paid(uow, tenant_id, order.member_id)
            uow.add(finance.sale_entry(tenant_id, sales.sale_of(order), at=at))
            uow.emit(
                OrderPaid(
                    order_id=order.id,
                    member_id=order.member_id,
                    total=order.total,
                    payment_id=payment_id,
                    payment_method=order.payment_method,
                    lines=facts(order.lines),
                    referral_code=order.referral_code,
                    wallet_paid=order.wallet_paid,
                )
            )
        observability.count("OrdersPaid")
        return order, [success]

    return changing(tenant_id, order_id, change)


def _refund_late_payment(tenant_id: str, item: dal.OrderItem, order: Order, payment_id: str) -> None:
    """Money arrived for an order that is no more (it expired, or was cancelled): it goes back."""
    logger.warning("payment for a closed order: refunding it", extra={"order_id": order.id, "payment_id": payment_id})
    payment = payments.get_payment(tenant_id, payment_id)
    payments.refund(
        tenant_id,
        payment_id,
        payment.amount,
        f"the order was {order.state.value} before the payment arrived",
        idempotency_key=f"order-{order.id}-late-{payment_id}",
    )
    order.payment = order.payment.model_copy(
        update={
            "payment_id": payment_id,
            "status": LATE,
            "failure": f"payment {payment_id} arrived after the order was {order.state.value}; refunded",
        }
    )
    with unit_of_work(tenant_id) as uow:
        dal.stage(uow, tenant_id, item, order)


def payment_succeeded(tenant_id: str, event: payments.PaymentSucceeded) -> None:
    paid(
        tenant_id,
        event.order_id,
        payment_id=event.payment_id,
        method=event.method.value if event.method else None,
        by="payments",
        at=event.paid_at,
        reference=event.reference,
    )


def payment_failed(tenant_id: str, order_id: str, payment_id: str, failure: str) -> None:
    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        if order.state == OrderState.PENDING_PAYMENT:
            order.payment = order.payment.model_copy(
                update={"payment_id": payment_id, "status": "failed", "failure": failure}
            )
            with unit_of_work(tenant_id) as uow:
                dal.stage(uow, tenant_id, item, order)
        return None, []

    changing(tenant_id, order_id, change)


def payment_disputed(tenant_id: str, order_id: str) -> None:
    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        if not order.payment.disputed:
            order.payment = order.payment.model_copy(update={"disputed": True})
            with unit_of_work(tenant_id) as uow:
                dal.stage(uow, tenant_id, item, order)
        return None, []

    changing(tenant_id, order_id, change)


def payment_refunded(tenant_id: str, event: payments.PaymentRefunded) -> None:
    """A refund payments confirmed. One the order asked for is already on it (or in flight); one
    made at Stripe directly is recorded now, as a refund of an amount without lines."""

    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        in_flight = (item.refund_in_flight or {}).get("amount", 0)  # the money part of the refund in flight
        in_money = order.refunded - order.wallet_returned if order.wallet_returned is not None else order.refunded
        unknown = event.refunded_total.amount - in_money.amount - in_flight
        if unknown <= 0 or effective(order) not in PAID_STATES:
            return _followed(tenant_id, item, order)
        amount = Money(amount=unknown, currency=order.currency)
        plan = Plan(amount, [], False, "refunded at the payment provider", "payments", False, in_money_only=True)
        return None, record_refund(tenant_id, item, order, plan)

    changing(tenant_id, event.order_id, change)


def payment_canceled(tenant_id: str, order_id: str) -> None:
    """Payments called the payment off (the order closed, or the intent was cancelled at Stripe)."""
    changing(tenant_id, order_id, lambda item, order: _followed(tenant_id, item, order))


def _followed(tenant_id: str, item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
    """The order shows its payment as payments has it now (written only if that changed it)."""
    if follow_payment(tenant_id, order):
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
    return None, []


def confirm_offline_payment(actor: Actor, order_id: str, cmd: OfflinePayment) -> Order:
    """Finance confirms a bank transfer or cash with its reference; payments records it and
    announces `payment.succeeded`, which pays the order like an online payment."""
    authorize(actor, payments.Action.RECORD_OFFLINE_PAYMENTS)
    tenant_id = actor.tenant
    order = read(tenant_id, order_id).model
    if order.state != OrderState.PENDING_PAYMENT:
        raise PaymentNotNeeded(f"the order is {order.state.value}; there is nothing to confirm")
    if order.payment_method not in OFFLINE_METHODS:
        raise PaymentNotNeeded(f"the order is paid online ({order.payment_method.value}); Stripe confirms it")
    payment = payments.record_offline_payment(
        actor,
        tenant_id,
        order.id,
        pricing.money_due(order),
        cmd.reference,
        method=payments.Method(order.payment_method.value),
    )
    return paid(
        tenant_id,
        order.id,
        payment_id=payment.id,
        method=order.payment_method.value,
        by=actor.user_id,
        at=clock.now(),
        reference=cmd.reference,
    )
