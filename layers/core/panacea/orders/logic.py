"""Orders' use cases: the cart, checkout, what members and staff do to an order, and how an
order follows its payment.

Placing an order prices it on the server (the catalog), quotes its promotions, then commits in
ONE transaction: the order (pending_payment) and its index items, a stock reservation per line,
the promotion's redemption and `order.placed`. Under concurrency the last unit is sold once and
a coupon's limits hold, because each of them is a condition of that transaction. Only then is
the payment started (payments, once per order); if that fails the order stays pending and
`POST /v1/orders/{order_id}/payment` starts it again.

Every change of an order is read → checked against the transition table (lifecycle.py) → one
transaction with its event, on the version read; a concurrent change makes it read again and
retry (`_changing`). Whatever the order-fulfilment workflow waits on is answered after the commit
(`Answer`): the stored order is the record, the answer only wakes the workflow.

Refunds are asked of payments first (once per key, so a retry never pays twice) with the refund
noted on the order beforehand (`refund_in_flight`), and recorded on the order afterwards; the
`payment.refunded` consumer records only refunds the order knows nothing of (made at Stripe).
The transaction that marks an order paid, and each one that records a refund, also writes the
sales ledger's entry of that money movement (`panacea.finance.ledger`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from panacea.finance import ledger
from panacea.orders import dal, pricing, supply
from panacea.orders.access import Action
from panacea.orders.lifecycle import PAID_STATES, after_refund, check, effective, move
from panacea.orders.models import (
    OFFLINE_METHODS,
    AddressChange,
    AddressSnapshot,
    AppliedPromotion,
    CancelOrder,
    Cart,
    CartLines,
    Checkout,
    FulfilmentGroup,
    GroupKind,
    GroupStatus,
    LineFact,
    LineIn,
    OfflinePayment,
    Order,
    OrderAddressChanged,
    OrderCancelled,
    OrderExpired,
    OrderLine,
    OrderPaid,
    OrderPlaced,
    OrderRefundDeclined,
    OrderRefunded,
    OrderRefundRequested,
    OrderShipped,
    OrderState,
    OrderSummary,
    PaymentInfo,
    PaymentStarted,
    PlacedOrder,
    ProductKind,
    Quote,
    ReceiptConfirmation,
    Refund,
    RefundAsk,
    RefundDecision,
    RefundIssue,
    RefundLine,
    RefundRequest,
    Shipment,
    ShipmentEntry,
    Transition,
)
from panacea.payments import Action as PaymentAction
from panacea.payments import logic as payments
from panacea.payments.models import Method, PaymentRefunded, PaymentSucceeded
from panacea.platform import clock, observability, task_tokens
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import (
    BadRequest,
    ConcurrentUpdate,
    Conflict,
    DomainError,
    FieldError,
    NotFound,
    Unprocessable,
)
from panacea.platform.ids import is_id, new_id
from panacea.platform.money import Money
from panacea.platform.observability import logger
from panacea.platform.table import Page
from panacea.platform.transaction import UnitOfWork, unit_of_work
from panacea.promotions import dal as promotions_dal
from panacea.promotions import logic as promotions
from panacea.promotions.models import QuoteLine, Redemption, ReleaseReason

MAX_ATTEMPTS = 5  # a change computed from what was read is retried this often when the order changed meanwhile
SHIPPED_KINDS = frozenset({ProductKind.GOODS, ProductKind.DEVICE, ProductKind.MEDICINE})
POSTED_KINDS = SHIPPED_KINDS | {ProductKind.GENE_TEST}  # a gene test's kit is posted too
DONE = frozenset({GroupStatus.DELIVERED, GroupStatus.ISSUED, GroupStatus.REPORTED, GroupStatus.OVERDUE})
STOPPED = "GroupStopped"  # the error a stopped wait fails with (the workflow's Catch matches it)
CANCELLED = "OrderCancelled"  # the error the payment wait fails with when the member cancels
LATE = "refunded_late"  # a payment that arrived after the order closed, and went back
R = TypeVar("R")


# --- errors --------------------------------------------------------------------------------------


class OrderNotFound(NotFound):
    slug, title = "order-not-found", "Order not found"


class OrdersNotSetUp(Conflict):
    slug, title = "orders-not-set-up", "Orders not set up"


class PaymentMethodNotOffered(Unprocessable):
    slug, title = "payment-method-not-offered", "Payment method not offered"


class AddressNeeded(Unprocessable):
    slug, title = "address-needed", "Address needed"


class NothingToOrder(Unprocessable):
    slug, title = "nothing-to-order", "Nothing to order"


class WindowClosed(Conflict):
    slug, title = "window-closed", "Too late"


class AlreadyFulfilled(Conflict):
    slug, title = "already-fulfilled", "Already fulfilled"


class NoSuchParcel(Unprocessable):
    slug, title = "no-such-parcel", "No such parcel"


class AlreadyShipped(Conflict):
    slug, title = "already-shipped", "Already shipped"


class RefundNotPossible(Unprocessable):
    slug, title = "refund-not-possible", "Refund not possible"


class IdempotencyKeyReused(Unprocessable):
    slug, title = "idempotency-key-reused", "Idempotency-Key reused"


class PaymentNotNeeded(Conflict):
    slug, title = "payment-not-needed", "No payment to start"


# --- answering the workflow ---------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What to tell a wait of the workflow once the change is committed."""

    wait: str  # "payment", or "<group>.<shipment|receipt|report>"
    error: str | None = None  # None: success
    output: dict[str, Any] | None = None
    cause: str = ""


