"""What Stripe Billing POSTs to billing's webhook endpoint, and what the endpoint answers."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field
from pydantic.config import JsonDict

from panacea.platform.inputs import Command
from panacea.platform.models import BaseModel

ANSWERED = (
    "checkout.session.completed",
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "customer.subscription.trial_will_end",
    "invoice.paid",
    "invoice.payment_failed",
    "invoice.payment_action_required",
    "entitlements.active_entitlement_summary.updated",
)

_EXAMPLE: JsonDict = {
    "id": "evt_1QJ8kLB7WZ01zgkWsub0upd8",
    "object": "event",
    "type": "customer.subscription.updated",
    "created": 1796115600,
    "livemode": False,
    "api_version": "2026-10-28.endive",
    "data": {
        "object": {"id": "sub_1QJ8kLB7WZ01zgkWa1b2c3d4", "object": "subscription", "customer": "cus_RbZ1a2B3c4D5e6"},
        "previous_attributes": {"status": "trialing"},
    },
}


class BillingEventObject(Command):
    """The object an event is about (a Subscription, an Invoice, a Checkout Session, an active
    entitlement summary); billing reads only its `customer` and re-reads the rest from Stripe."""

    model_config = ConfigDict(extra="allow")

    object: str = Field(examples=["subscription"], description="its kind")
    customer: str | dict[str, Any] | None = Field(
        default=None, examples=["cus_RbZ1a2B3c4D5e6"], description="the Stripe Customer: who the tenant is"
    )


class BillingEventData(Command):
    model_config = ConfigDict(extra="allow")

    object: BillingEventObject
    previous_attributes: dict[str, Any] | None = None


class BillingStripeEvent(Command):
    """An event as Stripe POSTs it to billing's endpoint (Stripe's Event object; it may carry more
    fields than these). It is answered only if `Stripe-Signature` signs its exact bytes."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    id: str = Field(pattern=r"^evt_\w+$", description="Stripe's event id: each is answered at most once")
    object: Literal["event"]
    type: str = Field(
        description="what happened: billing answers these types; any other is acknowledged (200, `ignored`)",
        json_schema_extra={"enum": list(ANSWERED)},
    )
    created: int = Field(ge=0, description="when it happened, Unix seconds by Stripe's clock")
    livemode: bool | None = None
    api_version: str | None = Field(default=None, examples=["2026-10-28.endive"])
    pending_webhooks: int | None = None
    request: dict[str, Any] | None = None
    data: BillingEventData


class BillingWebhookReceipt(BaseModel):
    """What billing made of a webhook (any 2xx tells Stripe to stop retrying)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "received": True,
                    "outcome": "applied",
                    "detail": "",
                    "access": "full",
                    "plan_key": "tenant.professional",
                },
                {
                    "received": True,
                    "outcome": "duplicate",
                    "detail": "evt_1QJ8kLB7WZ01zgkWsub0upd8 was answered before",
                },
                {"outcome": "ignored", "detail": "billing does not act on customer.created"},
            ]
        }
    )

    received: bool = True
    outcome: Literal["applied", "unchanged", "duplicate", "ignored"] = Field(
        description="applied: the tenant's entitlements were rebuilt and written; unchanged: rebuilt, but a "
        "newer record stands; duplicate: this event was answered before; ignored: not billing's, or no tenant's"
    )
    detail: str = ""
    access: str | None = Field(
        default=None, description="the tenant's access after it: full, read_only, suspended, none"
    )
    plan_key: str | None = Field(default=None, examples=["tenant.professional"])
