"""The local API Gateway: HTTP requests become the REST proxy events Lambda receives.

Routes come from the wiring (read from each function's resolver). A route that is not public
first goes through the wiring's authorizer function, run as API Gateway runs a REQUEST
authorizer: 401 when it refuses, 403 when it denies, and otherwise its context is put where API
Gateway puts it, `requestContext.authorizer`. The problem+json bodies are the ones the deployed
gateway's response templates give, with the same CORS headers (`shared_with`). (API Gateway caches
an Allow for a minute per token; this gateway asks every time.)

One route exists only here: `GET /_local/outbox`, the messages the platform sent (outbox.py).
"""

from __future__ import annotations

import base64
import json
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3

from infra import wiring
from infra.local import outbox
from infra.local.http_server import LocalHttpServer
from infra.local.invoke import ACCOUNT, REGION, invoke
from infra.local.provision import STAGE
from panacea.platform import clock
from panacea.platform.cors import ALLOWED_HEADERS, header_in

PROBLEM = "application/problem+json"
MAX_PAYLOAD_BYTES = 10 * 1024 * 1024  # API Gateway's payload quota for a REST API (10 MB): 413 above it


class CompiledRoute:
    def __init__(self, route: wiring.Route) -> None:
        self.route = route
        pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(route.path))
        self.regex = re.compile(f"^{pattern}$")


def rest_event(
    *,
    method: str,
    path: str,
    resource: str,
    path_parameters: dict[str, str] | None,
    query: dict[str, list[str]],
    headers: dict[str, str],
    body: bytes,
    authorizer: dict[str, Any] | None,
    source_ip: str = "127.0.0.1",
) -> dict[str, Any]:
    """An API Gateway REST (v1) proxy event, as Lambda receives it."""
    request_id = str(uuid.uuid4())
    try:
        text: str | None = body.decode() if body else None
        is_base64 = False
    except UnicodeDecodeError:
        text, is_base64 = base64.b64encode(body).decode(), True
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": headers or None,
        "multiValueHeaders": {k: [v] for k, v in headers.items()} or None,
        "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": path_parameters or None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": resource,
            "httpMethod": method,
            "path": f"/{STAGE}{path}",
            "stage": STAGE,
            "requestId": request_id,
            "extendedRequestId": request_id,
            "accountId": ACCOUNT,
            "apiId": "local",
            "protocol": "HTTP/1.1",
            "requestTimeEpoch": int(clock.now().timestamp() * 1000),
            "identity": {"sourceIp": source_ip, "userAgent": headers.get("User-Agent", "")},
            "authorizer": authorizer,
        },
        "body": text,
        "isBase64Encoded": is_base64,
    }


def _problem(status: int, slug: str, title: str, detail: str) -> tuple[int, dict[str, str], bytes]:
    """The bodies the deployed API's gateway responses give (infra/stacks/api.py, with its
    `GATEWAY_ERRORS`: an unknown route names the path)."""
    body: dict[str, Any] = {"type": f"/errors/{slug}", "title": title, "status": status, "detail": detail}
    if slug == "no-such-route":
        body["errors"] = [{"field": "path", "code": "not_found"}]
    return status, {"Content-Type": PROBLEM}, json.dumps(body).encode()


def shared_with(answer: tuple[int, dict[str, str], bytes], origin: str | None) -> tuple[int, dict[str, str], bytes]:
    """An answer this gateway makes itself (no function ran), with the CORS headers the deployed
    gateway responses carry (infra/stacks/api.py, `GATEWAY_CORS`): shared with the origin the request
    came from, whoever's it is. Like API Gateway, this gateway answers before any function could
    consult the tenants' origins; the body is a problem with no tenant data, and no credentials go
    with it (no `Access-Control-Allow-Credentials`). The functions' own answers are left as they are:
    they share only with the caller's tenant's origins (panacea.platform.cors)."""
    status, headers, body = answer
    cors = {"Access-Control-Allow-Headers": ", ".join(ALLOWED_HEADERS), "Vary": "Origin"}
    if origin:
        cors["Access-Control-Allow-Origin"] = origin
    return status, {**headers, **cors}, body


