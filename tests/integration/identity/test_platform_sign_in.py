"""Platform admins sign in through the API like everyone else (by username: they have no tenant),
and a right but temporary password (Cognito's NEW_PASSWORD_REQUIRED) is a clear 403 that says
how to set one's own, at a tenant and at the platform alike, never a 5xx."""

from __future__ import annotations

import uuid

import boto3
import pytest

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from infra.local.seed import create_platform_admin
from tests.support import bearer, builders, call, gateway_request, onboard, resources, signed_up_member, staff
from tests.support.in_process import GATEWAY

PASSWORD = "Platform-Admin-2026!"
MEMBER_PASSWORD = "Harbour-Gene-2026!"


@pytest.fixture
def admin(platform: LocalPlatform) -> str:
    """A platform admin, made as an operator makes one; their username."""
    username = f"admin-{uuid.uuid4().hex[:8]}"
    create_platform_admin(platform, username, f"{username}@panacea.local", PASSWORD)
    return username


def platform_sign_in(username: str, password: str = PASSWORD):
    return call("POST", "/v1/auth/platform/sign-in", caller=None, body={"username": username, "password": password})


def _temporary_password(platform: LocalPlatform, username: str, password: str) -> None:
    """What an operator does in the user pool by hand: a password the user must replace."""
    idp = boto3.client("cognito-idp", endpoint_url=platform.aws_url, region_name=REGION)
    idp.admin_set_user_password(
        UserPoolId=resources(platform).user_pool_id, Username=username, Password=password, Permanent=False
    )


def test_a_platform_admin_signs_in_through_the_api_and_their_token_opens_the_platform_routes(admin):
    # When a platform admin signs in with their username and password
    session = platform_sign_in(admin)
    # Then they get tokens without a tenant, which the gate lets onto the platform's routes
    assert session.status == 200
    assert (session.body["user_id"], session.body["tenant_id"]) == (admin, None)
    tenants = gateway_request("GET", "/v1/tenants?limit=1", headers=bearer(session.body["id_token"]))
    assert tenants.status == 200
    # And their refresh token renews them
    renewed = call("POST", "/v1/auth/refresh", caller=None, body={"refresh_token": session.body["refresh_token"]})
    assert (renewed.status, renewed.body["user_id"], renewed.body["tenant_id"]) == (200, admin, None)
    assert gateway_request("GET", "/v1/tenants?limit=1", headers=bearer(renewed.body["id_token"])).status == 200


def test_a_wrong_password_an_unknown_admin_and_a_tenants_person_get_the_same_answer(admin):
    # Given a member of a tenant, whose username (their id) and password are right at their tenant
    tenant = onboard()
    email = f"member-{uuid.uuid4().hex[:10]}@example.com"
    member_id = signed_up_member(tenant["slug"], email, MEMBER_PASSWORD)
    # When each tries the platform's sign-in
    wrong = platform_sign_in(admin, "Not-The-Password-1!")
    unknown = platform_sign_in(f"nobody-{uuid.uuid4().hex[:8]}")
    member = platform_sign_in(member_id, MEMBER_PASSWORD)
    # Then all three are told the same, plainly: only a platform admin signs in there
    assert (wrong.status, unknown.status, member.status) == (401, 401, 401)
    assert wrong.body == unknown.body == member.body
    assert wrong.body["detail"] == "wrong username or password"


def test_five_failures_lock_a_platform_admins_login(admin):
    # Given five wrong passwords in a row
    for _ in range(5):
        assert platform_sign_in(admin, "Not-The-Password-1!").status == 401
    # When the right one comes next
    locked = platform_sign_in(admin)
    # Then the login is locked for a while, whatever the password
    assert locked.status == 429
    assert int(locked.headers["Retry-After"]) > 0


def test_a_malformed_platform_sign_in_is_422_naming_the_field():
    answer = call("POST", "/v1/auth/platform/sign-in", caller=None, body={"username": "a b", "password": "x"})
    assert answer.status == 422
    assert [e["field"] for e in answer.body["errors"]] == ["username"]


def test_a_temporary_password_at_a_tenant_is_403_saying_how_to_set_ones_own(platform: LocalPlatform):
    # Given an invited member of staff whose password an operator set by hand as temporary
    tenant = onboard()
    email = f"staff-{uuid.uuid4().hex[:10]}@example.com"
    invited = call(
        "POST",
        "/v1/users/invitations",
        caller=staff(tenant["id"], "owner"),
        body={"email": email, "name": "Sam Staff", "roles": ["expert"]},
    ).body
    _temporary_password(platform, invited["id"], "Temporary-Pass-2026!")
    # When they sign in with it
    body = {"tenant": tenant["slug"], "email": email, "password": "Temporary-Pass-2026!"}
    challenged = call("POST", "/v1/auth/sign-in", caller=None, body=body)
    # Then they are told, as problem+json, to accept their invitation or reset their password
    assert challenged.status == 403
    assert challenged.headers["Content-Type"] == "application/problem+json"
    assert challenged.body["type"] == "/errors/new-password-required"
    assert "/v1/auth/invitations/accept" in challenged.body["detail"]
    # And accepting the invitation gives them a password that signs them in
    builders.invitation_accepted(GATEWAY, tenant["slug"], email, MEMBER_PASSWORD)
    assert builders.signed_in(GATEWAY, tenant["slug"], email, MEMBER_PASSWORD)["user_id"] == invited["id"]


def test_a_temporary_password_at_the_platform_is_403_saying_how_to_set_a_permanent_one(platform, admin):
    # Given a platform admin whose password was set as temporary in the user pool
    _temporary_password(platform, admin, "Temporary-Pass-2026!")
    # When they sign in with it
    challenged = platform_sign_in(admin, "Temporary-Pass-2026!")
    # Then they are told it must be replaced, and how
    assert challenged.status == 403
    assert challenged.body["type"] == "/errors/new-password-required"
    assert "--permanent" in challenged.body["detail"]
