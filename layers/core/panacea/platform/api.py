"""The HTTP edge shared by every API function: one resolver shape, one map from errors to
`application/problem+json`, the verified actor, idempotent writes and the Lambda entry.

A handler module is three lines of plumbing around its routes:

    app = build_resolver()
    @app.post("/v1/tenants") ...
    handler = lambda_entry(app)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Annotated, Any, TypeVar

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.params import Header
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel, Field

from panacea.platform import coldstart, cors, idempotency, isolation
from panacea.platform.access import Actor
from panacea.platform.context import invocation
from panacea.platform.errors import DomainError, FieldError, NotAuthenticated, NotFound, RateLimited
from panacea.platform.observability import bind, logger, metrics

PROBLEM = "application/problem+json"
PUBLIC: list[dict[str, list[str]]] = []  # `@app.get(..., security=PUBLIC)`: a route that needs no credentials
R = TypeVar("R", bound=BaseModel)

IDEMPOTENCY_KEY = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias=IDEMPOTENCY_KEY,
        description="Your key for this write (1 to 255 printable ASCII characters, yours alone): a retry "
        "with the same key and the same body gets the first answer back, marked `Idempotent-Replayed: "
        "true`, instead of doing the work again; the same key with another body is refused (422). "
        "A key is kept per caller, for a day by default.",
    ),
]
"""A route that honours `Idempotency-Key` takes it as a parameter of this type (which documents
it) and hands it to `idempotent`."""

_event: ContextVar[APIGatewayProxyEvent | None] = ContextVar("api_event", default=None)


def problem(
    status: int, slug: str, title: str, detail: str, errors: list[dict[str, str]] | None = None
) -> Response[Any]:
    body: dict[str, Any] = {"type": f"/errors/{slug}", "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    return Response(status_code=status, content_type=PROBLEM, body=json.dumps(body))


def header_name(name: str) -> str:
    """A header's name as clients write it (`stripe-signature` → `Stripe-Signature`): Powertools lowers
    header parameters' names, and names are case-insensitive, so errors and the document spell them
    one way."""
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """("body", "lines", 0, "quantity") → "lines[0].quantity"; query and path keep their place, and a
    header is named as clients write it ("header.Stripe-Signature")."""
    where, *rest = list(loc) or ["body"]
    if where == "header" and rest and isinstance(rest[0], str):
        rest[0] = header_name(rest[0])
    path = "" if where == "body" else str(where)
    for part in rest:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "body"


def _domain_error(exc: DomainError, path_parameters: Mapping[str, str] | None = None) -> Response[Any]:
    body = exc.problem()
    errors = body.get("errors")
    if isinstance(exc, NotFound):
        errors = [{**e, "field": _located(e["field"], path_parameters or {})} for e in errors or []]
    answer = problem(exc.status, body["type"].rsplit("/", 1)[-1], exc.title, exc.detail, errors)
    if isinstance(exc, RateLimited) and exc.retry_after_s:
        answer.headers["Retry-After"] = str(exc.retry_after_s)
    return answer


def _located(field: str, path_parameters: Mapping[str, str]) -> str:
    """Where the request carried the field a NotFound names (by the use case's name for it): a path
    parameter's is `path.<name>`, as a validation error names it; a body's keeps its own path
    (`lines[0].sku_id`), and one already located (`header.Authorization`) stays as it is."""
    return f"path.{field}" if field in path_parameters else field


def _validation_error(exc: RequestValidationError) -> Response[Any]:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return problem(
            400,
            "malformed-json",
            "Malformed JSON",
            "the request body is not valid JSON",
            [{"field": "body", "code": "json_invalid"}],
        )
    fields = [
        FieldError(field_path(e.get("loc", ())), str(e.get("type", "invalid")), str(e.get("msg", ""))).as_dict()
        for e in errors
    ]
    detail = "; ".join(f"{f['field']}: {f.get('message') or f['code']}" for f in fields)
    return problem(422, "validation-failed", "Validation failed", detail, fields)


def _unexpected(exc: Exception) -> Response[Any]:
    logger.exception("unhandled error")
    return problem(500, "internal", "Internal error", "something went wrong on our side; it has been logged")


class FieldProblem(BaseModel):
    field: str = Field(examples=["slug"])
    code: str = Field(examples=["taken"])
    message: str | None = None


class Problem(BaseModel):
    """RFC 9457 problem details: every error answer has this shape."""

    type: str = Field(examples=["/errors/slug-taken"])
    title: str = Field(examples=["Slug taken"])
    status: int = Field(examples=[409])
    detail: str = Field(examples=["another tenant uses the slug harbour-gene"])
    errors: list[FieldProblem] | None = None


_RETRY_AFTER = {"description": "seconds to wait before trying again", "schema": {"type": "integer"}}
_LOCATION = {"description": "the URL of the resource created", "schema": {"type": "string"}}
_PROBLEMS: dict[int, Any] = {
    status: {"description": why, "content": {PROBLEM: {"model": Problem}}}
    | ({"headers": {"Retry-After": _RETRY_AFTER}} if status == 429 else {})
    for status, why in [
        (400, "Malformed request"),
        (401, "No valid credentials"),
        (403, "Not allowed for the caller's roles"),
        (404, "No such resource (for this tenant)"),
        (409, "Conflicts with the resource's state"),
        (422, "The input fails validation; `errors` names each field"),
        (415, "The body is not JSON"),
        (429, "Too many requests"),
    ]
}


PROVIDER_DOWN: dict[int, Any] = {  # `responses=` of a route that calls Stripe (panacea.platform.payments)
    503: {
        "description": "The payment provider is out of reach; nothing changed: retry with the same Idempotency-Key",
        "content": {PROBLEM: {"model": Problem}},
    }
}


class Resolver(APIGatewayRestResolver):
    """Powertools' REST resolver; every route documents the problem answers it can give."""

    def route(  # noqa: PLR0917 - mirrors Powertools' positional signature
        self,
        rule: str,
        method: Any,
        cors: bool | None = None,
        compress: bool = False,
        cache_control: str | None = None,
        summary: str | None = None,
        description: str | None = None,
        responses: dict[int, Any] | None = None,
        response_description: str = "Successful Response",
        tags: list[str] | None = None,
        operation_id: str | None = None,
        include_in_schema: bool = True,
        security: list[dict[str, list[str]]] | None = None,
        openapi_extensions: dict[str, Any] | None = None,
        deprecated: bool = False,
        enable_validation: bool | None = None,
        custom_response_validation_http_code: Any = None,
        status_code: int = 200,
        middlewares: list[Callable[..., Any]] | None = None,
    ) -> Any:
        documented = {status_code: {"description": response_description}, **_PROBLEMS, **(responses or {})}
        if status_code == 201:  # `created(...)` answers with where the new resource is
            documented[201] = {**documented[201], "headers": {"Location": _LOCATION}}
        register = super().route  # called once the handler is known: its name is the operation's
        return lambda handler: register(
            rule,
            method,
            cors,
            compress,
            cache_control,
            summary,
            description,
            documented,
            response_description,
            tags,
            operation_id or operation_id_of(handler),
            include_in_schema,
            security,
            openapi_extensions,
            deprecated,
            enable_validation,
            custom_response_validation_http_code,
            status_code,
            middlewares,
        )(handler)

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Powertools' document, with header parameters named as clients write them (`header_name`:
        Powertools lowers them; header names are case-insensitive), and the public routes
        documented as needing no credentials (Powertools drops an empty `security`)."""
        from aws_lambda_powertools.event_handler.openapi.models import (  # noqa: PLC0415 - docs only
            Parameter,
            ParameterInType,
        )

        schema = super().get_openapi_schema(*args, **kwargs)
        public = {
            (r.openapi_path, r.method.lower()) for r in self._static_routes + self._dynamic_routes if r.security == []
        }
        for path, item in (schema.paths or {}).items():
            for method in ("get", "put", "post", "delete", "patch"):
                operation = getattr(item, method)
                if operation is None:
                    continue
                if (path, method) in public:  # `security=PUBLIC`: no credentials, said in the document too
                    operation.security = []
                for parameter in operation.parameters or []:
                    if isinstance(parameter, Parameter) and parameter.in_ == ParameterInType.header:
                        parameter.name = header_name(parameter.name)
        return schema


def operation_id_of(handler: Callable[..., Any]) -> str | None:
    """`functions.orders.api.place_order` → `orders.place_order` (a partner's route in
    `functions/<context>/webhooks.py`, or one of a router the context's api.py includes, alike):
    stable, and read as a method name by the SDKs generated from the document (None outside
    `functions/`: Powertools' default)."""
    match handler.__module__.split("."):
        case ["functions", context, _]:
            return f"{context}.{handler.__name__}"
    return None


def build_resolver() -> APIGatewayRestResolver:
    """A REST resolver with validation on and every error rendered as problem+json."""
    app = Resolver(enable_validation=True)
    app.exception_handler(DomainError)(lambda exc: _domain_error(exc, app.current_event.path_parameters))
    app.exception_handler(RequestValidationError)(_validation_error)
    app.exception_handler(Exception)(_unexpected)

    @app.not_found
    def _not_found(exc: Exception) -> Response[Any]:
        return problem(
            404,
            "no-such-route",
            "Not found",
            f"no route for {app.current_event.http_method} {app.current_event.path}",
            [{"field": "path", "code": "not_found"}],
        )

    def remember_event(app_: APIGatewayRestResolver, next_middleware: Callable[..., Response[Any]]) -> Response[Any]:
        event = app_.current_event
        token = _event.set(event)
        headers = {k.lower(): v for k, v in (event.headers or {}).items()}
        bind(correlation_id=headers.get("x-correlation-id") or event.request_context.request_id)
        verified = event.request_context.authorizer.raw_event or {}
        try:
            if verified.get("via") == "api_key" and not _body_as_signed(event, headers.get("x-content-sha256")):
                return problem(
                    400,
                    "body-not-as-signed",
                    "Body not as signed",
                    "the body's SHA-256 is not the X-Content-SHA256 the request was signed with",
                    [{"field": "header.X-Content-SHA256", "code": "mismatch"}],
                )
            with isolation.acting_for(_tenant_of(verified)), idempotency.noticing_replays() as replays:
                answer = next_middleware(app_)  # the whole request acting for the caller's tenant, if any
            if replays.seen:
                answer.headers[REPLAYED] = "true"
            return answer
        finally:
            _event.reset(token)

    app.use(middlewares=[remember_event])
    return app


def _tenant_of(verified: dict[str, Any]) -> str | None:
    """The tenant of the caller the authorizer verified; None for the platform or no caller."""
    try:
        return Actor.from_context(verified).tenant_id
    except NotAuthenticated:
        return None


def _body_as_signed(event: APIGatewayProxyEvent, content_sha256: str | None) -> bool:
    """A partner's request was signed over the body's digest; the authorizer never saw the body."""
    raw = event.body or ""
    body = base64.b64decode(raw) if event.is_base64_encoded else raw.encode()
    return content_sha256 is not None and hmac.compare_digest(hashlib.sha256(body).hexdigest(), content_sha256)


def _current() -> APIGatewayProxyEvent:
    event = _event.get()
    if event is None:
        raise RuntimeError("no API request is being handled")
    return event


def header(name: str) -> str | None:
    return cors.header_in(_current().headers, name)


def current_actor() -> Actor:
    """The caller the API Gateway authorizer verified (never anything the request says)."""
    actor = Actor.from_context(_current().request_context.authorizer.raw_event)
    bind(tenant_id=actor.tenant_id)
    return actor


def idempotent(
    actor: Actor,
    operation: str,
    request: BaseModel | None,
    returns: type[R],
    work: Callable[[], R],
    *,
    key: str | None,
) -> R:
    """Run a write once per caller and `Idempotency-Key` (`key`, the route's `IdempotencyKey`
    parameter): the same caller's retry gets the first answer back; another caller's key, even
    the same string, is another write."""
    return idempotency.once(
        work,
        returns=returns,
        operation=operation,
        tenant_id=actor.tenant_id,
        caller=actor,
        key=key,
        payload=None if request is None else request.model_dump(mode="json"),
    )


def created(body: BaseModel, location: str) -> Response[Any]:
    return Response(status_code=201, content_type="application/json", body=body, headers={"Location": location})


def attachment(content: bytes, *, media_type: str, filename: str) -> Response[str]:
    """A file as the answer (a workbook, say), to be saved under `filename`.

    Lambda hands a binary body to API Gateway base64-encoded, flagged `isBase64Encoded`, and API
    Gateway turns it back into bytes for types it is told are binary (infra/stacks/api.py,
    BINARY_MEDIA_TYPES). The body is that base64 text, so the route is typed `Response[str]` and
    response validation passes it through untouched (it would try to decode raw bytes as UTF-8)."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", filename)
    answer = Response(
        status_code=200,
        content_type=media_type,
        body=base64.b64encode(content).decode(),
        headers={"Content-Disposition": f'attachment; filename="{safe}"'},
    )
    answer.base64_encoded = True
    return answer


_JSON = re.compile(r"^application/([\w.+-]+\+)?json\s*(;.*)?$", re.IGNORECASE)


def _refused_body(event: dict[str, Any]) -> dict[str, Any] | None:
    """The API speaks JSON in UTF-8: a body of another type is refused with 415, and bytes that are
    not text with 400, before anything reads them. A request without a body has no content type to
    speak of, so what it claims is dropped (Powertools would otherwise parse nothing as that type)."""
    headers = event.get("headers") or {}
    names = [name for name in headers if name.lower() == "content-type"]
    kind = str(headers[names[0]]) if names else ""
    body = event.get("body")
    if body and kind and not _JSON.match(kind):
        return _answer(
            problem(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                f"send the body as application/json, not {kind[:100]}",
                [{"field": "header.Content-Type", "code": "unsupported"}],
            )
        )
    if body and event.get("isBase64Encoded"):
        try:
            base64.b64decode(body, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return _answer(
                problem(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    "the request body is not UTF-8 text",
                    [{"field": "body", "code": "not_utf8"}],
                )
            )
    if not body and kind and not _JSON.match(kind):
        for name in names:
            del headers[name]
        for name in [n for n in event.get("multiValueHeaders") or {} if n.lower() == "content-type"]:
            del event["multiValueHeaders"][name]
    return None


def _answer(refusal: Response[Any]) -> dict[str, Any]:
    """A problem as the proxy answer API Gateway expects from the function."""
    return {
        "statusCode": refusal.status_code,
        "headers": {"Content-Type": PROBLEM},
        "body": refusal.body,
        "isBase64Encoded": False,
    }


def lambda_entry(
    app: APIGatewayRestResolver, *, any_body: bool = False
) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    """The Lambda handler: logger context, metrics flushed per invocation, then the resolver.
    `any_body`: the routes read their raw bodies themselves, in whatever type their callers send
    (partners' webhooks: forms, XML), so bodies that are not JSON are not refused."""

    @logger.inject_lambda_context(clear_state=True)
    @metrics.log_metrics
    def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
        idempotency.remember_invocation(context)
        with invocation():
            answer = (None if any_body else _refused_body(event)) or app.resolve(event, context)
            origin = cors.origin_of(event)  # CORS: shared with the caller's tenant's own origins only
            return cors.share(answer, origin, _answering_for(event) if origin else None)

    coldstart.loaded()  # the handler module ends here
    return handler


def _answering_for(event: dict[str, Any]) -> str | None:
    """The tenant an answer is for: the verified caller's, else the one a public route named."""
    verified = (event.get("requestContext") or {}).get("authorizer") or {}
    return _tenant_of(verified) or cors.named_tenant()
