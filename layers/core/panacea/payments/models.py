"""Payments' contracts: what the orders context and finance get back, and the events payments
announces. Amounts are always Money (integer minor units and a currency)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field
from pydantic.config import JsonDict

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command
from panacea.platform.models import BaseModel
from panacea.platform.money import Money


class PaymentStatus(StrEnum):
    PENDING = "pending"  # waiting for the member to pay (the intent needs a method, an action, or is processing)
    FAILED = "failed"  # the last attempt failed; the member may try again with the same intent
    SUCCEEDED = "succeeded"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    CANCELED = "canceled"  # nobody paid, and nobody can now


PAID = frozenset({PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED})
UNPAID = frozenset({PaymentStatus.PENDING, PaymentStatus.FAILED})


class Method(StrEnum):
    """How a payment is made: online through Stripe, or offline and confirmed by finance."""

    CARD = "card"
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"  # at a collection point


ONLINE_METHODS = frozenset({Method.CARD, Method.ALIPAY, Method.WECHAT_PAY})
OFFLINE_METHODS = frozenset({Method.BANK_TRANSFER, Method.CASH})


class Provider(StrEnum):
    STRIPE = "stripe"
    OFFLINE = "offline"


Reference = Annotated[
    str,
    Field(
        min_length=3,
        max_length=120,
        pattern=r"^[\x20-\x7e]+$",
        description="the bank transfer's reference, or the receipt number of cash taken at a collection point",
        examples=["BACS HG-2026-1042"],
    ),
]
Reason = Annotated[str, Field(min_length=3, max_length=500, examples=["damaged in transit"])]


class Dispute(BaseModel):
    id: str = Field(examples=["dp_1Pgc71B7WZ01zgkWMevJiAUx"])
    amount: Money
    reason: str = Field(examples=["fraudulent"])
    status: str = Field(examples=["needs_response"])
    opened_at: datetime


class Payment(BaseModel):
    """One payment of an order: online (a Stripe PaymentIntent) or offline (confirmed by finance)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "01JD7Q3V9N6J8T2KX4M5P7R9SB",
                    "order_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4FD",
                    "amount": {"amount": 12900, "currency": "GBP"},
                    "refunded": {"amount": 0, "currency": "GBP"},
                    "refundable": {"amount": 12900, "currency": "GBP"},
                    "status": "succeeded",
                    "provider": "stripe",
                    "methods": ["card"],
                    "method": "card",
                    "customer_ref": "01JD7PZZ1X3C5V7B9N1M3K5H7G",
                    "intent_id": "pi_3QJ8kLB7WZ01zgkW0a1b2c3d",
                    "reference": None,
                    "failure": None,
                    "dispute": None,
                    "created_at": "2026-11-23T10:15:00Z",
                    "updated_at": "2026-11-23T10:16:02Z",
                    "paid_at": "2026-11-23T10:16:02Z",
                }
            ]
        }
    )

    id: str
    order_id: str
    amount: Money
    refunded: Money = Field(description="refunds confirmed so far")
    refundable: Money = Field(description="what may still be refunded: paid, less every refund made or on its way")
    status: PaymentStatus
    provider: Provider
    methods: list[Method] = Field(description="the methods the member may pay with")
    method: Method | None = Field(default=None, description="the method the member paid with, once paid")
    customer_ref: str | None = Field(default=None, description="who pays: the member's user id at the tenant")
    intent_id: str | None = Field(default=None, description="the Stripe PaymentIntent (online payments)")
    reference: str | None = Field(default=None, description="the offline payment's reference")
    failure: str | None = Field(default=None, description="why the last attempt failed: Stripe's code and message")
    dispute: Dispute | None = None
    created_at: datetime
    updated_at: datetime
    paid_at: datetime | None = None


class PaymentView(Payment):
    """A payment as `start_payment` answers it: with what the member's app needs to pay."""

    client_secret: str | None = Field(
        default=None,
        description="Stripe's client secret of the PaymentIntent, for Stripe.js to confirm the payment; "
        "never stored, returned only by start_payment",
    )


class RefundStatus(StrEnum):
    REQUESTED = "requested"  # reserved against the payment, not yet accepted by Stripe
    PENDING = "pending"  # accepted by Stripe, on its way back to the member
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # refused: nothing was refunded and the amount is refundable again


class Refund(BaseModel):
    id: str
    payment_id: str
    order_id: str
    amount: Money
    reason: str
    status: RefundStatus
    stripe_refund_id: str | None = None
    failure: str | None = None
    created_at: datetime
    updated_at: datetime


class StripeEventType(StrEnum):
    """The Stripe events payments acts on (`stripe_events.APPLIERS` applies each): the ones to
    subscribe the webhook endpoint to. Stripe may send others; they are acknowledged, not applied."""

    PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded"
    PAYMENT_INTENT_PAYMENT_FAILED = "payment_intent.payment_failed"
    PAYMENT_INTENT_CANCELED = "payment_intent.canceled"
    CHARGE_REFUNDED = "charge.refunded"
    CHARGE_DISPUTE_CREATED = "charge.dispute.created"


