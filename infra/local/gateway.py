"""The local API Gateway: HTTP requests become the REST proxy events Lambda receives.

Routes come from the wiring (read from each function's resolver). A route that needs a token
gets the Cognito authorizer's treatment: the bearer ID token is verified against the user
pool's JWKS (issuer, audience, expiry, token use) and its claims are put where API Gateway puts
them, `requestContext.authorizer.claims`. Without a valid token the answer is 401, with the
same problem+json body the deployed gateway's response template gives.
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
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt

from infra import wiring
from infra.local.invoke import ACCOUNT, invoke
from infra.local.provision import STAGE, Resources

PROBLEM = "application/problem+json"


class CompiledRoute:
    def __init__(self, route: wiring.Route) -> None:
        self.route = route
        pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(route.path))
        self.regex = re.compile(f"^{pattern}$")


class Authorizer:
    """Verifies Cognito ID tokens as API Gateway's Cognito authorizer does."""

    def __init__(self, res: Resources) -> None:
        self.res = res
        self.jwks = jwt.PyJWKClient(res.jwks_url)

    def claims(self, authorization: str | None) -> dict[str, Any] | None:
        if not authorization or not authorization.startswith("Bearer "):
            return None
        token = authorization.removeprefix("Bearer ").strip()
        try:
            key = self.jwks.get_signing_key_from_jwt(token)
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=["RS256"],
                audience=self.res.user_pool_client_id,
                issuer=self.res.issuer,
                options={"require": ["exp", "iss", "token_use"]},
            )
        except (jwt.PyJWTError, jwt.PyJWKClientError):
            return None
        if claims.get("token_use") != "id":
            return None
        # API Gateway hands claims to the function as strings; groups arrive flattened.
        return {k: ",".join(v) if isinstance(v, list) else str(v) for k, v in claims.items()}


def rest_event(
    *,
    method: str,
    path: str,
    resource: str,
    path_parameters: dict[str, str] | None,
    query: dict[str, list[str]],
    headers: dict[str, str],
    body: bytes,
    claims: dict[str, Any] | None,
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
            "requestTimeEpoch": int(time.time() * 1000),
            "identity": {"sourceIp": source_ip, "userAgent": headers.get("User-Agent", "")},
            "authorizer": {"claims": claims} if claims else None,
        },
        "body": text,
        "isBase64Encoded": is_base64,
    }


def _problem(status: int, slug: str, title: str, detail: str) -> tuple[int, dict[str, str], bytes]:
    """The bodies the deployed API's gateway responses give (infra/stacks/api.py)."""
    body = {"type": f"/errors/{slug}", "title": title, "status": status, "detail": detail}
    return status, {"Content-Type": PROBLEM}, json.dumps(body).encode()


class Gateway:
    def __init__(self, res: Resources, *, log: Callable[[str], None]) -> None:
        self.routes = [CompiledRoute(r) for r in wiring.routes()]
        self.authorizer = Authorizer(res)
        self.log = log
        self.server: ThreadingHTTPServer | None = None

    def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes, source_ip: str
    ) -> tuple[int, dict[str, str], bytes, str | None]:
        url = urlsplit(target)
        path = url.path.rstrip("/") or "/"
        matches = [(c, m) for c in self.routes if (m := c.regex.match(path)) and c.route.method == method]
        if not matches:  # API Gateway answers an unknown method on a known path the same way
            return (*_problem(404, "no-such-route", "No such route", f"no route for {method} {path}"), None)
        compiled, match = matches[0]
        route = compiled.route
        claims = None
        if not route.public:
            claims = self.authorizer.claims(next((v for k, v in headers.items() if k.lower() == "authorization"), None))
            if claims is None:
                detail = "a valid bearer token (Cognito ID token) is required"
                return (*_problem(401, "not-authenticated", "Not authenticated", detail), None)
        event = rest_event(
            method=method,
            path=path,
            resource=route.path,
            path_parameters=match.groupdict(),
            query=parse_qs(url.query, keep_blank_values=True),
            headers=headers,
            body=body,
            claims=claims,
            source_ip=source_ip,
        )
        fn = wiring.function(route.function)
        try:
            answer = invoke(fn.handler, event, function_name=fn.name, timeout_s=fn.timeout_s)
        except Exception as exc:  # what API Gateway shows when a function crashes
            self.log(f"{fn.name} raised {type(exc).__name__}: {exc}")
            return (*_problem(502, "internal", "Internal error", "the function failed; see the runtime's log"), None)
        out_headers = dict(answer.get("headers") or {})
        for name, values in (answer.get("multiValueHeaders") or {}).items():
            out_headers[name] = ", ".join(values)
        raw = answer.get("body") or ""
        payload = base64.b64decode(raw) if answer.get("isBase64Encoded") else raw.encode()
        return int(answer["statusCode"]), out_headers, payload, (claims or {}).get("custom:tenant_id")

    def serve(self, host: str, port: int) -> int:
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                started = time.perf_counter()
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items()}
                status, out_headers, payload, tenant = gateway.handle(
                    self.command, self.path, headers, body, self.client_address[0]
                )
                self.send_response(status)
                for name, value in out_headers.items():
                    if name.lower() not in {"content-length", "connection"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                ms = (time.perf_counter() - started) * 1000
                who = f" tenant={tenant}" if tenant else ""
                gateway.log(f"{self.command} {self.path} → {status} {HTTPStatus(status).phrase} {ms:.0f}ms{who}")

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass  # one line per request is written above

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, name="gateway", daemon=True).start()
        return int(self.server.server_address[1])

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
