"""What the document promises a client beyond shapes: which routes need no credentials, how to
authenticate either way, the headers sent with some answers, and a page for every problem type."""

from __future__ import annotations

import json
from typing import Any

import pytest
from openapi_spec_validator import validate

from functions.platform import docs, problems
from infra import wiring
from tests.support import call

STRIPE_WRITES = {
    ("POST", "/v1/orders"),
    ("POST", "/v1/orders/{order_id}/payment"),
    ("POST", "/v1/orders/{order_id}/cancel"),
    ("POST", "/v1/orders/{order_id}/refund-request/approve"),
    ("POST", "/v1/orders/{order_id}/refunds"),
    ("POST", "/v1/payments/stripe/webhook"),  # asks Stripe which method paid (Stripe delivers again on a 503)
    ("POST", "/v1/billing/stripe/webhook"),  # re-reads the customer's subscriptions and entitlements from Stripe
    ("POST", "/v1/me/wallet/payout-account/stripe"),  # makes the member's Connect account and its onboarding link
}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return dict(json.loads(docs.document()))


def _operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(m.upper(), p): op for p, ops in document["paths"].items() for m, op in ops.items()}


def test_public_routes_are_documented_as_needing_no_credentials(document: dict[str, Any]):
    # Given the routes that take no credentials, as the gateway is wired
    public = {(r.method, r.path) for r in wiring.routes() if r.public and r.documented}
    operations = _operations(document)
    # Then exactly those say `security: []`; every other one falls back to the document's schemes
    assert public
    assert public <= set(operations)
    assert {key for key, op in operations.items() if op.get("security") == []} == public
    assert ("POST", "/v1/auth/sign-in") in public


def test_both_ways_to_authenticate_are_schemes_of_the_document(document: dict[str, Any]):
    schemes = document["components"]["securitySchemes"]
    assert schemes["cognito"]["scheme"] == "bearer"
    assert schemes["partner"]["scheme"] == "PNC-HMAC-SHA256"
    assert "PNC-HMAC-SHA256\\n<Timestamp>\\n<Nonce>" in schemes["partner"]["description"]
    assert document["security"] == [{"cognito": []}, {"partner": []}]


def test_the_headers_and_statuses_sent_are_documented_where_they_are_sent(document: dict[str, Any]):
    operations = _operations(document)
    created = [op for op in operations.values() if "201" in op["responses"]]
    # A resource created says where it is; a refusal for rate says when to come back
    assert created
    assert all("Location" in op["responses"]["201"].get("headers", {}) for op in created)
    assert all("Retry-After" in op["responses"]["429"]["headers"] for op in operations.values())
    # And the writes that call Stripe say what its absence answers
    assert {key for key, op in operations.items() if "503" in op["responses"]} == STRIPE_WRITES


def test_every_problem_type_has_its_page_and_the_list_links_them_all():
    # Given every problem type the loaded code can answer with
    docs.document()
    types = problems.collected()
    slugs = {p.slug for p in types}
    assert {"not-enough-stock", "validation-failed", "no-such-route", "rate-limited", "not-found"} <= slugs
    # When a client follows each one's `type`
    for slug in sorted(slugs):
        page = call("GET", f"/errors/{slug}", caller=None)
        # Then it is a page that names it
        assert (page.status, page.headers.get("Content-Type")) == (200, "text/html; charset=utf-8"), slug
        assert f"/errors/{slug}" in page.body
    # And the list links every one; an unknown type is itself a problem
    listing = call("GET", "/errors", caller=None)
    assert all(f'href="/errors/{slug}"' in listing.body for slug in slugs)
    unknown = call("GET", "/errors/no-such-thing", caller=None)
    assert (unknown.status, unknown.body["type"]) == (404, "/errors/no-such-problem-type")


def test_the_document_is_valid_openapi_3_1(document: dict[str, Any]):
    # Given the merged document, When a validator of the OpenAPI 3.1 specification reads it
    # Then it finds nothing wrong (schemas, references, security requirements, parameters)
    validate(document)