class Usage:
    """API Gateway's usage plans, enforced here: a token bucket (rate, burst) and a daily quota per
    usage key, with the numbers of the plan that holds the key in moto (made from the same tiers
    the CDK app makes its plans from). A key in no plan is refused, as API Gateway refuses it."""

    def __init__(self) -> None:
        self.ticks = time.monotonic  # the bucket's time (a test holds it still for a burst "at once")
        self._lock = threading.Lock()
        self._plans: dict[str, tuple[float, int, int]] = {}  # key value → (rate, burst, per day)
        self._buckets: dict[str, tuple[float, float]] = {}  # key value → (tokens, at)
        self._days: dict[tuple[str, date], int] = {}

    def admit(self, key: str | None) -> bool:
        if key is None:
            return False
        limits = self._plans.get(key) or self._look_up(key)
        if limits is None:
            return False
        rate, burst, per_day = limits
        now = self.ticks()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(burst), now))
            tokens = min(float(burst), tokens + (now - at) * rate)
            day = (key, clock.now().date())  # the quota is per UTC day of the platform's clock
            if tokens < 1 or self._days.get(day, 0) >= per_day:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            self._days[day] = self._days.get(day, 0) + 1
            return True

    def _look_up(self, key: str) -> tuple[float, int, int] | None:
        apigateway = boto3.session.Session().client("apigateway")
        found = [k for k in apigateway.get_api_keys(includeValues=True)["items"] if k.get("value") == key]
        if not found:
            return None
        plans = apigateway.get_usage_plans(keyId=found[0]["id"])["items"]
        if not plans:
            return None
        plan = plans[0]
        limits = (
            float(plan["throttle"]["rateLimit"]),
            int(plan["throttle"]["burstLimit"]),
            int(plan["quota"]["limit"]),
        )
        self._plans[key] = limits
        return limits


USAGE = Usage()


def authorize(
    *,
    method: str,
    path: str,
    resource: str,
    headers: dict[str, str],
    query: dict[str, list[str]],
    path_parameters: dict[str, str],
) -> tuple[dict[str, Any] | None, tuple[int, dict[str, str], bytes] | None]:
    """Run the wiring's authorizer function as API Gateway runs a REQUEST authorizer: its context
    for the function on Allow, 403 on Deny, 401 when it raises "Unauthorized"."""
    fn = wiring.function(wiring.AUTHORIZER)
    event = {
        "type": "REQUEST",
        "methodArn": f"arn:aws:execute-api:{REGION}:{ACCOUNT}:local/{STAGE}/{method}{path}",
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
        "pathParameters": path_parameters or None,
        "requestContext": {"stage": STAGE, "accountId": ACCOUNT, "apiId": "local", "httpMethod": method},
    }
    try:
        answer = invoke(fn.handler, event, function_name=fn.name, timeout_s=fn.timeout_s)
    except Exception as exc:
        if str(exc) == "Unauthorized":
            detail = "a valid bearer token (Cognito ID token) or a signed API key is required"
            return None, _problem(401, "not-authenticated", "Not authenticated", detail)
        return None, _problem(500, "internal", "Internal error", "the authorizer failed; see the runtime's log")
    if answer["policyDocument"]["Statement"][0]["Effect"] != "Allow":
        return None, _problem(403, "forbidden", "Forbidden", "these credentials may not be used now")
    if not USAGE.admit(answer.get("usageIdentifierKey")):
        return None, _problem(429, "rate-limited", "Too many requests", "this tier's request rate or daily quota")
    return {**answer.get("context", {}), "principalId": answer["principalId"]}, None


