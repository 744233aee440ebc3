"""Identity's use cases, each sent as a client sends it: through the local gateway's own code
path (`Gateway.handle`: route, then the authorizer for a route that is not public, then the
function), so the authorizer really runs and its requests are booked apart from the function's.

The journey, on a tenant the bench onboarded: a member registers by email and confirms with the
code read from the local outbox, signs in, makes a first signed-in request, refreshes, reads their
profile (again in a "new container" whose tenant session is not assumed yet), the tenant's owner
lists the people, a partner system lists them with a signed request, and the member signs out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.ledger import RequestLedger, UseCase, by_operation
from infra import wiring
from infra.local.gateway import Gateway
from panacea.platform.caches import reset_caches
from tests.support import builders, in_process
from tests.support.transport import signed_headers

PASSWORD = "Bench-Member-2026!"  # noqa: S105 - a throwaway account on the local platform
OWNER_PASSWORD = "Bench-Owner-2026!"  # noqa: S105
JWKS = "cognito-idp:GET jwks.json"  # the user pool's signing keys: HTTPS, not a botocore call

SIGN_IN = "sign in (email + password)"
FIRST_REQUEST = "signed-in request, fresh token"
NEW_CONTAINER = "read profile, tenant session not assumed"
ORDER = (
    "register by email",
    "confirm registration (emailed code)",
    SIGN_IN,
    FIRST_REQUEST,
    "refresh",
    "read profile",
    NEW_CONTAINER,
    "list users (owner)",
    "signed partner request (list users)",
    "sign out",
)


@dataclass(frozen=True)
class Tenant:
    id: str
    slug: str
    owner_email: str


class ThroughGateway:
    """Sends requests to the local gateway's code path and books what each one cost."""

    def __init__(self, ledger: RequestLedger, gateway: Gateway) -> None:
        self.ledger, self.gateway = ledger, gateway
        self.api = in_process.ThroughGateway(gateway)  # the same code path, for the builders (set-up)
        self.routes = in_process.Handlers(self.api)  # matched as the gateway matches them

    def route(self, method: str, path: str) -> wiring.Route:
        return self.routes.route(method, path)[0]

    def send(
        self, method: str, target: str, *, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        answer = self.api.request(method, target, body=body, headers=headers)
        return answer.status, answer.body

    def measure(self, use_case: str, method: str, target: str, **request: Any) -> tuple[UseCase, Any]:
        route = self.route(method, target.partition("?")[0])
        before, refused = self.ledger.snapshot(), self.ledger.refusals()
        status, body = self.send(method, target, **request)
        spent = self.ledger.since(before)
        authorizer = None if route.public else by_operation(spent, wiring.AUTHORIZER)
        measured = UseCase(use_case, f"{method} {route.path}", status, by_operation(spent, route.function), authorizer)
        measured.refused = by_operation(self.ledger.refusals() - refused, route.function)
        if route.public:
            measured.note = "public route: no authorizer"
        return measured, body


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def run(
    gateway: ThroughGateway,
    tenant: Tenant,
    *,
    set_owner_password: Callable[[str], None],
    issue_partner_key: Callable[[], dict[str, Any]],
) -> tuple[list[UseCase], list[str]]:
    """Every identity use case once; the figures in ORDER, and warnings (unexpected answers)."""
    measured: dict[str, UseCase] = {}
    warnings: list[str] = []

    def measure(use_case: str, expected: int, method: str, target: str, **request: Any) -> Any:
        measured[use_case], body = gateway.measure(use_case, method, target, **request)
        if measured[use_case].status != expected:
            warnings.append(f"{use_case}: answered {measured[use_case].status}, expected {expected}: {body}")
        return body if isinstance(body, dict) else {}

    email = f"member-{time.strftime('%H%M%S')}@bench.example"
    registration: dict[str, Any] = {"tenant": tenant.slug, "kind": "individual", "email": email}
    registration |= {"password": PASSWORD, "individual": {"real_name": "Bench Member"}}
    measure("register by email", 202, "POST", "/v1/auth/register", body=registration)
    confirmation = {"tenant": tenant.slug, "email": email, "code": builders.code_sent_to(gateway.api, email)}
    measure("confirm registration (emailed code)", 200, "POST", "/v1/auth/register/confirm", body=confirmation)
    credentials = {"tenant": tenant.slug, "email": email, "password": PASSWORD}
    session = measure(SIGN_IN, 200, "POST", "/v1/auth/sign-in", body=credentials)
    measure(FIRST_REQUEST, 200, "GET", "/v1/me", headers=bearer(session.get("id_token", "")))
    renewal = {"refresh_token": session.get("refresh_token")}
    refreshed = measure("refresh", 200, "POST", "/v1/auth/refresh", body=renewal)
    token = refreshed.get("id_token", "")
    measure("read profile", 200, "GET", "/v1/me", headers=bearer(token))
    # A new Lambda container holds no tenant session: its first request for the tenant assumes the
    # tenant data role. (The local runtime shares one process, so sessions are forgotten instead.)
    reset_caches()
    measure(NEW_CONTAINER, 200, "GET", "/v1/me", headers=bearer(token))

    # The owner the onboarding enrolled, with a password set as `make dev` does, signs in (not measured).
    set_owner_password(OWNER_PASSWORD)
    _, owner = gateway.send(
        "POST",
        "/v1/auth/sign-in",
        body={"tenant": tenant.slug, "email": tenant.owner_email, "password": OWNER_PASSWORD},
    )
    owner_token = owner.get("id_token", "") if isinstance(owner, dict) else ""
    measure("list users (owner)", 200, "GET", "/v1/users", headers=bearer(owner_token))
    key = issue_partner_key()
    partner = signed_headers(key, "GET", "/v1/users")
    measure("signed partner request (list users)", 200, "GET", "/v1/users", headers=partner)

    measure("sign out", 200, "POST", "/v1/auth/sign-out", headers=bearer(token))

    first = measured[FIRST_REQUEST]
    if first.authorizer is not None and first.authorizer[JWKS]:
        first.note = "the authorizer's first token: it fetched the user pool's signing keys (once per container)"
    measured[NEW_CONTAINER].note = "as in a new container: the tenant role is assumed on its first request for it"
    return [measured[name] for name in ORDER], warnings


def per_sign_in(use_cases: list[UseCase]) -> dict[str, Any]:
    """AWS requests per sign-in: the sign-in call, and what the first request with its token adds."""
    by_name = {u.name: u for u in use_cases}
    sign_in, first = by_name[SIGN_IN], by_name[FIRST_REQUEST]
    services: dict[str, int] = {}
    for operation, n in sign_in.operations.items():
        services[operation.split(":")[0]] = services.get(operation.split(":")[0], 0) + n
    authorizer: dict[str, int] = first.authorizer or {}
    return {
        "sign_in_requests": sign_in.requests,
        "sign_in_by_service": services,
        "sign_in_operations": dict(sorted(sign_in.operations.items())),
        "first_request_authorizer": sum(n for op, n in authorizer.items() if op != JWKS),
        "first_request_authorizer_operations": {op: n for op, n in sorted(authorizer.items()) if op != JWKS},
        "jwks_fetches_once_per_container": authorizer.get(JWKS, 0),
    }
