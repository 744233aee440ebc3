"""CORS over HTTP, as a tenant's web app meets it in a browser: its preflight, then its request."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.conftest import Client

pytestmark = pytest.mark.slow


def test_a_tenants_web_app_passes_the_preflight_and_reads_the_answer(client: Client, owner_token: str):
    # Given the demo tenant's owner lists the origin of its shop
    shop = f"https://shop-{uuid.uuid4().hex[:8]}.harbour-gene.example"
    listed = client.request("PATCH", "/v1/tenant/settings", token=owner_token, body={"allowed_origins": [shop]})
    assert listed.status == 200
    # When the shop's browser asks before reading the tenant with its token, then reads it
    asked = client.request(
        "OPTIONS",
        "/v1/tenant",
        headers={
            "Origin": shop,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    read = client.request("GET", "/v1/tenant", token=owner_token, headers={"Origin": shop})
    # Then the preflight allows it, and the answer is shared with the shop
    assert asked.status == 204
    assert asked.headers["Access-Control-Allow-Origin"] == shop
    assert "Authorization" in asked.headers["Access-Control-Allow-Headers"]
    assert (read.status, read.headers["Access-Control-Allow-Origin"], read.headers["Vary"]) == (200, shop, "Origin")
    # And another origin gets neither
    other = "https://elsewhere.example"
    refused = client.request("OPTIONS", "/v1/tenant", headers={"Origin": other, "Access-Control-Request-Method": "GET"})
    unshared = client.request("GET", "/v1/tenant", token=owner_token, headers={"Origin": other})
    assert refused.status == 403
    assert "Access-Control-Allow-Origin" not in refused.headers
    assert (unshared.status, unshared.headers.get("Access-Control-Allow-Origin")) == (200, None)
