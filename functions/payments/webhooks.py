"""Stripe's webhook endpoint: `POST /v1/payments/stripe/webhook` (public: Stripe signs, it has no token).

The signature is checked on the raw body exactly as it arrived; a body it does not sign is a 400
problem+json, and so is one that is not an event. Every verified event is answered 200 (applied,
a duplicate, older than what it would overwrite, or not one payments acts on), so Stripe stops
retrying; a 409 (the payment changed meanwhile, or a refund arrived before the payment's success)
makes Stripe deliver it again later.
"""

from __future__ import annotations

import base64
from typing import Any

from panacea.payments import stripe_events
from panacea.payments.models import WebhookReceipt
from panacea.platform.api import PUBLIC, build_resolver, header, lambda_entry

app = build_resolver()


@app.post(
    "/v1/payments/stripe/webhook",
    summary="Stripe's events (signed by Stripe)",
    tags=["Payments"],
    security=PUBLIC,
    include_in_schema=False,
)
def stripe_webhook() -> WebhookReceipt:
    event = app.current_event
    raw = event.body or ""
    body = base64.b64decode(raw) if event.is_base64_encoded else raw.encode()
    return stripe_events.handle_stripe_webhook(body, header("Stripe-Signature"))


handler: Any = lambda_entry(app)
