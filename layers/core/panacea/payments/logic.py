"""Payments' use cases: what the orders context calls (start a payment, confirm an offline one,
refund, cancel, read), what finance reads, and what Stripe's webhooks change.

Online payments are Stripe PaymentIntents: `start_payment` creates the payment and its intent
(the member's app confirms it with the client secret), and Stripe's webhooks say how it went.
Offline payments (a bank transfer, cash at a collection point) are confirmed by finance with a
reference. Either way a paid payment announces `payment.succeeded`, which is what the order
waits for.

Webhooks are applied at most once (the event id is remembered in the same transaction as the
change) and never backwards: each part of a payment (its outcome, its refunds, its dispute)
remembers Stripe's time of the newest event applied to it, an older event of the same kind is
ignored, and a paid payment never returns to failed. Refunds are cumulative, so the newest
`charge.refunded` carries the whole truth. The tenant of a webhook is the one the platform
wrote down when it created the intent (`P#STRIPE#PI#…`), never anything the request says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from panacea.payments import dal
from panacea.payments.access import Action
from panacea.payments.models import (
    OFFLINE_METHODS,
    ONLINE_METHODS,
    PAID,
    UNPAID,
    Method,
    Payment,
    PaymentCanceled,
    PaymentDisputed,
    PaymentFailed,
    PaymentRefunded,
    PaymentStatus,
    PaymentSucceeded,
    PaymentView,
    Provider,
    Refund,
    RefundStatus,
    WebhookReceipt,
)
from panacea.platform import clock, isolation, observability
from panacea.platform import payments as stripe_port
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError, Forbidden, NotFound, Unprocessable
from panacea.platform.events import DomainEvent
from panacea.platform.ids import is_id, new_id
from panacea.platform.money import CurrencyMismatch, Money
from panacea.platform.observability import logger
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work
from panacea.tenancy import dal as tenancy_dal

MAX_ATTEMPTS = 5  # a change computed from what was read is retried this often when someone changed it meanwhile
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")
_CUSTOMER_REF = re.compile(r"^[\x21-\x7e]{1,64}$")


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


# --- starting a payment (online) -----------------------------------------------------------


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
    _check_key(idempotency_key, field="idempotency_key")
    _check_order(order_id)
    _check_positive(amount)
    if customer_ref is not None and not _CUSTOMER_REF.match(customer_ref):
        raise Unprocessable.on_field("customer_ref", "invalid", "customer_ref is 1 to 64 printable characters")
    chosen = _methods(tenant_id, methods)
    payment = _payment_for_request(
        tenant_id, order_id, amount, chosen, customer_ref=customer_ref, idempotency_key=idempotency_key
    )
    if payment.intent_id:
        intent = stripe_port.retrieve_intent(payment.intent_id)
    else:
        intent = stripe_port.create_intent(
            amount=amount.amount,
            currency=amount.currency,
            methods=[m.value for m in chosen],
            metadata={
                "tenant_id": tenant_id,
                "order_id": order_id,
                "payment_id": payment.payment_id,
                **({"customer_ref": customer_ref} if customer_ref else {}),
            },
            description=f"Order {order_id}",
            idempotency_key=f"panacea-payment-{tenant_id}-{payment.payment_id}",
        )
        dal.point(intent.id, tenant_id=tenant_id, payment_id=payment.payment_id)
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


def _payment_for_request(
    tenant_id: str,
    order_id: str,
    amount: Money,
    methods: list[Method],
    *,
    customer_ref: str | None,
    idempotency_key: str,
) -> dal.PaymentItem:
    """The payment this key asked for: made now, or the one a first call with it made."""
    request = dal.digest(idempotency_key)
    item = dal.PaymentItem.new(
        tenant_id=tenant_id,
        payment_id=new_id(),
        order_id=order_id,
        amount=amount,
        provider=Provider.STRIPE,
        methods=methods,
        customer_ref=customer_ref,
        at=clock.now(),
    )
    try:
        with unit_of_work(tenant_id) as uow:
            uow.claim(tenant_id, "payment_request", request, item.payment_id, taken=_Claimed(""))
            uow.create(item, conflict=Conflict(f"payment {item.payment_id} exists"))
        return item
    except _Claimed:
        pass
    owner = dal.claim_owner(tenant_id, "payment_request", request)
    existing = dal.payment(tenant_id, owner) if owner else None
    if existing is None:
        raise Conflict("a payment for this idempotency key is being made; retry shortly")
    if (existing.order_id, existing.total, set(existing.methods)) != (order_id, amount, {m.value for m in methods}):
        raise IdempotencyKeyReused(
            "this idempotency key already started a payment of another order, amount or methods",
            errors=[FieldError("idempotency_key", "reused")],
        )
    return existing


class _Claimed(Conflict):
    pass


def _methods(tenant_id: str, wanted: Sequence[str] | None) -> list[Method]:
    settings = tenancy_dal.settings_item(tenant_id)
    if settings is None:
        raise PaymentsNotSetUp(f"tenant {tenant_id} has no settings yet (still onboarding?)")
    enabled = [Method(m.value) for m in settings.model.orders.payment_methods]
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
    _check_order(order_id)
    _check_positive(amount)
    if method not in OFFLINE_METHODS:
        raise Unprocessable.on_field("method", "not_offline", f"{method} is not an offline method")
    method = Method(method)
    settings = tenancy_dal.settings_item(tenant_id)
    if settings is None or not settings.model.orders.offline_payment:
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
            uow.claim(tenant_id, "offline_reference", dal.digest(reference), item.payment_id, taken=_Claimed(""))
            uow.create(item, conflict=Conflict(f"payment {item.payment_id} exists"))
            uow.emit(_succeeded(item))
    except _Claimed:
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


# --- refunds -------------------------------------------------------------------------------


def refund(tenant_id: str, payment_id: str, amount: Money, reason: str, *, idempotency_key: str) -> Refund:
    """Give back `amount` of a paid payment (all of it or part), never more than was paid less
    what was already refunded or asked for: the amount is reserved against the payment under
    that condition, in the transaction that records the refund, before Stripe is asked.

    Online, Stripe refunds it and its `charge.refunded` webhook announces `payment.refunded`;
    offline (the money goes back outside Stripe), it is recorded and announced at once. Once per
    `idempotency_key`: a retry answers the same refund (and asks Stripe again, with the same key,
    if Stripe had not answered)."""
    _check_key(idempotency_key, field="idempotency_key")
    if not 3 <= len(reason.strip()) <= 500:
        raise Unprocessable.on_field("reason", "invalid", "a reason is 3 to 500 characters")
    payment = _payment(tenant_id, payment_id)
    _check_positive(amount)
    _check_currency(payment, amount)
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
            uow.claim(tenant_id, "refund_request", request, record.refund_id, taken=_Claimed(""))
            uow.create(record, conflict=Conflict(f"refund {record.refund_id} exists"))
            dal.reserve_refund(uow, payment, amount, at=record.created_at, refused=_exceeds(payment, amount))
    except _Claimed:
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
            amount=record.money.amount,
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
        payment.status = _status_after_refunds(payment).value
        payment.updated_at = at
        try:
            with unit_of_work(payment.tenant_id) as uow:
                uow.claim(payment.tenant_id, "refund_request", request, record.refund_id, taken=_Claimed(""))
                uow.create(record, conflict=Conflict(f"refund {record.refund_id} exists"))
                dal.save_changed(uow, payment)
                uow.emit(_refunded(payment, before))
            return record.view()
        except _Claimed:
            return _replayed_refund(payment.tenant_id, payment.payment_id, request, amount).view()
        except ConcurrentUpdate:
            payment = _payment(payment.tenant_id, payment.payment_id)
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


def _status_after_refunds(payment: dal.PaymentItem) -> PaymentStatus:
    if int(payment.refunded) >= int(payment.amount):
        return PaymentStatus.REFUNDED
    return PaymentStatus.PARTIALLY_REFUNDED if int(payment.refunded) > 0 else PaymentStatus.SUCCEEDED


# --- cancelling ----------------------------------------------------------------------------


def cancel_payment(tenant_id: str, payment_id: str) -> Payment:
    """Call off a payment nobody made (the order expired or was cancelled): its intent is
    cancelled at Stripe so it can no longer be paid. A paid payment is refused (refund it)."""
    payment = _payment(tenant_id, payment_id)
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
            payment = _payment(tenant_id, payment_id)
    raise ConcurrentUpdate("the payment kept changing; retry")


# --- reading -------------------------------------------------------------------------------


def get_payment(tenant_id: str, payment_id: str) -> Payment:
    """A payment of the tenant (for other contexts, which authorize their own callers)."""
    return _payment(tenant_id, payment_id).view()


def payments_of_order(tenant_id: str, order_id: str) -> list[Payment]:
    """An order's payments, newest first (an order has a few at most)."""
    return dal.payments(tenant_id, order_id=order_id, status=None, cursor=None, limit=100).items


