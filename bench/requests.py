"""AWS requests per use case: the whole platform runs in this process on moto
(`LocalPlatform`), each tenancy route is invoked through its handler as API Gateway would after
its authorizer, each identity use case goes through the local gateway (authorizer included, see
bench/identity.py), and the request ledger counts what was sent, by service and operation.

Every client `panacea.platform.aws` makes is watched from before the platform starts
(`aws.watch_new_clients`): the functions' own clients and the per-tenant DynamoDB clients made
from STS credentials (which pynamodb's tenant connections are handed), and STS itself, so each
AssumeRole is counted where it happens. pynamodb's shared connection makes its own botocore
client, which is watched on its own. A safety net notes any request a function sends through a
client the ledger does not watch: a non-empty one is an undercount, and printed as a warning.

What runs in the background (the outbox relay on the table's stream, the onboarding
workflow's Lambda tasks started by moto's Step Functions, the analytics consumer on its
queue) is booked to its own function, so it never inflates a route's figure. One onboarding
is measured on its own: everything those functions send between a tenant's creation and the
platform going quiet after it became active.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import jwt
from botocore.client import BaseClient

from bench import commerce, identity
from bench.ledger import (
    OUTSIDE,
    TIMEOUT_S,
    RequestLedger,
    UseCase,
    by_caller,
    by_operation,
    is_stripe,
    stripe_operation,
    wait_until_quiet,
)
from infra import wiring
from infra.local import invoke as local_invoke
from infra.local.gateway import rest_event
from infra.local.runtime import LocalPlatform
from infra.local.seed import PLATFORM_ADMIN, cognito, create_platform_admin, owner_username
from infra.local.stripe_sandbox import StripeSandbox
from panacea.platform import aws, isolation, table
from panacea.platform.access import Actor, Role
from tests.support.builders import eventually

API_FUNCTION = "TenancyApi"
# What the platform logs in the normal course: every email and text message the outbox printer shows,
# the gateway's line per request served by its HTTP server (Stripe's webhooks) and the Stripe sandbox's
# line per webhook delivered, when answered 2xx. Anything else it logs is a warning.
ROUTINE = re.compile(r"^(?:[✉✆]|[A-Z]+ \S+ → 2\d\d |stripe sandbox: \S+ \S+ → 2\d\d$)")
ASSUME_ROLE = "sts:AssumeRole"
# What the authorizer hands to functions (functions/identity/authorizer.py), as the routes see it.
PLATFORM_ADMIN_CLAIMS = Actor(
    user_id="platform-admin", tenant_id=None, roles=frozenset({Role.PLATFORM_ADMIN})
).as_context()

NEW_TENANT: dict[str, Any] = {
    "name": "Bench Gene Clinic",
    "kind": "gene_testing",
    "currency": "GBP",
    "locale": "en-GB",
    "jurisdiction": "GB",
    "tier": "professional",
}


def owner_claims(user_id: str, tenant_id: str) -> dict[str, str]:
    return Actor(user_id=user_id, tenant_id=tenant_id, roles=frozenset({Role.OWNER})).as_context()


@dataclass
class RequestFigures:
    use_cases: list[UseCase]  # tenancy, through the handler
    identity: list[UseCase]  # identity, through the gateway (authorizer booked apart)
    commerce: commerce.CommerceFigures  # catalog, promotions, orders and payments, through the gateway
    onboarding: dict[str, Counter[str]]  # caller → operations, one tenant's onboarding
    per_event: dict[str, dict[str, Any]]  # relay and consumers over the whole run
    assume_role: dict[str, int]  # caller → STS AssumeRole requests over the whole run
    warnings: list[str]

    @property
    def per_sign_in(self) -> dict[str, Any]:
        return identity.per_sign_in(self.identity)

    def onboarding_requests(self) -> tuple[int, int]:
        """Requests of one onboarding: (workflow tasks + relay, queue consumers)."""
        consumers = {queue.consumer for queue in wiring.QUEUES}
        by_consumers = sum(sum(ops.values()) for c, ops in self.onboarding.items() if c in consumers)
        return sum(sum(ops.values()) for ops in self.onboarding.values()) - by_consumers, by_consumers

    def as_dict(self) -> dict[str, Any]:
        workflow_and_relay, consumers = self.onboarding_requests()
        return {
            "method": "botocore before-send hooks on every client panacea.platform.aws makes (own and "
            "tenant-scoped) and on pynamodb's shared connection, booked to the invoked function; Stripe API "
            "calls (stripe:…) counted apart, once per HTTP attempt of the stripe client",
            "use_cases": [u.as_dict() for u in self.use_cases],
            "identity_use_cases": [u.as_dict() for u in self.identity],
            "commerce": self.commerce.as_dict(),
            "per_sign_in": self.per_sign_in,
            "sts_assume_role": {"total": sum(self.assume_role.values()), "by_caller": self.assume_role},
            "onboarding": {
                "by_caller": {c: dict(sorted(ops.items())) for c, ops in self.onboarding.items()},
                "workflow_tasks_and_relay_requests": workflow_and_relay,
                "consumer_requests": consumers,
            },
            "per_event": self.per_event,
            "warnings": self.warnings,
        }


# --- wiring the ledger into the running platform ---------------------------------------------


def book_invocations(ledger: RequestLedger) -> None:
    """Book every function invocation of the local runtime to its function (and workflow task).

    `infra.local.invoke.invoke` looks its handler up through `handler_of`; the API calls below,
    the stream relay, the queue pollers and the Step Functions bridge all go through it.
    """
    names = {f.handler: f.name for f in wiring.FUNCTIONS}
    original = local_invoke.handler_of

    def handler_of(path: str) -> Callable[[Any, Any], Any]:
        handler = original(path)

        def booked(event: Any, context: Any) -> Any:
            caller, records = names.get(path, path), 0
            if isinstance(event, dict):
                if event.get("task"):  # a Step Functions task: several are served by one function
                    caller = f"{caller}/{event['task']}"
                if event.get("error"):  # a workflow's Catch hands the error to its failure task
                    ledger.failed(caller, f"received workflow error {json.dumps(event['error'])[:500]}")
                records = len(event.get("Records") or [])
            with ledger.acting_as(caller, records=records):
                try:
                    return handler(event, context)
                except Exception as exc:
                    ledger.failed(caller, f"raised {type(exc).__name__}: {exc}")
                    raise

        return booked

    local_invoke.handler_of = handler_of


def watch_new_clients(ledger: RequestLedger) -> None:
    """Watch every client `panacea.platform.aws` makes from now on: the functions' own (STS,
    EventBridge, Cognito, SES, SNS, DynamoDB) and each tenant's DynamoDB client, which its pynamodb
    connection is handed (`table._tenant_connection`). Call it before the platform starts; the
    watch lasts as long as the process (one ledger per `python -m bench`)."""
    aws.watch_new_clients(ledger.watch)


def watch_shared_connection(ledger: RequestLedger) -> None:
    """pynamodb's shared connection (used outside any tenant scope) makes its own botocore client,
    not through `panacea.platform.aws`: make it and watch it (after the platform started)."""
    with isolation.acting_for(None):
        ledger.watch(table.connection().client)


def _stripe_http_clients() -> list[type[Any]]:
    """The stripe library's HTTP clients that send requests (whichever one it picks)."""
    from stripe import _http_client  # noqa: PLC0415 - the library's own transport, a private module

    found: list[type[Any]] = []
    pending: list[type[Any]] = [_http_client.HTTPClient]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if "request" in vars(sub):
                found.append(sub)
    return found


