"""Stripe Billing's webhook endpoint: `POST /v1/billing/stripe/webhook` (public: Stripe signs, it has
no token). A second endpoint in Stripe, with its own signing secret, subscribed to Billing's events.

The body must be shaped as a Stripe event (else a 422 naming the field); the signature is checked on
the raw body exactly as it arrived (a 400 problem+json if it does not sign it). Every verified event
is answered 200 (applied, unchanged, a duplicate, or not billing's), so Stripe stops retrying; a 503
(Stripe could not be re-read) makes Stripe deliver it again later.
"""

from __future__ import annotations

import base64
from typing import Annotated, Any

from aws_lambda_powertools.event_handler.openapi.params import Header

from panacea.billing import stripe_events
from panacea.billing.webhook_models import BillingStripeEvent, BillingWebhookReceipt
from panacea.platform.api import PROBLEM, PUBLIC, Problem, build_resolver, lambda_entry
from panacea.platform.payments import SIGNATURE_TOLERANCE_S

app = build_resolver()

STRIPE_SIGNATURE = f"""Stripe's signature of this request's body: `t=<unix seconds>,v1=<hex HMAC-SHA256>`,
keyed by the billing endpoint's signing secret (`whsec_…`, its own, not the payments endpoint's), of
`<t>.<the raw body>`; `t` must be within {SIGNATURE_TOLERANCE_S} seconds of the platform's clock."""

_PROBLEM = {PROBLEM: {"model": Problem}}


def _problem(description: str) -> Any:  # a response of `responses=`, as Powertools reads it
    return {"description": description, "content": _PROBLEM}


@app.post(
    "/v1/billing/stripe/webhook",
    summary="Receive Stripe Billing's events (called by Stripe, which signs each)",
    description="The endpoint to give Stripe for Billing (Developers → Webhooks, a second endpoint), subscribed "
    "to the event types the body's `type` lists: a checkout completed, a subscription created, changed, ended "
    "or near its trial's end, an invoice paid, failed or needing action, the active entitlements changed. "
    "Whatever the event says, billing re-reads the customer's subscriptions and entitlements from Stripe and "
    "rebuilds the tenant's one entitlements record, so late, repeated or lost events converge.",
    tags=["Billing"],
    security=PUBLIC,
    response_description="Received (Stripe stops retrying): applied, unchanged, a duplicate, or not billing's",
    responses={
        400: _problem("`Stripe-Signature` does not sign this body with the billing endpoint's secret: nothing read"),
        422: _problem("The body is not a Stripe event, or `Stripe-Signature` is missing; `errors` names each field"),
        503: _problem("Stripe could not be re-read; nothing changed, and Stripe delivers the event again"),
    },
)
def billing_webhook(
    event: BillingStripeEvent,  # its shape, checked; what is answered is read from the very bytes Stripe signed
    stripe_signature: Annotated[str, Header(alias="Stripe-Signature", description=STRIPE_SIGNATURE)],
) -> BillingWebhookReceipt:
    current = app.current_event
    raw = current.body or ""
    body = base64.b64decode(raw) if current.is_base64_encoded else raw.encode()
    return stripe_events.handle_billing_webhook(body, stripe_signature)


handler: Any = lambda_entry(app)
