"""Partner API keys: issued to active tenants, shown once, stored hashed, revoked for good."""

from __future__ import annotations

import hashlib

import pytest

from panacea.tenancy import dal
from tests.support import PLATFORM_ADMIN, call, onboard, signed_get


@pytest.fixture
def tenant():
    return onboard()


def test_a_key_is_shown_once_and_stored_only_as_a_hash(tenant):
    # When a platform admin issues a key
    issued = call("POST", f"/v1/tenants/{tenant['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": "LIMS"})
    # Then the whole secret is in this answer, under a prefix that identifies it
    assert issued.status == 201
    secret = issued.body["secret"]
    assert secret.startswith(issued.body["prefix"] + "_")
    assert issued.body["prefix"] == f"pnc_{issued.body['id']}"
    assert issued.body["roles"] == ["admin"]
    # And the table keeps only its hash
    item = dal.api_key(issued.body["id"])
    assert item is not None
    assert item.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(item.serialize())
    # And the list shows the key without its secret
    listed = call("GET", f"/v1/tenants/{tenant['id']}/api-keys", caller=PLATFORM_ADMIN).body["items"]
    assert [k["id"] for k in listed] == [issued.body["id"]]
    assert "secret" not in listed[0]


def test_a_revoked_key_stops_working(tenant):
    issued = call("POST", f"/v1/tenants/{tenant['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": "LIMS"}).body
    assert signed_get(issued, "/v1/tenant").status == 200
    # When the key is revoked
    revoked = call("DELETE", f"/v1/tenants/{tenant['id']}/api-keys/{issued['id']}", caller=PLATFORM_ADMIN)
    # Then it no longer opens the API, and revoking again changes nothing
    assert revoked.body["revoked_at"] is not None
    assert signed_get(issued, "/v1/tenant").status == 401
    again = call("DELETE", f"/v1/tenants/{tenant['id']}/api-keys/{issued['id']}", caller=PLATFORM_ADMIN)
    assert again.body["revoked_at"] == revoked.body["revoked_at"]


def test_a_key_of_another_tenant_cannot_be_revoked_through_this_one(tenant):
    other = onboard()
    issued = call("POST", f"/v1/tenants/{other['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": "LIMS"}).body
    answer = call("DELETE", f"/v1/tenants/{tenant['id']}/api-keys/{issued['id']}", caller=PLATFORM_ADMIN)
    assert answer.status == 404
    key = dal.api_key(issued["id"])
    assert key is not None
    assert key.revoked_at is None


def test_a_suspended_tenant_gets_no_new_keys(tenant):
    call("POST", f"/v1/tenants/{tenant['id']}/suspend", caller=PLATFORM_ADMIN, body={"reason": "unpaid"})
    answer = call("POST", f"/v1/tenants/{tenant['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": "LIMS"})
    assert answer.status == 409


def test_a_retried_issue_makes_one_key_and_never_shows_its_secret_again(tenant):
    # Given a key issued under an Idempotency-Key
    path = f"/v1/tenants/{tenant['id']}/api-keys"
    first = call("POST", path, caller=PLATFORM_ADMIN, body={"name": "LIMS"}, headers={"Idempotency-Key": "k-1"})
    # When the same request is retried with the same key
    retry = call("POST", path, caller=PLATFORM_ADMIN, body={"name": "LIMS"}, headers={"Idempotency-Key": "k-1"})
    # Then no second key exists, and the retry is told which key it made instead of its secret
    assert first.status == 201
    assert retry.status == 409
    assert first.body["id"] in retry.body["detail"]
    assert "secret" not in retry.body
    assert len(call("GET", path, caller=PLATFORM_ADMIN).body["items"]) == 1