def answer(item: dal.OrderItem, answers: list[Answer]) -> None:
    for a in answers:
        token = item.token(a.wait)
        if token is None:
            continue  # the workflow has not got there yet; its task will see the order as it is
        if a.error is None:
            task_tokens.send_task_success(token, a.output or {})
        else:
            task_tokens.send_task_failure(token, a.error, a.cause)


def stop_waits(order: Order, group_ids: set[str] | None = None, *, error: str = STOPPED) -> list[Answer]:
    """Fail every wait of the groups (all of them if None): they will not be fulfilled."""
    return [
        Answer(f"{g.id}.{wait}", error=error, cause=f"order {order.id} is {order.state.value}")
        for g in order.groups
        if group_ids is None or g.id in group_ids
        for wait in ("shipment", "receipt", "report")
    ]


def changing(tenant_id: str, order_id: str, change: Callable[[dal.OrderItem, Order], tuple[R, list[Answer]]]) -> R:
    """Read the order, apply `change` (which commits), answer the workflow; read again and retry if
    someone changed the order in between."""
    for _ in range(MAX_ATTEMPTS):
        item = read(tenant_id, order_id)
        try:
            result, answers = change(item, item.model)
        except ConcurrentUpdate:
            continue
        answer(item, answers)
        return result
    raise ConcurrentUpdate("the order kept changing while this was done; retry")


def read(tenant_id: str, order_id: str) -> dal.OrderItem:
    found = dal.order(tenant_id, order_id, consistent=True) if is_id(order_id) else None
    if found is None:
        raise OrderNotFound(f"no order {order_id}")
    return found


# --- who may see and touch an order --------------------------------------------------------------


def _as_member(actor: Actor) -> str:
    authorize(actor, Action.BUY_ORDERS)
    return actor.tenant


def _mine(actor: Actor, order: Order) -> None:
    """Members reach their own orders only; anyone else's is as if it did not exist."""
    if order.member_id != actor.user_id:
        raise OrderNotFound(f"no order {order.id}")


def _visible(actor: Actor, order: Order) -> None:
    if actor.can(Action.READ_ORDERS):
        return
    authorize(actor, Action.BUY_ORDERS)
    _mine(actor, order)


def _rules(tenant_id: str) -> dal.OrderRules:
    rules = dal.order_rules(tenant_id)
    if rules is None:
        raise OrdersNotSetUp("the tenant is still being set up; orders open once onboarding is done")
    return rules


# --- the cart ------------------------------------------------------------------------------------


def get_cart(actor: Actor) -> Cart:
    tenant_id = _as_member(actor)
    item = dal.cart(tenant_id, actor.user_id)
    return item.view() if item else Cart(lines=[])


def put_cart(actor: Actor, cmd: CartLines) -> Cart:
    """Replace the cart; every line must be something the catalog sells now (422 naming it)."""
    tenant_id = _as_member(actor)
    if cmd.lines:
        supply.price(tenant_id, cmd.lines, _rules(tenant_id).currency)
    item = dal.cart(tenant_id, actor.user_id) or dal.CartItem.of(tenant_id, actor.user_id)
    with unit_of_work(tenant_id) as uow:
        dal.save_cart(uow, item, cmd.lines, at=clock.now())
    return item.view()


def empty_cart(actor: Actor) -> Cart:
    return put_cart(actor, CartLines(lines=[]))


# --- checkout --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Priced:
    lines: list[OrderLine]
    quote: Any  # promotions' Quote
    promotions: list[AppliedPromotion]


