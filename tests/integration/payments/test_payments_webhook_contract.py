"""The Stripe webhook's document and its server agree: the event types the document lists are the
ones payments acts on (and only those), the media types it names are the ones taken and answered,
and Stripe's own events, as the sandbox builds them from Stripe's example objects, are bodies the
document describes."""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft202012Validator

from functions.platform import docs
from infra.local.runtime import STRIPE_WEBHOOK_PATH, LocalPlatform
from panacea.payments import stripe_events
from panacea.platform.api import PROBLEM
from panacea.platform.ids import new_id
from tests.integration.stripe_support import gbp, post_webhook, sandbox, send, shop, start, until
from tests.support import gateway_request

NOT_ACTED_ON = ["charge.succeeded", "payment_intent.created", "customer.created"]  # Stripe sends them too


@functools.cache
def _document() -> dict[str, Any]:
    return dict(json.loads(docs.document()))


def _operation() -> dict[str, Any]:
    return dict(_document()["paths"][STRIPE_WEBHOOK_PATH]["post"])


def _documented_types() -> list[str]:
    return list(_document()["components"]["schemas"]["StripeEvent"]["properties"]["type"]["enum"])


def _about_no_payment(kind: str) -> dict[str, Any]:
    """The object of a `kind` event, about an intent no payment of the platform has."""
    intent = f"pi_{new_id().lower()}"
    if kind.startswith("payment_intent."):
        return {"id": intent, "object": "payment_intent", "status": "succeeded"}
    return {"id": f"ch_{new_id().lower()}", "object": kind.split(".", maxsplit=1)[0], "payment_intent": intent}


def test_the_documented_event_types_are_the_ones_the_webhook_applies():
    # Given the event types the document lists for the webhook's body
    documented = _documented_types()
    # Then they are the types payments has an applier for, each once
    assert sorted(documented) == sorted(stripe_events.APPLIERS)
    assert len(documented) == len(set(documented))


def test_each_documented_type_is_acted_on_and_any_other_only_acknowledged(platform: LocalPlatform):
    stripe = sandbox(platform)
    # When Stripe sends, signed, an event of each documented type about an intent the platform never made
    acted = {kind: send(platform, stripe.event(kind, _about_no_payment(kind))) for kind in _documented_types()}
    # And events of types the document does not list
    other = {kind: send(platform, stripe.event(kind, _about_no_payment(kind))) for kind in NOT_ACTED_ON}
    # Then payments looked for the payment of each documented one (none: ignored, as the document says)
    for kind, answer in acted.items():
        assert (answer.status, answer.body["outcome"]) == (200, "ignored"), kind
        assert answer.body["detail"].startswith("no payment of this platform has intent pi_"), (kind, answer.body)
    # And acknowledged each other one without acting on it
    for kind, answer in other.items():
        assert (answer.status, answer.body) == (
            200,
            {"received": True, "outcome": "ignored", "detail": f"payments does not act on {kind}"},
        )


def test_the_media_types_documented_are_the_ones_taken_and_answered(platform: LocalPlatform):
    operation = _operation()
    # Given the media types the document names: JSON in, JSON out, problems for every refusal
    assert set(operation["requestBody"]["content"]) == {"application/json"}
    assert set(operation["responses"]["200"]["content"]) == {"application/json"}
    refusals = {status: sorted(r["content"]) for status, r in operation["responses"].items() if int(status) >= 400}
    assert refusals == {status: [PROBLEM] for status in refusals}
    # When a signed event is sent as JSON, and the same as text
    stripe = sandbox(platform)
    payload, signature = stripe.signed(stripe.event("customer.created", {"id": "cus_1", "object": "customer"}))
    as_json = post_webhook(payload, signature)
    headers = {"Content-Type": "text/plain", "Stripe-Signature": signature}
    as_text = gateway_request("POST", STRIPE_WEBHOOK_PATH, headers=headers, body=payload)
    # Then JSON is answered in JSON, and text refused as the document says (415, a problem)
    assert (as_json.status, as_json.headers["Content-Type"]) == (200, "application/json")
    assert (as_text.status, as_text.headers["Content-Type"]) == (415, PROBLEM)
    assert "415" in operation["responses"]


def test_stripes_events_as_the_sandbox_sends_them_are_bodies_the_document_describes(platform: LocalPlatform):
    # Given a payment that fails, succeeds, is refunded in Stripe's dashboard and disputed, and one cancelled
    stripe, tenant = sandbox(platform), shop()
    view, dropped = start(tenant, gbp(5_000)), start(tenant, gbp(1_000))
    assert view.intent_id
    assert dropped.intent_id
    stripe.fail(view.intent_id)
    stripe.succeed(view.intent_id)
    until(tenant, view.id, lambda p: p.status == "succeeded")
    stripe.refund_in_dashboard(view.intent_id, amount=1_000)
    stripe.dispute(view.intent_id)
    stripe.cancel_intent({}, id=dropped.intent_id)
    mine = {view.intent_id, dropped.intent_id}
    events = [
        e
        for e in stripe.events.values()
        if mine & {e["data"]["object"].get("id"), e["data"]["object"].get("payment_intent")}
        and e["type"] in _documented_types()
    ]
    # Then there is one of every documented type, and each is a body the document describes
    assert {e["type"] for e in events} == set(_documented_types())
    body = _operation()["requestBody"]["content"]["application/json"]["schema"]
    validator = Draft202012Validator({**body, "components": _document()["components"]})
    assert {e["id"]: [err.message for err in validator.iter_errors(e)] for e in events} == {e["id"]: [] for e in events}
