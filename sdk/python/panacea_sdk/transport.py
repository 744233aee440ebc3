"""What every request goes through, below the generated client: credentials applied afresh on each
attempt, an `Idempotency-Key` on each write, retries, and error answers raised as `ProblemError`.

Retries: a 429 or 503 answer, or a connection that failed, is tried again (up to `attempts` in
all) after `Retry-After` or an exponential backoff with jitter. A write keeps its
`Idempotency-Key` across the attempts, so the platform applies it once however often it arrives;
a partner request is signed again for each attempt (a signature is accepted once only). A 401 to
a signed-in person renews their session once (their ID token may have expired) and tries again.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import httpx

from panacea_sdk.errors import ProblemError, retry_after

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
RETRIED_STATUSES = frozenset({429, 503})


class Credentials(Protocol):
    """Who the requests are sent as: `Session` (a person's tokens) or `Signer` (a partner's key)."""

    def apply(self, request: httpx.Request) -> None:
        """Set the request's credentials headers (called before each attempt)."""

    def renew(self) -> bool:
        """After a 401: try to get fresh credentials; True if the request is worth sending again."""


@dataclass
class Retries:
    attempts: int = 4
    backoff_s: float = 0.25  # the first wait; doubled each time, with up to 50% jitter
    max_wait_s: float = 20.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def wait(self, attempt: int, after: float | None) -> None:
        base = after if after is not None else self.backoff_s * 2 ** (attempt - 1) * (1 + random.random() / 2)  # noqa: S311
        self.sleep(min(base, self.max_wait_s))


class Transport(httpx.BaseTransport):
    """An httpx transport for the generated client (`Client(..., httpx_args={"transport": …})`)."""

    def __init__(
        self,
        credentials: Credentials | None = None,
        *,
        retries: Retries | None = None,
        inner: httpx.BaseTransport | None = None,
    ) -> None:
        self.credentials = credentials
        self.retries = retries or Retries()
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method in WRITES and "Idempotency-Key" not in request.headers:
            request.headers["Idempotency-Key"] = str(uuid.uuid4())
        request.read()  # the body is signed and may be sent again
        attempt, renewed = 0, False
        while True:
            attempt += 1
            sent = httpx.Request(
                request.method,
                request.url,
                headers=request.headers.copy(),
                content=request.content,
                extensions=request.extensions,
            )
            if self.credentials is not None:
                self.credentials.apply(sent)
            try:
                response = self.inner.handle_request(sent)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadError, httpx.RemoteProtocolError):
                if attempt >= self.retries.attempts:
                    raise
                self.retries.wait(attempt, None)
                continue
            status = response.status_code
            if status == 401 and self.credentials is not None and not renewed:
                response.read()
                response.close()
                renewed = True
                if self.credentials.renew():
                    attempt -= 1  # a renewed session's first try is not a retry
                    continue
                return self._fail(response)
            if status in RETRIED_STATUSES and attempt < self.retries.attempts:
                response.read()
                response.close()
                self.retries.wait(attempt, retry_after(response.headers))
                continue
            if status >= 400:
                return self._fail(response)
            return response

    @staticmethod
    def _fail(response: httpx.Response) -> httpx.Response:
        content = response.read()
        response.close()
        raise ProblemError.of(response.status_code, dict(response.headers), content)

    def close(self) -> None:
        self.inner.close()