def _price(
    tenant_id: str, member_id: str, lines: list[LineIn], coupon: str | None, currency: str, *, first: bool, at: datetime
) -> _Priced:
    priced = supply.price(tenant_id, lines, currency)
    quote = promotions.quote(
        tenant_id,
        member_id,
        [
            QuoteLine(line_ref=str(i), product_id=p.product_id, category_ids=p.category_ids, amount=p.line_total)
            for i, p in enumerate(priced, start=1)
        ],
        coupon,
        first_order=first,
        at=at,
    )
    by_ref = {line.line_ref: line for line in quote.lines}
    made = [
        OrderLine(
            line_no=i,
            sku_id=p.sku_id,
            store_id=p.store_id,
            product_id=p.product_id,
            product_name=p.product_name,
            kind=ProductKind(p.product_kind.value),
            category_ids=list(p.category_ids),
            unit_price=p.unit_price,
            quantity=p.quantity,
            subtotal=p.line_total,
            discount=by_ref[str(i)].discount,
            amount=by_ref[str(i)].total,
            cashback_bps=p.cashback_bps,
        )
        for i, p in enumerate(priced, start=1)
    ]
    applied = [
        AppliedPromotion(
            promotion_id=a.promotion_id, name=a.name, kind=a.kind.value, discount=a.discount, coupon_code=a.code
        )
        for a in quote.applied
    ]
    return _Priced(made, quote, applied)


def _check_method(rules: dal.OrderRules, method: str) -> None:
    offline = method in OFFLINE_METHODS
    if (offline and not rules.offline_payment) or (not offline and method not in rules.payment_methods):
        taken = [*rules.payment_methods, *(sorted(OFFLINE_METHODS) if rules.offline_payment else [])]
        raise PaymentMethodNotOffered(
            f"this shop takes {', '.join(taken)}; not {method}",
            errors=[FieldError("payment_method", "not_offered")],
        )


def _groups(lines: list[OrderLine]) -> list[FulfilmentGroup]:
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


def _address(tenant_id: str, member_id: str, address_id: str | None, lines: list[OrderLine]) -> AddressSnapshot | None:
    if address_id is None:
        if any(line.kind in POSTED_KINDS for line in lines):
            raise AddressNeeded(
                "this order is posted (goods or a test kit): choose an address from your address book",
                errors=[FieldError("address_id", "required")],
            )
        return None
    found = dal.address(tenant_id, member_id, address_id)
    if found is None:
        raise AddressNeeded(
            f"your address book has no address {address_id}", errors=[FieldError("address_id", "not_found")]
        )
    return AddressSnapshot.model_validate({k: v for k, v in found.items() if k in AddressSnapshot.model_fields})


def quote(actor: Actor, cmd: Checkout) -> Quote:
    """What checking out `cmd` would charge now (nothing is placed or held)."""
    tenant_id = _as_member(actor)
    rules = _rules(tenant_id)
    cart, paid_before = dal.cart_and_orders(tenant_id, actor.user_id)
    lines = cmd.lines or (cart.line_list if cart else [])
    if not lines:
        raise NothingToOrder("your cart is empty", errors=[FieldError("lines", "empty")])
    priced = _price(
        tenant_id, actor.user_id, lines, cmd.coupon_code, rules.currency, first=paid_before == 0, at=clock.now()
    )
    subtotal, discount, total = pricing.totals(priced.lines, rules.currency)
    return Quote(
        lines=priced.lines,
        currency=rules.currency,
        subtotal=subtotal,
        discount=discount,
        total=total,
        promotions=priced.promotions,
    )


