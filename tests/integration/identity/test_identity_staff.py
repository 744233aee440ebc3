"""A tenant's people: staff invited with roles whose limits hold, roles changed (and kept in step
with Cognito's groups), people disabled and enabled, lists by role and status, and the audit
trail the owner reads."""

from __future__ import annotations

import json
import time
import uuid

import boto3
import jwt
import pytest

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from panacea.platform import clock
from tests.support import bearer, call, code_sent_to, gateway_request, onboard, resources, signed_up_member, staff

PASSWORD = "Harbour-Gene-2026!"


@pytest.fixture(scope="module")
def tenant():
    return onboard()


@pytest.fixture(scope="module")
def owner(tenant) -> dict[str, str]:
    """The authorizer context of the tenant's owner (enrolled by onboarding)."""
    [found] = call("GET", "/v1/users?role=owner", caller=staff(tenant["id"], "owner")).body["items"]
    return staff(tenant["id"], "owner", user_id=found["id"])


def new_email(prefix: str = "staff") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"


def invite(tenant, caller, *roles: str, email: str | None = None):
    return call(
        "POST",
        "/v1/users/invitations",
        caller=caller,
        body={"email": email or new_email(), "name": "Sam Staff", "roles": list(roles)},
        headers={"User-Agent": "admin-console/1.0"},
    )


def accept(tenant, email: str, password: str = PASSWORD):
    return call(
        "POST",
        "/v1/auth/invitations/accept",
        caller=None,
        body={"tenant": tenant["slug"], "email": email, "code": code_sent_to(email), "password": password},
    )


def sign_in(tenant, email: str, password: str = PASSWORD):
    return call(
        "POST",
        "/v1/auth/sign-in",
        caller=None,
        body={"tenant": tenant["slug"], "email": email, "password": password},
        headers={"User-Agent": "member-app/2.3"},
    )


def groups_of(token: str) -> list[str]:
    return list(jwt.decode(token, options={"verify_signature": False}).get("cognito:groups", []))


def test_invited_staff_set_a_password_and_their_roles_limits_hold(tenant, owner):
    # Given the owner invites a catalogue manager
    email = new_email()
    invited = invite(tenant, owner, "catalog_manager", email=email)
    assert invited.status == 201
    assert invited.headers["Location"] == f"/v1/users/{invited.body['id']}"
    assert (invited.body["status"], invited.body["roles"]) == ("invited", ["catalog_manager"])
    # When they accept with the emailed code and a password of their own, and sign in
    assert accept(tenant, email).status == 200
    session = sign_in(tenant, email)
    assert session.status == 200
    token = session.body["id_token"]
    assert groups_of(token) == ["catalog_manager"]
    # Then their own account is theirs, and active
    me = gateway_request("GET", "/v1/me", headers=bearer(token))
    assert (me.status, me.body["status"], me.body["roles"]) == (200, "active", ["catalog_manager"])
    # But people, roles and the audit trail are not theirs to touch
    for method, path, body in [
        ("GET", "/v1/users", None),
        ("PUT", f"/v1/users/{owner['user_id']}/roles", {"roles": ["admin"]}),
        ("POST", "/v1/users/invitations", {"email": new_email(), "name": "X", "roles": ["admin"]}),
        ("GET", "/v1/audit", None),
    ]:
        answer = gateway_request(
            method,
            path,
            headers={**bearer(token), "Content-Type": "application/json"},
            body=b"" if body is None else json.dumps(body).encode(),
        )
        assert answer.status == 403, (method, path, answer.body)
        assert answer.body["type"] == "/errors/forbidden"


def test_only_an_owner_makes_an_owner_and_an_email_has_one_account(tenant, owner):
    admin = staff(tenant["id"], "admin", user_id="admin-1")
    assert invite(tenant, admin, "owner").status == 403
    email = new_email()
    assert invite(tenant, admin, "finance", email=email).status == 201
    again = invite(tenant, owner, "finance", email=email)
    assert (again.status, again.body["type"], again.problem_fields) == (409, "/errors/email-taken", ["email"])


