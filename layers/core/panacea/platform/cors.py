"""CORS: which web origins may call the API from a browser, and read its answers.

A tenant lists the origins of its own web apps (its white-label domains) in its settings. Two
places answer browsers, the same in API Gateway and in the local gateway:

- A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) carries no
  credentials, so it is answered from the registry of origins (an origin belongs to one tenant):
  each API path has an `OPTIONS` route to the function that asks it (`infra.wiring.PREFLIGHT`),
  which answers with `preflight`.
- An actual answer is shared with the request's `Origin` only when that origin is one of the
  caller's tenant's (the verified caller's, or the tenant a public route names by slug, noted
  with `request_names`); never another tenant's. The HTTP edge does it once for every route
  (`share`, from `panacea.platform.api.lambda_entry`); a request without `Origin` costs nothing.

The kernel imports no context: the context that keeps tenants' origins declares their reader in
its `origins.py` (`@origins_reader`), found by name like `access.py` and `settings.py`
(`panacea.platform.declarations`).

No `Access-Control-Allow-Credentials`: the API's credentials travel in the `Authorization`
header, which CORS governs through `Access-Control-Allow-Headers`, never in cookies.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Collection, Mapping
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

from panacea.platform import isolation
from panacea.platform.context import note, noted
from panacea.platform.errors import BadRequest, DomainError, FieldError, Forbidden
from panacea.platform.observability import logger

MAX_ORIGINS = 10  # a tenant's web apps: a member shop, an admin console, a few brands
MAX_AGE_S = 7200  # how long a browser may keep a preflight's answer (Chromium's ceiling)
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
ALLOWED_HEADERS = ("Authorization", "Content-Type", "Idempotency-Key", "X-Content-SHA256", "X-Correlation-Id")
EXPOSED_HEADERS = ("Location", "Retry-After", "Idempotent-Replayed", "Content-Disposition")
PROBLEM = "application/problem+json"

# --- an origin, as a tenant lists it -----------------------------------------------------------

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_SCHEME = "https"


def web_origin(value: str) -> str:
    """`https://host[:port]`, as browsers send it in `Origin` (lowercase, no default port), or
    ValueError saying what is wrong: an origin is a scheme, a host and a port, nothing more."""
    if len(value) > 300:
        raise ValueError("an origin is at most 300 characters")
    if "*" in value:
        raise ValueError("no wildcards: list each origin (https://shop.example.com)")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise ValueError("not an origin: write it as https://host or https://host:port") from None
    if parts.scheme.lower() != _SCHEME or not value.lower().startswith(f"{_SCHEME}://"):
        raise ValueError("an origin is https://host[:port]: browsers send credentials to an API only over https")
    if value[len(_SCHEME) + 3 :] != parts.netloc:
        raise ValueError(f"an origin has no path, query or fragment: https://{parts.netloc}")
    if "@" in parts.netloc:
        raise ValueError("an origin has no user name or password")
    host = parts.hostname or ""
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        raise ValueError("the host must be a domain name in ASCII (punycode for others: xn--…), not an address")
    return f"{_SCHEME}://{host}" + (f":{port}" if port not in (None, 443) else "")


WebOrigin = Annotated[
    str,
    Field(max_length=300, examples=["https://shop.harbour-gene.example"]),
    AfterValidator(web_origin),
]


def _distinct(origins: list[str]) -> list[str]:
    repeated = sorted({origin for origin in origins if origins.count(origin) > 1})
    if repeated:
        raise ValueError(f"each origin once: {', '.join(repeated)} is listed twice")
    return origins


WebOrigins = Annotated[
    list[WebOrigin],
    Field(
        max_length=MAX_ORIGINS,
        description="the origins of the tenant's web apps (https://host[:port]) that may call the API "
        "from a browser (CORS); an origin belongs to one tenant",
    ),
    AfterValidator(_distinct),
]


# --- preflight ---------------------------------------------------------------------------------


def header_in(headers: Mapping[str, Any] | None, name: str) -> str | None:
    """A header's value, its name matched without case (HTTP's rule), or None."""
    wanted = name.lower()
    return next((str(v) for k, v in (headers or {}).items() if k.lower() == wanted), None)


class NotAPreflight(BadRequest):
    """An `OPTIONS` request without `Origin` or `Access-Control-Request-Method`: not a browser's
    CORS preflight, which is all `OPTIONS` answers."""

    slug, title = "not-a-preflight", "Not a preflight"


class OriginNotAllowed(Forbidden):
    """A browser's preflight from an origin no tenant lists among its web apps: it gets no CORS
    headers, so the browser does not send the request. A tenant lists its origins in its settings
    (`allowed_origins`)."""

    slug, title = "origin-not-allowed", "Origin not allowed"


def _refusal(error: DomainError) -> dict[str, Any]:
    return {
        "statusCode": error.status,
        "headers": {"Content-Type": PROBLEM, "Vary": "Origin"},
        "body": json.dumps(error.problem()),
        "isBase64Encoded": False,
    }


def preflight(event: Mapping[str, Any], owner_of: Callable[[str], str | None]) -> dict[str, Any]:
    """The answer to a browser's preflight (a REST proxy event): 204 with the CORS headers when the
    origin belongs to a tenant (`owner_of`: the registry), and otherwise a 403 problem without them.

    A browser fails the preflight for want of `Access-Control-Allow-Origin` whatever the status
    (Fetch: a CORS check), so the status is for people: a 403 problem+json shows in the browser's
    network panel, and in curl, why the origin is refused."""
    headers = event.get("headers") or {}
    origin, method = header_in(headers, "Origin"), header_in(headers, "Access-Control-Request-Method")
    if not origin or not method:
        missing = "Origin" if not origin else "Access-Control-Request-Method"
        detail = f"a CORS preflight names its Origin and Access-Control-Request-Method; {missing} is missing"
        return _refusal(NotAPreflight(detail, errors=[FieldError(f"header.{missing}", "missing")]))
    if owner_of(origin.lower()) is None:
        detail = f"{origin[:300]} is not the origin of any tenant's web app; a tenant lists its origins in its settings"
        return _refusal(OriginNotAllowed(detail, errors=[FieldError("header.Origin", "not_allowed")]))
    return {
        "statusCode": 204,
        "headers": {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Methods": ", ".join(METHODS),
            "Access-Control-Allow-Headers": ", ".join(ALLOWED_HEADERS),
            "Access-Control-Max-Age": str(MAX_AGE_S),
            "Vary": "Origin",
        },
        "body": "",
        "isBase64Encoded": False,
    }


# --- actual answers ----------------------------------------------------------------------------

OriginsReader = Callable[[str], Collection[str]]
_readers: list[OriginsReader] = []
_declared = threading.Lock()
_NAMED = ("cors", "named_tenant")


def origins_reader(read: OriginsReader) -> OriginsReader:
    """Declare the reader of a tenant's origins (in a context's `origins.py`); returns it."""
    if read not in _readers:
        _readers.append(read)
    return read


def _origins_of(tenant_id: str) -> set[str]:
    if not _readers:
        from panacea.platform import declarations  # noqa: PLC0415 - with the first request that sends Origin

        with _declared:
            declarations.declaring("origins")
    return {origin for read in _readers for origin in read(tenant_id)}


def request_names(tenant_id: str) -> None:
    """A public request named its tenant (by slug): its answer may be shared with that tenant's
    origins. Called where the slug is resolved; forgotten when the invocation ends."""
    note(_NAMED, tenant_id)


def named_tenant() -> str | None:
    found = noted(_NAMED)
    return str(found) if found else None


def share(answer: dict[str, Any], origin: str | None, tenant_id: str | None) -> dict[str, Any]:
    """`answer` (a REST proxy answer), shared with `origin` when it is one of `tenant_id`'s origins.
    Nothing is read when the request sent no Origin; an answer to one always varies by it."""
    if not origin:
        return answer
    headers: dict[str, str] = {"Vary": "Origin"}
    if tenant_id and _allowed(origin, tenant_id):
        headers |= {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Expose-Headers": ", ".join(EXPOSED_HEADERS),
        }
    multi = answer.get("multiValueHeaders")
    if isinstance(multi, dict):
        multi.update({name: [value] for name, value in headers.items()})
    else:
        answer["headers"] = {**(answer.get("headers") or {}), **headers}
    return answer


def _allowed(origin: str, tenant_id: str) -> bool:
    """Whether the tenant lists `origin`, read with the tenant's own credentials. A failed read
    shares nothing: the answer (a write may have committed) still goes out, unshared."""
    try:
        with isolation.acting_for(tenant_id):
            return origin.lower() in _origins_of(tenant_id)
    except Exception:
        logger.exception("could not read the tenant's origins; the answer is not shared")
        return False


def origin_of(event: Mapping[str, Any]) -> str | None:
    """The request's `Origin` header, if it sent one."""
    return header_in(event.get("headers"), "Origin")