def refunds_of(tenant_id: str, payment_id: str) -> list[Refund]:
    return [r.view() for r in dal.refunds(tenant_id, _payment(tenant_id, payment_id).payment_id)]


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


def _payment(tenant_id: str, payment_id: str) -> dal.PaymentItem:
    item = dal.payment(tenant_id, payment_id) if is_id(payment_id) else None
    if item is None:
        raise PaymentNotFound(f"no payment {payment_id}")
    return item


# --- Stripe's webhooks ---------------------------------------------------------------------


@dataclass
class Change:
    """What applying a Stripe event to a payment does (to the item in hand): the events it
    announces; none when there is nothing to change, `stale` when newer state stands."""

    events: list[DomainEvent] = field(default_factory=list)
    why_not: str = ""
    stale: bool = False


Applier = Callable[[dal.PaymentItem, stripe_port.Notification], Change]


def handle_stripe_webhook(payload: bytes, signature: str | None) -> WebhookReceipt:
    """Verify a webhook from Stripe and apply it to the payment it is about (at most once)."""
    note = stripe_port.verify(payload, signature)
    apply = APPLIERS.get(note.type)
    if apply is None:
        return WebhookReceipt(outcome="ignored", detail=f"payments does not act on {note.type}")
    intent_id = _intent_of(note)
    owner = dal.intent_owner(intent_id) if intent_id else None
    if owner is None:
        return WebhookReceipt(outcome="ignored", detail=f"no payment of this platform has intent {intent_id}")
    tenant_id, payment_id = owner
    _warn_if_metadata_disagrees(note, tenant_id, payment_id)
    observability.bind(tenant_id=tenant_id)
    with isolation.acting_for(tenant_id):  # from here on, with the tenant's credentials only
        for _ in range(MAX_ATTEMPTS):
            receipt = _apply(tenant_id, payment_id, note, apply)
            if receipt is not None:
                return receipt
    raise ConcurrentUpdate("the payment kept changing; Stripe will deliver the event again")