class Gateway:
    def __init__(self, *, log: Callable[[str], None]) -> None:
        self.routes = [CompiledRoute(r) for r in wiring.routes()]
        self.log = log
        self.server: ThreadingHTTPServer | None = None

    def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes, source_ip: str
    ) -> tuple[int, dict[str, str], bytes, str | None]:
        url = urlsplit(target)
        path = url.path.rstrip("/") or "/"
        origin = header_in(headers, "Origin")
        if path == outbox.PATH and method == "GET":
            return (*outbox.answer(url.query), None)
        matches = [(c, m) for c in self.routes if (m := c.regex.match(path)) and c.route.method == method]
        if not matches:  # API Gateway answers an unknown method on a known path the same way
            no_route = _problem(404, "no-such-route", "No such route", f"no route for {method} {path}")
            return (*shared_with(no_route, origin), None)
        compiled, match = matches[0]
        route = compiled.route
        query = parse_qs(url.query, keep_blank_values=True)
        authorizer = None
        if not route.public:
            authorizer, refusal = authorize(
                method=method,
                path=path,
                resource=route.path,
                headers=headers,
                query=query,
                path_parameters=match.groupdict(),
            )
            if refusal:
                return (*shared_with(refusal, origin), None)
        event = rest_event(
            method=method,
            path=path,
            resource=route.path,
            path_parameters=match.groupdict(),
            query=query,
            headers=headers,
            body=body,
            authorizer=authorizer,
            source_ip=source_ip,
        )
        fn = wiring.function(route.function)
        try:
            answer = invoke(fn.handler, event, function_name=fn.name, timeout_s=fn.timeout_s)
        except Exception as exc:  # what API Gateway shows when a function crashes
            self.log(f"{fn.name} raised {type(exc).__name__}: {exc}")
            failure = _problem(502, "internal", "Internal error", "the function failed; see the runtime's log")
            return (*shared_with(failure, origin), None)
        out_headers = dict(answer.get("headers") or {})
        for name, values in (answer.get("multiValueHeaders") or {}).items():
            out_headers[name] = ", ".join(values)
        raw = answer.get("body") or ""
        payload = base64.b64decode(raw) if answer.get("isBase64Encoded") else raw.encode()
        return int(answer["statusCode"]), out_headers, payload, (authorizer or {}).get("tenant_id")

    def serve(self, host: str, port: int) -> int:
        self.server = LocalHttpServer((host, port), _handler_for(self))
        threading.Thread(target=self.server.serve_forever, name="gateway", daemon=True).start()
        return int(self.server.server_address[1])

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def _handler_for(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def __getattr__(self, name: str) -> Any:
            # Any method is the gateway's to answer (http.server answers one it has no `do_` for
            # with an HTML 501; API Gateway, a method no route takes, with its no-route problem)
            if name.startswith("do_"):
                return self._any
            raise AttributeError(name)

        def _any(self) -> None:
            started = time.perf_counter()
            try:
                length = int(self.headers.get("Content-Length") or 0)
                if length < 0:
                    raise ValueError(length)
            except ValueError:
                self.close_connection = True  # where this body ends is unknown: nothing after it can be read
                detail = f"Content-Length must be a number of bytes, not {self.headers.get('Content-Length')!r}"
                self._answer(*shared_with(_problem(400, "bad-request", "Bad request", detail), self._origin()))
                return
            if length > MAX_PAYLOAD_BYTES:
                self.close_connection = True  # the body is left unread: nothing after it can be read
                detail = f"the body is {length} bytes; API Gateway takes at most {MAX_PAYLOAD_BYTES}"
                self._answer(*shared_with(_problem(413, "bad-request", "Request too large", detail), self._origin()))
                gateway.log(f"{self.command} {self.path} → 413 {HTTPStatus(413).phrase}")
                return
            body = self.rfile.read(length) if length else b""
            headers = {k: v for k, v in self.headers.items()}
            status, out_headers, payload, tenant = gateway.handle(
                self.command, self.path, headers, body, self.client_address[0]
            )
            self._answer(status, out_headers, payload)
            ms = (time.perf_counter() - started) * 1000
            who = f" tenant={tenant}" if tenant else ""
            gateway.log(f"{self.command} {self.path} → {status} {HTTPStatus(status).phrase} {ms:.0f}ms{who}")

        def _answer(self, status: int, headers: dict[str, str], payload: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                if name.lower() not in {"content-length", "connection"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":  # an answer to HEAD has no body, or the next answer on the connection is garbled
                self.wfile.write(payload)

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            """http.server's own refusals (a request line or header it cannot read), as problem+json."""
            phrase = HTTPStatus(code).phrase if code in HTTPStatus._value2member_map_ else "Error"
            if self.request_version == self.default_request_version:  # a version it could not read: answer in 1.1
                self.request_version = self.protocol_version
            self.close_connection = True
            refusal = _problem(code, "bad-request", phrase, message or explain or phrase)
            self._answer(*shared_with(refusal, self._origin()))
            gateway.log(f"{self.requestline[:80]!r} → {code} {phrase}: {message or explain or ''}")

        def _origin(self) -> str | None:
            """The request's Origin, once its headers are read (a refused request line has none)."""
            headers = getattr(self, "headers", None)
            return header_in(dict(headers.items()), "Origin") if headers is not None else None

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per request is written above

    return Handler


def stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
