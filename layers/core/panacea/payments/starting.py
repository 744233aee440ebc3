"""Starting payments: an online payment recorded (with its order, or on its own) and opened at
Stripe as a PaymentIntent, an offline one confirmed by finance with its reference, and an unpaid
one called off.

Checkout opens the payment's intent at Stripe first (`open_intent`), then records the payment,
intent and all, in the order's own transaction (`record_payment` hands it the writes); if that
transaction does not commit, the intent is called off (`call_off_intent`). `start_payment` records
and opens a payment on its own, once per idempotency key (a retried start answers the same payment
and the same intent).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from panacea import tenancy
from panacea.payments import dal
from panacea.payments.access import Action
from panacea.payments.logic import (
    MAX_ATTEMPTS,
    Claimed,
    IdempotencyKeyReused,
    PaymentNotCancelable,
    PaymentsNotSetUp,
    ReferenceAlreadyRecorded,
    check_key,
    check_order,
    check_payable,
    check_positive,
    payment_item,
    succeeded_event,
)
from panacea.payments.models import (
    OFFLINE_METHODS,
    ONLINE_METHODS,
    UNPAID,
    Method,
    Payment,
    PaymentCanceled,
    PaymentStatus,
    PaymentView,
    Provider,
)
from panacea.platform import clock, observability
from panacea.platform import payments as stripe_port
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError, Forbidden, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from panacea.platform.observability import logger
from panacea.platform.transaction import UnitOfWork, unit_of_work

_CUSTOMER_REF = re.compile(r"^[\x21-\x7e]{1,64}$")


# --- starting a payment (online) -----------------------------------------------------------


@dataclass(frozen=True)
class OrderPayment:
    """What an order asks to be paid: an amount, by which methods (None: every method the tenant
    enables online), once per `idempotency_key`."""

    order_id: str
    amount: Money
    methods: Sequence[str] | None
    customer_ref: str | None
    idempotency_key: str


@dataclass(frozen=True)
class PendingPayment:
    """A payment recorded with its order: the writes to add to the order's transaction, and the
    payment they record (its intent opened at Stripe just before that transaction)."""

    writes: UnitOfWork
    item: dal.PaymentItem
    methods: list[Method]

    @property
    def payment_id(self) -> str:
        return str(self.item.payment_id)

    @property
    def status(self) -> str:
        return str(self.item.status)


def record_payment(tenant_id: str, request: OrderPayment) -> PendingPayment:
    """The writes that record a new payment for an order (its idempotency key claimed, the payment
    made), for the transaction that places the order; nothing is read or written here."""
    chosen = _checked(tenant_id, request, amount_field="total")  # the order's total is what is paid
    item = _new_payment(tenant_id, request, chosen)
    part = UnitOfWork(tenant_id)
    part.claim(
        tenant_id,
        "payment_request",
        dal.digest(request.idempotency_key),
        item.payment_id,
        taken=IdempotencyKeyReused(
            "this idempotency key already started a payment", errors=[FieldError("idempotency_key", "reused")]
        ),
    )
    part.create(item, conflict=Conflict(f"payment {item.payment_id} exists"))
    return PendingPayment(part, item, chosen)


def open_intent(tenant_id: str, pending: PendingPayment) -> str | None:
    """Create at Stripe the intent of a payment about to be recorded with its order, before that
    transaction: whose intent it is is written down, and the payment's record (written by the
    order's transaction) carries it. The intent's client secret, for the member's app."""
    intent = _create_intent(tenant_id, pending.item, pending.methods)
    pending.item.intent_id = intent.id
    observability.count("PaymentsStarted")
    return intent.client_secret


def call_off_intent(tenant_id: str, pending: PendingPayment) -> None:
    """The order's transaction did not commit: its payment's intent is cancelled at Stripe (best
    effort: an intent nobody holds the client secret of can never be paid anyway)."""
    if not pending.item.intent_id:
        return
    try:
        stripe_port.cancel_intent(
            pending.item.intent_id, idempotency_key=f"panacea-cancel-{tenant_id}-{pending.payment_id}"
        )
    except Exception:  # the checkout's own error is what the member is told
        logger.warning("intent of an order not placed left open", extra={"payment_id": pending.payment_id})


