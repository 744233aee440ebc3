"""Every error answer of the API is `application/problem+json` (RFC 9457); here it is an exception.

The class follows the status (`NotFound`, `Conflict`, `ValidationFailed`, …, all `ProblemError`);
`slug` names the problem type (`/errors/out-of-stock` → `"out-of-stock"`) and `errors` the fields
at fault, so a caller can catch what it can handle:

    try:
        api.call(place.sync, body=checkout)
    except Conflict as problem:
        if problem.slug == "out-of-stock": ...
    except ValidationFailed as problem:
        for fault in problem.errors: print(fault.field, fault.code)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class FieldError:
    """One field at fault: `lines[0].quantity`, `header.Idempotency-Key`, … and a machine-readable code."""

    field: str
    code: str
    message: str | None = None


class ProblemError(Exception):
    """An error answer: its status, problem type, title, detail and the fields at fault."""

    status_code: ClassVar[int | None] = None  # the status a subclass stands for

    def __init__(
        self,
        status: int,
        *,
        type: str = "about:blank",  # RFC 9457's name
        title: str = "",
        detail: str = "",
        errors: list[FieldError] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = errors or []
        self.headers = dict(headers or {})
        super().__init__(f"{status} {title or type}: {detail}".rstrip(": "))

    @property
    def slug(self) -> str:
        """The problem type's last segment: `/errors/slug-taken` → `slug-taken`."""
        return self.type.rstrip("/").rsplit("/", 1)[-1]

    @property
    def fields(self) -> list[str]:
        return [fault.field for fault in self.errors]

    @classmethod
    def of(cls, status: int, headers: Mapping[str, str], content: bytes) -> ProblemError:
        """The exception for an error answer (a body that is not problem+json still gives one)."""
        body = _json_object(content)
        faults = [
            FieldError(str(e.get("field", "")), str(e.get("code", "")), e.get("message"))
            for e in body.get("errors") or []
            if isinstance(e, dict)
        ]
        kind = _CLASSES.get(status) or (ServerError if status >= 500 else ProblemError)
        return kind(
            status,
            type=str(body.get("type") or "about:blank"),
            title=str(body.get("title") or ""),
            detail=str(body.get("detail") or body.get("message") or content[:200].decode(errors="replace")),
            errors=faults,
            headers=headers,
        )


def _json_object(content: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(content or b"{}")
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


class BadRequest(ProblemError):
    status_code = 400


class Unauthorized(ProblemError):
    """No valid credentials: sign in (again), or sign the request with a live API key."""

    status_code = 401


class Forbidden(ProblemError):
    """Valid credentials, but the caller's roles (or standing) do not allow this."""

    status_code = 403


class NotFound(ProblemError):
    status_code = 404


class Conflict(ProblemError):
    """The resource's state does not allow it (out of stock, slug taken, already paid, …)."""

    status_code = 409


class UnsupportedMediaType(ProblemError):
    status_code = 415


class ValidationFailed(ProblemError):
    """The input fails validation; `errors` names each field."""

    status_code = 422


class RateLimited(ProblemError):
    """Too many requests (still, after the client's retries)."""

    status_code = 429

    @property
    def retry_after(self) -> float | None:
        return retry_after(self.headers)


class ServerError(ProblemError):
    """A 5xx: the platform's fault, never the request's."""


class ServiceUnavailable(ServerError):
    status_code = 503


_CLASSES: dict[int, type[ProblemError]] = {
    kind.status_code: kind
    for kind in (
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        Conflict,
        UnsupportedMediaType,
        ValidationFailed,
        RateLimited,
        ServiceUnavailable,
    )
    if kind.status_code is not None
}


def retry_after(headers: Mapping[str, str]) -> float | None:
    """`Retry-After` in seconds, when the answer gives it in seconds."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
