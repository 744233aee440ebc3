"""The subscriptions port: Stripe Billing, through the payments port's client (the same account,
keys and sandbox), in the billing context's words:

    customer_for        the Stripe Customer a subscriber pays as, made once per key
    price_for           the active price of a lookup key
    sync_plan           a plan's Product, its monthly Price (found again by lookup key) and its
                        entitlement Features, made or brought up to date: running it twice changes nothing
    start_checkout      a Checkout Session in subscription mode for a price (trial days, metadata)
    portal_session      the Customer Portal, where a subscriber changes card, plan or cancels
    subscription        a subscription as Stripe holds it now (what a webhook is answered with)
    subscriptions_of    a customer's subscriptions, ended ones too
    change_price / cancel_at_period_end
    active_features     the lookup keys of a customer's active entitlement features, every page
    sync_meter          the meter of a usage event name (made once)
    report_usage        one meter event, its `identifier` our event id (Stripe drops a repeat in 24 h)
    usage_summary       what a meter counted for a customer in a window

Answers are plain dataclasses; Stripe's errors become the payments port's `ProviderRefused` and
`ProviderUnavailable`. Amounts cross as `Money`, converted by `panacea.platform.stripe_amounts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from panacea.platform.errors import DomainError
from panacea.platform.money import Money
from panacea.platform.payments import stripe_client, stripe_errors
from panacea.platform.stripe_amounts import from_stripe, to_stripe


class PriceNotListed(DomainError):
    """The plans were not synced to this Stripe account yet (an operator's step, see README: Deploy)."""

    status, slug, title = 503, "price-not-listed", "Plan not on sale yet"


@dataclass(frozen=True)
class PlanListing:
    """What Stripe is told about one plan: a product, its recurring price and its features."""

    lookup_key: str  # the price's, stable across price changes (`tenant.professional.monthly.gbp`)
    product_key: str  # the product's id in Stripe: one product per plan (`plan_tenant_professional`)
    name: str
    price: Money
    interval: str = "month"
    features: dict[str, str] = field(default_factory=dict)  # lookup key → name


@dataclass(frozen=True)
class Subscription:
    id: str
    customer: str
    status: str  # trialing, active, past_due, unpaid, canceled, incomplete, incomplete_expired, paused
    item_id: str
    price_id: str
    lookup_key: str | None
    price: Money
    interval: str
    interval_count: int
    quantity: int
    current_period_start: datetime
    current_period_end: datetime
    cancel_at_period_end: bool
    trial_end: datetime | None
    canceled_at: datetime | None
    created: datetime
    metadata: dict[str, str]


@dataclass(frozen=True)
class Checkout:
    id: str
    url: str


@dataclass(frozen=True)
class UsageSummary:
    customer: str
    value: float
    start: datetime
    end: datetime


def _at(seconds: int | None) -> datetime | None:
    return datetime.fromtimestamp(seconds, UTC) if seconds else None


def _seconds(at: datetime) -> int:
    return int(at.timestamp())


# --- customers and plans ----------------------------------------------------------------------


def customer_for(*, email: str, name: str, metadata: dict[str, str], idempotency_key: str) -> str:
    """A Stripe Customer for a subscriber (made once per key: the same key answers the same id)."""
    params = {"email": email, "name": name, "metadata": metadata}
    with stripe_errors():
        made = stripe_client().v1.customers.create(params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
    return str(made.id)


def sync_plan(plan: PlanListing) -> str:
    """Make or bring up to date the plan's product, price and features; the price's id. A price's
    amount cannot change in Stripe: a new price takes over the lookup key (`transfer_lookup_key`)."""
    client = stripe_client()
    with stripe_errors():
        product = _product(client, plan)
        found = client.v1.prices.list({"lookup_keys": [plan.lookup_key], "active": True, "limit": 1}).data
        current = found[0] if found else None
        if current is None or not _same_price(current.to_dict(), plan):
            current = client.v1.prices.create(
                {
                    "product": product,
                    "currency": plan.price.currency.lower(),
                    "unit_amount": to_stripe(plan.price),
                    "recurring": {"interval": plan.interval},
                    "lookup_key": plan.lookup_key,
                    "transfer_lookup_key": True,
                    "nickname": plan.name,
                }
            )
        _attach_features(client, product, plan.features)
    return str(current.id)


def price_for(lookup_key: str) -> str:
    """The id of the active price with `lookup_key` (`PriceNotListed`, 503, before the plans are synced)."""
    with stripe_errors():
        found = stripe_client().v1.prices.list({"lookup_keys": [lookup_key], "active": True, "limit": 1}).data
    if not found:
        raise PriceNotListed(f"no active Stripe price has the lookup key {lookup_key}: sync the plans")
    return str(found[0].id)


def _product(client: Any, plan: PlanListing) -> str:
    import stripe  # noqa: PLC0415 - loaded with the client already

    try:
        client.v1.products.update(plan.product_key, {"name": plan.name, "active": True})
    except stripe.InvalidRequestError as missing:
        if missing.code != "resource_missing":
            raise
        client.v1.products.create({"id": plan.product_key, "name": plan.name})
    return plan.product_key


def _same_price(price: dict[str, Any], plan: PlanListing) -> bool:
    recurring = price.get("recurring") or {}
    return (
        price.get("currency") == plan.price.currency.lower()
        and price.get("unit_amount") == to_stripe(plan.price)
        and recurring.get("interval") == plan.interval
        and price.get("product") == plan.product_key
    )


def _attach_features(client: Any, product: str, features: dict[str, str]) -> None:
    attached = {
        f.entitlement_feature.lookup_key for f in client.v1.products.features.list(product, {"limit": 100}).data
    }
    for lookup_key, name in features.items():
        if lookup_key in attached:
            continue
        existing = client.v1.entitlements.features.list({"lookup_key": lookup_key, "limit": 1}).data
        feature = (
            existing[0]
            if existing
            else client.v1.entitlements.features.create({"name": name, "lookup_key": lookup_key})
        )
        client.v1.products.features.create(product, {"entitlement_feature": feature.id})


# --- subscribing ------------------------------------------------------------------------------


def start_checkout(
    *,
    customer: str,
    price_id: str,
    trial_days: int,
    metadata: dict[str, str],
    success_url: str,
    cancel_url: str,
    idempotency_key: str,
) -> Checkout:
    """A Checkout Session in subscription mode: the subscriber pays (or starts a trial) on its page."""
    params: dict[str, Any] = {
        "mode": "subscription",
        "customer": customer,
        "line_items": [{"price": price_id, "quantity": 1}],
        "subscription_data": {"metadata": metadata, **({"trial_period_days": trial_days} if trial_days else {})},
        "metadata": metadata,
        "client_reference_id": metadata.get("tenant_id", ""),
        "success_url": success_url,
        "cancel_url": cancel_url,
    }
    with stripe_errors():
        made = stripe_client().v1.checkout.sessions.create(params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
    return Checkout(id=str(made.id), url=str(made.url))


def portal_session(*, customer: str, return_url: str) -> str:
    """The Customer Portal's address for `customer` (a short-lived session)."""
    with stripe_errors():
        made = stripe_client().v1.billing_portal.sessions.create({"customer": customer, "return_url": return_url})
    return str(made.url)


def subscription(subscription_id: str) -> Subscription:
    """The subscription as Stripe holds it now."""
    with stripe_errors():
        raw = stripe_client().v1.subscriptions.retrieve(subscription_id).to_dict()
    return _subscription(raw)


def subscriptions_of(customer: str) -> list[Subscription]:
    """Every subscription of `customer`, ended ones too, newest first."""
    with stripe_errors():
        page = stripe_client().v1.subscriptions.list({"customer": customer, "status": "all", "limit": 100})
        found = [_subscription(s.to_dict()) for s in page.auto_paging_iter()]
    return sorted(found, key=lambda s: s.created, reverse=True)


def change_price(subscription_id: str, *, item_id: str, price_id: str, idempotency_key: str) -> Subscription:
    """Move the subscription to another price now, prorating the rest of the period."""
    params: dict[str, Any] = {"items": [{"id": item_id, "price": price_id}], "proration_behavior": "create_prorations"}
    with stripe_errors():
        raw = stripe_client().v1.subscriptions.update(subscription_id, params, {"idempotency_key": idempotency_key})  # type: ignore[arg-type]
    return _subscription(raw.to_dict())


def cancel_at_period_end(subscription_id: str, *, cancel: bool) -> Subscription:
    """Cancel when the paid period ends (or take that back)."""
    with stripe_errors():
        raw = stripe_client().v1.subscriptions.update(subscription_id, {"cancel_at_period_end": cancel})
    return _subscription(raw.to_dict())


def _subscription(raw: dict[str, Any]) -> Subscription:
    item = raw["items"]["data"][0]
    price = item["price"]
    recurring = price.get("recurring") or {}
    # since API version 2025-03-31 the period lives on each item; older objects carry it on the subscription
    start = item.get("current_period_start") or raw.get("current_period_start")
    end = item.get("current_period_end") or raw.get("current_period_end")
    return Subscription(
        id=str(raw["id"]),
        customer=str(raw["customer"]),
        status=str(raw["status"]),
        item_id=str(item["id"]),
        price_id=str(price["id"]),
        lookup_key=price.get("lookup_key"),
        price=from_stripe(int(price.get("unit_amount") or 0), str(price["currency"]).upper()),
        interval=str(recurring.get("interval", "month")),
        interval_count=int(recurring.get("interval_count", 1)),
        quantity=int(item.get("quantity") or 1),
        current_period_start=_at(start) or datetime.fromtimestamp(raw["created"], UTC),
        current_period_end=_at(end) or datetime.fromtimestamp(raw["created"], UTC),
        cancel_at_period_end=bool(raw.get("cancel_at_period_end")),
        trial_end=_at(raw.get("trial_end")),
        canceled_at=_at(raw.get("canceled_at")),
        created=datetime.fromtimestamp(raw["created"], UTC),
        metadata={str(k): str(v) for k, v in (raw.get("metadata") or {}).items()},
    )


# --- entitlements and usage ---------------------------------------------------------------------


def active_features(customer: str) -> list[str]:
    """The lookup keys of every active entitlement of `customer` (all pages, not only Stripe's first 10)."""
    keys: list[str] = []
    with stripe_errors():
        page = stripe_client().v1.entitlements.active_entitlements.list({"customer": customer, "limit": 100})
        for entitlement in page.auto_paging_iter():
            keys.append(str(entitlement.lookup_key))
    return sorted(keys)


def report_usage(*, event_name: str, customer: str, value: int, identifier: str, at: datetime) -> None:
    """One meter event; Stripe ignores another with the same `identifier` within 24 hours."""
    params = {
        "event_name": event_name,
        "payload": {"stripe_customer_id": customer, "value": str(value)},
        "identifier": identifier,
        "timestamp": _seconds(at),
    }
    with stripe_errors():
        stripe_client().v1.billing.meter_events.create(params)  # type: ignore[arg-type]


def usage_summary(*, meter_id: str, customer: str, start: datetime, end: datetime) -> UsageSummary:
    """What the meter counted for `customer` from `start` to `end` (whole hours, as Stripe sums)."""
    params = {"customer": customer, "start_time": _seconds(start), "end_time": _seconds(end)}
    with stripe_errors():
        summaries = stripe_client().v1.billing.meters.event_summaries.list(meter_id, params).data  # type: ignore[arg-type]
    return UsageSummary(
        customer=customer, value=sum(float(s.aggregated_value) for s in summaries), start=start, end=end
    )


def sync_meter(*, event_name: str, display_name: str) -> str:
    """The active meter summing `event_name`'s values per customer (made if missing); its id."""
    client = stripe_client()
    with stripe_errors():
        for meter in client.v1.billing.meters.list({"status": "active", "limit": 100}).auto_paging_iter():
            if meter.event_name == event_name:
                return str(meter.id)
        made = client.v1.billing.meters.create(
            {
                "display_name": display_name,
                "event_name": event_name,
                "default_aggregation": {"formula": "sum"},
                "customer_mapping": {"event_payload_key": "stripe_customer_id", "type": "by_id"},
                "value_settings": {"event_payload_key": "value"},
            }
        )
    return str(made.id)