class _Replay(Conflict):
    """The checkout's Idempotency-Key is already held: the order it placed is the answer."""


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def place(actor: Actor, cmd: Checkout, *, idempotency_key: str | None) -> PlacedOrder:
    """Place an order (see the module's docstring); once per Idempotency-Key."""
    tenant_id = _as_member(actor)
    member_id = actor.user_id
    claim = _digest(member_id, idempotency_key) if idempotency_key else None
    request = _digest(cmd.model_dump_json())
    if claim and (placed := _replayed(tenant_id, claim, request)):
        return placed
    rules = _rules(tenant_id)
    _check_method(rules, cmd.payment_method)
    cart, paid_before = dal.cart_and_orders(tenant_id, member_id)
    from_cart = not cmd.lines
    lines = cmd.lines or (cart.line_list if cart else [])
    if not lines:
        raise NothingToOrder("your cart is empty; add something or send `lines`", errors=[FieldError("lines", "empty")])
    at, order_id = clock.now(), new_id()
    priced = _price(tenant_id, member_id, lines, cmd.coupon_code, rules.currency, first=paid_before == 0, at=at)
    address = _address(tenant_id, member_id, cmd.address_id, priced.lines)
    subtotal, discount, total = pricing.totals(priced.lines, rules.currency)
    order = Order(
        id=order_id,
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
        address=address,
        groups=_groups(priced.lines),
        cancel_until=at + timedelta(minutes=rules.cancel_window_minutes),
        payment_due_at=at + timedelta(minutes=rules.payment_timeout_minutes),
        receipt_days=rules.auto_complete_days,
        created_at=at,
        updated_at=at,
    )
    order.history.append(Transition(from_state=None, to_state=OrderState.PENDING_PAYMENT, by=member_id, at=at))
    item = dal.OrderItem.of(tenant_id, order)
    item.request_digest = request
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with unit_of_work(tenant_id) as uow:
                if claim:
                    uow.claim(tenant_id, dal.CHECKOUT_CLAIM, claim, order_id, taken=_Replay(""))
                if priced.quote.applied:
                    redemption = promotions_dal.redeem(uow, tenant_id, priced.quote, member_id, order_id)
                    item.redemption = redemption.model_dump(mode="json")
                dal.stage_new(uow, tenant_id, item, order, conflict=Conflict(f"order {order_id} exists"))
                supply.reserve(uow, tenant_id, order_id, order.lines)
                if from_cart and cart is not None:
                    dal.empty_cart(uow, cart, at=at)
                uow.emit(_placed_event(order, rules))
            break
        except _Replay:
            if claim and (placed := _replayed(tenant_id, claim, request)):
                return placed
            raise ConcurrentUpdate("a checkout with this Idempotency-Key is in progress; retry") from None
        except ConcurrentUpdate:
            if attempt == MAX_ATTEMPTS:
                raise
    observability.count("OrdersPlaced")
    if total.amount == 0:
        paid(tenant_id, order_id, payment_id=f"free-{order_id}", method=None, by=member_id, at=at)
        return PlacedOrder(order=read(tenant_id, order_id).model)
    return _with_payment(tenant_id, order)


def _placed_event(order: Order, rules: dal.OrderRules) -> OrderPlaced:
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
    item = dal.order(tenant_id, order_id, consistent=True) if order_id else None
    if item is None:
        return None
    if item.request_digest != request:
        raise IdempotencyKeyReused(
            "this Idempotency-Key already placed another order",
            errors=[FieldError("header.Idempotency-Key", "reused")],
        )
    return _with_payment(tenant_id, item.model)


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
        order.total,
        [Method(order.payment_method.value)],
        customer_ref=order.member_id,
        idempotency_key=f"order-{order.id}",  # once per order: a retry answers the same payment
    )
    if order.payment.payment_id == view.id:
        return order, view.client_secret

    def note(item: dal.OrderItem, current: Order) -> tuple[Order, list[Answer]]:
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
    tenant_id = _as_member(actor)
    order = read(tenant_id, order_id).model
    _mine(actor, order)
    if order.state != OrderState.PENDING_PAYMENT:
        raise PaymentNotNeeded(f"the order is {order.state.value}; there is nothing to pay")
    if order.payment_method in OFFLINE_METHODS:
        raise PaymentNotNeeded(f"the order is paid by {order.payment_method.value}; staff confirm it when it arrives")
    order, secret = _start(tenant_id, order)
    return PaymentStarted(
        order_id=order.id, payment_id=order.payment.payment_id, client_secret=secret, status=order.payment.status
    )


def facts(lines: list[OrderLine]) -> list[LineFact]:
    return [
        LineFact(
            line_no=line.line_no,
            sku_id=line.sku_id,
            store_id=line.store_id,
            product_id=line.product_id,
            kind=line.kind,
            category_ids=line.category_ids,
            quantity=line.quantity,
            amount=line.amount,
            cashback_bps=line.cashback_bps,
        )
        for line in lines
    ]


# --- reading ---------------------------------------------------------------------------------------


def get_order(actor: Actor, order_id: str) -> Order:
    order = read(actor.tenant, order_id).model
    _visible(actor, order)
    return order


def my_orders(actor: Actor, *, state: OrderState | None, cursor: str | None, limit: int) -> Page[OrderSummary]:
    tenant_id = _as_member(actor)
    return dal.member_orders(tenant_id, actor.user_id, state=state, cursor=cursor, limit=limit)