@contextmanager
def count_stripe_calls(ledger: RequestLedger) -> Iterator[None]:
    """Book every HTTP attempt of the stripe client (`stripe:POST /v1/payment_intents`) to the
    caller on the thread, as `before-send` books AWS requests: retries count each time."""
    originals = {cls: cls.request for cls in _stripe_http_clients()}

    def counting(send: Callable[..., Any]) -> Callable[..., Any]:
        def request(client: Any, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
            ledger.book(stripe_operation(method, url))
            return send(client, method, url, *args, **kwargs)

        return request

    for cls, send in originals.items():
        cls.request = counting(send)
    try:
        yield
    finally:
        for cls, send in originals.items():
            cls.request = send


class SandboxCount:
    """Stripe API requests as the sandbox saw them (its controls and webhooks aside): the
    cross-check of what the ledger counted at the client."""

    def __init__(self, sandbox: StripeSandbox) -> None:
        self.seen = 0
        self._lock = threading.Lock()
        handle = sandbox.handle

        def counted(method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
            if not target.startswith("/_sandbox/"):
                with self._lock:
                    self.seen += 1
            return handle(method, target, headers, body)

        sandbox.handle = counted  # type: ignore[method-assign]


@contextmanager
def safety_nets(ledger: RequestLedger) -> Iterator[None]:
    """While the platform runs: note every request a function sends through a client the ledger
    does not watch (it went uncounted), count the authorizer's fetches of the user pool's
    signing keys (an HTTPS GET, not a botocore call), and count Stripe API calls."""
    make_api_call, fetch_data = BaseClient._make_api_call, jwt.PyJWKClient.fetch_data

    def noted(client: BaseClient, operation: str, params: dict[str, Any]) -> Any:
        if ledger.caller != OUTSIDE and not ledger.is_watched(client):
            ledger.missed(f"{client.meta.service_model.service_name}:{operation}")
        return make_api_call(client, operation, params)

    def fetched(self: jwt.PyJWKClient) -> Any:  # named as the method it stands in for
        ledger.book(identity.JWKS)
        return fetch_data(self)

    BaseClient._make_api_call = noted
    jwt.PyJWKClient.fetch_data = fetched  # type: ignore[method-assign]
    try:
        with count_stripe_calls(ledger):
            yield
    finally:
        BaseClient._make_api_call = make_api_call
        jwt.PyJWKClient.fetch_data = fetch_data  # type: ignore[method-assign]


def unwatched_clients(ledger: RequestLedger) -> list[str]:
    """Requests that went uncounted (sent by a function through an unwatched client), and the
    clients the functions hold now that the ledger does not watch."""
    problems = [
        f"{caller} called {operation} x{n} through a client the ledger did not watch: uncounted above"
        for (caller, operation), n in sorted(ledger.missed_requests().items())
    ]
    shared = table.TableItem._connection
    if shared is not None and not ledger.is_watched(shared.connection.client):
        problems.append("pynamodb's shared connection holds a client the ledger did not watch")
    for session in aws.tenant_sessions():
        with isolation.acting_for(session.tenant_id):
            tenant_connection = table.connection()  # the session's own, made once (no request)
        if not ledger.is_watched(session.dynamodb) or not ledger.is_watched(tenant_connection.client):
            problems.append(f"tenant {session.tenant_id}'s DynamoDB client or connection is not watched")
    return problems


# --- calling routes --------------------------------------------------------------------------


class TenancyApi:
    """Calls the tenancy routes through the handler, as API Gateway would after its authorizer."""

    def __init__(self, ledger: RequestLedger) -> None:
        self.ledger = ledger
        self.function = wiring.function(API_FUNCTION)

    def call(
        self,
        method: str,
        resource: str,
        claims: dict[str, str],
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        event = rest_event(
            method=method,
            path=resource.format(**(params or {})),
            resource=resource,
            path_parameters=params,
            query={},
            headers={"Content-Type": "application/json", **(headers or {})},
            body=b"" if body is None else json.dumps(body).encode(),
            authorizer=claims,
        )
        answer = local_invoke.invoke(self.function.handler, event, function_name=self.function.name)
        text = answer.get("body") or ""
        return int(answer["statusCode"]), json.loads(text) if text else None

    def measure(
        self, use_case: str, method: str, resource: str, claims: dict[str, str], **request: Any
    ) -> tuple[UseCase, Any]:
        before = self.ledger.snapshot()
        status, body = self.call(method, resource, claims, **request)
        operations = by_operation(self.ledger.since(before), API_FUNCTION)
        return UseCase(use_case, f"{method} {resource}", status, operations), body

    def wait_until_active(self, tenant_id: str) -> None:
        """Poll the get-tenant use case (uncounted) until onboarding is over."""

        def onboarded() -> str | None:
            _, tenant = self.call(
                "GET", "/v1/tenants/{tenant_id}", PLATFORM_ADMIN_CLAIMS, params={"tenant_id": tenant_id}
            )
            return None if tenant["status"] == "onboarding" else str(tenant["status"])

        status = eventually(onboarded, timeout_s=TIMEOUT_S, every_s=0.05, what=f"tenant {tenant_id} still onboarding")
        if status != "active":
            failures = "; ".join(self.ledger.failures) or "no function reported an error"
            raise RuntimeError(f"tenant {tenant_id} ended onboarding as {status}: {failures}")


# --- the run ---------------------------------------------------------------------------------


def measure(log: Callable[[str], None]) -> RequestFigures:
    """Start the platform, run every tenancy and identity use case once, and count their requests."""
    ledger = RequestLedger()
    book_invocations(ledger)
    watch_new_clients(ledger)  # before the platform makes any client
    platform_log: list[str] = []
    platform = LocalPlatform(port=0, aws_port=0, stripe_port=0, time_scale=0, log=platform_log.append)
    started = time.perf_counter()
    with safety_nets(ledger):
        platform.start()
        try:
            log(f"  local platform started in {time.perf_counter() - started:.1f}s (moto on {platform.aws_url})")
            watch_shared_connection(ledger)
            assert platform.stripe
            at_sandbox = SandboxCount(platform.stripe)
            create_platform_admin(platform, **PLATFORM_ADMIN)
            figures = _run_use_cases(TenancyApi(ledger), ledger, platform)
        finally:
            platform.stop()
        figures.warnings += unwatched_clients(ledger)
        counted = sum(n for (_, operation), n in ledger.snapshot().items() if is_stripe(operation))
        if counted != at_sandbox.seen:
            figures.warnings.append(
                f"the Stripe sandbox answered {at_sandbox.seen} API requests; the ledger counted {counted}"
            )
    figures.warnings += [f"platform log: {line}" for line in platform_log if not ROUTINE.match(line)]
    return figures


def _per_event(ledger: RequestLedger) -> dict[str, dict[str, Any]]:
    """The relay's and each queue consumer's requests over the whole run, and per event handled."""
    requests, invocations, records = ledger.totals()
    per_event = {}
    for caller in [*(stream.function for stream in wiring.STREAMS), *(queue.consumer for queue in wiring.QUEUES)]:
        operations = by_operation(requests, caller)
        per_event[caller] = {
            "invocations": invocations[caller],
            "events": records[caller],
            "requests": sum(operations.values()),
            "requests_per_event": round(sum(operations.values()) / max(records[caller], 1), 2),
            "operations": dict(sorted(operations.items())),
        }
    return per_event


def _commerce(ledger: RequestLedger, platform: LocalPlatform, tenant: identity.Tenant) -> commerce.CommerceFigures:
    assert platform.gateway
    assert platform.stripe
    return commerce.run(identity.ThroughGateway(ledger, platform.gateway), ledger, platform.stripe, tenant)


def _run_use_cases(api: TenancyApi, ledger: RequestLedger, platform: LocalPlatform) -> RequestFigures:
    admin, stamp = PLATFORM_ADMIN_CLAIMS, time.strftime("%H%M%S")
    measured: dict[str, UseCase] = {}

    def run(use_case: str, method: str, resource: str, claims: dict[str, str] = admin, **request: Any) -> Any:
        measured[use_case], body = api.measure(use_case, method, resource, claims, **request)
        return body

    # A tenant created without a key, then its onboarding measured on its own.
    first_admin = {"email": f"owner-{stamp}@bench.example", "name": "Bench Owner"}
    before_onboarding = ledger.snapshot()
    tenant = run(
        "create tenant (no Idempotency-Key)",
        "POST",
        "/v1/tenants",
        body={**NEW_TENANT, "slug": f"bench-{stamp}-a", "first_admin": first_admin},
    )
    tenant_id = tenant["id"]
    api.wait_until_active(tenant_id)
    wait_until_quiet(ledger)
    onboarding = ledger.in_order_of_first_request(
        {c: ops for c, ops in by_caller(ledger.since(before_onboarding)).items() if c != API_FUNCTION}
    )

    # A tenant created with a key, and a client's retry of that very request.
    keyed = {
        **NEW_TENANT,
        "slug": f"bench-{stamp}-b",
        "first_admin": {**first_admin, "email": f"b-{stamp}@bench.example"},
    }
    idempotency = {"Idempotency-Key": f"bench-{stamp}"}
    first = run("create tenant (Idempotency-Key)", "POST", "/v1/tenants", body=keyed, headers=idempotency)
    replayed = run("create tenant (replay of that key)", "POST", "/v1/tenants", body=keyed, headers=idempotency)
    warnings = [] if replayed == first else [f"the replay answered {replayed} instead of the first answer {first}"]

    # Everything else, on the onboarded tenant.
    one = {"tenant_id": tenant_id}
    reason = {"reason": "benchmark: invoice unpaid"}
    run("list tenants", "GET", "/v1/tenants")
    run("get tenant", "GET", "/v1/tenants/{tenant_id}", params=one)
    settings_patch = {"branding": {"primary_colour": "#1D3557"}}
    run("update settings", "PATCH", "/v1/tenants/{tenant_id}/settings", params=one, body=settings_patch)
    run("suspend", "POST", "/v1/tenants/{tenant_id}/suspend", params=one, body=reason)
    run("reactivate", "POST", "/v1/tenants/{tenant_id}/reactivate", params=one, body=reason)
    key = run("issue API key", "POST", "/v1/tenants/{tenant_id}/api-keys", params=one, body={"name": "LIMS"})
    run("list API keys", "GET", "/v1/tenants/{tenant_id}/api-keys", params=one)
    run(
        "revoke API key",
        "DELETE",
        "/v1/tenants/{tenant_id}/api-keys/{key_id}",
        params={**one, "key_id": key["id"]},
    )
    owner_id = owner_username(platform, tenant_id, first_admin["email"])
    owner = owner_claims(owner_id, tenant_id)
    run("own tenant (owner)", "GET", "/v1/tenant", owner)
    own_patch = {"orders": {"auto_complete_days": 12}}
    run("update own settings (owner)", "PATCH", "/v1/tenant/settings", owner, body=own_patch)

    # Identity, through the gateway, on the same tenant (active again).
    def set_owner_password(password: str) -> None:
        assert platform.resources
        pool = platform.resources.user_pool_id
        cognito(platform).admin_set_user_password(UserPoolId=pool, Username=owner_id, Password=password, Permanent=True)

    def issue_partner_key() -> dict[str, Any]:
        _, issued = api.call("POST", "/v1/tenants/{tenant_id}/api-keys", admin, params=one, body={"name": "Bench"})
        return dict(issued)

    assert platform.gateway
    identity_use_cases, identity_warnings = identity.run(
        identity.ThroughGateway(ledger, platform.gateway),
        identity.Tenant(tenant_id, tenant["slug"], first_admin["email"]),
        set_owner_password=set_owner_password,
        issue_partner_key=issue_partner_key,
    )
    warnings += identity_warnings

    # Commerce, through the gateway, on the same tenant: a shop, a member's checkout, payment and refund.
    commerce_figures = _commerce(ledger, platform, identity.Tenant(tenant_id, tenant["slug"], first_admin["email"]))
    warnings += commerce_figures.warnings

    wait_until_quiet(ledger)  # the relay and consumers catch up with every event above
    order = [
        "create tenant (no Idempotency-Key)",
        "create tenant (Idempotency-Key)",
        "create tenant (replay of that key)",
        "list tenants",
        "get tenant",
        "update settings",
        "suspend",
        "reactivate",
        "issue API key",
        "list API keys",
        "revoke API key",
        "own tenant (owner)",
        "update own settings (owner)",
    ]
    requests, per_event = ledger.totals()[0], _per_event(ledger)
    assume_role = {caller: ops[ASSUME_ROLE] for caller, ops in by_caller(requests).items() if ops[ASSUME_ROLE]}
    warnings += [f"failure: {f}" for f in ledger.failures]
    if by_operation(requests, OUTSIDE):
        warnings.append(f"requests sent outside any function: {dict(by_operation(requests, OUTSIDE))}")
    return RequestFigures(
        [measured[name] for name in order],
        identity_use_cases,
        commerce_figures,
        onboarding,
        per_event,
        assume_role,
        warnings,
    )
