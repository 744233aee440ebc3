"""Cancelling and expiring: members cancel their own order while the tenant's cancel window is
open (an unpaid one at any time), staff cancel any order nothing of which has been fulfilled, and
the workflow expires an order not paid in time. Stock and promotion go back in the transaction
that closes the order; a paid order's payment is refunded in full (refunds.py); an unpaid one's
payment is called off at Stripe just before it (so the order shows its payment `canceled`), and the
wallet credit spent on it goes back to the wallet in the transaction that closes it.
"""

from __future__ import annotations

from panacea import payments
from panacea.orders import dal, supply, wallet_payment
from panacea.orders.access import Action
from panacea.orders.changes import (
    CANCELLED,
    AlreadyFulfilled,
    Answer,
    WindowClosed,
    as_member,
    changing,
    facts,
    give_back_promotion,
    mine,
)
from panacea.orders.commands import (
    CancelOrder,
)
from panacea.orders.lifecycle import check, move
from panacea.orders.models import (
    GroupStatus,
    Order,
    OrderCancelled,
    OrderExpired,
    OrderState,
)
from panacea.orders.refunds import Plan, all_left, refunded_order
from panacea.platform import clock, observability
from panacea.platform.access import Actor
from panacea.platform.errors import DomainError
from panacea.platform.money import Money
from panacea.platform.observability import logger
from panacea.platform.transaction import unit_of_work


def _untouched(order: Order) -> bool:
    """Nothing of it has been fulfilled yet (nothing shipped, issued or reported)."""
    return all(group.status == GroupStatus.WAITING for group in order.groups)


def cancel(actor: Actor, order_id: str, cmd: CancelOrder) -> Order:
    """Members cancel their own order while the tenant's cancel window is open (an unpaid one at
    any time); staff cancel any order nothing of which has been fulfilled. Stock and promotion go
    back; a paid order's payment is refunded in full."""
    staff = actor.can(Action.MANAGE_ORDERS)
    tenant_id = actor.tenant if staff else as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        if not staff:
            mine(actor, order)
        if order.state == OrderState.CANCELLED:
            return order, []  # cancelled already (a retry)
        check(order.state, OrderState.CANCELLED, doing="cancel the order")
        if not _untouched(order):
            raise AlreadyFulfilled("part of the order is already on its way; ask for a refund instead")
        at = clock.now()
        if not staff and order.state != OrderState.PENDING_PAYMENT and at > order.cancel_until:
            raise WindowClosed(
                f"orders can be cancelled until {order.cancel_until:%Y-%m-%d %H:%M} UTC; ask for a refund"
            )
        if order.state == OrderState.PENDING_PAYMENT:
            return _close_unpaid(tenant_id, item, order, OrderState.CANCELLED, by=actor.user_id, reason=cmd.reason)
        plan = Plan(order.total - order.refunded, all_left(order), True, cmd.reason, actor.user_id, False)
        return refunded_order(tenant_id, item, order, plan, cancelling=True)

    return changing(tenant_id, order_id, change)


def _close_unpaid(
    tenant_id: str, item: dal.OrderItem, order: Order, to: OrderState, *, by: str, reason: str
) -> tuple[Order, list[Answer]]:
    at = clock.now()
    move(order, to, by=by, at=at, doing="cancel the order" if to == OrderState.CANCELLED else "expire the order",
         note=reason)  # fmt: skip
    _call_off_payment(tenant_id, order)
    with unit_of_work(tenant_id) as uow:
        returned = wallet_payment.unspent(order)
        wallet_payment.give_back(uow, tenant_id, order, returned, reference=f"order-{order.id}-unpaid")
        wallet = returned if order.wallet_paid is not None else None
        dal.stage(uow, tenant_id, item, order)
        uow.add(supply.release(tenant_id, order.id, order.lines))
        give_back_promotion(uow, tenant_id, item, to.value)
        if to == OrderState.CANCELLED:
            uow.emit(
                OrderCancelled(
                    order_id=order.id,
                    member_id=order.member_id,
                    by=by,
                    reason=reason,
                    refunded=Money.zero(order.currency),
                    lines=facts(order.lines),
                    referral_code=order.referral_code,
                    wallet_returned=wallet,
                )
            )
        else:
            uow.emit(
                OrderExpired(
                    order_id=order.id, member_id=order.member_id, lines=facts(order.lines), wallet_returned=wallet
                )
            )
    return order, [Answer("payment", error=CANCELLED, cause=reason)] if to == OrderState.CANCELLED else []


def _call_off_payment(tenant_id: str, order: Order) -> None:
    """Cancel the unpaid payment at Stripe so it can no longer be paid, before the transaction that
    closes the order, which then shows the payment as payments has it (best effort: a payment that
    still arrives is refunded, see `paid`; a retry of the closing finds it called off already)."""
    if order.payment.payment_id is None:
        return
    try:
        called_off = payments.cancel_payment(tenant_id, order.payment.payment_id)
        order.payment = order.payment.model_copy(update={"status": called_off.status.value})
    except DomainError as exc:
        logger.warning("payment not cancelled", extra={"order_id": order.id, "reason": exc.detail})
    except Exception:  # the order is closed whatever Stripe says now
        logger.exception("payment not cancelled", extra={"order_id": order.id})


def expire(tenant_id: str, order_id: str) -> bool:
    """The payment wait timed out: an unpaid order expires (stock and promotion back). False if
    the order was paid (or is otherwise past payment) after all."""

    def change(item: dal.OrderItem, order: Order) -> tuple[bool, list[Answer]]:
        if order.state == OrderState.PENDING_PAYMENT:
            _close_unpaid(tenant_id, item, order, OrderState.EXPIRED, by="workflow", reason="not paid in time")
            observability.count("OrdersExpired")
            return True, []
        return order.state in (OrderState.EXPIRED, OrderState.CANCELLED), []

    return changing(tenant_id, order_id, change)
