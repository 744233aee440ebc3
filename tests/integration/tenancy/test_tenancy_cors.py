"""CORS for tenants' web apps: a tenant lists its origins in its settings, a browser's preflight
from one of them is allowed, and an answer is shared with an origin only when it is the caller's
own tenant's (through the functions' handlers, and through the local gateway)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from panacea.platform import isolation, transaction
from panacea.tenancy import dal
from tests.support import PLATFORM_ADMIN, Answer, call, gateway_request, onboard, signed_headers, staff

ALLOW_ORIGIN = "Access-Control-Allow-Origin"


def _origin(name: str = "shop") -> str:
    return f"https://{name}-{uuid.uuid4().hex[:8]}.harbour-gene.example"


def _preflight(origin: str, path: str = "/v1/tenant", method: str = "PATCH", *, gateway: bool = False) -> Answer:
    headers = {"Origin": origin, "Access-Control-Request-Method": method}
    if gateway:
        return gateway_request("OPTIONS", path, headers=headers)
    return call("OPTIONS", path, caller=None, headers=headers)


def _listing(tenant: dict[str, Any], *origins: str) -> Answer:
    """The tenant's owner lists `origins` as its web apps."""
    owner = staff(tenant["id"], "owner")
    return call("PATCH", "/v1/tenant/settings", caller=owner, body={"allowed_origins": list(origins)})


@pytest.fixture
def tenants() -> tuple[dict[str, Any], dict[str, Any]]:
    return onboard(), onboard()


def test_a_tenants_origin_passes_the_preflight_and_no_other_does(tenants):
    # Given tenant A lists its shop's origin (written as people write it)
    a, _ = tenants
    shop = _origin()
    listed = _listing(a, shop.upper().replace("HTTPS", "https") + ":443")
    assert (listed.status, listed.body["settings"]["allowed_origins"]) == (200, [shop])
    # When the shop's browser asks before a PATCH, directly and through the local gateway
    for answer in (_preflight(shop), _preflight(shop, "/v1/orders/01JZZZZZZZZZZZZZZZZZZZZZZZ", gateway=True)):
        # Then it may send it, with the API's headers, and keep the answer a while
        assert answer.status == 204
        assert answer.headers[ALLOW_ORIGIN] == shop
        assert "PATCH" in answer.headers["Access-Control-Allow-Methods"]
        assert "Idempotency-Key" in answer.headers["Access-Control-Allow-Headers"]
        assert int(answer.headers["Access-Control-Max-Age"]) > 0
        assert answer.headers["Vary"] == "Origin"
    # And an origin no tenant lists gets no CORS header at all
    for answer in (_preflight(_origin("elsewhere")), _preflight(_origin("elsewhere"), gateway=True)):
        assert answer.status == 403
        assert answer.body["type"] == "/errors/origin-not-allowed"
        assert not [h for h in answer.headers if h.lower().startswith("access-control-")]


def test_an_answer_is_shared_only_with_the_callers_own_tenants_origin(tenants):
    # Given A lists its shop's origin, and B lists another
    a, b = tenants
    shop = _origin()
    _listing(a, shop)
    _listing(b, _origin("b"))
    origin = {"Origin": shop}
    # When A's staff and B's staff read their tenant from A's shop
    own = call("GET", "/v1/tenant", caller=staff(a["id"], "admin"), headers=origin)
    other = call("GET", "/v1/tenant", caller=staff(b["id"], "admin"), headers=origin)
    # Then A's answer is shared with A's shop, exposing what clients read, and B's is not
    assert (own.status, own.headers[ALLOW_ORIGIN]) == (200, shop)
    assert "Location" in own.headers["Access-Control-Expose-Headers"]
    assert other.status == 200
    assert ALLOW_ORIGIN not in other.headers
    assert own.headers["Vary"] == other.headers["Vary"] == "Origin"
    # And an error answer to A is shared too (the browser can read the problem), without an Origin nothing is
    missing = call("GET", "/v1/orders/01JZZZZZZZZZZZZZZZZZZZZZZZ", caller=staff(a["id"], "owner"), headers=origin)
    assert (missing.status, missing.headers[ALLOW_ORIGIN]) == (404, shop)
    plain = call("GET", "/v1/tenant", caller=staff(a["id"], "admin"))
    assert not [h for h in plain.headers if h.lower().startswith("access-control-") or h.lower() == "vary"]


def test_a_partner_key_gets_its_own_tenants_origins_only_through_the_gateway(tenants):
    # Given A lists its shop's origin, and each tenant has a partner key
    a, b = tenants
    shop = _origin()
    _listing(a, shop)
    keys = [
        call("POST", f"/v1/tenants/{t['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": "web"}).body
        for t in (a, b)
    ]
    # When each key reads its tenant from A's shop, through the gateway and its authorizer
    own, other = (
        gateway_request("GET", "/v1/tenant", headers={**signed_headers(key, "GET", "/v1/tenant"), "Origin": shop})
        for key in keys
    )
    # Then only A's key's answer is shared with A's shop
    assert (own.status, own.headers.get(ALLOW_ORIGIN)) == (200, shop)
    assert (other.status, other.headers.get(ALLOW_ORIGIN)) == (200, None)


