"""Checkout: the cart, a quote, placing an order and starting its payment.

Placing an order prices it on the server (the catalog), quotes its promotions, then commits in
ONE transaction: the order (pending_payment) and its index items, a stock reservation per line,
the promotion's redemption, the payment's record (an online method) and `order.placed`. Under
concurrency the last unit is sold once and a coupon's limits hold, because each of them is a
condition of that transaction; catalog, promotions and payments each hand orders the writes of
their own records. The payment is opened at Stripe just before that transaction, so that its
record carries the intent (if the transaction fails, the intent is called off); if Stripe cannot
be reached the order is placed anyway, pending, and `POST /v1/orders/{order_id}/payment` starts
the same payment again. Wallet credit spent on the order is debited in that same transaction (the
wallet's owner hands over the debit: `wallet_payment.py`); the payment is for the rest, and an order
the wallet pays whole is paid as it is placed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from panacea import catalog, payments, promotions
from panacea.orders import dal, pricing, supply, wallet_payment
from panacea.orders.changes import (
    MAX_ATTEMPTS,
    SHIPPED_KINDS,
    OrderRules,
    PaymentNotNeeded,
    address_snapshot,
    as_member,
    changing,
    facts,
    mine,
    read,
    rules_of,
)
from panacea.orders.line_commission import LineCommission
from panacea.orders.models import (
    OFFLINE_METHODS,
    Cart,
    CartLines,
    Checkout,
    FulfilmentGroup,
    GroupKind,
    LineIn,
    Order,
    OrderLine,
    OrderPlaced,
    OrderPromotion,
    OrderQuote,
    OrderState,
    PaymentInfo,
    PaymentStarted,
    PlacedOrder,
    ProductKind,
    Transition,
)
from panacea.orders.paying import paid
from panacea.platform import clock, idempotency, observability
from panacea.platform.access import Actor
from panacea.platform.errors import ConcurrentUpdate, Conflict, DomainError, FieldError, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from panacea.platform.observability import logger
from panacea.platform.transaction import UnitOfWork, unit_of_work


class PaymentMethodNotOffered(Unprocessable):
    slug, title = "payment-method-not-offered", "Payment method not offered"


class NothingToOrder(Unprocessable):
    slug, title = "nothing-to-order", "Nothing to order"


class IdempotencyKeyReused(Unprocessable):
    slug, title = "idempotency-key-reused", "Idempotency-Key reused"


# --- the cart ------------------------------------------------------------------------------------


def get_cart(actor: Actor) -> Cart:
    tenant_id = as_member(actor)
    item = dal.cart(tenant_id, actor.user_id)
    return item.view() if item else Cart(lines=[])


def put_cart(actor: Actor, cmd: CartLines) -> Cart:
    """Replace the cart; every line must be something the catalog sells now (422 naming it)."""
    tenant_id = as_member(actor)
    if cmd.lines:
        supply.price(tenant_id, cmd.lines, rules_of(tenant_id).currency)
    item = dal.cart(tenant_id, actor.user_id) or dal.CartItem.of(tenant_id, actor.user_id)
    with unit_of_work(tenant_id) as uow:
        dal.save_cart(uow, item, cmd.lines, at=clock.now())
    return item.view()


def empty_cart(actor: Actor) -> Cart:
    return put_cart(actor, CartLines(lines=[]))


# --- pricing an order ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Priced:
    lines: list[OrderLine]
    quote: Any  # promotions' Quote
    promotions: list[OrderPromotion]


def _price(
    tenant_id: str, member_id: str, lines: list[LineIn], coupon: str | None, currency: str, *, first: bool, at: datetime
) -> Priced:
    priced = supply.price(tenant_id, lines, currency)
    quote = promotions.quote(
        tenant_id,
        member_id,
        [
            promotions.QuoteLine(
                line_ref=str(i), product_id=p.product_id, category_ids=p.category_ids, amount=p.line_total
            )
            for i, p in enumerate(priced, start=1)
        ],
        coupon,
        first_order=first,
        at=at,
    )
    by_ref = {line.line_ref: line for line in quote.lines}
    made = [_line(i, p, by_ref[str(i)]) for i, p in enumerate(priced, start=1)]
    applied = [
        OrderPromotion(
            promotion_id=a.promotion_id, name=a.name, kind=a.kind.value, discount=a.discount, coupon_code=a.code
        )
        for a in quote.applied
    ]
    return Priced(made, quote, applied)


def _line(no: int, p: catalog.PricedLine, price: Any) -> OrderLine:
    return OrderLine(
        line_no=no,
        sku_id=p.sku_id,
        store_id=p.store_id,
        product_id=p.product_id,
        product_name=p.product_name,
        kind=ProductKind(p.product_kind.value),
        category_ids=list(p.category_ids),
        unit_price=p.unit_price,
        quantity=p.quantity,
        subtotal=p.line_total,
        discount=price.discount,
        amount=price.total,
        cashback_bps=p.cashback_bps,
        commission=[LineCommission(level=c.level, rate_bps=c.rate_bps, fixed=c.fixed) for c in p.commission],
    )


def _check_method(rules: OrderRules, method: str) -> None:
    offline = method in OFFLINE_METHODS
    if (offline and not rules.offline_payment) or (not offline and method not in rules.payment_methods):
        taken = [*rules.payment_methods, *(sorted(OFFLINE_METHODS) if rules.offline_payment else [])]
        raise PaymentMethodNotOffered(
            f"this shop takes {', '.join(taken)}; not {method}",
            errors=[FieldError("payment_method", "not_offered")],
        )


def groups_of(lines: list[OrderLine]) -> list[FulfilmentGroup]:
    """A parcel per store for what is shipped, vouchers per service line, a gene test per line."""
    parcels: dict[str, list[int]] = {}
    for line in lines:
        if line.kind in SHIPPED_KINDS:
            parcels.setdefault(line.store_id, []).append(line.line_no)
    groups = [
        FulfilmentGroup(id=f"S{i}", kind=GroupKind.SHIPMENT, line_nos=nos, store_id=store)
        for i, (store, nos) in enumerate(parcels.items(), start=1)
    ]
    groups += [
        FulfilmentGroup(id=f"V{line.line_no}", kind=GroupKind.SERVICE, line_nos=[line.line_no], store_id=line.store_id)
        for line in lines
        if line.kind == ProductKind.SERVICE
    ]
    groups += [
        FulfilmentGroup(
            id=f"G{line.line_no}", kind=GroupKind.GENE_TEST, line_nos=[line.line_no], store_id=line.store_id
        )
        for line in lines
        if line.kind == ProductKind.GENE_TEST
    ]
    return groups


def quote(actor: Actor, cmd: Checkout) -> OrderQuote:
    """What checking out `cmd` would charge now (nothing is placed or held)."""
    tenant_id = as_member(actor)
    rules = rules_of(tenant_id)
    cart, paid_before = dal.cart_and_orders(tenant_id, actor.user_id)
    lines = cmd.lines or (cart.line_list if cart else [])
    if not lines:
        raise NothingToOrder("your cart is empty", errors=[FieldError("lines", "empty")])
    priced = _price(
        tenant_id, actor.user_id, lines, cmd.coupon_code, rules.currency, first=paid_before == 0, at=clock.now()
    )
    subtotal, discount, total = pricing.totals(priced.lines, rules.currency)
    if cmd.wallet_credit is not None:
        wallet_payment.quoted(tenant_id, actor.user_id, cmd.wallet_credit, total)
        pricing.spend_wallet(priced.lines, cmd.wallet_credit)
    return OrderQuote(
        lines=priced.lines,
        currency=rules.currency,
        subtotal=subtotal,
        discount=discount,
        total=total,
        wallet_credit=cmd.wallet_credit,
        to_pay=total - cmd.wallet_credit if cmd.wallet_credit is not None else total,
        promotions=priced.promotions,
    )


# --- placing an order ----------------------------------------------------------------------------


class _Replay(Conflict):
    """The checkout's Idempotency-Key is already held: the order it placed is the answer."""


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def place(actor: Actor, cmd: Checkout, *, idempotency_key: str | None) -> PlacedOrder:
    """Place an order (see the module's docstring); once per Idempotency-Key."""
    tenant_id = as_member(actor)
    member_id = actor.user_id
    claim = _digest(member_id, idempotency_key) if idempotency_key else None
    request = _digest(cmd.model_dump_json())
    cart, paid_before, claimed = dal.checkout_reads(tenant_id, member_id, claim)
    if claimed and (placed := _replay_of(tenant_id, claimed, request)):
        return placed
    rules = rules_of(tenant_id)
    _check_method(rules, cmd.payment_method)
    lines = cmd.lines or (cart.line_list if cart else [])
    if not lines:
        raise NothingToOrder("your cart is empty; add something or send `lines`", errors=[FieldError("lines", "empty")])
    at = clock.now()
    priced = _price(tenant_id, member_id, lines, cmd.coupon_code, rules.currency, first=paid_before == 0, at=at)
    order = _new_order(tenant_id, member_id, cmd, priced, rules, at=at)
    wallet = wallet_payment.spend(tenant_id, order, cmd.wallet_credit)
    payment = _payment_of(tenant_id, order)
    emptied = cart if not cmd.lines else None
    try:
        secret, payment_error = _open(tenant_id, order, payment)
        item = dal.OrderItem.of(tenant_id, order)
        item.request_digest = request
        placed = _commit(tenant_id, item, order, priced, rules, claim, request, payment, emptied, wallet)
    except Exception:
        if payment is not None:  # no order carries this intent: nobody can pay it
            payments.call_off_intent(tenant_id, payment)
        raise
    if placed is not None:  # the same checkout, placed meanwhile: its order is the answer
        if payment is not None and placed.order.id != order.id:
            payments.call_off_intent(tenant_id, payment)
        return placed
    observability.count("OrdersPlaced")
    if pricing.money_due(order).amount == 0:  # free, or paid whole from the wallet
        free = order.wallet_paid is None or order.total.amount == 0
        payment_id = f"free-{order.id}" if free else f"{wallet_payment.PAID_BY_WALLET}{order.id}"
        paid(tenant_id, order.id, payment_id=payment_id, method=None, by=member_id, at=at)
        return PlacedOrder(order=read(tenant_id, order.id).model)
    return PlacedOrder(order=order, client_secret=secret, payment_error=payment_error)