def _apply(tenant_id: str, payment_id: str, note: stripe_port.Notification, apply: Applier) -> WebhookReceipt | None:
    """Apply the event once, with the record of having seen it; None: the payment changed meanwhile."""
    payment, seen = dal.payment_and_event(tenant_id, payment_id, note.id)
    duplicate = WebhookReceipt(outcome="duplicate", detail=f"event {note.id} was already applied")
    if seen:
        return duplicate
    if payment is None:
        return WebhookReceipt(outcome="ignored", detail=f"payment {payment_id} was never recorded")
    change = apply(payment, note)
    if not change.events:
        return WebhookReceipt(outcome="stale" if change.stale else "ignored", detail=change.why_not)
    payment.updated_at = clock.now()
    seen_now = dal.StripeEventSeen.of(tenant_id, note.id, event_type=note.type, payment_id=payment_id, at=clock.now())
    try:
        with unit_of_work(tenant_id) as uow:
            uow.create(seen_now, conflict=_Seen(""))
            dal.save_changed(uow, payment)
            for event in change.events:
                uow.emit(event)
    except _Seen:
        return duplicate
    except ConcurrentUpdate:
        return None
    observability.count("StripeEventsApplied")
    return WebhookReceipt(outcome="applied", detail=f"{note.type} applied to payment {payment_id}")


