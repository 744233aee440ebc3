"""How a test, the seed or the bench reaches the platform: one small interface, `Api`, and what
comes back, `Answer`. This module holds the interface and the transport to a running runtime
(`Http`); `tests.support.in_process` holds the two that run the platform's code in this process.

Standard library only (and `panacea.identity.credentials` for a partner's signature), so the
seed and the bench can use it without loading pytest or the local runtime.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, NamedTuple

# Who sends a request: an ID token (sent as `Authorization: Bearer`, checked by the authorizer),
# the context the authorizer hands to functions once it has verified someone (in-process only:
# `tests.support.in_process.Handlers`), or None (no credentials, or credentials in `headers`).
Caller = str | Mapping[str, str] | None


class Answer(NamedTuple):
    """What the platform answered: the status, the headers, and the body (parsed JSON for a JSON
    answer, text for a textual one, bytes otherwise). It unpacks as `status, headers, body`."""

    status: int
    headers: dict[str, str]
    body: Any

    @property
    def problem_fields(self) -> list[str]:
        """The fields a problem+json answer names in its `errors`."""
        return [e["field"] for e in (self.body or {}).get("errors", [])]


class Api(ABC):
    """One way to send a request to the platform, whatever carries it (`send`)."""

    def request(
        self,
        method: str,
        path: str,
        *,
        as_: Caller = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        raw_body: bytes | None = None,
    ) -> Answer:
        """`method path` (with its query), sent as `as_`, with `body` as JSON (or `raw_body` as is);
        JSON unless `headers` names another Content-Type."""
        sent = dict(headers or {})
        if not any(name.lower() == "content-type" for name in sent):
            sent["Content-Type"] = "application/json"
        payload = raw_body if raw_body is not None else (b"" if body is None else json.dumps(body).encode())
        return self.send(method, path, as_, sent, payload)

    @abstractmethod
    def send(self, method: str, path: str, as_: Caller, headers: dict[str, str], payload: bytes) -> Answer:
        """The request carried (`headers` and `payload` as they go)."""


def with_token(as_: Caller, headers: dict[str, str]) -> dict[str, str]:
    """The headers with the caller's ID token (`Authorization: Bearer`): over HTTP and through the
    gateway a caller is a token, or credentials already in the headers, never the authorizer's claims."""
    if as_ is not None and not isinstance(as_, str):
        raise TypeError("over HTTP and through the gateway a caller is an ID token (or its headers), not claims")
    return headers | bearer(as_) if as_ else headers


def answer_of(status: int, headers: Mapping[str, str], payload: bytes) -> Answer:
    """An answer from its raw parts, with its body parsed as its Content-Type says."""
    kind = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if "json" in kind and payload:
        return Answer(status, dict(headers), json.loads(payload))
    if not kind or kind.startswith("text/") or "json" in kind:
        return Answer(status, dict(headers), payload.decode())
    return Answer(status, dict(headers), payload)  # a file (a workbook): its bytes


class Http(Api):
    """HTTP to a running runtime (`make dev`'s gateway, or a deployed stage's API URL)."""

    def __init__(self, base_url: str, *, timeout_s: float = 30) -> None:
        self.base_url, self.timeout_s = base_url.rstrip("/"), timeout_s

    def send(self, method: str, path: str, as_: Caller, headers: dict[str, str], payload: bytes) -> Answer:
        url, data = self.base_url + path, payload or None
        sent = urllib.request.Request(url, data=data, method=method, headers=with_token(as_, headers))
        try:
            with urllib.request.urlopen(sent, timeout=self.timeout_s) as response:
                return answer_of(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return answer_of(error.code, dict(error.headers), error.read())


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def signed_headers(
    key: Mapping[str, Any],
    method: str,
    path: str,
    *,
    body: bytes = b"",
    query: dict[str, str] | None = None,
    at: int | None = None,
) -> dict[str, str]:
    """The headers a partner system sends: its key, the time, the body's digest and the signature."""
    from panacea.identity import credentials  # noqa: PLC0415 - only partners' requests need it

    timestamp = at if at is not None else int(time.time())  # a partner signs by its own clock
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
