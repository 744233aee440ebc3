"""Whole-body examples in the document: every success answer's as recorded from a real tenant's
life, and one problem for each error status the routes document.

`examples.json` beside this file holds the recorded answers, by operation id, status and media type
(`make examples` writes them: tests/integration/platform/record_examples.py drives the life and
keeps each operation's fullest answer, its ids, times, tokens and secrets made stable stand-ins).
Only the docs function reads it, once, when it builds the document. A media type that already
has examples keeps them; tests/integration/platform/test_document_examples.py checks that every
body has one and that each validates against its schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RECORDED = Path(__file__).with_name("examples.json")
PROBLEM = "application/problem+json"
SUMMARY = "An answer recorded from a tenant's life (ids, times and secrets are stand-ins)"

# One problem for each error status every route documents, as the platform answers it.
PROBLEMS: dict[str, dict[str, Any]] = {
    "400": {
        "type": "/errors/malformed-json",
        "title": "Malformed JSON",
        "status": 400,
        "detail": "the request body is not valid JSON",
        "errors": [{"field": "body", "code": "json_invalid"}],
    },
    "401": {
        "type": "/errors/not-authenticated",
        "title": "Not authenticated",
        "status": 401,
        "detail": "sign in first: this route needs a bearer token or a signed API key",
    },
    "403": {
        "type": "/errors/forbidden",
        "title": "Forbidden",
        "status": 403,
        "detail": "orders:read is not allowed for member",
    },
    "404": {
        "type": "/errors/order-not-found",
        "title": "Order not found",
        "status": 404,
        "detail": "no order 01KAQ4Z8M0000000000000005Z",
        "errors": [{"field": "path.order_id", "code": "not_found"}],
    },
    "409": {
        "type": "/errors/concurrent-update",
        "title": "Changed by someone else",
        "status": 409,
        "detail": "this order was changed by someone else; read it again and retry",
    },
    "415": {
        "type": "/errors/unsupported-media-type",
        "title": "Unsupported media type",
        "status": 415,
        "detail": "send the body as application/json, not application/x-www-form-urlencoded",
        "errors": [{"field": "header.Content-Type", "code": "unsupported"}],
    },
    "422": {
        "type": "/errors/validation-failed",
        "title": "Validation failed",
        "status": 422,
        "detail": "lines[0].quantity: Input should be greater than or equal to 1",
        "errors": [
            {
                "field": "lines[0].quantity",
                "code": "greater_than_equal",
                "message": "Input should be greater than or equal to 1",
            }
        ],
    },
    "429": {
        "type": "/errors/rate-limited",
        "title": "Too many requests",
        "status": 429,
        "detail": "this tier's request rate or daily quota",
    },
    "503": {
        "type": "/errors/payment-provider-unavailable",
        "title": "Payment provider unavailable",
        "status": 503,
        "detail": "Stripe did not answer: the connection timed out",
    },
}


def recorded() -> dict[str, dict[str, dict[str, Any]]]:
    """The recorded answers: operation id → status → media type → body."""
    if not RECORDED.exists():
        return {}
    return dict(json.loads(RECORDED.read_text(encoding="utf-8")))


def problem_example(status: str) -> str:
    """The name of the problem example of `status` among the document's `components/examples`."""
    return f"problem-{status}"


def with_examples(document: dict[str, Any], answers: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """`document` with the recorded `answers` and the problems as examples of the bodies they fit
    (a media type that already has examples keeps its own)."""
    shared = document.setdefault("components", {}).setdefault("examples", {})
    for status, body in PROBLEMS.items():
        shared[problem_example(status)] = {"summary": body["title"], "value": body}
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                for kind, media in (response.get("content") or {}).items():
                    if "examples" in media or "example" in media:
                        continue
                    answer = answers.get(operation.get("operationId", ""), {}).get(status, {})
                    if kind in answer:
                        media["examples"] = {"recorded": {"summary": SUMMARY, "value": answer[kind]}}
                    elif kind == PROBLEM and status in PROBLEMS:
                        media["examples"] = {PROBLEMS[status]["type"].rsplit("/", 1)[-1]: _ref(status)}
    return document


def _ref(status: str) -> dict[str, str]:
    return {"$ref": f"#/components/examples/{problem_example(status)}"}
