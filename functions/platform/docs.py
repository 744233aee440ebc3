"""The API's front page: `/health`, `/openapi.json` (every context's routes, merged) and `/docs`.

Every `functions/<context>/api.py` and `<part>_api.py` (clients' routes) and `webhooks.py` (partners' calls, Stripe's
among them) is found by name and its resolver's OpenAPI document merged with Powertools'
OpenAPIMerge, so a new route appears here without touching this file; every body then gets its
whole-body example (`examples.py`: recorded answers, problems). The docs page is Swagger UI from
the assets Powertools ships (no CDN, works offline).
"""

from __future__ import annotations

import functools
import importlib
import json
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aws_lambda_powertools.event_handler import Response

import functions
import panacea
from functions.platform import examples, problems
from panacea.platform import declarations
from panacea.platform.access import PERMISSIONS, Role
from panacea.platform.api import PUBLIC, build_resolver, lambda_entry
from panacea.platform.settings import settings

DESCRIPTION = """Panacea: a multi-tenant platform for health businesses that sell and serve.

Authenticate with a Cognito ID token (`Authorization: Bearer <token>`, scheme `cognito`), or, for a
partner system, sign each request with a tenant API key (scheme `partner`): your tenant comes from
the credentials, never from the request. Members get a token by registering and signing in at their
tenant (`/v1/auth/…`, public routes that name the tenant by its slug). Writes that say so take an
`Idempotency-Key` header; a retry with the same key gets the first answer back, marked
`Idempotent-Replayed: true`. Lists page with `limit` and the opaque `next_cursor`. Every error is
`application/problem+json` and names the fields at fault; its `type` is a page of these docs
(`/errors/<slug>`) that says what it means (the list: `/errors`)."""

PARTNER_SIGNATURE = """A tenant API key signs each request (HMAC-SHA256):

    Authorization: PNC-HMAC-SHA256 Credential=<key prefix>, Timestamp=<unix seconds>, Nonce=<random>, Signature=<hex>
    X-Content-SHA256: <hex SHA-256 of the body (of the empty string when there is none)>

`Signature` is the hex HMAC-SHA256, keyed by the hex SHA-256 of the key's secret, of the string to sign

    PNC-HMAC-SHA256\\n<Timestamp>\\n<Nonce>\\n<METHOD>\\n<path>\\n<query, its pairs sorted>\\n<X-Content-SHA256>

A signature more than five minutes from the platform's clock, or a nonce seen before, is refused (401)."""


def permission_matrix() -> str:
    """The permission matrix (role → allowed actions) as a Markdown table, from the code: every
    context's `access.py`, collected."""
    roles = list(Role)
    lines = [
        "## Permissions",
        "",
        "Each route's description names the action it requires; a caller may use it if any of their",
        "roles allows that action. Generated from `panacea.platform.access.PERMISSIONS`.",
        "",
        "| action | " + " | ".join(f"`{r}`" for r in roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for action in declarations.actions():
        marks = ["✓" if action in PERMISSIONS.get(role, frozenset()) else "" for role in roles]
        lines.append(f"| `{action}` | " + " | ".join(marks) + " |")
    return "\n".join(lines)


app = build_resolver()


@functools.cache
def document() -> str:
    # Powertools' OpenAPI models (~50 ms to import) load with the first document, not on /health.
    from aws_lambda_powertools.event_handler.openapi.merge import OpenAPIMerge  # noqa: PLC0415
    from aws_lambda_powertools.event_handler.openapi.models import HTTPBase, HTTPBearer  # noqa: PLC0415

    merge = OpenAPIMerge(
        title="Panacea API",
        version="1.0.0",
        description=f"{DESCRIPTION}\n\n{permission_matrix()}",
        security_schemes={
            "cognito": HTTPBearer(bearerFormat="JWT", description="Cognito ID token"),
            "partner": HTTPBase(scheme="PNC-HMAC-SHA256", description=PARTNER_SIGNATURE),
        },
        security=[{"cognito": []}, {"partner": []}],
        on_conflict="error",
    )
    for module in route_modules():
        merge.add_schema(importlib.import_module(f"functions.{module}").app.get_openapi_schema())
    merged = json.loads(merge.get_openapi_json_schema())
    for operations in merged.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "tags" in operation:
                operation["tags"] = sorted(operation["tags"])  # Powertools keeps a route's tags in a frozenset
    return json.dumps(examples.with_examples(merged, examples.recorded()), indent=2, ensure_ascii=False)


def route_modules() -> list[str]:
    """The modules that serve routes: a context's clients' (`<context>.api`, and `<context>.<part>_api`
    where a part of them is a function of its own) and its partners' (`<context>.webhooks`)."""
    root = Path(functions.__path__[0])
    contexts = sorted(m.name for m in pkgutil.iter_modules(functions.__path__) if m.ispkg)
    return [
        f"{context}.{module.name}"
        for context in contexts
        for module in sorted(pkgutil.iter_modules([str(root / context)]), key=lambda m: m.name)
        if module.name in {"api", "webhooks"} or module.name.endswith("_api")
    ]


def context_documents() -> Iterator[tuple[str, dict[str, Any]]]:
    """Each route module's own document, before the merge (as JSON): a schema name must mean one
    thing in all of them, since the merge keeps one schema per name."""
    for module in route_modules():
        schema = importlib.import_module(f"functions.{module}").app.get_openapi_schema()
        yield module, schema.model_dump(mode="json", by_alias=True, exclude_none=True)


@functools.cache
def page() -> str:
    from aws_lambda_powertools.event_handler.openapi import swagger_ui  # noqa: PLC0415 - with the first page
    from aws_lambda_powertools.event_handler.openapi.swagger_ui.html import generate_swagger_html  # noqa: PLC0415

    assets = Path(swagger_ui.__file__).parent
    return generate_swagger_html(
        spec=document().replace("</", "<\\/"),
        swagger_js=(assets / "swagger-ui-bundle.min.js").read_text(),
        swagger_css=(assets / "swagger-ui.min.css").read_text(),
        swagger_base_url="",
        oauth2_config=None,
        persist_authorization=True,
    )


@app.get("/errors", include_in_schema=False, security=PUBLIC)
def problem_types() -> Response[str]:
    return Response(200, content_type="text/html; charset=utf-8", body=problems.index_page(_problem_types()))


@app.get("/errors/<problem_type>", include_in_schema=False, security=PUBLIC)
def problem_page(problem_type: str) -> Response[str]:
    """`/errors/<slug>`: the path parameter is not named `slug`, which names a tenant's elsewhere."""
    return Response(200, content_type="text/html; charset=utf-8", body=problems.page(_problem_types(), problem_type))


@functools.cache
def _problem_types() -> list[problems.ProblemType]:
    """Every problem type of the platform. A context's errors are defined beside the use cases
    that raise them, which a route may load only on first use (catalog's stock through its face,
    Stripe's through panacea.platform.payments): every module of the library is loaded first."""
    for module in pkgutil.walk_packages(panacea.__path__, "panacea."):
        importlib.import_module(module.name)
    document()
    return problems.collected()


@app.get("/health", include_in_schema=False, security=PUBLIC)
def health() -> dict[str, str]:
    return {"status": "ok", "stage": settings().stage}


@app.get("/openapi.json", include_in_schema=False, security=PUBLIC)
def openapi() -> Response[str]:
    return Response(200, content_type="application/json", body=document())


@app.get("/docs", include_in_schema=False, security=PUBLIC)
def docs() -> Response[str]:
    return Response(200, content_type="text/html; charset=utf-8", body=page())


handler: Any = lambda_entry(app)
