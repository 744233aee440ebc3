"""A 404 names what was not found in `errors`, as every other 4xx problem names its fields: the path
for a route that does not exist, the id's path parameter for a resource that does not."""

from __future__ import annotations

import functools
import json
import re
from typing import Any
from urllib.parse import urlencode

import pytest

from functions.platform import docs
from infra import wiring
from infra.local.gateway import rest_event
from infra.local.invoke import invoke
from panacea.platform import clock
from panacea.platform.access import TENANT_ROLES
from panacea.platform.ids import new_id
from tests.support import PLATFORM_ADMIN, builders, call, gateway_request, onboard, signed_up_member, staff
from tests.support.in_process import HANDLERS

NO_ROUTE = [{"field": "path", "code": "not_found"}]


def test_an_unknown_route_is_a_404_naming_the_path():
    # When a client asks for a route the API does not have, or a method a known path does not take
    unknown = gateway_request("GET", "/v1/no-such-thing")
    wrong_method = gateway_request("DELETE", "/v1/tenants")
    # Then each is a 404 problem whose errors name the path
    for answer in (unknown, wrong_method):
        assert answer.status == 404
        assert answer.headers["Content-Type"] == "application/problem+json"
        assert (answer.body["type"], answer.body["errors"]) == ("/errors/no-such-route", NO_ROUTE)


def test_a_function_asked_for_a_route_it_does_not_serve_names_the_path():
    # Given a function's resolver reached on a path it does not serve (a proxy resource would do this)
    fn = wiring.function("TenancyApi")
    event = rest_event(
        method="GET",
        path="/v1/nowhere",
        resource="/{proxy+}",
        path_parameters=None,
        query={},
        headers={},
        body=b"",
        authorizer=PLATFORM_ADMIN,
    )
    # When it handles the request
    answer = invoke(fn.handler, event, function_name=fn.name)
    # Then it is the same 404 problem
    body = json.loads(answer["body"])
    assert (answer["statusCode"], body["errors"]) == (404, NO_ROUTE)


def test_a_missing_resource_names_its_path_parameter():
    tenant = onboard()
    owner = staff(tenant["id"], "owner")
    member = staff(
        tenant["id"],
        "member",
        user_id=signed_up_member(tenant["slug"], f"m-{new_id().lower()}@example.com", "Harbour-Gene-2026!"),
    )
    # When a client reads or changes resources that do not exist
    no_tenant = call("GET", f"/v1/tenants/{new_id()}", caller=PLATFORM_ADMIN)
    no_key = call("DELETE", f"/v1/tenants/{tenant['id']}/api-keys/{new_id()}", caller=PLATFORM_ADMIN)
    no_address = call("PATCH", f"/v1/me/addresses/{new_id()}", caller=member, body={"label": "Work"})
    no_order = call("GET", f"/v1/orders/{new_id()}", caller=owner)
    # Then each is a 404 naming the id's path parameter (of a nested resource: the one missing)
    found = {
        "tenant": (no_tenant.status, no_tenant.body.get("errors")),
        "key": (no_key.status, no_key.body.get("errors")),
        "address": (no_address.status, no_address.body.get("errors")),
        "order": (no_order.status, no_order.body.get("errors")),
    }
    assert found == {
        "tenant": (404, [{"field": "path.tenant_id", "code": "not_found"}]),
        "key": (404, [{"field": "path.key_id", "code": "not_found"}]),
        "address": (404, [{"field": "path.address_id", "code": "not_found"}]),
        "order": (404, [{"field": "path.order_id", "code": "not_found"}]),
    }


# --- every route: the 404 names the parameter whose id is missing ---------------------------------

PARAM = re.compile(r"\{(\w+)\}")
# Routes with an id in their path that answer something other than a 404 for an id nobody has, and why.
NOT_A_LOOKUP = {
    ("GET", "/v1/tenants/{tenant_id}/api-keys"): "an unknown tenant simply has no keys (200, an empty page)",
    ("GET", "/v1/catalog/skus/{sku_id}/stock/{store_id}/movements"): "a stock line that never moved is an empty "
    "page, at any store; its SKU is looked up (a test below)",
    ("PUT", "/v1/notification-templates/{event_type}/{channel}/{locale}"): "a channel and a language are the "
    "platform's words: an unknown one is a 422 naming it; an unknown event type a 404 (tests/integration/engagement)",
    ("GET", "/v1/notification-templates/{event_type}/{channel}/{locale}/versions"): "as its PUT",
    ("POST", "/v1/messaging/callbacks/{provider}/{tenant_id}"): "a provider's callback is read only once its "
    "signature verifies (the tenant's keys, else the platform's): an unsigned one is a 401 whoever the tenant, "
    "which no lookup precedes; an unknown provider is a 404 naming it (tests/integration/engagement)",
}


@functools.cache
def _document() -> dict[str, Any]:
    return dict(json.loads(docs.document()))


