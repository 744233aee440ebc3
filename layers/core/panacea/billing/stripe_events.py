"""Stripe Billing's webhooks, answered by re-reading rather than by trusting what they carry.

Whatever the event (`checkout.session.completed`, `customer.subscription.*`, `invoice.paid`,
`invoice.payment_failed`, `invoice.payment_action_required`,
`entitlements.active_entitlement_summary.updated`), billing verifies it with the billing
endpoint's secret, finds the tenant by the event's Customer (the pointer written when the tenant's
account was opened, never anything the event says), then asks Stripe for the customer's
subscriptions and every page of its active entitlements, and rebuilds the tenant's one
effective entitlements record from those reads, the stored inputs and the clock
(`panacea.billing.entitlements`). A late, repeated or lost event therefore converges on the same
record: the next event (or the nightly reconcile) reads the same truth.
"""

from __future__ import annotations

from datetime import datetime

from panacea.billing import dal
from panacea.billing.entitlements import EntitlementInputs, merged, rebuild
from panacea.billing.models import EffectiveEntitlements, EntitlementSummaryRead, SubscriptionRead
from panacea.billing.plans import UnknownPlan, plan_for_lookup_key
from panacea.billing.vocabulary import SubscriptionStatus
from panacea.billing.webhook_models import ANSWERED, BillingWebhookReceipt
from panacea.platform import clock, isolation, observability, subscriptions
from panacea.platform import payments as stripe_port
from panacea.platform.observability import logger

# The subscription that speaks for a customer: the first status found in this order, newest first.
STANDING_ORDER = (
    SubscriptionStatus.ACTIVE,
    SubscriptionStatus.TRIALING,
    SubscriptionStatus.PAST_DUE,
    SubscriptionStatus.UNPAID,
    SubscriptionStatus.PAUSED,
    SubscriptionStatus.INCOMPLETE,
    SubscriptionStatus.INCOMPLETE_EXPIRED,
    SubscriptionStatus.CANCELED,
)


def handle_billing_webhook(payload: bytes, signature: str | None) -> BillingWebhookReceipt:
    """Verify a webhook of Stripe Billing and rebuild the entitlements of the tenant it is about."""
    note = stripe_port.verify(payload, signature, endpoint="billing")
    if note.type not in ANSWERED:
        return BillingWebhookReceipt(outcome="ignored", detail=f"billing does not act on {note.type}")
    customer = note.object.get("customer")
    tenant_id = dal.customer_owner(str(customer)) if customer else None
    if tenant_id is None:
        return BillingWebhookReceipt(outcome="ignored", detail=f"no tenant of this platform is customer {customer}")
    observability.bind(tenant_id=tenant_id)
    with isolation.acting_for(tenant_id):  # from here on, with the tenant's credentials only
        if dal.seen(tenant_id, note.id):
            return BillingWebhookReceipt(outcome="duplicate", detail=f"{note.id} was answered before")
        # the reads answer for the moment they are made (an event's `created` is whole seconds, and
        # a late event's re-read is newer than its event), so they are stamped with the clock
        record, written = refresh(tenant_id, str(customer), as_of=clock.now())
        dal.note_seen(tenant_id, note.id, note.type, clock.now())
    return BillingWebhookReceipt(
        outcome="applied" if written else "unchanged",
        access=record.access.value,
        plan_key=record.plan_key,
    )


def refresh(tenant_id: str, customer: str, *, as_of: datetime) -> tuple[EffectiveEntitlements, bool]:
    """Re-read the customer from Stripe and rebuild the tenant's record (inside the tenant's scope);
    the record that stands after, and whether this rebuild wrote it."""
    read = EntitlementInputs(
        tenant_id=tenant_id,
        subscription=_subscription_read(subscriptions.subscriptions_of(customer), as_of),
        summary=EntitlementSummaryRead(features=frozenset(subscriptions.active_features(customer)), as_of=as_of),
    )
    stored = dal.entitlements(tenant_id)
    inputs = merged(stored[1], read) if stored else read
    record = rebuild(inputs, clock.now())
    if dal.keep_entitlements(record, inputs):
        return record, True
    standing = dal.entitlements(tenant_id)
    return (standing[0] if standing else record), False


def _subscription_read(found: list[subscriptions.Subscription], as_of: datetime) -> SubscriptionRead | None:
    """The read of the subscription that speaks for the customer (None: it never subscribed to a plan)."""
    ranked = sorted(
        (s for s in found if s.status in set(STANDING_ORDER)),
        key=lambda s: (STANDING_ORDER.index(SubscriptionStatus(s.status)), -s.created.timestamp()),
    )
    for each in ranked:
        try:
            plan_key = plan_for_lookup_key(each.lookup_key or "").key
        except UnknownPlan:
            logger.warning("subscription to a price of no plan", extra={"subscription": each.id})
            continue
        return SubscriptionRead(
            subscription_id=each.id,
            plan_key=plan_key,
            status=SubscriptionStatus(each.status),
            current_period_start=each.current_period_start,
            current_period_end=each.current_period_end,
            cancel_at_period_end=each.cancel_at_period_end,
            trial_end=each.trial_end,
            as_of=as_of,
        )
    return None