def _new_order(
    tenant_id: str, member_id: str, cmd: Checkout, priced: Priced, rules: OrderRules, *, at: datetime
) -> Order:
    subtotal, discount, total = pricing.totals(priced.lines, rules.currency)
    order = Order(
        id=new_id(),
        member_id=member_id,
        state=OrderState.PENDING_PAYMENT,
        lines=priced.lines,
        currency=rules.currency,
        subtotal=subtotal,
        discount=discount,
        total=total,
        refunded=Money.zero(rules.currency),
        promotions=priced.promotions,
        coupon_code=priced.quote.coupon_code if priced.quote.coupon_applied else None,
        referral_code=cmd.referral_code,
        payment_method=cmd.payment_method,
        payment=PaymentInfo(),
        address=address_snapshot(tenant_id, member_id, cmd.address_id, priced.lines),
        groups=groups_of(priced.lines),
        cancel_until=at + timedelta(minutes=rules.cancel_window_minutes),
        payment_due_at=at + timedelta(minutes=rules.payment_timeout_minutes),
        receipt_days=rules.auto_complete_days,
        created_at=at,
        updated_at=at,
    )
    order.history.append(Transition(from_state=None, to_state=OrderState.PENDING_PAYMENT, by=member_id, at=at))
    return order


def _payment_of(tenant_id: str, order: Order) -> payments.PendingPayment | None:
    """The payment recorded with an order paid online (once per order: its key is the order's), for
    what the wallet does not pay."""
    if pricing.money_due(order).amount == 0 or order.payment_method in OFFLINE_METHODS:
        return None
    return payments.record_payment(
        tenant_id,
        payments.OrderPayment(
            order_id=order.id,
            amount=pricing.money_due(order),
            methods=[order.payment_method.value],
            customer_ref=order.member_id,
            idempotency_key=f"order-{order.id}",  # once per order: a retry answers the same payment
        ),
    )


