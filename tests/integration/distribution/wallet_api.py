"""A test-only API function serving the wallet's router, and a way to call it in this process. The
router is not served yet: distribution's api.py includes it once a tenant's life in the contract test
drives its routes (issue 10, next)."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from functions.distribution import wallet_routes
from infra.local.gateway import rest_event
from infra.local.invoke import invoke
from panacea.platform.api import build_resolver, lambda_entry

app = build_resolver()
app.include_router(wallet_routes.router)
handler = lambda_entry(app)


def call(
    method: str, path: str, *, as_: dict[str, str], body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    """The status and JSON body of `method path` served by the router, for the caller `as_` (the
    authorizer's context: `tests.support.staff(...)`)."""
    bare, _, query = path.partition("?")
    params: dict[str, list[str]] = {}
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        params.setdefault(key, []).append(value)
    sent = {"Content-Type": "application/json", **(headers or {})}
    event = rest_event(
        method=method,
        path=bare,
        resource=bare,
        path_parameters=None,
        query=params,
        headers=sent,
        body=json.dumps(body).encode() if body is not None else b"",
        authorizer=as_,
    )
    answer = invoke(f"{__name__}.handler", event, function_name="DistributionWalletTest")
    text = answer.get("body") or ""
    return int(answer["statusCode"]), json.loads(text) if text else None
