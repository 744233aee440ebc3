"""Messaging providers' callbacks: `POST /v1/messaging/callbacks/{provider}/{tenant_id}` (public: the
provider signs each, it has no token). The body is passed on exactly as it arrived (a form, JSON or
XML, as each provider sends), with the headers and the URL the provider called, which its signature
covers; a signature that does not verify is a 401 problem+json and nothing is read."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

from panacea.engagement import statuses
from panacea.engagement.statuses import CallbackAnswer
from panacea.platform.api import PROBLEM, PUBLIC, Problem, build_resolver, lambda_entry

app = build_resolver()
_PROBLEM = {"description": "", "content": {PROBLEM: {"model": Problem}}}


def _problem(description: str) -> Any:  # a response of `responses=`, as Powertools reads it
    return {**_PROBLEM, "description": description}


@app.post(
    "/v1/messaging/callbacks/<provider>/<tenant_id>",
    summary="Receive a messaging provider's status callbacks (called by the provider, which signs each)",
    description="The status callback URL to give each provider for a tenant (Twilio's StatusCallback, "
    "WhatsApp's webhook, WeChat's server URL). No token: the provider's signature of the request proves "
    "who sent it. Each status moves its message forward only (a duplicate, a late or an earlier attempt's "
    "status changes nothing); a failure moves the message on along its reachability chain; a person's own "
    "WhatsApp message opens their service window.",
    tags=["Messaging"],
    security=PUBLIC,
    response_description="Received (the provider stops retrying): how many statuses it carried and applied",
    responses={
        400: _problem("The request has no body (every provider's callback carries one): nothing was read"),
        401: _problem("The signature does not sign this request (`/errors/invalid-signature`): nothing was read"),
        404: _problem("No such provider, or not a tenant id: `errors` names the path parameter"),
        409: _problem(
            "A fresh status about a message whose send is not recorded yet (`/errors/status-before-send`): "
            "nothing was applied; the provider sends it again"
        ),
    },
)
def provider_callback(provider: str, tenant_id: str) -> CallbackAnswer:
    current = app.current_event
    raw = current.body or ""
    body = base64.b64decode(raw) if current.is_base64_encoded else raw.encode()
    return statuses.receive_callback(provider, tenant_id, url=_called_url(), headers=dict(current.headers), body=body)


def _called_url() -> str:
    """The URL the provider called, as it signed it: scheme and host as it reached them, the stage's path."""
    current = app.current_event
    headers = {k.lower(): v for k, v in (current.headers or {}).items()}
    host = headers.get("host", "")
    local = host.split(":")[0] in ("127.0.0.1", "localhost")
    scheme = headers.get("x-forwarded-proto") or ("http" if local else "https")
    # API Gateway's own domain keeps the stage in the path; a custom domain (and the local gateway) does not
    path = (current.request_context.path or current.path) if host.endswith("amazonaws.com") else current.path
    query = current.raw_event.get("multiValueQueryStringParameters") or {}
    pairs = urlencode([(k, v) for k, values in query.items() for v in values])
    return f"{scheme}://{host}{path}" + (f"?{pairs}" if pairs else "")


handler: Any = lambda_entry(app, any_body=True)