def search(
    actor: Actor,
    *,
    state: OrderState | None,
    member_id: str | None,
    product_id: str | None,
    store_id: str | None,
    since: datetime | None,
    until: datetime | None,
    cursor: str | None,
    limit: int,
) -> Page[OrderSummary]:
    authorize(actor, Action.READ_ORDERS)
    if since and until and until < since:
        raise BadRequest("`until` comes after `since`", errors=[FieldError("until", "before_since")])
    for name, value in (("member_id", member_id), ("product_id", product_id), ("store_id", store_id)):
        if value is not None and (not value or "#" in value or len(value) > 128):
            raise BadRequest(f"{name} is not an id", errors=[FieldError(name, "invalid")])
    return dal.search(
        actor.tenant,
        state=state,
        member_id=member_id,
        product_id=product_id,
        store_id=store_id,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )


# --- paying ------------------------------------------------------------------------------------------


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
            supply.commit(uow, tenant_id, order.id, order.lines)
            dal.count_paid(uow, tenant_id, order.member_id)
            ledger.record_sale(uow, tenant_id, order, at=at)
            uow.emit(
                OrderPaid(
                    order_id=order.id,
                    member_id=order.member_id,
                    total=order.total,
                    payment_id=payment_id,
                    payment_method=order.payment_method,
                    lines=facts(order.lines),
                    referral_code=order.referral_code,
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


def payment_succeeded(tenant_id: str, event: PaymentSucceeded) -> None:
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


def payment_refunded(tenant_id: str, event: PaymentRefunded) -> None:
    """A refund payments confirmed. One the order asked for is already on it (or in flight); one
    made at Stripe directly is recorded now, as a refund of an amount without lines."""

    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        in_flight = (item.refund_in_flight or {}).get("amount", 0)
        unknown = event.refunded_total.amount - order.refunded.amount - in_flight
        if unknown <= 0 or effective(order) not in PAID_STATES:
            return None, []
        amount = Money(amount=unknown, currency=order.currency)
        return None, _record_refund(
            tenant_id, item, order, _Plan(amount, [], False, "refunded at the payment provider", "payments", False)
        )

    changing(tenant_id, event.order_id, change)


def confirm_offline_payment(actor: Actor, order_id: str, cmd: OfflinePayment) -> Order:
    """Finance confirms a bank transfer or cash with its reference; payments records it and
    announces `payment.succeeded`, which pays the order like an online payment."""
    authorize(actor, PaymentAction.RECORD_OFFLINE_PAYMENTS)
    tenant_id = actor.tenant
    order = read(tenant_id, order_id).model
    if order.state != OrderState.PENDING_PAYMENT:
        raise PaymentNotNeeded(f"the order is {order.state.value}; there is nothing to confirm")
    if order.payment_method not in OFFLINE_METHODS:
        raise PaymentNotNeeded(f"the order is paid online ({order.payment_method.value}); Stripe confirms it")
    payment = payments.record_offline_payment(
        actor, tenant_id, order.id, order.total, cmd.reference, method=Method(order.payment_method.value)
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


# --- cancelling, expiring, changing the address -----------------------------------------------------


def _untouched(order: Order) -> bool:
    """Nothing of it has been fulfilled yet (nothing shipped, issued or reported)."""
    return all(group.status == GroupStatus.WAITING for group in order.groups)


def cancel(actor: Actor, order_id: str, cmd: CancelOrder) -> Order:
    """Members cancel their own order while the tenant's cancel window is open (an unpaid one at
    any time); staff cancel any order nothing of which has been fulfilled. Stock and promotion go
    back; a paid order's payment is refunded in full."""
    staff = actor.can(Action.MANAGE_ORDERS)
    tenant_id = actor.tenant if staff else _as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        if not staff:
            _mine(actor, order)
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
        plan = _Plan(order.total - order.refunded, _all_left(order), True, cmd.reason, actor.user_id, False)
        return _refunded_order(tenant_id, item, order, plan, cancelling=True)

    return changing(tenant_id, order_id, change)


def _close_unpaid(
    tenant_id: str, item: dal.OrderItem, order: Order, to: OrderState, *, by: str, reason: str
) -> tuple[Order, list[Answer]]:
    at = clock.now()
    move(order, to, by=by, at=at, doing="cancel the order" if to == OrderState.CANCELLED else "expire the order",
         note=reason)  # fmt: skip
    with unit_of_work(tenant_id) as uow:
        dal.stage(uow, tenant_id, item, order)
        supply.release(uow, tenant_id, order.id, order.lines)
        _give_back_promotion(uow, tenant_id, item, ReleaseReason(to.value))
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
                )
            )
        else:
            uow.emit(OrderExpired(order_id=order.id, member_id=order.member_id, lines=facts(order.lines)))
    _call_off_payment(tenant_id, order)
    return order, [Answer("payment", error=CANCELLED, cause=reason)] if to == OrderState.CANCELLED else []


def _call_off_payment(tenant_id: str, order: Order) -> None:
    """Cancel the unpaid payment at Stripe so it can no longer be paid (best effort: a payment
    that still arrives is refunded, see `paid`)."""
    if order.payment.payment_id is None:
        return
    try:
        payments.cancel_payment(tenant_id, order.payment.payment_id)
    except DomainError as exc:
        logger.warning("payment not cancelled", extra={"order_id": order.id, "reason": exc.detail})
    except Exception:  # the order is closed whatever Stripe says now
        logger.exception("payment not cancelled", extra={"order_id": order.id})


def _give_back_promotion(uow: UnitOfWork, tenant_id: str, item: dal.OrderItem, reason: ReleaseReason) -> None:
    if item.redemption:
        promotions_dal.release(uow, tenant_id, Redemption.model_validate(item.redemption), reason=reason)
        item.redemption = None


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


def change_address(actor: Actor, order_id: str, cmd: AddressChange) -> Order:
    """Send the order to another address of the member's, while the cancel window is open and
    nothing has been posted."""
    tenant_id = _as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        _mine(actor, order)
        if order.state not in (OrderState.PENDING_PAYMENT, OrderState.PAID, OrderState.FULFILLING):
            raise WindowClosed(f"the order is {order.state.value}; its address can no longer change")
        if any(g.kind == GroupKind.SHIPMENT and g.status != GroupStatus.WAITING for g in order.groups):
            raise AlreadyFulfilled("a parcel has already been shipped to the old address")
        at = clock.now()
        if at > order.cancel_until:
            raise WindowClosed(f"the address could be changed until {order.cancel_until:%Y-%m-%d %H:%M} UTC")
        order.address = _address(tenant_id, order.member_id, cmd.address_id, order.lines)
        order.updated_at = at
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.emit(OrderAddressChanged(order_id=order.id, member_id=order.member_id, address_id=cmd.address_id))
        return order, []

    return changing(tenant_id, order_id, change)


# --- shipping and receiving --------------------------------------------------------------------------


def _parcel(order: Order, group_id: str | None, *, status: GroupStatus) -> FulfilmentGroup:
    parcels = [g for g in order.groups if g.kind == GroupKind.SHIPMENT]
    if group_id is not None:
        found = next((g for g in parcels if g.id == group_id), None)
        if found is None:
            raise NoSuchParcel(
                f"the order has no parcel {group_id} (it has {', '.join(g.id for g in parcels) or 'none'})",
                errors=[FieldError("group_id", "unknown")],
            )
        return found
    waiting = [g for g in parcels if g.status == status]
    if len(waiting) != 1:
        raise NoSuchParcel(
            f"{len(waiting)} parcels are {status.value}; say which one (group_id)",
            errors=[FieldError("group_id", "required")],
        )
    return waiting[0]


def record_shipment(actor: Actor, order_id: str, cmd: ShipmentEntry) -> Order:
    """Staff enter a parcel's carrier and tracking number; the order is shipped once every parcel
    is, and the workflow goes on to wait for the member's receipt."""
    authorize(actor, Action.MANAGE_ORDERS)
    tenant_id = actor.tenant

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        group = _parcel(order, cmd.group_id, status=GroupStatus.WAITING)
        if group.status != GroupStatus.WAITING:
            same = group.shipment and (group.shipment.carrier, group.shipment.tracking_number) == (
                cmd.carrier,
                cmd.tracking_number,
            )
            if same:
                return order, []  # the same entry again: already done
            raise AlreadyShipped(f"parcel {group.id} is {group.status.value}")
        if effective(order) != OrderState.FULFILLING:
            raise AlreadyShipped(f"the order is {order.state.value}; only an order being fulfilled ships")
        at = clock.now()
        group.status = GroupStatus.SHIPPED
        group.shipment = Shipment(
            carrier=cmd.carrier, tracking_number=cmd.tracking_number, shipped_at=at, shipped_by=actor.user_id
        )
        everything = all(g.status != GroupStatus.WAITING for g in order.groups if g.kind == GroupKind.SHIPMENT)
        if everything:
            move(order, OrderState.SHIPPED, by=actor.user_id, at=at, doing="ship the order")
        order.updated_at = at
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.emit(
                OrderShipped(
                    order_id=order.id,
                    member_id=order.member_id,
                    group_id=group.id,
                    carrier=cmd.carrier,
                    tracking_number=cmd.tracking_number,
                    line_nos=group.line_nos,
                    all_shipped=everything,
                )
            )
        return order, [Answer(f"{group.id}.shipment", output={"carrier": cmd.carrier})]

    return changing(tenant_id, order_id, change)


def confirm_receipt(actor: Actor, order_id: str, cmd: ReceiptConfirmation) -> Order:
    """The member says a parcel (or every shipped one) arrived; the workflow completes the order
    when everything is done."""
    tenant_id = _as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        _mine(actor, order)
        if cmd.group_id is not None:
            groups = [_parcel(order, cmd.group_id, status=GroupStatus.SHIPPED)]
        else:
            groups = [g for g in order.groups if g.kind == GroupKind.SHIPMENT and g.status == GroupStatus.SHIPPED]
        fresh = [g for g in groups if g.status == GroupStatus.SHIPPED]
        if not fresh:
            if groups and all(g.status == GroupStatus.DELIVERED for g in groups):
                return order, []  # already confirmed
            raise NoSuchParcel("nothing has been shipped to you yet", errors=[FieldError("group_id", "not_shipped")])
        at = clock.now()
        for group in fresh:
            group.status, group.delivered_at, group.delivered_by = GroupStatus.DELIVERED, at, "member"
        order.updated_at = at
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
        return order, [Answer(f"{g.id}.receipt", output={"by": "member"}) for g in fresh]

    return changing(tenant_id, order_id, change)


def report_released(tenant_id: str, order_id: str, group_id: str) -> Order:
    """A gene test's report was released (called by the sample-logistics context): its wait ends."""

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        group = next((g for g in order.groups if g.id == group_id and g.kind == GroupKind.GENE_TEST), None)
        if group is None:
            raise NoSuchParcel(f"the order has no gene test {group_id}", errors=[FieldError("group_id", "unknown")])
        if group.status in (GroupStatus.WAITING, GroupStatus.OVERDUE):
            group.status, group.reported_at = GroupStatus.REPORTED, clock.now()
            order.updated_at = group.reported_at
            with unit_of_work(tenant_id) as uow:
                dal.stage(uow, tenant_id, item, order)
        return order, [Answer(f"{group.id}.report", output={"reported": True})]

    return changing(tenant_id, order_id, change)


# --- refunds -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """A refund worked out: how much, which lines (and whether they go back to stock), why, by whom."""

    amount: Money
    lines: list[RefundLine]
    restock: bool
    reason: str
    by: str
    by_member: bool


def _all_left(order: Order) -> list[RefundLine]:
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
          by_member: bool) -> _Plan:  # fmt: skip
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
        lines = _all_left(order)
    return _Plan(Money(amount=wanted, currency=order.currency), lines, restock, reason, by, by_member)