class _Seen(Conflict):
    pass


def _intent_of(note: stripe_port.Notification) -> str | None:
    """The PaymentIntent an event is about: the object itself, or the one its charge or dispute names."""
    obj = note.object
    found = obj.get("id") if obj.get("object") == "payment_intent" else obj.get("payment_intent")
    if isinstance(found, dict):
        found = found.get("id")
    return found if isinstance(found, str) and found.startswith("pi_") else None


def _warn_if_metadata_disagrees(note: stripe_port.Notification, tenant_id: str, payment_id: str) -> None:
    metadata = note.object.get("metadata") or {}
    claimed = (metadata.get("tenant_id"), metadata.get("payment_id"))
    if any(claimed) and claimed != (tenant_id, payment_id):
        logger.warning(
            "webhook metadata names another payment; the platform's own record decides",
            extra={"event_id": note.id, "metadata_tenant_id": claimed[0], "tenant_id": tenant_id},
        )


def _at(epoch_s: int) -> datetime:
    return datetime.fromtimestamp(epoch_s, tz=UTC)


def _intent_succeeded(payment: dal.PaymentItem, note: stripe_port.Notification) -> Change:
    if payment.current_status in PAID:
        return Change(why_not=f"payment {payment.payment_id} is already {payment.status}")
    if note.created < int(payment.intent_event_at):
        return Change(stale=True, why_not="an event newer than this one already decided the payment's outcome")
    if payment.current_status == PaymentStatus.CANCELED:
        logger.error("a cancelled payment's intent succeeded", extra={"payment_id": payment.payment_id})
    obj = note.object
    payment.status = PaymentStatus.SUCCEEDED.value
    payment.method = _method_used(payment, obj)
    payment.charge_id = _id_of(obj.get("latest_charge"))
    payment.failure = None
    payment.paid_at = _at(note.created)
    payment.intent_event_at = note.created
    return Change(events=[_succeeded(payment)])


def _method_used(payment: dal.PaymentItem, intent: dict[str, Any]) -> str | None:
    """The method the member paid with: the only one offered, else the charge's (asked of Stripe)."""
    offered = [m for m in payment.methods if Method(m) in ONLINE_METHODS]
    if len(offered) == 1:
        return offered[0]
    used = stripe_port.method_used(str(intent["id"]))
    return used if used in {m.value for m in ONLINE_METHODS} else None


def _intent_failed(payment: dal.PaymentItem, note: stripe_port.Notification) -> Change:
    if payment.current_status not in UNPAID:
        why = f"payment {payment.payment_id} is {payment.status}; a failure cannot undo it"
        return Change(stale=True, why_not=why)
    if note.created < int(payment.intent_event_at):
        return Change(stale=True, why_not="an event newer than this one already decided the payment's outcome")
    error = note.object.get("last_payment_error") or {}
    code, message = error.get("decline_code") or error.get("code"), error.get("message")
    payment.status = PaymentStatus.FAILED.value
    payment.failure = f"{code}: {message}" if code or message else "failed"
    payment.intent_event_at = note.created
    event = PaymentFailed(
        payment_id=payment.payment_id,
        order_id=payment.order_id,
        amount=payment.total,
        failure_code=code,
        failure_message=message,
    )
    return Change(events=[event])


def _intent_canceled(payment: dal.PaymentItem, note: stripe_port.Notification) -> Change:
    if payment.current_status not in UNPAID:
        return Change(why_not=f"payment {payment.payment_id} is already {payment.status}")
    if note.created < int(payment.intent_event_at):
        return Change(stale=True, why_not="an event newer than this one already decided the payment's outcome")
    payment.status = PaymentStatus.CANCELED.value
    payment.intent_event_at = note.created
    canceled = PaymentCanceled(payment_id=payment.payment_id, order_id=payment.order_id, amount=payment.total)
    return Change(events=[canceled])


