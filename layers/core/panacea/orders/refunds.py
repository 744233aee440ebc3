"""Refunds: members ask, staff approve or decline; staff refund all that is left, an amount, or
lines (returned, or never to be fulfilled); a paid order cancelled is refunded in full.

A refund is asked of payments first (once per key, so a retry never pays twice) with the refund
noted on the order beforehand (`refund_in_flight`), and recorded on the order afterwards; the
`payment.refunded` consumer (paying.py) records only refunds the order knows nothing of (made at
Stripe). The transaction that records a refund also writes the sales ledger's entry of it
(finance hands it over: `finance.refund_entry`), puts back what is restocked (the catalog hands
over the stock writes) and, when everything went back, gives back the promotions. Later contexts
follow `order.refunded` (and `order.cancelled`) by their events; they do not join it.

An order paid partly from the wallet is refunded to where its money came from, pro rata to what is
left of each (`pricing.wallet_share`): payments refunds the money part only, and the wallet part is
credited back in the transaction that records the refund (the wallet's owner hands over the items,
keyed by the refund's key: once per refund). A refund made at Stripe directly is money only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from panacea import finance, payments
from panacea.orders import dal, pricing, sales, supply, wallet_payment
from panacea.orders.access import Action
from panacea.orders.changes import (
    Answer,
    RefundNotPossible,
    as_member,
    changing,
    facts,
    follow_payment,
    give_back_promotion,
    mine,
    read,
    stop_waits,
)
from panacea.orders.commands import (
    RefundAsk,
    RefundDecision,
    RefundIssue,
)
from panacea.orders.lifecycle import PAID_STATES, after_refund, check, effective, move
from panacea.orders.models import (
    GroupStatus,
    Order,
    OrderCancelled,
    OrderLine,
    OrderRefund,
    OrderRefundDeclined,
    OrderRefunded,
    OrderRefundRequested,
    OrderState,
    RefundLine,
    RefundRequest,
)
from panacea.platform import clock, observability
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, DomainError, FieldError
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from panacea.platform.transaction import unit_of_work


@dataclass(frozen=True)
class Plan:
    """A refund worked out: how much, which lines (and whether they go back to stock), why, by whom."""

    amount: Money
    lines: list[RefundLine]
    restock: bool
    reason: str
    by: str
    by_member: bool
    in_money_only: bool = False  # a refund made at the payment provider: nothing goes to the wallet

    def to_wallet(self, order: Order) -> Money:
        """Of this refund, what goes back to the wallet (the rest goes to the payment method)."""
        return Money.zero(order.currency) if self.in_money_only else pricing.wallet_share(order, self.amount)

    def in_money(self, order: Order) -> Money:
        return self.amount - self.to_wallet(order)


def all_left(order: Order) -> list[RefundLine]:
    return [
        RefundLine(line_no=line.line_no, quantity=line.quantity - line.refunded_quantity)
        for line in order.lines
        if line.quantity > line.refunded_quantity
    ]


def _lines_value(order: Order, lines: list[RefundLine], *, field: str) -> int:
    by_no = {line.line_no: line for line in order.lines}
    value, seen = 0, set()
    for i, wanted in enumerate(lines):
        line = by_no.get(wanted.line_no)
        if line is None or wanted.line_no in seen:
            raise RefundNotPossible(
                f"the order has no line {wanted.line_no} (or it is named twice)",
                errors=[FieldError(f"{field}[{i}].line_no", "unknown")],
            )
        seen.add(wanted.line_no)
        left = line.quantity - line.refunded_quantity
        if wanted.quantity > left:
            raise RefundNotPossible(
                f"line {line.line_no} has {left} unit(s) left to refund",
                errors=[FieldError(f"{field}[{i}].quantity", "too_many")],
            )
        value += pricing.refund_value(line, wanted.quantity)
    return value


def _plan(order: Order, *, amount: int | None, lines: list[RefundLine], restock: bool, reason: str, by: str,
          by_member: bool) -> Plan:  # fmt: skip
    left = order.total.amount - order.refunded.amount
    if left <= 0:
        raise RefundNotPossible(
            "everything paid has already been refunded", errors=[FieldError("amount", "nothing_left")]
        )
    value = _lines_value(order, lines, field="lines") if lines else left
    wanted = amount if amount is not None else value
    if wanted > left:
        raise RefundNotPossible(
            f"at most {Money(amount=left, currency=order.currency)} is left to refund",
            errors=[FieldError("amount", "too_much")],
        )
    if not lines and wanted == left:
        lines = all_left(order)
    return Plan(Money(amount=wanted, currency=order.currency), lines, restock, reason, by, by_member)


def request_refund(actor: Actor, order_id: str, cmd: RefundAsk) -> Order:
    """A member asks for (part of) their money back; staff approve or decline it."""
    tenant_id = as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        mine(actor, order)
        check(order.state, OrderState.REFUND_REQUESTED, doing="ask for a refund")
        plan = _plan(order, amount=None, lines=cmd.lines, restock=True, reason=cmd.reason, by=actor.user_id,
                     by_member=True)  # fmt: skip
        at = clock.now()
        request = RefundRequest(
            amount=plan.amount, reason=cmd.reason, lines=cmd.lines, requested_at=at, resume_state=order.state
        )
        move(order, OrderState.REFUND_REQUESTED, by=actor.user_id, at=at, doing="ask for a refund", note=cmd.reason)
        order.refund_request = request
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.emit(
                OrderRefundRequested(
                    order_id=order.id, member_id=order.member_id, amount=plan.amount, reason=cmd.reason
                )
            )
        return order, []

    return changing(tenant_id, order_id, change)


def decline_refund(actor: Actor, order_id: str, cmd: RefundDecision) -> Order:
    authorize(actor, Action.MANAGE_ORDERS)
    tenant_id = actor.tenant

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        request = _open_request(order)
        at = clock.now()
        move(order, request.resume_state, by=actor.user_id, at=at, doing="decline the refund", note=cmd.note,
             decision=True)  # fmt: skip
        order.refund_request = None
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.emit(
                OrderRefundDeclined(order_id=order.id, member_id=order.member_id, state=order.state, note=cmd.note)
            )
        return order, []

    return changing(tenant_id, order_id, change)


def _open_request(order: Order) -> RefundRequest:
    if order.state != OrderState.REFUND_REQUESTED or order.refund_request is None:
        raise RefundNotPossible(
            f"the order is {order.state.value}; there is no refund request to decide",
            errors=[FieldError("order_id", "no_request")],
        )
    return order.refund_request


def approve_refund(actor: Actor, order_id: str, cmd: RefundDecision) -> Order:
    """Approve the member's request: refund what they asked for (or `amount`), restock what they return."""
    authorize(actor, Action.MANAGE_ORDERS)
    tenant_id = actor.tenant

    def planned(order: Order) -> Plan:
        request = _open_request(order)
        return _plan(order, amount=cmd.amount or request.amount.amount, lines=request.lines, restock=cmd.restock,
                     reason=request.reason, by=actor.user_id, by_member=True)  # fmt: skip

    return _refund(tenant_id, order_id, planned)


