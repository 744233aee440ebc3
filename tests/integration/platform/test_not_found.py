"""A 404 names what was not found in `errors`, as every other 4xx problem names its fields: the path
for a route that does not exist, the id's path parameter for a resource that does not."""

from __future__ import annotations

import json

from infra import wiring
from infra.local.gateway import rest_event
from infra.local.invoke import invoke
from panacea.platform.ids import new_id
from tests.support import PLATFORM_ADMIN, call, gateway_request, onboard, signed_up_member, staff

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