def test_a_public_route_shares_its_answer_with_the_tenant_it_names(tenants):
    # Given A lists its shop's origin
    a, b = tenants
    shop = _origin()
    _listing(a, shop)
    wrong = {"email": "nobody@example.com", "password": "Not-The-Password-1"}
    # When the shop signs someone in at A (and fails), and at B
    at_a = call("POST", "/v1/auth/sign-in", caller=None, body={"tenant": a["slug"], **wrong}, headers={"Origin": shop})
    at_b = call("POST", "/v1/auth/sign-in", caller=None, body={"tenant": b["slug"], **wrong}, headers={"Origin": shop})
    # Then A's answer is shared with A's shop (the app can read why), B's is not
    assert (at_a.status, at_a.headers.get(ALLOW_ORIGIN)) == (401, shop)
    assert (at_b.status, at_b.headers.get(ALLOW_ORIGIN)) == (401, None)


def test_an_origin_belongs_to_one_tenant(tenants):
    # Given A lists its shop's origin
    a, b = tenants
    shop = _origin()
    _listing(a, shop)
    before = call("GET", f"/v1/tenants/{b['id']}", caller=PLATFORM_ADMIN).body["settings"]
    # When B lists its own origin and A's, and a platform admin tries the same for B
    by_owner = _listing(b, _origin("b"), shop)
    by_admin = call("PATCH", f"/v1/tenants/{b['id']}/settings", caller=PLATFORM_ADMIN, body={"allowed_origins": [shop]})
    # Then each is refused on A's origin, and nothing of B's change was written
    for refused in (by_owner, by_admin):
        assert refused.status == 409
        assert refused.body["type"] == "/errors/origin-taken"
    assert by_owner.problem_fields == ["allowed_origins[1]"]
    assert by_admin.problem_fields == ["allowed_origins[0]"]
    assert call("GET", f"/v1/tenants/{b['id']}", caller=PLATFORM_ADMIN).body["settings"] == before
    assert dal.origin_owner(shop) == a["id"]


def test_an_origin_dropped_is_free_for_another_tenant(tenants):
    # Given A lists two origins
    a, b = tenants
    shop, console = _origin(), _origin("console")
    _listing(a, shop, console)
    # When A drops the shop (and listing the console again changes nothing), then empties its list with null
    kept = _listing(a, console)
    emptied = call("PATCH", "/v1/tenant/settings", caller=staff(a["id"], "owner"), body={"allowed_origins": None})
    # Then the shop no longer passes a preflight and B may list it
    assert kept.body["settings"]["allowed_origins"] == [console]
    assert emptied.body["settings"]["allowed_origins"] == []
    assert _preflight(shop).status == 403
    assert _preflight(console).status == 403
    assert _listing(b, shop).status == 200
    assert _preflight(shop).headers[ALLOW_ORIGIN] == shop
    assert dal.origin_owner(shop) == b["id"]


def test_a_bad_origin_is_refused_naming_the_entry(tenants):
    a, _ = tenants
    answer = _listing(a, _origin(), "https://*.harbour-gene.example", "http://shop.example")
    assert answer.status == 422
    assert answer.problem_fields == ["allowed_origins[1]", "allowed_origins[2]"]


def test_the_claims_are_written_with_the_functions_own_role_never_a_tenants(tenants, monkeypatch):
    # Given every transaction is recorded with the tenant it was sent for
    sent: list[tuple[str | None, list[str]]] = []
    commit = transaction.UnitOfWork.commit

    def recorded(self: transaction.UnitOfWork) -> None:
        keys = [op[0][0].pk for op in [*self._puts, *self._deletes] if hasattr(op[0][0], "pk")]
        sent.append((isolation.current_tenant(), keys))
        commit(self)

    monkeypatch.setattr(transaction.UnitOfWork, "commit", recorded)
    a, _ = tenants
    # When A's owner lists an origin, then changes only a colour
    _listing(a, _origin())
    colour = {"branding": {"accent_colour": "#123456"}}
    call("PATCH", "/v1/tenant/settings", caller=staff(a["id"], "owner"), body=colour)
    # Then the change that claims the origin (a platform item) is sent with the function's own role,
    # and the one that claims nothing with A's session, as every request of A's
    claiming, plain = [(scope, keys) for scope, keys in sent if any("#SETTINGS" in k for k in keys)]
    assert claiming[0] is None
    assert any(k.startswith("P#UNIQUE#tenant_origin#") for k in claiming[1])
    assert plain[0] == a["id"]
    assert not any(k.startswith("P#") for k in plain[1])