def start_payment(
    tenant_id: str,
    order_id: str,
    amount: Money,
    methods: Sequence[str] | None,
    *,
    customer_ref: str | None,
    idempotency_key: str,
) -> PaymentView:
    """A payment of `amount` for an order, and its Stripe PaymentIntent; the answer carries the
    intent's client secret for the member's app. `methods` None: every method the tenant enables.

    Once per `idempotency_key`: calling again with the same key (after a timeout, a crash, a
    retried request) answers the same payment and the same intent; the same key for another
    order or amount is refused."""
    request = OrderPayment(order_id, amount, methods, customer_ref, idempotency_key)
    chosen = _checked(tenant_id, request)
    return _opened(tenant_id, _payment_for_request(tenant_id, request, chosen), chosen)


def _checked(tenant_id: str, request: OrderPayment, *, amount_field: str = "amount.amount") -> list[Method]:
    check_key(request.idempotency_key, field="idempotency_key")
    check_order(request.order_id)
    check_positive(request.amount)
    check_payable(request.amount, field=amount_field)
    if request.customer_ref is not None and not _CUSTOMER_REF.match(request.customer_ref):
        raise Unprocessable.on_field("customer_ref", "invalid", "customer_ref is 1 to 64 printable characters")
    return _methods(tenant_id, request.methods)


def _new_payment(tenant_id: str, request: OrderPayment, methods: list[Method]) -> dal.PaymentItem:
    return dal.PaymentItem.new(
        tenant_id=tenant_id,
        payment_id=new_id(),
        order_id=request.order_id,
        amount=request.amount,
        provider=Provider.STRIPE,
        methods=methods,
        customer_ref=request.customer_ref,
        at=clock.now(),
    )


def _opened(tenant_id: str, payment: dal.PaymentItem, methods: list[Method]) -> PaymentView:
    """The payment's intent at Stripe: the one it has, or one created now (and written down: whose
    intent it is, then the intent on the payment)."""
    if payment.intent_id:
        intent = stripe_port.retrieve_intent(payment.intent_id)
    else:
        intent = _create_intent(tenant_id, payment, methods)
        payment.intent_id = intent.id
        with unit_of_work(tenant_id) as uow:
            uow.update(
                payment,
                [dal.PaymentItem.intent_id.set(intent.id), dal.PaymentItem.version.add(1)],
                condition=dal.PaymentItem.intent_id.does_not_exist() | (dal.PaymentItem.intent_id == intent.id),
                conflict=Conflict(f"payment {payment.payment_id} already has another intent"),
            )
    observability.count("PaymentsStarted")
    return PaymentView(**payment.view().model_dump(), client_secret=intent.client_secret)


def _create_intent(tenant_id: str, payment: dal.PaymentItem, methods: list[Method]) -> stripe_port.Intent:
    """A PaymentIntent for the payment (once per payment, by Stripe's idempotency key), and the
    platform's note of whose intent it is (what webhooks find their tenant by)."""
    customer_ref = payment.customer_ref
    intent = stripe_port.create_intent(
        amount=payment.total,
        methods=[m.value for m in methods],
        metadata={
            "tenant_id": tenant_id,
            "order_id": payment.order_id,
            "payment_id": payment.payment_id,
            **({"customer_ref": customer_ref} if customer_ref else {}),
        },
        description=f"Order {payment.order_id}",
        idempotency_key=f"panacea-payment-{tenant_id}-{payment.payment_id}",
    )
    payment.intent_id = intent.id  # before anything else can fail: whoever holds the payment can call it off
    dal.point(intent.id, tenant_id=tenant_id, payment_id=payment.payment_id)
    return intent


def _payment_for_request(tenant_id: str, request: OrderPayment, methods: list[Method]) -> dal.PaymentItem:
    """The payment this key asked for: made now, or the one a first call with it made."""
    digest = dal.digest(request.idempotency_key)
    item = _new_payment(tenant_id, request, methods)
    try:
        with unit_of_work(tenant_id) as uow:
            uow.claim(tenant_id, "payment_request", digest, item.payment_id, taken=Claimed(""))
            uow.create(item, conflict=Conflict(f"payment {item.payment_id} exists"))
        return item
    except Claimed:
        pass
    owner = dal.claim_owner(tenant_id, "payment_request", digest)
    existing = dal.payment(tenant_id, owner) if owner else None
    if existing is None:
        raise Conflict("a payment for this idempotency key is being made; retry shortly")
    asked = (request.order_id, request.amount, {m.value for m in methods})
    if (existing.order_id, existing.total, set(existing.methods)) != asked:
        raise IdempotencyKeyReused(
            "this idempotency key already started a payment of another order, amount or methods",
            errors=[FieldError("idempotency_key", "reused")],
        )
    return existing


