"""CORS without the network: what an origin is, how a preflight is answered, and that an answer is
shared only with an origin of the tenant it is for (panacea.platform.cors)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from panacea.platform import cors
from panacea.platform.context import invocation
from panacea.tenancy.models import SettingsPatch

ORIGINS = TypeAdapter(cors.WebOrigins)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://shop.harbour-gene.example", "https://shop.harbour-gene.example"),
        ("HTTPS://Shop.Harbour-Gene.Example", "https://shop.harbour-gene.example"),  # as browsers send it
        ("https://shop.harbour-gene.example:443", "https://shop.harbour-gene.example"),  # the default port
        ("https://admin.harbour-gene.example:8443", "https://admin.harbour-gene.example:8443"),
        ("https://xn--bcher-kva.example", "https://xn--bcher-kva.example"),  # punycode
    ],
)
def test_an_origin_is_kept_as_browsers_send_it(given: str, kept: str):
    # When a tenant lists an origin
    # Then it is kept as a browser's Origin header spells it: lowercase, without the default port
    assert cors.web_origin(given) == kept


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("http://shop.harbour-gene.example", "https"),
        ("https://shop.harbour-gene.example/", "no path"),
        ("https://shop.harbour-gene.example/app", "no path"),
        ("https://shop.harbour-gene.example?x=1", "no path"),
        ("https://shop.harbour-gene.example#top", "no path"),
        ("https://*.harbour-gene.example", "wildcards"),
        ("*", "wildcards"),
        ("https://ada:secret@shop.harbour-gene.example", "user name"),
        ("https://203.0.113.9", "domain name"),
        ("https://localhost", "domain name"),
        ("https://bücher.example", "punycode"),
        ("https://shop..example", "domain name"),
        ("https://-shop.example", "domain name"),
        ("https://shop.example:99999", "not an origin"),
        ("shop.harbour-gene.example", "https"),
        ("null", "https"),
        (" https://shop.harbour-gene.example", "https"),
    ],
)
def test_anything_but_a_scheme_host_and_port_is_refused(given: str, why: str):
    # When a tenant lists something that is not an https origin
    # Then it is refused, saying what an origin is
    with pytest.raises(ValueError, match=why):
        cors.web_origin(given)


def test_a_list_names_each_origin_once_and_holds_a_few():
    # When a list repeats an origin (once in another spelling), or holds too many
    with pytest.raises(ValidationError, match="listed twice"):
        ORIGINS.validate_python(["https://a.example", "https://A.example:443"])
    with pytest.raises(ValidationError, match="at most 10"):
        ORIGINS.validate_python([f"https://shop{i}.example" for i in range(cors.MAX_ORIGINS + 1)])
    # Then both are refused; ten distinct ones are fine
    assert len(ORIGINS.validate_python([f"https://shop{i}.example" for i in range(cors.MAX_ORIGINS)])) == 10


def test_a_settings_patch_names_the_origin_at_fault():
    # When a settings patch lists a good origin and one with a path
    with pytest.raises(ValidationError) as refused:
        SettingsPatch.model_validate({"allowed_origins": ["https://a.example", "https://b.example/shop"]})
    # Then the error is on that entry
    assert [e["loc"] for e in refused.value.errors()] == [("allowed_origins", 1)]


def _preflight(origin: str | None, method: str | None = "POST") -> dict[str, Any]:
    headers = {k: v for k, v in {"origin": origin, "Access-Control-Request-Method": method}.items() if v}
    registry = {"https://shop.harbour-gene.example": "TENANT-A"}
    return cors.preflight({"httpMethod": "OPTIONS", "headers": headers}, registry.get)


def test_a_preflight_from_a_registered_origin_is_allowed():
    # When a tenant's web app asks before a POST
    answer = _preflight("https://shop.harbour-gene.example")
    # Then it may send the API's methods and headers, and keep the answer a while
    assert answer["statusCode"] == 204
    headers = answer["headers"]
    assert headers["Access-Control-Allow-Origin"] == "https://shop.harbour-gene.example"
    assert set(headers["Access-Control-Allow-Methods"].split(", ")) >= {"GET", "POST", "PATCH", "DELETE"}
    assert headers["Access-Control-Allow-Headers"].split(", ")[:4] == [
        "Authorization",
        "Content-Type",
        "Idempotency-Key",
        "X-Content-SHA256",
    ]
    assert int(headers["Access-Control-Max-Age"]) > 0
    assert headers["Vary"] == "Origin"


def test_a_preflight_from_any_other_origin_gets_no_cors_headers():
    # When an origin no tenant lists asks, and a request that is no preflight comes
    unknown = _preflight("https://evil.example")
    no_method = _preflight("https://shop.harbour-gene.example", method=None)
    # Then neither carries a CORS header, and each says why in a problem
    assert (unknown["statusCode"], no_method["statusCode"]) == (403, 400)
    for answer in (unknown, no_method):
        assert not [h for h in answer["headers"] if h.startswith("Access-Control-")]
        assert answer["headers"]["Content-Type"] == "application/problem+json"
    assert json.loads(unknown["body"])["errors"] == [{"field": "header.Origin", "code": "not_allowed"}]
    assert json.loads(no_method["body"])["errors"] == [
        {"field": "header.Access-Control-Request-Method", "code": "missing"}
    ]


@pytest.fixture
def tenant_origins(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tenants' origins as the declared reader gives them; every tenant asked for is recorded."""
    asked: list[str] = []

    def read(tenant_id: str) -> list[str]:
        asked.append(tenant_id)
        return {"TENANT-A": ["https://shop.harbour-gene.example"]}.get(tenant_id, [])

    monkeypatch.setattr(cors, "_readers", [read])
    return asked


def _answer() -> dict[str, Any]:
    return {"statusCode": 200, "multiValueHeaders": {"Content-Type": ["application/json"]}, "body": "{}"}


def test_an_answer_is_shared_only_with_its_tenants_origin(tenant_origins: list[str]):
    # When the same origin's request is answered for its own tenant, and for another
    own = cors.share(_answer(), "https://shop.harbour-gene.example", "TENANT-A")
    other = cors.share(_answer(), "https://shop.harbour-gene.example", "TENANT-B")
    nobody = cors.share(_answer(), "https://shop.harbour-gene.example", None)
    # Then only its own tenant's answer is shared with it, exposing the headers clients read
    assert own["multiValueHeaders"]["Access-Control-Allow-Origin"] == ["https://shop.harbour-gene.example"]
    assert "Location" in own["multiValueHeaders"]["Access-Control-Expose-Headers"][0]
    for answer in (other, nobody):
        assert "Access-Control-Allow-Origin" not in answer["multiValueHeaders"]
    # And every answer to a request with an Origin varies by it
    assert all(a["multiValueHeaders"]["Vary"] == ["Origin"] for a in (own, other, nobody))
    assert tenant_origins == ["TENANT-A", "TENANT-B"]


def test_a_request_without_origin_costs_nothing(tenant_origins: list[str]):
    # When a request without an Origin header is answered for a tenant
    answer = cors.share(_answer(), None, "TENANT-A")
    # Then nothing is read and the answer is as it was
    assert tenant_origins == []
    assert answer == _answer()


def test_a_public_request_is_shared_with_the_tenant_it_names_in_that_invocation_only():
    # Given a public request that named its tenant by slug
    with invocation():
        cors.request_names("TENANT-A")
        named = cors.named_tenant()
    # When the next invocation names none
    with invocation():
        later = cors.named_tenant()
    # Then the tenant was its own, and is forgotten after
    assert (named, later) == ("TENANT-A", None)
