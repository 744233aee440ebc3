"""What the test suites share: calling routes like API Gateway does, and waiting for the
platform's asynchronous work (stream → bus → workflow) to land."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from infra import wiring
from infra.local.gateway import Gateway, rest_event
from infra.local.invoke import invoke
from panacea.identity import credentials
from panacea.platform.access import Actor, Role

if TYPE_CHECKING:
    from infra.local.provision import Resources
    from infra.local.runtime import LocalPlatform

PLATFORM_ADMIN = Actor(user_id="platform-admin", tenant_id=None, roles=frozenset({Role.PLATFORM_ADMIN})).as_context()


def staff(tenant_id: str, *roles: str, user_id: str = "staff-1") -> dict[str, str]:
    """What the authorizer hands to functions for a verified person of a tenant."""
    return Actor(user_id=user_id, tenant_id=tenant_id, roles=frozenset(Role(r) for r in roles)).as_context()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: Any

    @property
    def problem_fields(self) -> list[str]:
        return [e["field"] for e in (self.body or {}).get("errors", [])]


_ROUTES: list[tuple[re.Pattern[str], wiring.Route]] = []


def _route(method: str, path: str) -> wiring.Route:
    if not _ROUTES:
        for route in wiring.routes():
            pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(route.path))
            _ROUTES.append((re.compile(f"^{pattern}$"), route))
    for regex, route in _ROUTES:
        if route.method == method and regex.match(path.partition("?")[0]):
            return route
    raise LookupError(f"no route {method} {path}")


def call(
    method: str,
    path: str,
    *,
    caller: dict[str, str] | None,
    body: Any = None,
    headers: dict[str, str] | None = None,
    raw_body: bytes | None = None,
) -> Answer:
    """Invoke the function that serves `method path` with the event API Gateway would send after
    its authorizer verified `caller` (an authorizer context; None: no credentials)."""
    route = _route(method, path)
    bare, _, query = path.partition("?")
    match = re.match("^" + re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(route.path)) + "$", bare)
    assert match
    params: dict[str, list[str]] = {}
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):  # decoded, as API Gateway does
        params.setdefault(key, []).append(value)
    payload = raw_body if raw_body is not None else (b"" if body is None else json.dumps(body).encode())
    event = rest_event(
        method=method,
        path=bare,
        resource=route.path,
        path_parameters=match.groupdict(),
        query=params,
        headers={"Content-Type": "application/json", **(headers or {})},
        body=payload,
        authorizer=caller,
    )
    fn = wiring.function(route.function)
    answer = invoke(fn.handler, event, function_name=fn.name)
    headers_out = {k: ", ".join(v) for k, v in (answer.get("multiValueHeaders") or {}).items()}
    headers_out.update(answer.get("headers") or {})
    text = answer.get("body") or ""
    content_type = next((v for k, v in headers_out.items() if k.lower() == "content-type"), "")
    if answer.get("isBase64Encoded"):  # a binary answer (a workbook): its bytes, as API Gateway hands them over
        return Answer(int(answer["statusCode"]), headers_out, base64.b64decode(text))
    return Answer(int(answer["statusCode"]), headers_out, json.loads(text) if "json" in content_type and text else text)


def eventually(check: Callable[[], Any], *, timeout_s: float = 20, every_s: float = 0.1) -> Any:
    """Poll `check` until it returns something truthy (the platform's async work has landed)."""
    deadline = time.monotonic() + timeout_s
    last: Any = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(every_s)
    raise AssertionError(f"still not true after {timeout_s}s (last: {last!r})")


_counter = iter(range(1, 10**9))


def new_tenant_body(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    stamp = f"{time.time_ns() % 10**9}-{n}"
    body = {
        "name": f"Clinic {stamp}",
        "slug": f"clinic-{stamp}",
        "kind": "gene_testing",
        "currency": "GBP",
        "locale": "en-GB",
        "jurisdiction": "GB",
        "tier": "professional",
        "first_admin": {"email": f"owner-{stamp}@example.com", "name": "Ada Owner"},
    }
    body.update(overrides)
    return body


def onboard(**overrides: Any) -> dict[str, Any]:
    """A tenant created through the API and onboarded by the workflow (status active)."""
    created = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(**overrides))
    assert created.status == 201, created.body
    tenant_id = created.body["id"]

    def active() -> Any:
        tenant = call("GET", f"/v1/tenants/{tenant_id}", caller=PLATFORM_ADMIN).body
        return tenant if tenant["status"] != "onboarding" else None

    return eventually(active)  # type: ignore[no-any-return]


def gateway_request(method: str, target: str, *, headers: dict[str, str] | None = None, body: bytes = b"") -> Answer:
    """A request through the local gateway's own code path: route, authorizer, function."""
    status, out_headers, payload, _ = _gateway().handle(method, target, headers or {}, body, "127.0.0.1")
    kind = out_headers.get("Content-Type", "")
    if "json" in kind and payload:
        return Answer(status, out_headers, json.loads(payload))
    return Answer(status, out_headers, payload.decode() if _textual(kind) else payload)


def _textual(content_type: str) -> bool:
    return not content_type or content_type.startswith("text/") or "json" in content_type


def signed_headers(
    key: dict[str, Any],
    method: str,
    path: str,
    *,
    body: bytes = b"",
    query: dict[str, str] | None = None,
    at: int | None = None,
) -> dict[str, str]:
    """The headers a partner system sends: its key, the time, the body's digest and the signature."""
    timestamp = at if at is not None else int(time.time())
    path, _, in_path = path.partition("?")  # a query in the path is signed as the query
    if query is None and in_path:
        query = dict(urllib.parse.parse_qsl(in_path, keep_blank_values=True))
    digest = hashlib.sha256(body).hexdigest()
    nonce = secrets.token_urlsafe(16)
    message = credentials.string_to_sign(
        timestamp=timestamp, nonce=nonce, method=method, path=path, query=query or {}, content_sha256=digest
    )
    signature = credentials.sign(key["secret"], message)
    credential = f"Credential={key['prefix']}, Timestamp={timestamp}, Nonce={nonce}, Signature={signature}"
    return {
        "Authorization": f"{credentials.SCHEME} {credential}",
        "X-Content-SHA256": digest,
        "Content-Type": "application/json",
    }


def signed_get(key: dict[str, Any], path: str) -> Answer:
    return gateway_request("GET", path, headers=signed_headers(key, "GET", path))


_gateways: list[Gateway] = []


def _gateway() -> Gateway:
    if not _gateways:
        _gateways.append(Gateway(log=lambda line: None))
    return _gateways[0]


def outbox(to: str) -> list[dict[str, Any]]:
    """The messages the local platform sent to an email address or phone number, oldest first
    (read from the local gateway's `GET /_local/outbox`, as the e2e suite and developers do)."""
    answer = gateway_request("GET", f"/_local/outbox?to={quote(to, safe='')}")
    assert answer.status == 200, answer.body
    return list(answer.body["messages"])


def code_sent_to(to: str) -> str:
    """The 6-digit code in the latest message to `to`."""
    messages = outbox(to)
    assert messages, f"nothing was sent to {to}"
    found = re.search(r"\b(\d{6})\b", messages[-1]["text"])
    assert found, messages[-1]
    return found.group(1)


def resources(platform: LocalPlatform) -> Resources:
    """The AWS resources the running local platform provisioned (table, queues, pool, …)."""
    assert platform.resources is not None, "the local platform has not started"
    return platform.resources


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def signed_up_member(slug: str, email: str, password: str, **details: Any) -> str:
    """A member registered by email at the tenant and confirmed with the emailed code; their id."""
    registered = call(
        "POST",
        "/v1/auth/register",
        caller=None,
        body={"tenant": slug, "kind": "individual", "email": email, "password": password, **details},
    )
    assert registered.status == 202, registered.body
    confirmed = call(
        "POST",
        "/v1/auth/register/confirm",
        caller=None,
        body={"tenant": slug, "email": email, "code": code_sent_to(email)},
    )
    assert confirmed.status == 200, confirmed.body
    return str(confirmed.body["user_id"])
