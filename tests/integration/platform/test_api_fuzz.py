"""Every operation of the API document, fuzzed (schemathesis, on Hypothesis): requests the
document allows and requests it does not (wrong types, missing fields, out-of-range values,
strange path and query values), sent to the function that serves the route as API Gateway
would hand them over, by a caller who may use it. Whatever arrives, the answer is never a 5xx,
and a refusal is `application/problem+json` that says what was wrong.

Callers: public routes get none, platform routes the platform admin, every other route a
person of an onboarded tenant holding every tenant role. Creating tenants is the one platform
route sent by that tenant person instead: its input is still validated (422 comes first), but
the fuzz does not onboard tenants of its own, whose slugs (the document's example among them)
other suites expect to be free.

Stripe's webhook takes no credentials but Stripe's signature of its body: a case that sends
`Stripe-Signature` sends a real one, made by stripe.WebhookSignature with the endpoint's secret, so
the fuzzed events reach past the signature to their handling (a case without it tests the 422).
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import schemathesis
import stripe
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

from functions.platform import docs
from infra import wiring
from infra.local.provision import STRIPE_WEBHOOK_SECRET
from infra.local.runtime import STRIPE_WEBHOOK_PATH
from panacea.platform.access import TENANT_ROLES
from tests.support import PLATFORM_ADMIN, call, onboard, staff

EXAMPLES = 6  # per operation and generation mode: ~1,300 requests over the whole API
PROBLEM = "application/problem+json"

schema = schemathesis.openapi.from_dict(json.loads(docs.document()))
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=EXAMPLES, deterministic=True
)
PUBLIC = {(r.method, r.path) for r in wiring.routes() if r.public}


@pytest.fixture(scope="module")
def tenant_id() -> str:
    return str(onboard()["id"])


def _caller(method: str, path: str, tenant_id: str) -> dict[str, str] | None:
    if (method, path) in PUBLIC:
        return None
    if path.startswith("/v1/tenants") and (method, path) != ("POST", "/v1/tenants"):
        return PLATFORM_ADMIN
    return staff(tenant_id, *TENANT_ROLES, user_id="fuzz-1")


def _target(case: Any) -> str:
    path = case.path
    for name, value in (case.path_parameters or {}).items():
        path = path.replace("{" + name + "}", quote(str(value), safe=""))
    query = urlencode(case.query or {}, doseq=True)
    return f"{path}?{query}" if query else path


def _signed_by_stripe(headers: dict[str, str], body: Any, raw: bytes | None) -> tuple[Any, bytes | None]:
    """The webhook's case as Stripe would sign it: its body's exact bytes, and their signature in
    place of the fuzzed one (a body that is not UTF-8 text, which Stripe never sends, keeps it)."""
    payload = raw if raw is not None else json.dumps(body).encode() if body is not None else b""
    name = next((k for k in headers if k.lower() == "stripe-signature"), None)
    try:
        text = payload.decode()
    except UnicodeDecodeError:
        return body, raw
    if name is not None:
        headers[name] = stripe.WebhookSignature.generate_signature_header(
            text, STRIPE_WEBHOOK_SECRET, timestamp=int(time.time())
        )
    return None, payload


def _body(case: Any) -> tuple[Any, bytes | None]:
    """The JSON body to send, or raw bytes when the case's body is not JSON-able."""
    body = getattr(case, "body", None)
    if body is None or type(body).__name__ == "NotSet":
        return None, None
    try:
        json.dumps(body)
    except (TypeError, ValueError):
        return None, body if isinstance(body, bytes) else str(body).encode()
    return body, None


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_input_gets_a_server_error_and_every_refusal_says_why(case: Any, tenant_id: str) -> None:
    # Given a request the document allows, or one it does not
    method, path = case.method.upper(), case.path
    if method != case.operation.method.upper():
        return  # another method on the path: API Gateway's own 403/404, before any function
    body, raw = _body(case)
    headers = {k: str(v) for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    if (method, path) == ("POST", STRIPE_WEBHOOK_PATH):
        body, raw = _signed_by_stripe(headers, body, raw)
    # When it reaches the function that serves the route
    answer = call(
        method,
        _target(case),
        caller=_caller(method, path, tenant_id),
        body=body,
        raw_body=raw,
        headers=headers,
    )
    # Then it is answered, never failed
    assert answer.status < 500, (method, _target(case), headers, body, answer.body)
    # And a refusal is a problem document naming what was wrong
    if answer.status >= 400:
        kind = next((v for k, v in answer.headers.items() if k.lower() == "content-type"), "")
        assert kind == PROBLEM, (method, _target(case), answer.status, kind)
        assert answer.body["status"] == answer.status, answer.body
        assert answer.body["title"], answer.body
