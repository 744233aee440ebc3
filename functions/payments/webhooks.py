"""Stripe's webhook endpoint: `POST /v1/payments/stripe/webhook` (public: Stripe signs, it has no token).

The body must be shaped as a Stripe event (else a 422 naming the field); then the signature is
checked on the raw body exactly as it arrived: a body it does not sign is a 400 problem+json, and
nothing is read from it. Every verified event is answered 200 (applied, a duplicate, older than what
it would overwrite, or not one payments acts on), so Stripe stops retrying; a 409 (the payment
changed meanwhile, or a refund arrived before the payment's success) or a 503 (Stripe itself could
not be asked which method paid) makes Stripe deliver it again later.
"""

from __future__ import annotations

import base64
from typing import Annotated, Any

from aws_lambda_powertools.event_handler.openapi.params import Header

from panacea.payments import stripe_events
from panacea.payments.models import StripeEvent, WebhookReceipt
from panacea.platform.api import PROBLEM, PUBLIC, Problem, build_resolver, lambda_entry
from panacea.platform.payments import SIGNATURE_TOLERANCE_S

app = build_resolver()

STRIPE_SIGNATURE = f"""Stripe's signature of this request's body, as Stripe sends it:

    Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>

`v1` is the hex HMAC-SHA256, keyed by the endpoint's signing secret (`whsec_…`), of the string
`<t>.<the raw body>` (the timestamp, a dot, and the body's bytes exactly as sent). The body is applied
only if one `v1` of the header signs it and `t` is within {SIGNATURE_TOLERANCE_S} seconds of the
platform's clock (a 400 otherwise); during a secret's rotation Stripe sends one `v1` per secret."""

_PROBLEM = {PROBLEM: {"model": Problem}}


def _problem(description: str) -> Any:  # a response of `responses=`, as Powertools reads it
    return {"description": description, "content": _PROBLEM}


@app.post(
    "/v1/payments/stripe/webhook",
    summary="Receive Stripe's events (called by Stripe, which signs each)",
    description="The endpoint to give Stripe (Developers → Webhooks), subscribed to the event types the body's "
    "`type` lists: a payment succeeded, failed or was cancelled, a charge refunded or disputed. It takes no "
    "token: the `Stripe-Signature` header proves Stripe sent the body. Each event is applied at most once "
    "(its id is remembered) and never over newer state; the tenant is the one that started the payment, "
    "never anything the event says.",
    tags=["Payments"],
    security=PUBLIC,
    response_description="Received (Stripe stops retrying): applied, or acknowledged as a duplicate, "
    "as stale, or as nothing payments acts on",
    responses={
        400: _problem(
            "`Stripe-Signature` does not sign this body with the endpoint's secret within the tolerance "
            "(`/errors/invalid-signature`), or the body is not JSON: nothing was read or changed"
        ),
        409: _problem(
            "Not applied yet: the payment changed meanwhile, or a refund or dispute arrived before the "
            "payment's success (`/errors/payment-not-yet-paid`); Stripe delivers it again later"
        ),
        422: _problem("The body is not a Stripe event, or `Stripe-Signature` is missing; `errors` names each field"),
        503: _problem("Stripe could not be asked which method paid; nothing changed, and Stripe delivers it again"),
    },
)
def stripe_webhook(
    event: StripeEvent,  # its shape, checked; what is applied is read from the very bytes Stripe signed
    stripe_signature: Annotated[str, Header(alias="Stripe-Signature", description=STRIPE_SIGNATURE)],
) -> WebhookReceipt:
    current = app.current_event
    raw = current.body or ""
    body = base64.b64decode(raw) if current.is_base64_encoded else raw.encode()
    return stripe_events.handle_stripe_webhook(body, stripe_signature)


handler: Any = lambda_entry(app)