def issue_refund(actor: Actor, order_id: str, cmd: RefundIssue) -> Order:
    """Staff refund all that is left, an amount, or lines (returned, or never to be fulfilled)."""
    authorize(actor, Action.MANAGE_ORDERS)
    tenant_id = actor.tenant

    def planned(order: Order) -> Plan:
        if order.state == OrderState.REFUND_REQUESTED:
            raise RefundNotPossible(
                "the member has asked for a refund: approve or decline it first",
                errors=[FieldError("order_id", "request_open")],
            )
        if order.state not in PAID_STATES:
            raise RefundNotPossible(
                f"the order is {order.state.value}; only a paid order is refunded",
                errors=[FieldError("order_id", "not_paid")],
            )
        return _plan(order, amount=cmd.amount, lines=cmd.lines, restock=cmd.restock, reason=cmd.reason,
                     by=actor.user_id, by_member=False)  # fmt: skip

    return _refund(tenant_id, order_id, planned)


def _refund(tenant_id: str, order_id: str, planned: Callable[[Order], Plan]) -> Order:
    """Note the refund on the order, have payments refund it (once per key), record it."""
    key_of: dict[str, Any] = {}

    def note(item: dal.OrderItem, order: Order) -> tuple[Plan, list[Answer]]:
        plan = planned(order)
        key = f"order-{order.id}-refund-{len(order.refunds) + 1}"
        flight = item.refund_in_flight
        if flight and flight.get("key") != key:
            raise Conflict("another refund of this order is being made; retry shortly")
        if not order.payment.payment_id:
            raise RefundNotPossible("the order has no payment to refund", errors=[FieldError("order_id", "not_paid")])
        if not flight:
            item.refund_in_flight = {"key": key, "amount": plan.in_money(order).amount}
            with unit_of_work(tenant_id) as uow:
                uow.save(item)
        key_of["key"] = key
        return plan, []

    plan = changing(tenant_id, order_id, note)
    key = key_of["key"]
    item = read(tenant_id, order_id)
    try:
        _refund_money(tenant_id, item.model, plan, key)
    except DomainError:
        _land(tenant_id, order_id, key)
        raise

    def record(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        flight = item.refund_in_flight or {}
        if flight.get("key") != key or any(r.payment_refund_key == key for r in order.refunds):
            return order, []  # recorded already (a retry)
        return order, record_refund(tenant_id, item, order, plan, key=key)

    return changing(tenant_id, order_id, record)


def _refund_money(tenant_id: str, order: Order, plan: Plan, key: str) -> None:
    """Have payments refund the plan's money part (nothing when the wallet takes all of it back)."""
    money = plan.in_money(order)
    if money.amount > 0:
        payments.refund(tenant_id, order.payment.payment_id or "", money, plan.reason, idempotency_key=key)


def _land(tenant_id: str, order_id: str, key: str) -> None:
    """Payments refused the refund: nothing is in flight any more."""

    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        if (item.refund_in_flight or {}).get("key") == key:
            item.refund_in_flight = None
            with unit_of_work(tenant_id) as uow:
                uow.save(item)
        return None, []

    changing(tenant_id, order_id, change)


def refunded_order(
    tenant_id: str, item: dal.OrderItem, order: Order, plan: Plan, *, cancelling: bool
) -> tuple[Order, list[Answer]]:
    """Cancel a paid order: refund all of it through payments (once per order), then record it."""
    key = f"order-{order.id}-cancel"
    if not order.payment.payment_id:
        raise RefundNotPossible("the order has no payment to refund", errors=[FieldError("order_id", "not_paid")])
    if (item.refund_in_flight or {}).get("key") != key:
        item.refund_in_flight = {"key": key, "amount": plan.in_money(order).amount}
        with unit_of_work(tenant_id) as uow:
            uow.save(item)
    _refund_money(tenant_id, order, plan, key)
    answers = record_refund(tenant_id, item, order, plan, key=key, cancelling=cancelling)
    return order, answers


def record_refund(
    tenant_id: str, item: dal.OrderItem, order: Order, plan: Plan, *, key: str | None = None, cancelling: bool = False
) -> list[Answer]:
    """Record a refund payments made: lines refunded (and restocked), parcels and tests that will
    not be fulfilled stopped, the state the rule says (lifecycle.py), `order.refunded` (or
    `order.cancelled`), in one transaction with the ledger's entry (and the stock and promotions
    that go back)."""
    at = clock.now()
    to_wallet = plan.to_wallet(order)  # before the refund counts: pro rata to what was left
    refunded_lines = _refund_lines(order, plan, plan.amount - to_wallet)
    order.refunded = order.refunded + plan.amount
    full = order.refunded.amount >= order.total.amount
    stopped = _stop_groups(order, full=full)
    refund = OrderRefund(
        id=new_id(),
        amount=plan.amount,
        reason=plan.reason,
        lines=plan.lines,
        restocked=plan.restock and bool(plan.lines),
        by=plan.by,
        at=at,
        payment_refund_key=key,
        requested_by_member=plan.by_member,
    )
    order.refunds.append(refund)
    to = (
        OrderState.CANCELLED
        if cancelling
        else after_refund(effective(order), refunded=order.refunded.amount, total=order.total.amount)
    )
    move(order, to, by=plan.by, at=at, doing="refund the order", note=f"refund of {plan.amount}: {plan.reason}",
         decision=True)  # fmt: skip
    if order.state != OrderState.REFUND_REQUESTED:
        order.refund_request = None
    item.refund_in_flight = None
    follow_payment(tenant_id, order)  # an offline refund is made already; Stripe's refunds follow by their event
    with unit_of_work(tenant_id) as uow:
        if plan.restock:
            by_no = {line.line_no: line for line in order.lines}
            returned = [(by_no[wanted.line_no], wanted.quantity) for wanted in plan.lines]
            uow.add(supply.restocking(tenant_id, order.id, returned))
        uow.add(finance.refund_entry(tenant_id, sales.sale_of(order), sales.refund_of(refund, refunded_lines), at=at))
        if full:
            give_back_promotion(uow, tenant_id, item, "cancelled" if cancelling else "refunded")
        wallet_payment.give_back(uow, tenant_id, order, to_wallet, reference=key or f"refund-{refund.id}")
        dal.stage(uow, tenant_id, item, order)
        uow.emit(_refunded_event(order, refund, refunded_lines, to_wallet, full=full, cancelling=cancelling))
    observability.count("OrdersRefunded")
    return stop_waits(order, stopped)


def _refund_lines(order: Order, plan: Plan, money: Money) -> list[OrderLine]:
    """Count the plan's units refunded on their lines; the lines as the refund names them (the units
    refunded, what they give back, and of that the `money` part shared out over them, the rest their
    wallet part)."""
    by_no = {line.line_no: line for line in order.lines}
    values = {wanted.line_no: pricing.refund_value(by_no[wanted.line_no], wanted.quantity) for wanted in plan.lines}
    in_money = pricing.allocate(money.amount, values)
    refunded: list[OrderLine] = []
    for wanted in plan.lines:
        line = by_no[wanted.line_no]
        value = values[wanted.line_no]
        line.refunded_quantity += wanted.quantity
        wallet = Money(amount=value - in_money[wanted.line_no], currency=order.currency)
        amount = Money(amount=value, currency=order.currency)
        refunded.append(line.model_copy(update={"quantity": wanted.quantity, "amount": amount, "wallet": wallet}))
    return refunded


def _stop_groups(order: Order, *, full: bool) -> set[str]:
    """Parcels and tests that will not be fulfilled now (all of them on a full refund): refunded."""
    by_no = {line.line_no: line for line in order.lines}
    stopped = {
        g.id
        for g in order.groups
        if g.status in (GroupStatus.WAITING, GroupStatus.SHIPPED)
        and (full or all(by_no[n].refunded_quantity >= by_no[n].quantity for n in g.line_nos))
    }
    for group in order.groups:
        if group.id in stopped:
            group.status = GroupStatus.REFUNDED
    return stopped


def _refunded_event(
    order: Order,
    refund: OrderRefund,
    refunded_lines: list[OrderLine],
    to_wallet: Money,
    *,
    full: bool,
    cancelling: bool,
) -> OrderCancelled | OrderRefunded:
    """The event of a refund: its amounts are the money given back (commission follows them), the
    wallet part beside them."""
    wallet = to_wallet if order.wallet_paid is not None else None
    if cancelling:
        return OrderCancelled(
            order_id=order.id,
            member_id=order.member_id,
            by=refund.by,
            reason=refund.reason,
            refunded=refund.amount - to_wallet,
            lines=facts(order.lines),
            referral_code=order.referral_code,
            wallet_returned=wallet,
        )
    return OrderRefunded(
        order_id=order.id,
        member_id=order.member_id,
        refund_id=refund.id,
        amount=refund.amount - to_wallet,
        wallet_returned=wallet,
        refunded_total=order.refunded,
        full=full,
        state=order.state,
        lines=facts(refunded_lines),
        referral_code=order.referral_code,
    )