def _example(route: wiring.Route) -> Any:
    """The whole-body example the document gives for the route's request (None: it takes no body)."""
    operation = _document()["paths"].get(route.path, {}).get(route.method.lower(), {})
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return None
    if "example" in content:
        return content["example"]
    ref = content.get("schema", {}).get("$ref", "")
    schema = _document()["components"]["schemas"].get(ref.rsplit("/", 1)[-1], content.get("schema", {}))
    return (schema.get("examples") or [schema.get("example")])[0]


def _required_query(route: wiring.Route) -> str:
    """The query the route requires, as the document says (a date: today's), so that only the id is wrong."""
    operation = _document()["paths"].get(route.path, {}).get(route.method.lower(), {})
    required = [p for p in operation.get("parameters", []) if p["in"] == "query" and p.get("required")]
    values = {p["name"]: p["schema"].get("example", clock.now().date().isoformat()) for p in required}
    assert all(p["schema"].get("format") == "date" or "example" in p["schema"] for p in required), required
    return f"?{urlencode(values)}" if values else ""


def _lookups() -> list[wiring.Route]:
    return [
        r
        for r in wiring.routes()
        if r.method != "OPTIONS" and PARAM.search(r.path) and (r.method, r.path) not in NOT_A_LOOKUP
    ]


@pytest.fixture(scope="module")
def parents() -> dict[str, str]:
    """Real ids for the parameters that come before another in a path (a tenant, and a SKU of it),
    and a person of the tenant with an account (`/v1/me/…` reads it before anything of theirs)."""
    tenant = onboard()
    owner = staff(tenant["id"], "owner")
    sku = builders.sku(HANDLERS, owner, builders.product(HANDLERS, owner, name="A gene test")["id"])
    person = signed_up_member(tenant["slug"], f"m-{new_id().lower()}@example.com", "Harbour-Gene-2026!")
    return {"tenant_id": tenant["id"], "sku_id": sku["id"], "person": person}


@pytest.mark.parametrize("route", _lookups(), ids=lambda r: f"{r.method} {r.path}")
def test_every_missing_resource_names_its_path_parameter(route, parents):
    # Given a route whose last path parameter is an id nobody has (the ones before it: real ids)
    *before, last = PARAM.findall(route.path)
    path = PARAM.sub(lambda m: new_id() if m.group(1) == last else parents[m.group(1)], route.path)
    path += _required_query(route)
    everyone = staff(parents["tenant_id"], *TENANT_ROLES, user_id=parents["person"])
    callers = [None] if route.public else [everyone, PLATFORM_ADMIN]
    # When a caller who may use it calls it (a tenant's person with every role, else the platform)
    answer = next(
        a
        for caller in callers
        if (a := call(route.method, path, caller=caller, body=_example(route))).status != 403 or caller is callers[-1]
    )
    # Then it is a 404 whose one field error names that parameter
    assert (answer.status, answer.body.get("errors")) == (404, [{"field": f"path.{last}", "code": "not_found"}]), (
        before,
        answer.body,
    )


def test_the_missing_one_of_two_ids_is_named_even_when_both_are_the_same(parents):
    # Given an id nobody has, sent as both the SKU and the store of a stock line
    nobody = new_id()
    everyone = staff(parents["tenant_id"], *TENANT_ROLES, user_id=parents["person"])
    # When the line is counted, and its movements read (the SKU is looked up first)
    counted = {"available": 40, "reason": "stock count"}
    line = call("PUT", f"/v1/catalog/skus/{nobody}/stock/{nobody}", caller=everyone, body=counted)
    moves = call("GET", f"/v1/catalog/skus/{nobody}/stock/{nobody}/movements", caller=everyone)
    # Then each 404 names the SKU, the one that was looked up, not whichever parameter holds the id
    for answer in (line, moves):
        assert (answer.status, answer.body["errors"]) == (404, [{"field": "path.sku_id", "code": "not_found"}])


def test_a_caller_whose_credentials_name_no_account_is_told_so(parents):
    # Given a verified caller of the tenant who has no account there (none was made for this user id)
    stranger = staff(parents["tenant_id"], "member", user_id=new_id())
    # When they read their own account, or remove an address of theirs (their account is read first)
    me = call("GET", "/v1/me", caller=stranger)
    address = call("DELETE", f"/v1/me/addresses/{new_id()}", caller=stranger)
    # Then each 404 names the credentials that named the account, not a parameter of the request
    for answer in (me, address):
        assert (answer.status, answer.body["errors"]) == (404, [{"field": "header.Authorization", "code": "not_found"}])


def test_a_missing_thing_named_in_the_body_is_named_by_its_field():
    # When someone signs in at a tenant slug nobody has
    answer = call(
        "POST",
        "/v1/auth/sign-in",
        caller=None,
        body={"tenant": "no-such-clinic", "email": "mei.chen@example.com", "password": "Harbour-Gene-2026!"},
    )
    # Then the 404 names the body's field
    assert (answer.status, answer.body["errors"]) == (404, [{"field": "tenant", "code": "not_found"}])