def request_refund(actor: Actor, order_id: str, cmd: RefundAsk) -> Order:
    """A member asks for (part of) their money back; staff approve or decline it."""
    tenant_id = _as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        _mine(actor, order)
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

    def planned(order: Order) -> _Plan:
        request = _open_request(order)
        return _plan(order, amount=cmd.amount or request.amount.amount, lines=request.lines, restock=cmd.restock,
                     reason=request.reason, by=actor.user_id, by_member=True)  # fmt: skip

    return _refund(tenant_id, order_id, planned)


def issue_refund(actor: Actor, order_id: str, cmd: RefundIssue) -> Order:
    """Staff refund all that is left, an amount, or lines (returned, or never to be fulfilled)."""
    authorize(actor, Action.MANAGE_ORDERS)
    tenant_id = actor.tenant

    def planned(order: Order) -> _Plan:
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


def _refund(tenant_id: str, order_id: str, planned: Callable[[Order], _Plan]) -> Order:
    """Note the refund on the order, have payments refund it (once per key), record it."""
    key_of: dict[str, Any] = {}

    def note(item: dal.OrderItem, order: Order) -> tuple[_Plan, list[Answer]]:
        plan = planned(order)
        key = f"order-{order.id}-refund-{len(order.refunds) + 1}"
        flight = item.refund_in_flight
        if flight and flight.get("key") != key:
            raise Conflict("another refund of this order is being made; retry shortly")
        if not order.payment.payment_id:
            raise RefundNotPossible("the order has no payment to refund", errors=[FieldError("order_id", "not_paid")])
        if not flight:
            item.refund_in_flight = {"key": key, "amount": plan.amount.amount}
            with unit_of_work(tenant_id) as uow:
                uow.save(item)
        key_of["key"] = key
        return plan, []

    plan = changing(tenant_id, order_id, note)
    key = key_of["key"]
    item = read(tenant_id, order_id)
    try:
        payments.refund(tenant_id, item.model.payment.payment_id or "", plan.amount, plan.reason, idempotency_key=key)
    except DomainError:
        _land(tenant_id, order_id, key)
        raise

    def record(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        flight = item.refund_in_flight or {}
        if flight.get("key") != key or any(r.payment_refund_key == key for r in order.refunds):
            return order, []  # recorded already (a retry)
        return order, _record_refund(tenant_id, item, order, plan, key=key)

    return changing(tenant_id, order_id, record)


def _land(tenant_id: str, order_id: str, key: str) -> None:
    """Payments refused the refund: nothing is in flight any more."""

    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        if (item.refund_in_flight or {}).get("key") == key:
            item.refund_in_flight = None
            with unit_of_work(tenant_id) as uow:
                uow.save(item)
        return None, []

    changing(tenant_id, order_id, change)


def _refunded_order(
    tenant_id: str, item: dal.OrderItem, order: Order, plan: _Plan, *, cancelling: bool
) -> tuple[Order, list[Answer]]:
    """Cancel a paid order: refund all of it through payments (once per order), then record it."""
    key = f"order-{order.id}-cancel"
    if not order.payment.payment_id:
        raise RefundNotPossible("the order has no payment to refund", errors=[FieldError("order_id", "not_paid")])
    if (item.refund_in_flight or {}).get("key") != key:
        item.refund_in_flight = {"key": key, "amount": plan.amount.amount}
        with unit_of_work(tenant_id) as uow:
            uow.save(item)
    payments.refund(tenant_id, order.payment.payment_id, plan.amount, plan.reason, idempotency_key=key)
    answers = _record_refund(tenant_id, item, order, plan, key=key, cancelling=cancelling)
    return order, answers


def _record_refund(
    tenant_id: str, item: dal.OrderItem, order: Order, plan: _Plan, *, key: str | None = None, cancelling: bool = False
) -> list[Answer]:
    """Record a refund payments made: lines refunded (and restocked), parcels and tests that will
    not be fulfilled stopped, the state the rule says (lifecycle.py), `order.refunded` (or
    `order.cancelled`)."""
    at = clock.now()
    by_no = {line.line_no: line for line in order.lines}
    refunded_lines: list[OrderLine] = []
    with unit_of_work(tenant_id) as uow:
        for wanted in plan.lines:
            line = by_no[wanted.line_no]
            value = pricing.refund_value(line, wanted.quantity)
            if plan.restock:
                supply.restock(uow, tenant_id, order.id, line, wanted.quantity)
            line.refunded_quantity += wanted.quantity
            refunded_lines.append(
                line.model_copy(
                    update={"quantity": wanted.quantity, "amount": Money(amount=value, currency=order.currency)}
                )
            )
        order.refunded = order.refunded + plan.amount
        full = order.refunded.amount >= order.total.amount
        stopped = {
            g.id
            for g in order.groups
            if g.status in (GroupStatus.WAITING, GroupStatus.SHIPPED)
            and (full or all(by_no[n].refunded_quantity >= by_no[n].quantity for n in g.line_nos))
        }
        for group in order.groups:
            if group.id in stopped:
                group.status = GroupStatus.REFUNDED
        refund = Refund(
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
        ledger.record_refund(uow, tenant_id, order, refund, refunded_lines, at=at)
        if full:
            _give_back_promotion(
                uow, tenant_id, item, ReleaseReason.CANCELLED if cancelling else ReleaseReason.REFUNDED
            )
        dal.stage(uow, tenant_id, item, order)
        if cancelling:
            uow.emit(
                OrderCancelled(
                    order_id=order.id,
                    member_id=order.member_id,
                    by=plan.by,
                    reason=plan.reason,
                    refunded=plan.amount,
                    lines=facts(order.lines),
                    referral_code=order.referral_code,
                )
            )
        else:
            uow.emit(
                OrderRefunded(
                    order_id=order.id,
                    member_id=order.member_id,
                    refund_id=refund.id,
                    amount=plan.amount,
                    refunded_total=order.refunded,
                    full=full,
                    state=order.state,
                    lines=facts(refunded_lines),
                    referral_code=order.referral_code,
                )
            )
    observability.count("OrdersRefunded")
    return stop_waits(order, stopped)
