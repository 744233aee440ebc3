"""What the test suites share: calling routes like API Gateway does, and waiting for the
platform's asynchronous work (stream → bus → workflow) to land."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from infra import wiring
from infra.local.gateway import rest_event
from infra.local.invoke import invoke

PLATFORM_ADMIN = {"cognito:username": "platform-admin", "cognito:groups": "platform_admin"}


def staff(tenant_id: str, *roles: str, user_id: str = "staff-1") -> dict[str, str]:
    """The claims API Gateway's Cognito authorizer hands over for a tenant's user."""
    return {"cognito:username": user_id, "custom:tenant_id": tenant_id, "cognito:groups": ",".join(roles)}


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
    for pattern, route in _ROUTES:
        if route.method == method and pattern.match(path.partition("?")[0]):
            return route
    raise LookupError(f"no route {method} {path}")


def call(
    method: str,
    path: str,
    *,
    claims: dict[str, str] | None,
    body: Any = None,
    headers: dict[str, str] | None = None,
    raw_body: bytes | None = None,
) -> Answer:
    """Invoke the function that serves `method path` with the event API Gateway would send
    after its authorizer accepted a token carrying `claims`."""
    route = _route(method, path)
    bare, _, query = path.partition("?")
    match = re.match("^" + re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(route.path)) + "$", bare)
    assert match
    params: dict[str, list[str]] = {}
    for pair in filter(None, query.split("&")):
        key, _, value = pair.partition("=")
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
        claims=claims,
    )
    fn = wiring.function(route.function)
    answer = invoke(fn.handler, event, function_name=fn.name)
    headers_out = {k: ", ".join(v) for k, v in (answer.get("multiValueHeaders") or {}).items()}
    headers_out.update(answer.get("headers") or {})
    text = answer.get("body") or ""
    content_type = next((v for k, v in headers_out.items() if k.lower() == "content-type"), "")
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
    created = call("POST", "/v1/tenants", claims=PLATFORM_ADMIN, body=new_tenant_body(**overrides))
    assert created.status == 201, created.body
    tenant_id = created.body["id"]

    def active() -> Any:
        tenant = call("GET", f"/v1/tenants/{tenant_id}", claims=PLATFORM_ADMIN).body
        return tenant if tenant["status"] != "onboarding" else None

    return eventually(active)  # type: ignore[no-any-return]
