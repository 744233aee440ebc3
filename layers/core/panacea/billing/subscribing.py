"""A tenant's owner subscribes to a Panacea plan through Stripe Checkout, changes plan, cancels at
the period's end, and opens the Customer Portal; staff read the plans and the tenant's entitlements.
What the subscription grants is never taken from these answers: it is the record billing rebuilds
from Stripe (`stripe_events.refresh`), which a plan change or cancellation refreshes at once."""

from __future__ import annotations

from panacea import tenancy
from panacea.billing import accounts, dal
from panacea.billing.access import Action
from panacea.billing.models import EffectiveEntitlements
from panacea.billing.plans import UnknownPlan, all_plans, plan
from panacea.billing.stripe_events import refresh
from panacea.billing.subscribing_models import (
    CheckoutRequest,
    CheckoutStarted,
    EntitlementsView,
    PlanChange,
    PlanView,
    PortalRequest,
    PortalSession,
    SubscriptionCancellation,
)
from panacea.billing.vocabulary import Access, Audience
from panacea.platform import clock, subscriptions
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, Unprocessable
from panacea.platform.ids import new_id

SUBSCRIBED = {"active", "trialing", "past_due", "unpaid", "paused"}


class NotSubscribed(Conflict):
    slug, title = "not-subscribed", "No subscription to change"


class AlreadySubscribed(Conflict):
    slug, title = "already-subscribed", "Already subscribed"


def price_list(actor: Actor) -> list[PlanView]:
    authorize(actor, Action.READ_BILLING)
    return [
        PlanView(
            key=p.key,
            audience=p.audience.value,
            name=p.name,
            prices=p.prices,
            trial_days=p.trial_days,
            features=sorted(p.features),
            limits={limit.value: value for limit, value in p.limits.items()},
        )
        for p in all_plans().values()
        if p.audience is not Audience.MEMBER
    ]


def _subscribable(plan_key: str) -> None:
    try:
        found = plan(plan_key)
    except UnknownPlan:
        raise Unprocessable.on_field("plan_key", "unknown", f"there is no plan {plan_key}") from None
    if found.audience is Audience.MEMBER or not any(found.prices.values()):
        raise Unprocessable.on_field("plan_key", "not_for_tenants", f"{plan_key} is not a plan a tenant pays for")


def start_checkout(actor: Actor, request: CheckoutRequest) -> CheckoutStarted:
    authorize(actor, Action.MANAGE_SUBSCRIPTION)
    _subscribable(request.plan_key)
    current = accounts.entitlements_of(actor.tenant)
    if current is not None and current.status is not None and current.status.value in SUBSCRIBED:
        raise AlreadySubscribed.on_field(
            "plan_key", "already_subscribed", "change plan instead (POST /v1/billing/plan)"
        )
    standing = tenancy.standing_of(actor.tenant)
    name = standing.slug if standing is not None else actor.tenant
    customer = accounts.open_account(actor.tenant, email=str(request.billing_email), name=name)
    chosen = plan(request.plan_key)
    price_id = subscriptions.price_for(chosen.lookup_key(request.currency))
    checkout = subscriptions.start_checkout(
        customer=customer,
        price_id=price_id,
        trial_days=chosen.trial_days,
        metadata={"tenant_id": actor.tenant, "plan_key": chosen.key},
        success_url=request.success_url,
        cancel_url=request.cancel_url,
        idempotency_key=new_id(),
    )
    return CheckoutStarted(checkout_id=checkout.id, url=checkout.url, customer_id=customer)


def change_plan(actor: Actor, change: PlanChange) -> EntitlementsView:
    authorize(actor, Action.MANAGE_SUBSCRIPTION)
    _subscribable(change.plan_key)
    customer, subscription = _subscription_of(actor.tenant)
    currency = subscription.price.currency
    price_id = subscriptions.price_for(plan(change.plan_key).lookup_key(currency))
    subscriptions.change_price(
        subscription.id, item_id=subscription.item_id, price_id=price_id, idempotency_key=new_id()
    )
    return _refreshed(actor.tenant, customer)


def cancel(actor: Actor, cancellation: SubscriptionCancellation) -> EntitlementsView:
    authorize(actor, Action.MANAGE_SUBSCRIPTION)
    customer, subscription = _subscription_of(actor.tenant)
    subscriptions.cancel_at_period_end(subscription.id, cancel=cancellation.at_period_end)
    return _refreshed(actor.tenant, customer)


def portal(actor: Actor, request: PortalRequest) -> PortalSession:
    authorize(actor, Action.READ_BILLING)
    account = dal.account(actor.tenant)
    if account is None:
        raise NotSubscribed("the tenant has no billing account yet: start a checkout first")
    return PortalSession(
        url=subscriptions.portal_session(customer=str(account.customer_id), return_url=request.return_url)
    )


def entitlements(actor: Actor) -> EntitlementsView:
    authorize(actor, Action.READ_BILLING)
    return view(accounts.entitlements_of(actor.tenant))


def view(record: EffectiveEntitlements | None) -> EntitlementsView:
    if record is None:
        return EntitlementsView(access=Access.NONE.value, plan_key=None, status=None, features=[], limits={})
    return EntitlementsView(
        access=record.access.value,
        plan_key=record.plan_key,
        status=record.status.value if record.status else None,
        features=sorted(record.features),
        limits={limit.value: value for limit, value in record.limits.items()},
        period_end=record.period_end,
        trial_end=record.trial_end,
        complimentary=record.complimentary,
    )


def _subscription_of(tenant_id: str) -> tuple[str, subscriptions.Subscription]:
    account = dal.account(tenant_id)
    stored = dal.entitlements(tenant_id)
    read = stored[1].subscription if stored else None
    if account is None or read is None:
        raise NotSubscribed("the tenant has no subscription yet: start a checkout first")
    subscription = subscriptions.subscription(read.subscription_id)
    if subscription.status not in SUBSCRIBED:
        raise NotSubscribed(f"the subscription is {subscription.status}: start a checkout for a new one")
    return str(account.customer_id), subscription


def _refreshed(tenant_id: str, customer: str) -> EntitlementsView:
    record, _ = refresh(tenant_id, customer, as_of=clock.now())
    return view(record)