def _commit(  # noqa: PLR0917 - what one placing transaction is made of
    tenant_id: str,
    item: dal.OrderItem,
    order: Order,
    priced: Priced,
    rules: OrderRules,
    claim: str | None,
    request: str,
    payment: payments.PendingPayment | None,
    cart: dal.CartItem | None,
    wallet: UnitOfWork | None,
) -> PlacedOrder | None:
    """The placing transaction (retried on a concurrent change); the order a replayed
    Idempotency-Key placed, if that is the answer instead."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with unit_of_work(tenant_id, request_token=f"{order.id}-{attempt}") as uow:
                _stage_placing(uow, tenant_id, item, order, priced, claim, payment)
                if wallet is not None:  # the wallet's debit, under its balance's condition
                    uow.add(wallet)
                if cart is not None:
                    dal.empty_cart(uow, cart, at=order.created_at)
                uow.emit(_placed_event(order, rules))
            return None
        except _Replay:
            if claim and (placed := _replayed(tenant_id, claim, request)):
                return placed
            raise ConcurrentUpdate("a checkout with this Idempotency-Key is in progress; retry") from None
        except ConcurrentUpdate:
            if attempt == MAX_ATTEMPTS:
                raise
    return None


def _stage_placing(  # noqa: PLR0917
    uow: UnitOfWork,
    tenant_id: str,
    item: dal.OrderItem,
    order: Order,
    priced: Priced,
    claim: str | None,
    payment: payments.PendingPayment | None,
) -> None:
    if claim:
        uow.claim(tenant_id, dal.CHECKOUT_CLAIM, claim, order.id, taken=_Replay(""))
    if priced.quote.applied:
        writes, redemption = promotions.redemption_of(tenant_id, priced.quote, order.member_id, order.id)
        uow.add(writes)
        item.redemption = redemption.model_dump(mode="json")
    dal.stage_new(uow, tenant_id, item, order, conflict=Conflict(f"order {order.id} exists"))
    uow.add(supply.reservation(tenant_id, order.id, order.lines))
    if payment is not None:
        uow.add(payment.writes)


def _placed_event(order: Order, rules: OrderRules) -> OrderPlaced:
    return OrderPlaced(
        order_id=order.id,
        member_id=order.member_id,
        total=order.total,
        discount=order.discount,
        lines=facts(order.lines),
        coupon_code=order.coupon_code,
        referral_code=order.referral_code,
        payment_method=order.payment_method,
        payment_timeout_seconds=rules.payment_timeout_minutes * 60,
        receipt_timeout_seconds=rules.auto_complete_days * 24 * 3600,
    )


def _replayed(tenant_id: str, claim: str, request: str) -> PlacedOrder | None:
    order_id = dal.claimed_order(tenant_id, claim)
    return _replay_of(tenant_id, order_id, request) if order_id else None


def _replay_of(tenant_id: str, order_id: str, request: str) -> PlacedOrder | None:
    """The order an Idempotency-Key placed, as the answer to the same checkout again."""
    item = dal.order(tenant_id, order_id, consistent=True)
    if item is None:
        return None
    if item.request_digest != request:
        raise IdempotencyKeyReused(
            "this Idempotency-Key already placed another order",
            errors=[FieldError("header.Idempotency-Key", "reused")],
        )
    idempotency.note_replay()  # the API answers it with `Idempotent-Replayed: true`
    return _with_payment(tenant_id, item.model)


# --- starting the payment ------------------------------------------------------------------------


def _open(tenant_id: str, order: Order, payment: payments.PendingPayment | None) -> tuple[str | None, str | None]:
    """Open the payment at Stripe before the order is placed, so that its record is written with
    the order (the intent on it): the client secret, or why it could not be opened (the order is
    placed anyway, and `POST /v1/orders/{order_id}/payment` opens the same payment later)."""
    if payment is None:
        return None, None
    order.payment = PaymentInfo(payment_id=payment.payment_id, status=payment.status, attempts=1)
    try:
        return payments.open_intent(tenant_id, payment), None
    except DomainError as exc:
        logger.warning("payment not started", extra={"order_id": order.id, "reason": exc.detail})
        return None, exc.detail


def _with_payment(tenant_id: str, order: Order) -> PlacedOrder:
    """The placed order and, for an online method, its payment started (or why it could not)."""
    if order.state != OrderState.PENDING_PAYMENT or order.payment_method in OFFLINE_METHODS:
        return PlacedOrder(order=order)
    try:
        started = _start(tenant_id, order)
    except DomainError as exc:
        logger.warning("payment not started", extra={"order_id": order.id, "reason": exc.detail})
        return PlacedOrder(order=order, payment_error=exc.detail)
    return PlacedOrder(order=started[0], client_secret=started[1])


def _start(tenant_id: str, order: Order) -> tuple[Order, str | None]:
    view = payments.start_payment(
        tenant_id,
        order.id,
        pricing.money_due(order),
        [order.payment_method.value],
        customer_ref=order.member_id,
        idempotency_key=f"order-{order.id}",  # once per order: the payment recorded with it
    )
    if order.payment.payment_id == view.id:
        return order, view.client_secret

    def note(item: dal.OrderItem, current: Order) -> tuple[Order, list[Any]]:
        if current.payment.payment_id != view.id:
            current.payment = current.payment.model_copy(
                update={"payment_id": view.id, "status": view.status.value, "attempts": current.payment.attempts + 1}
            )
            with unit_of_work(tenant_id) as uow:
                dal.stage(uow, tenant_id, item, current)
        return current, []

    return changing(tenant_id, order.id, note), view.client_secret


def start_payment(actor: Actor, order_id: str) -> PaymentStarted:
    """Start (or resume) the payment of a pending order paid online; the same payment every time."""
    tenant_id = as_member(actor)
    order = read(tenant_id, order_id).model
    mine(actor, order)
    if order.state != OrderState.PENDING_PAYMENT:
        raise PaymentNotNeeded(f"the order is {order.state.value}; there is nothing to pay")
    if order.payment_method in OFFLINE_METHODS:
        raise PaymentNotNeeded(f"the order is paid by {order.payment_method.value}; staff confirm it when it arrives")
    order, secret = _start(tenant_id, order)
    return PaymentStarted(
        order_id=order.id, payment_id=order.payment.payment_id, client_secret=secret, status=order.payment.status
    )
