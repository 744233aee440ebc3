"""A tenant's billing account: the Stripe Customer it pays Panacea as, made before its first
Checkout (so every event about it names a customer the platform already knows)."""

from __future__ import annotations

from panacea.billing import dal
from panacea.billing.models import EffectiveEntitlements
from panacea.platform import subscriptions


def open_account(tenant_id: str, *, email: str, name: str) -> str:
    """The tenant's Stripe Customer id, made once (a retry answers the same customer)."""
    held = dal.account(tenant_id)
    if held is not None:
        return str(held.customer_id)
    customer = subscriptions.customer_for(
        email=email, name=name, metadata={"tenant_id": tenant_id}, idempotency_key=f"billing-account-{tenant_id}"
    )
    dal.open_account(tenant_id, customer, email)
    return customer


def entitlements_of(tenant_id: str) -> EffectiveEntitlements | None:
    """The tenant's effective entitlements record, as last rebuilt (None before its first)."""
    stored = dal.entitlements(tenant_id)
    return stored[0] if stored else None
