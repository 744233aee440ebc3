"""A new tenant's first owner, from outside: a platform admin signs in through the API and creates
the tenant, onboarding emails the owner the platform's own invitation, and the owner accepts it,
signs in and runs their tenant. No Cognito call on the way (no aws-cli, no admin password set)."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.conftest import Client, code_in, ok
from tests.support.builders import onboarded, outbox

pytestmark = pytest.mark.slow

OWNER_PASSWORD = "Willow-Owner-2026!"


def test_a_new_tenants_owner_accepts_the_emailed_invitation_and_signs_in_as_owner(client: Client):
    # Given the platform admin, signed in through the API with the demo's username and password
    admin = client.demo["platform_admin"]
    status, _, session = client.request(
        "POST", "/v1/auth/platform/sign-in", body={"username": admin["username"], "password": admin["password"]}
    )
    assert (status, session["tenant_id"]) == (200, None)
    admin_token = session["id_token"]
    # When they create a clinic naming its first owner, and the workflow onboards it
    stamp = uuid.uuid4().hex[:10]
    email = f"owner-{stamp}@willow.example"
    body = {
        "name": f"Willow Clinic {stamp}",
        "slug": f"willow-{stamp}",
        "kind": "private_clinic",
        "currency": "GBP",
        "locale": "en-GB",
        "jurisdiction": "GB",
        "tier": "professional",
        "first_admin": {"email": email, "name": "Wen Willow"},
    }
    status, _, created = client.request("POST", "/v1/tenants", token=admin_token, body=body)
    assert status == 201
    assert onboarded(client.http, created["id"], as_=admin_token, timeout_s=30)["status"] == "active"
    # Then the owner has the platform's invitation in their inbox, with a code
    [invitation] = outbox(client.http, email)
    assert "you are invited" in invitation["subject"]
    code = code_in(invitation["text"])
    # When they accept it with a password of their own and sign in with their email
    acceptance = {"tenant": body["slug"], "email": email, "code": code, "password": OWNER_PASSWORD}
    accepted = ok(client.http.request("POST", "/v1/auth/invitations/accept", body=acceptance), 200)
    credentials = {"tenant": body["slug"], "email": email, "password": OWNER_PASSWORD}
    signed_in = ok(client.http.request("POST", "/v1/auth/sign-in", body=credentials), 200)
    # Then they are the clinic's owner: its own record and the owner-only audit trail open to them
    assert (signed_in["user_id"], signed_in["tenant_id"]) == (accepted["user_id"], created["id"])
    owner = signed_in["id_token"]
    status, _, tenant = client.request("GET", "/v1/tenant", token=owner)
    assert (status, tenant["id"]) == (200, created["id"])
    status, _, trail = client.request("GET", "/v1/audit", token=owner)
    assert status == 200
    assert {"staff.invited", "invitation.accepted", "sign_in.succeeded"} <= {e["action"] for e in trail["items"]}
    # And the invitation's code works once
    status, _, again = client.request("POST", "/v1/auth/invitations/accept", body=acceptance)
    assert (status, again["type"]) == (400, "/errors/wrong-code")
