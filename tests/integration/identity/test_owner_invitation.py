"""A new tenant's first owner: invited by onboarding as staff are invited (the platform's own email
with a code, accepted at `/v1/auth/invitations/accept`), then signed in with the password they
chose, as an owner. Cognito's own invitation is never used: moto never delivers it, and in AWS
it would leave the owner facing a NEW_PASSWORD_REQUIRED challenge the API does not answer."""

from __future__ import annotations

import uuid
from typing import Any

import boto3

from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from tests.support import bearer, builders, call, gateway_request, onboard, outbox, resources, staff
from tests.support.in_process import GATEWAY

PASSWORD = "Harbour-Owner-2026!"


def _owner_email() -> str:
    return f"owner-{uuid.uuid4().hex[:10]}@example.com"


def _owner_of(tenant: dict[str, Any]) -> dict[str, Any]:
    [owner] = call("GET", "/v1/users?role=owner", caller=staff(tenant["id"], "owner")).body["items"]
    return dict(owner)


def _enrol_again(tenant: dict[str, Any], owner: dict[str, Any]) -> dict[str, Any]:
    """The EnrolOwner task run once more, as Step Functions runs it on a retry."""
    fn = wiring.function("IdentitySteps")
    task = {
        "task": "enrol_owner",
        "tenant_id": tenant["id"],
        "user_id": owner["id"],
        "email": owner["email"],
        "name": owner["name"],
        "correlation_id": "retry",
    }
    return dict(invoke(fn.handler, task, function_name=fn.name))


def test_onboarding_emails_the_owner_an_invitation_they_accept_then_sign_in_as_owner(platform: LocalPlatform):
    # Given a tenant created by a platform admin and onboarded by its workflow
    email = _owner_email()
    tenant = onboard(first_admin={"email": email, "name": "Ada Owner"})
    # Then its owner got one message, the platform's own, inviting them as owner with a code
    [invitation] = outbox(email)
    assert "you are invited" in invitation["subject"]
    assert "as owner" in invitation["text"]
    # And they are invited, with a sign-in no password opens yet (no temporary password was sent)
    owner = _owner_of(tenant)
    assert (owner["email"], owner["status"]) == (email, "invited")
    idp = boto3.client("cognito-idp", endpoint_url=platform.aws_url, region_name=REGION)
    user = idp.admin_get_user(UserPoolId=resources(platform).user_pool_id, Username=owner["id"])
    assert {"Name": "custom:tenant_id", "Value": tenant["id"]} in user["UserAttributes"]
    refused = call(
        "POST", "/v1/auth/sign-in", caller=None, body={"tenant": tenant["slug"], "email": email, "password": PASSWORD}
    )
    assert refused.status == 401
    # When they accept the invitation with its code and a password of their own, and sign in
    assert builders.invitation_accepted(GATEWAY, tenant["slug"], email, PASSWORD) == owner["id"]
    session = builders.signed_in(GATEWAY, tenant["slug"], email, PASSWORD)
    # Then they are the tenant's active owner, and an owner-only route (the audit trail) opens to them
    assert (session["user_id"], session["tenant_id"]) == (owner["id"], tenant["id"])
    assert _owner_of(tenant)["status"] == "active"
    trail = gateway_request("GET", f"/v1/audit?user_id={owner['id']}", headers=bearer(session["id_token"]))
    assert trail.status == 200
    assert [e["action"] for e in trail.body["items"]] == [
        "sign_in.succeeded",
        "invitation.accepted",
        "sign_in.failed",
        "staff.invited",
    ]
    assert trail.body["items"][-1]["actor_id"] is None  # invited by the platform, onboarding the tenant


def test_a_retried_enrolment_keeps_one_owner_and_only_the_latest_code_opens_the_invitation():
    # Given an onboarded tenant whose owner has not accepted yet
    email = _owner_email()
    tenant = onboard(first_admin={"email": email, "name": "Ada Owner"})
    owner = _owner_of(tenant)
    first_code = builders.code_sent_to(GATEWAY, email)
    # When the workflow's EnrolOwner task runs again (a retry after a lost answer)
    assert _enrol_again(tenant, owner) == {"user_id": owner["id"]}
    # Then there is still one owner, invited afresh, and the earlier code no longer works
    assert _owner_of(tenant)["id"] == owner["id"]
    assert len(outbox(email)) == 2
    stale = {"tenant": tenant["slug"], "email": email, "code": first_code, "password": PASSWORD}
    assert call("POST", "/v1/auth/invitations/accept", caller=None, body=stale).body["type"] == "/errors/wrong-code"
    # And the latest code does
    assert builders.invitation_accepted(GATEWAY, tenant["slug"], email, PASSWORD) == owner["id"]


def test_an_owner_who_accepted_is_not_invited_again_by_a_late_retry():
    # Given an owner who accepted their invitation
    email = _owner_email()
    tenant = onboard(first_admin={"email": email, "name": "Ada Owner"})
    owner = _owner_of(tenant)
    builders.invitation_accepted(GATEWAY, tenant["slug"], email, PASSWORD)
    # When the EnrolOwner task runs once more
    _enrol_again(tenant, owner)
    # Then no new invitation goes out, and their password still signs them in
    assert len(outbox(email)) == 1
    assert builders.signed_in(GATEWAY, tenant["slug"], email, PASSWORD)["user_id"] == owner["id"]
