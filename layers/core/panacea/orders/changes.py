"""How an order changes: read it, apply the change (which commits one transaction with its
event, on the version read), then answer the workflow; a concurrent change makes it read again
and retry (`changing`). Whatever the order-fulfilment workflow waits on is answered after the
commit (`Answer`): the stored order is the record, the answer only wakes the workflow.

Also here: who may see and touch an order, the tenant's order rules (tenancy's settings, read
once per invocation), and what several families of use cases share (the address an order is
posted to, the facts its events carry, its promotions given back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from panacea import identity, payments, promotions, tenancy
from panacea.orders import dal, pricing
from panacea.orders.access import Action
from panacea.orders.models import (
    AddressSnapshot,
    GroupStatus,
    LineFact,
    Order,
    OrderLine,
    ProductKind,
)
from panacea.orders.settings import OrderSettings
from panacea.platform import task_tokens
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.ids import is_id
from panacea.platform.transaction import UnitOfWork

MAX_ATTEMPTS = 5  # a change computed from what was read is retried this often when the order changed meanwhile
SHIPPED_KINDS = frozenset({ProductKind.GOODS, ProductKind.DEVICE, ProductKind.MEDICINE})
POSTED_KINDS = SHIPPED_KINDS | {ProductKind.GENE_TEST}  # a gene test's kit is posted too
DONE = frozenset({GroupStatus.DELIVERED, GroupStatus.ISSUED, GroupStatus.REPORTED, GroupStatus.OVERDUE})
STOPPED = "GroupStopped"  # the error a stopped wait fails with (the workflow's Catch matches it)
CANCELLED = "OrderCancelled"  # the error the payment wait fails with when the member cancels
LATE = "refunded_late"  # a payment that arrived after the order closed, and went back (orders' own mark)
R = TypeVar("R")


# --- errors several use cases raise ----------------------------------------------------------------


class OrderNotFound(NotFound):
    slug, title = "order-not-found", "Order not found"


class OrdersNotSetUp(Conflict):
    slug, title = "orders-not-set-up", "Orders not set up"


class AddressNeeded(Unprocessable):
    slug, title = "address-needed", "Address needed"


class WindowClosed(Conflict):
    slug, title = "window-closed", "Too late"


class AlreadyFulfilled(Conflict):
    slug, title = "already-fulfilled", "Already fulfilled"


class RefundNotPossible(Unprocessable):
    slug, title = "refund-not-possible", "Refund not possible"


class PaymentNotNeeded(Conflict):
    slug, title = "payment-not-needed", "No payment to start"


# --- the order's view of its payment ---------------------------------------------------------------


def follow_payment(tenant_id: str, order: Order) -> bool:
    """Show the order's payment as payments has it now (one read); True if that changed the order.
    Every change to a payment that orders makes (calling it off, refunding it) is followed in the
    transaction that records it, and every one payments announces by its consumer (paying.py)."""
    payment_id = order.payment.payment_id
    if payment_id is None or order.payment.status == LATE or pricing.money_due(order).amount == 0:
        return False  # no payment, or none at payments (free, or wholly paid from the wallet)
    status = payments.get_payment(tenant_id, payment_id).status.value
    if status == order.payment.status:
        return False
    order.payment = order.payment.model_copy(update={"status": status})
    return True


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
        raise OrderNotFound(f"no order {order_id}", field="order_id")
    return found


# --- who may see and touch an order --------------------------------------------------------------


def as_member(actor: Actor) -> str:
    authorize(actor, Action.BUY_ORDERS)
    return actor.tenant


def mine(actor: Actor, order: Order) -> None:
    """Members reach their own orders only; anyone else's is as if it did not exist."""
    if order.member_id != actor.user_id:
        raise OrderNotFound(f"no order {order.id}", field="order_id")


def visible(actor: Actor, order: Order) -> None:
    if actor.can(Action.READ_ORDERS):
        return
    authorize(actor, Action.BUY_ORDERS)
    mine(actor, order)


# --- the tenant's order rules ------------------------------------------------------------------------


class OrderRules(OrderSettings):
    """The tenant's order settings (orders' own section) with its currency, as checkout reads them."""

    currency: str


def rules_of(tenant_id: str) -> OrderRules:
    """The tenant's order rules (its settings, read once per invocation: `tenancy.settings_of`)."""
    found = tenancy.settings_of(tenant_id)
    if found is None:
        raise OrdersNotSetUp("the tenant is still being set up; orders open once onboarding is done")
    return OrderRules(currency=found.currency, **dict(OrderSettings.of(found)))


# --- what several use cases share ----------------------------------------------------------------------


def address_snapshot(
    tenant_id: str, member_id: str, address_id: str | None, lines: list[OrderLine]
) -> AddressSnapshot | None:
    """The address an order is posted to, copied from the member's address book (identity's)."""
    if address_id is None:
        if any(line.kind in POSTED_KINDS for line in lines):
            raise AddressNeeded(
                "this order is posted (goods or a test kit): choose an address from your address book",
                errors=[FieldError("address_id", "required")],
            )
        return None
    found = identity.address_of(tenant_id, member_id, address_id)
    if found is None:
        raise AddressNeeded(
            f"your address book has no address {address_id}", errors=[FieldError("address_id", "not_found")]
        )
    return AddressSnapshot.model_validate({k: v for k, v in found.items() if k in AddressSnapshot.model_fields})


def facts(lines: list[OrderLine]) -> list[LineFact]:
    """The lines as events carry them: each `amount` is what was paid for the line in money, after
    discounts and wallet credit (commission and cashback are on that, never on wallet credit)."""
    return [
        LineFact(
            line_no=line.line_no,
            sku_id=line.sku_id,
            store_id=line.store_id,
            product_id=line.product_id,
            kind=line.kind,
            category_ids=line.category_ids,
            quantity=line.quantity,
            amount=pricing.paid_in_money(line),
            cashback_bps=line.cashback_bps,
            commission=line.commission,
        )
        for line in lines
    ]


def give_back_promotion(uow: UnitOfWork, tenant_id: str, item: dal.OrderItem, reason: str) -> None:
    """The order's promotions go back to their campaigns (promotions hands over the writes)."""
    if item.redemption:
        redemption = promotions.Redemption.model_validate(item.redemption)
        uow.add(promotions.release_of(tenant_id, redemption, reason=promotions.ReleaseReason(reason)))
        item.redemption = None
