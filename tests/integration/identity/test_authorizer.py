"""The gate before every route: Cognito ID tokens and signed partner API keys, verified by the
authorizer function through the gateway's own code path (as API Gateway runs it in the cloud)."""

from __future__ import annotations

import json
import time

import pytest

from infra.local.gateway import USAGE
from infra.local.runtime import LocalPlatform
from infra.local.seed import create_platform_admin
from tests.support import PLATFORM_ADMIN, builders, call, gateway_request, onboard, signed_get, signed_headers
from tests.support.in_process import GATEWAY


@pytest.fixture(scope="module")
def admin_token(platform: LocalPlatform) -> str:
    create_platform_admin(platform, "gate-admin", "gate-admin@panacea.local", "Gate-Admin-2026!")
    return str(builders.platform_signed_in(GATEWAY, "gate-admin", "Gate-Admin-2026!")["id_token"])


@pytest.fixture
def tenant_and_key():
    tenant = onboard()
    key = call(
        "POST",
        f"/v1/tenants/{tenant['id']}/api-keys",
        caller=PLATFORM_ADMIN,
        body={"name": "LIMS", "roles": ["lab_operator"]},
    ).body
    return tenant, key


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_platform_admins_token_opens_the_platform_routes(admin_token):
    answer = gateway_request("GET", "/v1/tenants?limit=1", headers=_bearer(admin_token))
    assert answer.status == 200


@pytest.mark.parametrize(
    "authorization", [None, "Bearer", "Bearer not.a.jwt", "Basic YWRtaW46YWRtaW4=", "PNC-HMAC-SHA256 Credential=x"]
)
def test_missing_or_malformed_credentials_are_401(authorization):
    headers = {"Authorization": authorization} if authorization else {}
    answer = gateway_request("GET", "/v1/tenants", headers=headers)
    assert answer.status == 401
    assert answer.headers["Content-Type"] == "application/problem+json"


def test_a_token_with_a_forged_signature_is_401(admin_token):
    header, payload, _ = admin_token.split(".")
    assert gateway_request("GET", "/v1/tenants", headers=_bearer(f"{header}.{payload}.AAAA")).status == 401


def test_a_tenant_owners_token_works_until_the_tenant_is_suspended():
    # Given an onboarded tenant whose owner accepts the invitation onboarding emailed and signs in
    email = f"o-{time.time_ns()}@example.com"
    tenant = onboard(first_admin={"email": email, "name": "Owner"})
    builders.invitation_accepted(GATEWAY, tenant["slug"], email, "Owner-Pass-2026!")
    token = builders.signed_in(GATEWAY, tenant["slug"], email, "Owner-Pass-2026!")["id_token"]
    assert gateway_request("GET", "/v1/tenant", headers=_bearer(token)).body["id"] == tenant["id"]
    # When the platform suspends the tenant
    call("POST", f"/v1/tenants/{tenant['id']}/suspend", caller=PLATFORM_ADMIN, body={"reason": "unpaid"})
    # Then the owner's valid token is turned away at the gate
    barred = gateway_request("GET", "/v1/tenant", headers=_bearer(token))
    assert barred.status == 403
    assert barred.body["type"] == "/errors/forbidden"


def test_a_signed_partner_request_acts_for_its_tenant_with_the_keys_roles(tenant_and_key):
    tenant, key = tenant_and_key
    answer = signed_get(key, "/v1/tenant")
    assert answer.status == 200
    assert answer.body["id"] == tenant["id"]
    # and a key cannot reach the platform's routes
    assert signed_get(key, "/v1/tenants").status == 403


def test_a_replayed_signature_is_refused(tenant_and_key):
    _, key = tenant_and_key
    headers = signed_headers(key, "GET", "/v1/tenant")
    assert gateway_request("GET", "/v1/tenant", headers=headers).status == 200
    replay = gateway_request("GET", "/v1/tenant", headers=headers)
    assert replay.status == 401


@pytest.mark.parametrize("skew_s", [-301, 301])
def test_a_signature_outside_five_minutes_is_refused(tenant_and_key, skew_s):
    _, key = tenant_and_key
    headers = signed_headers(key, "GET", "/v1/tenant", at=int(time.time()) + skew_s)
    assert gateway_request("GET", "/v1/tenant", headers=headers).status == 401


def test_a_signature_over_another_path_or_secret_is_refused(tenant_and_key):
    _, key = tenant_and_key
    elsewhere = signed_headers(key, "GET", "/v1/tenant/settings")
    assert gateway_request("GET", "/v1/tenant", headers=elsewhere).status == 401
    wrong = signed_headers({**key, "secret": key["secret"] + "x"}, "GET", "/v1/tenant")
    assert gateway_request("GET", "/v1/tenant", headers=wrong).status == 401


def test_a_body_changed_after_signing_is_refused(tenant_and_key):
    _, key = tenant_and_key
    signed_body = json.dumps({"branding": {"accent_colour": "#123456"}}).encode()
    headers = signed_headers(key, "PATCH", "/v1/tenant/settings", body=signed_body)
    tampered = json.dumps({"branding": {"accent_colour": "#FFFFFF"}}).encode()
    answer = gateway_request("PATCH", "/v1/tenant/settings", headers=headers, body=tampered)
    assert answer.status == 400
    assert answer.body["type"] == "/errors/body-not-as-signed"


def test_a_key_of_a_suspended_tenant_is_403(tenant_and_key):
    tenant, key = tenant_and_key
    call("POST", f"/v1/tenants/{tenant['id']}/suspend", caller=PLATFORM_ADMIN, body={"reason": "unpaid"})
    assert signed_get(key, "/v1/tenant").status == 403


def test_a_tiers_rate_limit_holds_per_tenant(monkeypatch: pytest.MonkeyPatch):
    # Given a trial tenant (5 requests a second, bursts of 10) and a professional one, each with a key
    trial, professional = onboard(tier="trial"), onboard(tier="professional")
    keys = [
        call("POST", f"/v1/tenants/{t['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": "sync"}).body
        for t in (trial, professional)
    ]
    # When the trial tenant's system fires 20 requests at once (the bucket's time held still: on a loaded
    # machine twenty requests in a row take long enough for the bucket to refill)
    now = USAGE.ticks()
    monkeypatch.setattr(USAGE, "ticks", lambda: now)
    answers = [signed_get(keys[0], "/v1/tenant") for _ in range(20)]
    # Then the burst passes and the rest are told to slow down, as problem+json
    statuses = [a.status for a in answers]
    assert statuses == [200] * 10 + [429] * 10
    refused = next(a for a in answers if a.status == 429)
    assert refused.body["type"] == "/errors/rate-limited"
    # And the other tenant's bucket is its own
    assert signed_get(keys[1], "/v1/tenant").status == 200
