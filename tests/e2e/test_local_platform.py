"""`make dev`'s platform, driven over HTTP as a client would."""

from __future__ import annotations

import signal
import time
import uuid

import pytest

from tests.e2e.conftest import Client

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def admin_token(client: Client) -> str:
    return client.token(client.demo["platform_admin"]["username"], client.demo["platform_admin"]["password"])


@pytest.fixture(scope="module")
def owner_token(client: Client) -> str:
    owner = client.demo["demo_tenant"]["owner"]
    return client.token(owner["username"], owner["password"])


def _tenant(**overrides):
    stamp = uuid.uuid4().hex[:10]
    body = {
        "name": f"Elm Surgery {stamp}",
        "slug": f"elm-{stamp}",
        "kind": "gp_practice",
        "currency": "GBP",
        "locale": "en-GB",
        "jurisdiction": "GB",
        "tier": "professional",
        "first_admin": {"email": f"practice-{stamp}@example.com", "name": "Dr Elm"},
    }
    return body | overrides


def test_the_platform_says_it_is_up_and_describes_itself(client: Client):
    assert client.request("GET", "/health")[0] == 200
    status, headers, document = client.request("GET", "/openapi.json")
    assert status == 200
    assert "/v1/tenants" in document["paths"]
    status, headers, _ = client.request("GET", "/docs")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")


def test_the_demo_tenant_is_onboarded(client: Client, admin_token: str):
    demo = client.demo["demo_tenant"]
    status, _, tenant = client.request("GET", f"/v1/tenants/{demo['id']}", token=admin_token)
    assert status == 200
    assert tenant["status"] == "active"
    assert tenant["settings"]["distribution"]["level_rates_bps"] == [800, 400]


def test_a_platform_admin_creates_lists_and_reads_a_tenant(client: Client, admin_token: str):
    # When a platform admin creates a practice
    status, headers, created = client.request("POST", "/v1/tenants", token=admin_token, body=_tenant())
    # Then it is there to read, and in the list
    assert status == 201
    status, _, read = client.request("GET", headers["Location"], token=admin_token)
    assert (status, read["id"]) == (200, created["id"])
    status, _, page = client.request("GET", "/v1/tenants?limit=100", token=admin_token)
    assert created["id"] in [t["id"] for t in page["items"]]
    # And the workflow onboards it
    deadline = time.monotonic() + 30
    while read["status"] == "onboarding" and time.monotonic() < deadline:
        time.sleep(0.2)
        read = client.request("GET", headers["Location"], token=admin_token)[2]
    assert read["status"] == "active"


def test_no_token_is_401_problem_json(client: Client):
    status, headers, problem = client.request("GET", "/v1/tenants")
    assert status == 401
    assert headers["Content-Type"] == "application/problem+json"
    assert problem["status"] == 401


def test_a_forged_token_is_401(client: Client, admin_token: str):
    header, payload, _ = admin_token.split(".")
    assert client.request("GET", "/v1/tenants", token=f"{header}.{payload}.forged")[0] == 401


def test_a_tenant_admin_is_403_on_platform_routes(client: Client, owner_token: str):
    status, headers, problem = client.request("GET", "/v1/tenants", token=owner_token)
    assert status == 403
    assert headers["Content-Type"] == "application/problem+json"
    assert problem["type"] == "/errors/forbidden"
    # while their own tenant is theirs to read
    status, _, mine = client.request("GET", "/v1/tenant", token=owner_token)
    assert (status, mine["id"]) == (200, client.demo["demo_tenant"]["id"])


def test_a_bad_body_is_422_problem_json_naming_the_fields(client: Client, admin_token: str):
    status, headers, problem = client.request(
        "POST", "/v1/tenants", token=admin_token, body=_tenant(slug="No Spaces", currency="XXX1")
    )
    assert status == 422
    assert headers["Content-Type"] == "application/problem+json"
    assert {e["field"] for e in problem["errors"]} == {"slug", "currency"}


def test_an_idempotency_key_retry_creates_nothing_twice(client: Client, admin_token: str):
    body, key = _tenant(), {"Idempotency-Key": f"e2e-{uuid.uuid4()}"}
    first = client.request("POST", "/v1/tenants", token=admin_token, body=body, headers=key)
    retry = client.request("POST", "/v1/tenants", token=admin_token, body=body, headers=key)
    assert (first[0], retry[0]) == (201, 201)
    assert retry[2]["id"] == first[2]["id"]
    _, _, page = client.request("GET", "/v1/tenants?limit=100", token=admin_token)
    assert [t["slug"] for t in page["items"]].count(body["slug"]) == 1


def test_ctrl_c_stops_the_platform_cleanly(runtime, client: Client):
    # Runs last in this module: Ctrl-C ends the process with status 0
    runtime.send_signal(signal.SIGINT)
    assert runtime.wait(timeout=60) == 0
    assert "stopping" in runtime.log_path.read_text()