def _methods(tenant_id: str, wanted: Sequence[str] | None) -> list[Method]:
    settings = tenancy.settings_of(tenant_id)
    if settings is None:
        raise PaymentsNotSetUp(f"tenant {tenant_id} has no settings yet (still onboarding?)")
    enabled = [Method(m.value) for m in settings.orders.payment_methods]
    if wanted is None:
        return sorted(enabled)
    refused = [str(m) for m in wanted if m not in ONLINE_METHODS or m not in enabled]
    if refused or not wanted:
        raise Unprocessable.on_field(
            "methods",
            "not_enabled",
            f"the tenant takes {', '.join(enabled)} online; not {', '.join(refused) or 'nothing'}",
        )
    return sorted({Method(m) for m in wanted})


# --- offline payments ----------------------------------------------------------------------


def record_offline_payment(
    actor: Actor,
    tenant_id: str,
    order_id: str,
    amount: Money,
    reference: str,
    *,
    method: str = Method.BANK_TRANSFER,
) -> Payment:
    """Finance confirms money that arrived outside Stripe (a bank transfer, cash at a collection
    point), with its reference; the payment is paid at once and announces `payment.succeeded`,
    the same event an online payment does. A reference is recorded once: recording it again for
    the same order and amount answers the same payment."""
    authorize(actor, Action.RECORD_OFFLINE_PAYMENTS)
    if actor.tenant != tenant_id:
        raise Forbidden("a tenant's staff record payments of their own tenant only")
    check_order(order_id)
    check_positive(amount)
    if method not in OFFLINE_METHODS:
        raise Unprocessable.on_field("method", "not_offline", f"{method} is not an offline method")
    method = Method(method)
    settings = tenancy.settings_of(tenant_id)
    if settings is None or not settings.orders.offline_payment:
        raise PaymentsNotSetUp("this tenant does not take offline payments (settings: orders.offline_payment)")
    at = clock.now()
    item = dal.PaymentItem.new(
        tenant_id=tenant_id,
        payment_id=new_id(),
        order_id=order_id,
        amount=amount,
        provider=Provider.OFFLINE,
        methods=[method],
        customer_ref=None,
        at=at,
    )
    item.status, item.method, item.reference, item.recorded_by, item.paid_at = (
        PaymentStatus.SUCCEEDED.value,
        method.value,
        reference,
        actor.user_id,
        at,
    )
    try:
        with unit_of_work(tenant_id) as uow:
            uow.claim(tenant_id, "offline_reference", dal.digest(reference), item.payment_id, taken=Claimed(""))
            uow.create(item, conflict=Conflict(f"payment {item.payment_id} exists"))
            uow.emit(succeeded_event(item))
    except Claimed:
        owner = dal.claim_owner(tenant_id, "offline_reference", dal.digest(reference))
        existing = dal.payment(tenant_id, owner) if owner else None
        if existing is not None and (existing.order_id, existing.total) == (order_id, amount):
            return existing.view()
        raise ReferenceAlreadyRecorded(
            f"reference {reference} was already recorded for another payment",
            errors=[FieldError("reference", "taken")],
        ) from None
    observability.count("OfflinePaymentsRecorded")
    return item.view()


# --- cancelling ----------------------------------------------------------------------------


def cancel_payment(tenant_id: str, payment_id: str) -> Payment:
    """Call off a payment nobody made (the order expired or was cancelled): its intent is
    cancelled at Stripe so it can no longer be paid. A paid payment is refused (refund it)."""
    payment = payment_item(tenant_id, payment_id)
    if payment.current_status == PaymentStatus.CANCELED:
        return payment.view()
    if payment.current_status not in UNPAID:
        raise PaymentNotCancelable(f"payment {payment_id} is {payment.status}; refund it instead")
    if payment.intent_id:
        try:
            stripe_port.cancel_intent(payment.intent_id, idempotency_key=f"panacea-cancel-{tenant_id}-{payment_id}")
        except stripe_port.ProviderRefused as refused:
            raise PaymentNotCancelable(f"Stripe would not cancel it: {refused.detail}") from refused
    for _ in range(MAX_ATTEMPTS):
        if payment.current_status not in UNPAID:
            return payment.view()
        payment.status, payment.updated_at = PaymentStatus.CANCELED.value, clock.now()
        try:
            with unit_of_work(tenant_id) as uow:
                dal.save_changed(uow, payment)
                uow.emit(PaymentCanceled(payment_id=payment_id, order_id=payment.order_id, amount=payment.total))
            return payment.view()
        except ConcurrentUpdate:
            payment = payment_item(tenant_id, payment_id)
    raise ConcurrentUpdate("the payment kept changing; retry")