def test_an_invitation_code_allows_five_attempts_and_can_be_sent_again(tenant, owner):
    # Given an invitation, and five wrong guesses at its code
    email = new_email()
    invited = invite(tenant, owner, "finance", email=email).body
    code = code_sent_to(email)
    wrong = next(c for c in ("000000", "111111") if c != code)
    body = {"tenant": tenant["slug"], "email": email, "password": PASSWORD}
    fixed = clock.FixedClock(clock.now())
    with clock.use_clock(fixed):
        guesses = [
            call("POST", "/v1/auth/invitations/accept", caller=None, body={**body, "code": wrong}) for _ in range(5)
        ]
        assert [g.status for g in guesses] == [400] * 5
        # When the lock has passed and the right code comes
        fixed.advance(minutes=16)
        late = call("POST", "/v1/auth/invitations/accept", caller=None, body={**body, "code": code})
    # Then that code is spent; a new invitation's code works
    assert late.status == 400
    assert call("POST", f"/v1/users/{invited['id']}/invitation", caller=owner).status == 200
    assert accept(tenant, email).status == 200


def test_changing_roles_keeps_cognito_in_step_and_needs_a_fresh_token(tenant, owner, platform: LocalPlatform):
    # Given a signed-in catalogue manager
    email = new_email()
    user_id = invite(tenant, owner, "catalog_manager", email=email).body["id"]
    accept(tenant, email)
    session = sign_in(tenant, email).body
    # When the owner makes them an order manager and finance
    changed = call("PUT", f"/v1/users/{user_id}/roles", caller=owner, body={"roles": ["finance", "order_manager"]})
    # Then the account and Cognito's groups say so
    assert changed.status == 200
    assert changed.body["roles"] == ["finance", "order_manager"]
    idp = boto3.client("cognito-idp", endpoint_url=platform.aws_url, region_name=REGION)
    groups = idp.admin_list_groups_for_user(UserPoolId=resources(platform).user_pool_id, Username=user_id)["Groups"]
    assert sorted(g["GroupName"] for g in groups) == ["finance", "order_manager"]
    # And their token with the old roles is refused; a refreshed one carries the new roles
    assert gateway_request("GET", "/v1/me", headers=bearer(session["id_token"])).status == 401
    time.sleep(1 - time.time() % 1)  # tokens carry whole seconds: the next one
    refreshed = call("POST", "/v1/auth/refresh", caller=None, body={"refresh_token": session["refresh_token"]}).body
    assert sorted(groups_of(refreshed["id_token"])) == ["finance", "order_manager"]
    assert gateway_request("GET", "/v1/me", headers=bearer(refreshed["id_token"])).status == 200


def test_roles_cannot_be_changed_on_oneself_or_an_owner_by_an_admin_or_mixed_up(tenant, owner):
    admin = staff(tenant["id"], "admin", user_id="admin-2")
    yourself = call("PUT", f"/v1/users/{owner['user_id']}/roles", caller=owner, body={"roles": ["admin"]})
    an_owner = call("PUT", f"/v1/users/{owner['user_id']}/roles", caller=admin, body={"roles": ["admin"]})
    member_id = signed_up_member(tenant["slug"], new_email("member"), PASSWORD)
    staff_role_for_member = call("PUT", f"/v1/users/{member_id}/roles", caller=owner, body={"roles": ["finance"]})
    distributor = call("PUT", f"/v1/users/{member_id}/roles", caller=admin, body={"roles": ["member", "distributor"]})
    assert (yourself.status, an_owner.status) == (403, 403)
    assert (staff_role_for_member.status, staff_role_for_member.problem_fields) == (422, ["roles"])
    assert (distributor.status, distributor.body["roles"]) == (200, ["distributor", "member"])
    assert (
        call("PUT", "/v1/users/01JZZZZZZZZZZZZZZZZZZZZZZZ/roles", caller=owner, body={"roles": ["admin"]}).status == 404
    )


def test_a_disabled_person_is_refused_at_once_and_enabled_again(tenant, owner):
    # Given a signed-in member
    email = new_email("member")
    user_id = signed_up_member(tenant["slug"], email, PASSWORD)
    token = sign_in(tenant, email).body["id_token"]
    assert gateway_request("GET", "/v1/me", headers=bearer(token)).status == 200
    # When an admin disables them
    disabled = call("POST", f"/v1/users/{user_id}/disable", caller=owner, body={"reason": "chargeback fraud"})
    # Then their token is barred at the gate, and they cannot sign in (with the usual answer)
    assert (disabled.status, disabled.body["status"]) == (200, "disabled")
    assert gateway_request("GET", "/v1/me", headers=bearer(token)).status == 403
    assert sign_in(tenant, email).body["detail"] == "wrong email or password"
    # When they are enabled again
    enabled = call("POST", f"/v1/users/{user_id}/enable", caller=owner)
    # Then they are active and sign in
    assert (enabled.status, enabled.body["status"]) == (200, "active")
    assert sign_in(tenant, email).status == 200


