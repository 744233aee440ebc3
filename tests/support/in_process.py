"""The platform's code run in this process: the two in-process transports, and the claims the
authorizer hands to functions.

- `Handlers` invokes the function that serves a route with the event API Gateway sends after its
  authorizer verified a caller (`as_` the authorizer's context, e.g. `staff(tenant, "owner")`), so
  a test can act as anyone without signing them in. A caller given as an ID token, and the local
  routes (`/_local/outbox`), go through the gateway instead, as they do in AWS.
- `ThroughGateway` sends requests through the local gateway's own code path (route, authorizer,
  usage plans, function), as `make dev` serves them over HTTP, without the socket.

Both need the local platform running in this process (the tests' session fixture, the bench).
"""

from __future__ import annotations

import base64
import urllib.parse
from typing import TYPE_CHECKING, Any

from infra import wiring
from infra.local.gateway import Gateway, rest_event
from infra.local.invoke import invoke
from panacea.platform.access import Actor, Role
from tests.support import builders
from tests.support.transport import Answer, Api, Caller, answer_of, signed_headers, with_token

if TYPE_CHECKING:
    from infra.local.provision import Resources
    from infra.local.runtime import LocalPlatform

LOCAL_ROUTES = "/_local/"

PLATFORM_ADMIN = Actor(user_id="platform-admin", tenant_id=None, roles=frozenset({Role.PLATFORM_ADMIN})).as_context()


def staff(tenant_id: str, *roles: str, user_id: str = "staff-1") -> dict[str, str]:
    """What the authorizer hands to functions for a verified person of a tenant."""
    return Actor(user_id=user_id, tenant_id=tenant_id, roles=frozenset(Role(r) for r in roles)).as_context()


class ThroughGateway(Api):
    """The local gateway's code path: route, then the authorizer for a route that is not public,
    then the function (`gateway`: the running platform's own, or one made for this process)."""

    def __init__(self, gateway: Gateway | None = None) -> None:
        self._gateway = gateway

    @property
    def gateway(self) -> Gateway:
        if self._gateway is None:
            self._gateway = Gateway(log=lambda line: None)
        return self._gateway

    def send(self, method: str, path: str, as_: Caller, headers: dict[str, str], payload: bytes) -> Answer:
        status, got, answer, _ = self.gateway.handle(method, path, with_token(as_, headers), payload, "127.0.0.1")
        return answer_of(status, got, answer)


class Handlers(Api):
    """Each route's function invoked with the event API Gateway sends once its authorizer has
    verified the caller (`as_`: the authorizer's context; None: no credentials)."""

    def __init__(self, gateway: ThroughGateway | None = None) -> None:
        self.gateway = gateway or ThroughGateway()

    def route(self, method: str, path: str) -> tuple[wiring.Route, dict[str, str]]:
        """The route that serves `method path` (matched as the gateway matches it), and its path parameters."""
        bare = path.partition("?")[0]
        for compiled in self.gateway.gateway.routes:
            found = compiled.regex.match(bare)
            if compiled.route.method == method and found:
                return compiled.route, found.groupdict()
        raise LookupError(f"no route {method} {path}")

    def send(self, method: str, path: str, as_: Caller, headers: dict[str, str], payload: bytes) -> Answer:
        if isinstance(as_, str) or path.startswith(LOCAL_ROUTES):
            return self.gateway.send(method, path, as_, headers, payload)
        route, parameters = self.route(method, path)
        bare, _, query = path.partition("?")
        params: dict[str, list[str]] = {}
        for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):  # decoded, as API Gateway does
            params.setdefault(key, []).append(value)
        event = rest_event(
            method=method,
            path=bare,
            resource=route.path,
            path_parameters=parameters,
            query=params,
            headers=headers,
            body=payload,
            authorizer=dict(as_) if as_ is not None else None,
        )
        fn = wiring.function(route.function)
        answer = invoke(fn.handler, event, function_name=fn.name)
        got = {k: ", ".join(v) for k, v in (answer.get("multiValueHeaders") or {}).items()}
        got.update(answer.get("headers") or {})
        text = answer.get("body") or ""
        if answer.get("isBase64Encoded"):  # a binary answer (a workbook): its bytes, as API Gateway hands them over
            return Answer(int(answer["statusCode"]), got, base64.b64decode(text))
        return answer_of(int(answer["statusCode"]), got, text.encode())


GATEWAY = ThroughGateway()
HANDLERS = Handlers(GATEWAY)


def call(
    method: str,
    path: str,
    *,
    caller: Caller,
    body: Any = None,
    headers: dict[str, str] | None = None,
    raw_body: bytes | None = None,
) -> Answer:
    """`HANDLERS.request`, as the integration tests have always written it (`caller`: who)."""
    return HANDLERS.request(method, path, as_=caller, body=body, headers=headers, raw_body=raw_body)


def gateway_request(method: str, target: str, *, headers: dict[str, str] | None = None, body: bytes = b"") -> Answer:
    """A request through the local gateway's own code path: route, authorizer, function."""
    return GATEWAY.request(method, target, headers=headers, raw_body=body)


def signed_get(key: dict[str, Any], path: str) -> Answer:
    """A partner system's signed GET, through the gateway."""
    return gateway_request("GET", path, headers=signed_headers(key, "GET", path))


def resources(platform: LocalPlatform) -> Resources:
    """The AWS resources the running local platform provisioned (table, queues, pool, …)."""
    assert platform.resources is not None, "the local platform has not started"
    return platform.resources


# --- the builders, in process, as the integration tests call them -------------------------------


def onboard(**overrides: Any) -> dict[str, Any]:
    """A tenant created through the API and onboarded by the workflow (`overrides`: its body's fields)."""
    return builders.tenant(HANDLERS, as_=PLATFORM_ADMIN, **overrides)


def outbox(to: str) -> list[dict[str, Any]]:
    """The messages the local platform sent to an email address or phone number, oldest first."""
    return builders.outbox(GATEWAY, to)


def code_sent_to(to: str) -> str:
    """The 6-digit code in the latest message to `to`."""
    return builders.code_sent_to(GATEWAY, to)


def signed_up_member(slug: str, email: str, password: str, **details: Any) -> str:
    """A member registered by email at the tenant and confirmed with the emailed code; their id."""
    return builders.registered_member(HANDLERS, slug, email, password, **details)


def deliver(consumer: str, event: Any, *, tenant_id: str) -> dict[str, Any]:
    """`event` (a domain event) handed to the consumer function `consumer` (a wiring name) as the
    queue delivers it: an SQS batch of one EventBridge event, its envelope as the outbox wrote it.
    The batch response, whose `batchItemFailures` name a record that failed."""
    import json  # noqa: PLC0415
    import uuid  # noqa: PLC0415

    from panacea.platform.events import envelope  # noqa: PLC0415

    detail = envelope(event, tenant_id=tenant_id).model_dump_json()
    body = {"source": event.event_source, "detail-type": event.event_type, "detail": json.loads(detail)}
    record = {"messageId": str(uuid.uuid4()), "body": json.dumps(body), "eventSource": "aws:sqs"}
    fn = wiring.function(consumer)
    return dict(invoke(fn.handler, {"Records": [record]}, function_name=fn.name))


def run_task(function: str, task: str, **payload: Any) -> Any:
    """The Step Functions task `task` of function `function` (a wiring name), run as a state
    machine's Lambda task invokes it."""
    fn = wiring.function(function)
    return invoke(fn.handler, {"task": task, **payload}, function_name=fn.name)
