"""Stripe's webhooks: verified, then applied to the payment they are about, at most once (the
event id is remembered in the same transaction as the change) and never backwards: each part of a
payment (its outcome, its refunds, its dispute) remembers Stripe's time of the newest event
applied to it, an older event of the same kind is ignored, and a paid payment never returns to
failed. Refunds are cumulative, so the newest `charge.refunded` carries the whole truth. The
tenant of a webhook is the one the platform wrote down when it created the intent
(`P#STRIPE#PI#…`), never anything the request says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from panacea.payments import dal
from panacea.payments.logic import (
    MAX_ATTEMPTS,
    NotYetPaid,
    refunded_event,
    status_after_refunds,
    succeeded_event,
)
from panacea.payments.models import (
    ONLINE_METHODS,
    PAID,
    UNPAID,
    Method,
    PaymentCanceled,
    PaymentDisputed,
    PaymentFailed,
    PaymentStatus,
    StripeEventType,
    WebhookReceipt,
)
from panacea.platform import clock, isolation, observability
from panacea.platform import payments as stripe_port
from panacea.platform.errors import ConcurrentUpdate, Conflict
from panacea.platform.events import DomainEvent
from panacea.platform.observability import logger
from panacea.platform.transaction import unit_of_work


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
    return Change(events=[succeeded_event(payment)])


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
    if str(charge.get("currency", "")).upper() != payment.currency:
        return Change(why_not=f"the charge is in {charge.get('currency')}, the payment in {payment.currency}")
    refunded = note.money("amount_refunded")  # Stripe's units → the platform's
    total = refunded.amount if refunded else 0
    if note.created < int(payment.refund_event_at) or total <= int(payment.refunded):
        known = f"refunds of {payment.refunded_total} are already known; this says {refunded}"
        return Change(stale=True, why_not=known)
    before = payment.refunded_total
    payment.refunded = min(total, int(payment.amount))
    # Refunds made in Stripe's dashboard were never reserved here: what Stripe refunded is the floor.
    payment.refund_reserved = max(int(payment.refund_reserved), int(payment.refunded))
    payment.status = status_after_refunds(payment).value
    payment.refund_event_at = note.created
    return Change(events=[refunded_event(payment, before)])


def _dispute_created(payment: dal.PaymentItem, note: stripe_port.Notification) -> Change:
    dispute = note.object
    if payment.current_status not in PAID:
        raise NotYetPaid(f"payment {payment.payment_id} is {payment.status} here; deliver the dispute again later")
    if note.created < int(payment.dispute_event_at) or (payment.dispute or {}).get("id") == dispute.get("id"):
        return Change(stale=True, why_not="a dispute as new as this one is already recorded")
    amount = note.money("amount") or payment.total  # Stripe's units → the platform's
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
# asking Stripe which method paid, when the intent offered several). The types are named once, in
# StripeEventType, which the webhook's documented body lists.
APPLIERS: dict[str, Applier] = {
    StripeEventType.PAYMENT_INTENT_SUCCEEDED: _intent_succeeded,
    StripeEventType.PAYMENT_INTENT_PAYMENT_FAILED: _intent_failed,
    StripeEventType.PAYMENT_INTENT_CANCELED: _intent_canceled,
    StripeEventType.CHARGE_REFUNDED: _charge_refunded,
    StripeEventType.CHARGE_DISPUTE_CREATED: _dispute_created,
}


def _id_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else None
