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


CREDENTIALS = "header.Authorization"
"""The field a `NotFound` names when the caller's own credentials named what is missing (their
account, their tenant): no path parameter or body field did."""


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
    # Nothing of that id exists for the caller. Every raise site says which input named the missing
    # thing, by the name the use case gives it (`order_id`, `lines[0].sku_id`, `tenant`, or
    # `CREDENTIALS` for the caller's own account or tenant): the one field error of the problem,
    # which the HTTP edge locates (a path parameter's becomes `path.order_id`). It cannot be left
    # out, so no 404 leaves a client guessing which of its ids was wrong.
    status, slug, title = 404, "not-found", "Not found"

    def __init__(self, detail: str, *, field: str) -> None:
        if not isinstance(field, str) or not field.strip():
            raise TypeError(f"{type(self).__name__} must name the field that named what is missing")
        super().__init__(detail, errors=[FieldError(field, "not_found")])
        self.field = field

    @classmethod
    def on_field(cls, field: str, code: str, detail: str) -> NotFound:
        """The field is what counts; a 404's code is always `not_found`."""
        return cls(detail, field=field)


class Conflict(DomainError):
    status, slug, title = 409, "conflict", "Conflict"


class Unprocessable(DomainError):
    status, slug, title = 422, "validation-failed", "Validation failed"


class RateLimited(DomainError):
    """Too many requests; `retry_after_s`, when known, becomes the `Retry-After` header."""

    status, slug, title = 429, "rate-limited", "Too many requests"
    retry_after_s: int | None = None


class NotYet(Conflict):
    """What will succeed once something already under way has happened (a provider's status about a
    send not recorded yet): a caller asks again shortly, and a queue consumer hands the record back
    to its queue as expected work, not as a failure."""


class ConcurrentUpdate(Conflict):
    slug, title = "concurrent-update", "Changed by someone else"