class StripeObject(Command):
    """The object an event is about, as Stripe sends it: a PaymentIntent for `payment_intent.*`, a
    Charge for `charge.refunded`, a Dispute for `charge.dispute.created`. It carries more fields than
    these, which are the ones payments reads; amounts are in Stripe's units."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(examples=["pi_3QJ8kLB7WZ01zgkW0a1b2c3d"])
    object: str = Field(examples=["payment_intent"], description="its kind: payment_intent, charge, dispute …")
    payment_intent: str | dict[str, Any] | None = Field(
        default=None, description="a charge's or dispute's PaymentIntent: its id (or the intent, expanded)"
    )
    latest_charge: str | dict[str, Any] | None = Field(default=None, description="an intent's charge")
    amount: int | None = Field(default=None, ge=0, description="an intent's or dispute's amount")
    amount_refunded: int | None = Field(default=None, ge=0, description="all a charge's refunds so far")
    currency: str | None = Field(default=None, examples=["gbp"], description="ISO 4217, lower case")
    status: str | None = None
    reason: str | None = Field(default=None, description="why a dispute was opened")
    created: int | None = None
    last_payment_error: dict[str, Any] | None = Field(default=None, description="why an intent's attempt failed")
    metadata: dict[str, str] | None = Field(
        default=None, description="what the platform wrote on the intent; the platform's own record decides"
    )


class StripeEventData(Command):
    object: StripeObject
    previous_attributes: dict[str, Any] | None = Field(default=None, description="what an update changed")


_STRIPE_EVENT_EXAMPLE: JsonDict = {
    "id": "evt_3QJ8kLB7WZ01zgkW1x2y3z4a",
    "object": "event",
    "api_version": "2026-10-28.endive",
    "created": 1795428962,
    "livemode": False,
    "pending_webhooks": 1,
    "request": {"id": None, "idempotency_key": "01JD7Q3V9N6J8T2KX4M5P7R9SB"},
    "type": "payment_intent.succeeded",
    "data": {
        "object": {
            "id": "pi_3QJ8kLB7WZ01zgkW0a1b2c3d",
            "object": "payment_intent",
            "amount": 12900,
            "currency": "gbp",
            "status": "succeeded",
            "latest_charge": "ch_3QJ8kLB7WZ01zgkW0e5f6g7h",
            "payment_method_types": ["card"],
            "metadata": {
                "tenant_id": "01JD7PX4QJ1W3E5R7T9Y2U4I6O",
                "order_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4FD",
                "payment_id": "01JD7Q3V9N6J8T2KX4M5P7R9SB",
                "customer_ref": "01JD7PZZ1X3C5V7B9N1M3K5H7G",
            },
        }
    },
}


class StripeEvent(Command):
    """An event as Stripe POSTs it to the webhook endpoint (Stripe's Event object; it may carry
    more fields than these). It is applied only if `Stripe-Signature` signs its exact bytes."""

    model_config = ConfigDict(json_schema_extra={"examples": [_STRIPE_EVENT_EXAMPLE]})

    id: str = Field(pattern=r"^evt_\w+$", description="Stripe's event id: each is applied at most once")
    object: Literal["event"]
    type: str = Field(
        description="what happened: payments acts on these types; any other Stripe sends is acknowledged "
        "(200, `ignored`), so subscribe the endpoint to these only",
        json_schema_extra={"enum": [t.value for t in StripeEventType]},
    )
    created: int = Field(ge=0, description="when it happened, Unix seconds by Stripe's clock: an event older "
                         "than the one that decided the payment's state is acknowledged as `stale`")  # fmt: skip
    livemode: bool | None = None
    api_version: str | None = Field(default=None, examples=["2026-10-28.endive"])
    pending_webhooks: int | None = None
    request: dict[str, Any] | None = None
    data: StripeEventData


class WebhookReceipt(BaseModel):
    """What the webhook endpoint answers Stripe (any 2xx tells Stripe to stop retrying)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "received": True,
                    "outcome": "applied",
                    "detail": "payment_intent.succeeded applied to payment 01JD7Q3V9N6J8T2KX4M5P7R9SB",
                },
                {
                    "received": True,
                    "outcome": "duplicate",
                    "detail": "event evt_3QJ8kLB7WZ01zgkW1x2y3z4a was already applied",
                },
                {"received": True, "outcome": "ignored", "detail": "payments does not act on customer.created"},
            ]
        }
    )

    received: bool = True
    outcome: Literal["applied", "duplicate", "stale", "ignored"] = Field(
        description="`applied` (the payment changed), `duplicate` (this event was applied before), `stale` "
        "(newer state stands), `ignored` (nothing of the platform's to change)"
    )
    detail: str


# --- events ------------------------------------------------------------------------------


class PaymentSucceeded(DomainEvent, name="payment.succeeded", version=1):
    """An order was paid: online (Stripe confirmed the PaymentIntent) or offline (finance confirmed it)."""

    payment_id: str
    order_id: str
    amount: Money
    provider: Provider
    method: Method | None
    intent_id: str | None
    reference: str | None
    customer_ref: str | None
    paid_at: datetime


class PaymentFailed(DomainEvent, name="payment.failed", version=1):
    """An attempt to pay failed (declined, not authenticated…); the member may try again."""

    payment_id: str
    order_id: str
    amount: Money
    failure_code: str | None
    failure_message: str | None


class PaymentRefunded(DomainEvent, name="payment.refunded", version=1):
    """Money went back to the member: `amount` now, `refunded_total` in all; `full` once nothing is left."""

    payment_id: str
    order_id: str
    amount: Money
    refunded_total: Money
    remaining: Money
    full: bool


class PaymentDisputed(DomainEvent, name="payment.disputed", version=1):
    """The member's bank opened a dispute (chargeback) on the payment."""

    payment_id: str
    order_id: str
    dispute_id: str
    amount: Money
    reason: str


class PaymentCanceled(DomainEvent, name="payment.canceled", version=1):
    """A payment nobody made was called off (the order expired or was cancelled)."""

    payment_id: str
    order_id: str
    amount: Money