def _charge_refunded(payment: dal.PaymentItem, note: stripe_port.Notification) -> Change:
    charge = note.object
    if payment.current_status not in PAID:
        raise NotYetPaid(f"payment {payment.payment_id} is {payment.status} here; deliver the refund again later")
    total = int(charge.get("amount_refunded") or 0)
    if note.created < int(payment.refund_event_at) or total <= int(payment.refunded):
        return Change(stale=True, why_not=f"refunds of {payment.refunded_total} are already known; this says {total}")
    if str(charge.get("currency", "")).upper() != payment.currency:
        return Change(why_not=f"the charge is in {charge.get('currency')}, the payment in {payment.currency}")
    before = payment.refunded_total
    payment.refunded = min(total, int(payment.amount))
    # Refunds made in Stripe's dashboard were never reserved here: what Stripe refunded is the floor.
    payment.refund_reserved = max(int(payment.refund_reserved), int(payment.refunded))
    payment.status = _status_after_refunds(payment).value
    payment.refund_event_at = note.created
    return Change(events=[_refunded(payment, before)])


def _dispute_created(payment: dal.PaymentItem, note: stripe_port.Notification) -> Change:
    dispute = note.object
    if payment.current_status not in PAID:
        raise NotYetPaid(f"payment {payment.payment_id} is {payment.status} here; deliver the dispute again later")
    if note.created < int(payment.dispute_event_at) or (payment.dispute or {}).get("id") == dispute.get("id"):
        return Change(stale=True, why_not="a dispute as new as this one is already recorded")
    amount = payment.money(int(dispute.get("amount") or payment.amount))
    payment.dispute = {
        "id": str(dispute.get("id")),
        "amount": amount.model_dump(mode="json"),
        "reason": str(dispute.get("reason") or "general"),
        "status": str(dispute.get("status") or "needs_response"),
        "opened_at": _at(int(dispute.get("created") or note.created)).isoformat(),
    }
    payment.dispute_event_at = note.created
    event = PaymentDisputed(
        payment_id=payment.payment_id,
        order_id=payment.order_id,
        dispute_id=str(dispute.get("id")),
        amount=amount,
        reason=str(dispute.get("reason") or "general"),
    )
    return Change(events=[event])


# Each Stripe event type payments acts on, and what it does to the payment (pure: no I/O but for
# asking Stripe which method paid, when the intent offered several).
APPLIERS: dict[str, Applier] = {
    "payment_intent.succeeded": _intent_succeeded,
    "payment_intent.payment_failed": _intent_failed,
    "payment_intent.canceled": _intent_canceled,
    "charge.refunded": _charge_refunded,
    "charge.dispute.created": _dispute_created,
}


# --- shared --------------------------------------------------------------------------------


def _succeeded(payment: dal.PaymentItem) -> PaymentSucceeded:
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


def _refunded(payment: dal.PaymentItem, before: Money) -> PaymentRefunded:
    return PaymentRefunded(
        payment_id=payment.payment_id,
        order_id=payment.order_id,
        amount=payment.refunded_total - before,
        refunded_total=payment.refunded_total,
        remaining=payment.total - payment.refunded_total,
        full=int(payment.refunded) >= int(payment.amount),
    )


def _id_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else None


def _check_key(key: str, *, field: str) -> None:
    if not isinstance(key, str) or not _KEY.match(key):
        raise Unprocessable.on_field(field, "invalid", f"{field} is 1 to 255 printable ASCII characters")


def _check_order(order_id: str) -> None:
    if not is_id(order_id):
        raise Unprocessable.on_field("order_id", "invalid", f"{order_id!r} is not an order id")


def _check_positive(amount: Money) -> None:
    if amount.amount <= 0:
        raise Unprocessable.on_field("amount.amount", "not_positive", "an amount is more than zero")


def _check_currency(payment: dal.PaymentItem, amount: Money) -> None:
    try:
        amount - payment.total
    except CurrencyMismatch:
        raise Unprocessable.on_field(
            "amount.currency", "currency_mismatch", f"the payment is in {payment.currency}, not {amount.currency}"
        ) from None
