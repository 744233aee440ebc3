"""Domain errors. Each knows its HTTP status and problem type; `panacea.platform.api` renders
them as `application/problem+json` in one place. Contexts subclass these with business names
(`TenantNotFound(NotFound)`), never raise HTTP errors themselves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field of the input: a dotted path like `lines[0].quantity`."""

    field: str
    code: str
    message: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


class DomainError(Exception):
    status: ClassVar[int] = 400
    slug: ClassVar[str] = "bad-request"
    title: ClassVar[str] = "Bad request"

    def __init__(self, detail: str, *, errors: Sequence[FieldError] = ()) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = tuple(errors)

    @classmethod
    def on_field(cls, field: str, code: str, detail: str) -> DomainError:
        return cls(detail, errors=[FieldError(field, code, detail)])

    def problem(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"/errors/{self.slug}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if self.errors:
            body["errors"] = [e.as_dict() for e in self.errors]
        return body


class BadRequest(DomainError):
    status, slug, title = 400, "bad-request", "Bad request"


class NotAuthenticated(DomainError):
    status, slug, title = 401, "not-authenticated", "Not authenticated"


class Forbidden(DomainError):
    status, slug, title = 403, "forbidden", "Forbidden"


class NotFound(DomainError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(DomainError):
    status, slug, title = 409, "conflict", "Conflict"


class Unprocessable(DomainError):
    status, slug, title = 422, "validation-failed", "Validation failed"


class RateLimited(DomainError):
    """Too many requests; `retry_after_s`, when known, becomes the `Retry-After` header."""

    status, slug, title = 429, "rate-limited", "Too many requests"
    retry_after_s: int | None = None


class ConcurrentUpdate(Conflict):
    slug, title = "concurrent-update", "Changed by someone else"