def test_people_are_listed_by_role_and_status_a_page_at_a_time():
    # Given a tenant with three invited finance staff, two members and its owner
    tenant = onboard()
    [found] = call("GET", "/v1/users?role=owner", caller=staff(tenant["id"], "owner")).body["items"]
    owner = staff(tenant["id"], "owner", user_id=found["id"])
    finance = [invite(tenant, owner, "finance").body["id"] for _ in range(3)]
    members = [signed_up_member(tenant["slug"], new_email("member"), PASSWORD) for _ in range(2)]
    reader = staff(tenant["id"], "service_desk")

    def ids(query: str) -> list[str]:
        found, cursor = [], None
        while True:
            page = call("GET", f"/v1/users?{query}&limit=2" + (f"&cursor={cursor}" if cursor else ""), caller=reader)
            assert page.status == 200, page.body
            assert len(page.body["items"]) <= 2
            found += [u["id"] for u in page.body["items"]]
            cursor = page.body["next_cursor"]
            if not cursor:
                return found

    # Then each list has exactly its people, newest first, across pages
    assert ids("role=finance") == finance[::-1]
    assert ids("role=finance&status=invited") == finance[::-1]
    assert ids("role=member&status=active") == members[::-1]
    assert ids("role=finance&status=active") == []
    assert set(ids("status=invited")) == {*finance, owner["user_id"]}
    assert set(ids("")) == {*finance, *members, owner["user_id"]}
    # And a cursor from one list cannot continue another
    first = call("GET", "/v1/users?role=finance&limit=1", caller=reader).body
    assert call("GET", f"/v1/users?role=member&cursor={first['next_cursor']}", caller=reader).status == 400


def test_the_owner_reads_the_audit_trail_newest_first(tenant, owner):
    # Given an invitation accepted, a failed and a good sign-in, a role change, a disable and an enable, a sign-out
    email = new_email()
    user_id = invite(tenant, owner, "expert", email=email).body["id"]
    accept(tenant, email)
    sign_in(tenant, email, "Wrong-Password-1!")
    token = sign_in(tenant, email).body["id_token"]
    gateway_request("POST", "/v1/auth/sign-out", headers={**bearer(token), "User-Agent": "member-app/2.3"})
    call("PUT", f"/v1/users/{user_id}/roles", caller=owner, body={"roles": ["expert", "lab_operator"]})
    call("POST", f"/v1/users/{user_id}/disable", caller=owner, body={"reason": "on leave"})
    call("POST", f"/v1/users/{user_id}/enable", caller=owner)
    # When the owner reads the trail about that person
    trail = call("GET", f"/v1/audit?user_id={user_id}&limit=100", caller=owner)
    # Then every step is there, newest first, with who did it and from where
    assert trail.status == 200
    entries = trail.body["items"]
    assert [e["action"] for e in entries] == [
        "user.enabled",
        "user.disabled",
        "roles.changed",
        "signed_out",
        "sign_in.succeeded",
        "sign_in.failed",
        "invitation.accepted",
        "staff.invited",
    ]
    by_action = {e["action"]: e for e in entries}
    assert by_action["staff.invited"]["actor_id"] == owner["user_id"]
    assert by_action["staff.invited"]["user_agent"] == "admin-console/1.0"
    assert by_action["sign_in.succeeded"]["source_ip"] == "127.0.0.1"
    assert by_action["sign_in.succeeded"]["user_agent"] == "member-app/2.3"
    assert by_action["sign_in.failed"]["login"] == email
    assert by_action["roles.changed"]["detail"] == {"before": ["expert"], "after": ["expert", "lab_operator"]}
    assert by_action["user.disabled"]["detail"] == {"reason": "on leave"}
    # And the whole trail pages newest first
    first = call("GET", "/v1/audit?limit=3", caller=owner).body
    second = call("GET", f"/v1/audit?limit=3&cursor={first['next_cursor']}", caller=owner).body
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == sorted(ids, reverse=True)
    # But an admin may not read it
    assert call("GET", "/v1/audit", caller=staff(tenant["id"], "admin")).status == 403
