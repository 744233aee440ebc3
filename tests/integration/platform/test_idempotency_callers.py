"""An Idempotency-Key is its caller's own: two people (or two partner systems) of one tenant who
happen to send the same key each get their own answer, never the other's; the same caller's retry
replays its first answer and says so (`Idempotent-Replayed: true`)."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.integration.commerce import Shop, checkout, shop
from tests.support import PLATFORM_ADMIN, call, gateway_request, onboard, signed_headers, signed_up_member, staff
from tests.support.builders import ADDRESS

PASSWORD = "Harbour-Gene-2026!"
REPLAYED = "Idempotent-Replayed"


@pytest.fixture(scope="module")
def tenant():
    return onboard()


def _member(tenant, name: str) -> dict[str, str]:
    """A confirmed member of the tenant, called `name`, as the authorizer hands them to functions."""
    email = f"m-{uuid.uuid4().hex[:10]}@example.com"
    user_id = signed_up_member(tenant["slug"], email, PASSWORD, individual={"real_name": name})
    return staff(tenant["id"], "member", user_id=user_id)


def test_two_members_with_one_key_each_change_their_own_profile(tenant):
    # Given two members of one tenant, and the key the first used to change their profile
    mei, tom = _member(tenant, "Mei Chen"), _member(tenant, "Tom Reed")
    key, change = {"Idempotency-Key": "profile-1"}, {"individual": {"birth_date": "1986-04-12"}}
    first = call("PATCH", "/v1/me", caller=mei, headers=key, body=change)
    # When the second member sends the same change with the same key
    second = call("PATCH", "/v1/me", caller=tom, headers=key, body=change)
    # Then the second gets their own profile back, not the first's (name, email, birth date)
    assert (first.status, second.status) == (200, 200), second.body
    assert (second.body["id"], second.body["individual"]["real_name"]) == (tom["user_id"], "Tom Reed")
    assert second.body["email"] != first.body["email"]
    assert REPLAYED not in second.headers
    # And their change is made, not dropped
    assert call("GET", "/v1/me", caller=tom).body["individual"]["birth_date"] == "1986-04-12"
    # And a different change with that key is theirs to make too (not refused as the first's key reused)
    other = call("PATCH", "/v1/me", caller=_member(tenant, "Ana Ruiz"), headers=key, body={"individual": {}})
    assert other.status == 200, other.body


def test_two_members_with_one_key_each_add_their_own_address(tenant):
    # Given two members who add an address with the same key and the same body
    mei, tom = _member(tenant, "Mei Chen"), _member(tenant, "Tom Reed")
    key = {"Idempotency-Key": "address-1"}
    first = call("POST", "/v1/me/addresses", caller=mei, headers=key, body=ADDRESS)
    # When the second sends it
    second = call("POST", "/v1/me/addresses", caller=tom, headers=key, body=ADDRESS)
    # Then each has an address of their own, in their own book
    assert (first.status, second.status) == (201, 201), second.body
    assert first.body["id"] != second.body["id"]
    assert REPLAYED not in second.headers
    for member, added in ((mei, first), (tom, second)):
        book = call("GET", "/v1/me/addresses", caller=member).body["items"]
        assert [a["id"] for a in book] == [added.body["id"]]


def test_the_same_member_retrying_with_their_key_gets_the_first_answer_marked_replayed(tenant):
    # Given a member who added an address with a key
    mei = _member(tenant, "Mei Chen")
    key = {"Idempotency-Key": "address-retry"}
    first = call("POST", "/v1/me/addresses", caller=mei, headers=key, body=ADDRESS)
    # When they retry it (the answer was lost)
    retry = call("POST", "/v1/me/addresses", caller=mei, headers=key, body=ADDRESS)
    # Then the same address answers, marked as a replay; the first answer was not
    assert (first.status, retry.status) == (201, 201)
    assert retry.body == first.body
    assert retry.headers.get("Location") == first.headers["Location"]
    assert (REPLAYED in first.headers, retry.headers.get(REPLAYED)) == (False, "true")
    assert len(call("GET", "/v1/me/addresses", caller=mei).body["items"]) == 1
    # And a PATCH retried the same way replays too
    patch = {"individual": {"occupation": "teacher"}}
    once = call("PATCH", "/v1/me", caller=mei, headers={"Idempotency-Key": "p-retry"}, body=patch)
    again = call("PATCH", "/v1/me", caller=mei, headers={"Idempotency-Key": "p-retry"}, body=patch)
    assert (REPLAYED in once.headers, again.headers.get(REPLAYED), again.body) == (False, "true", once.body)


def test_two_partner_systems_of_one_tenant_with_one_key_each_make_their_own_change():
    # Given two API keys of one tenant
    tenant = onboard()
    keys = [
        call("POST", f"/v1/tenants/{tenant['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": name}).body
        for name in ("LIMS", "CRM")
    ]

    def patch(key, colour: str):
        body = json.dumps({"branding": {"accent_colour": colour}}).encode()
        headers = signed_headers(key, "PATCH", "/v1/tenant/settings", body=body) | {"Idempotency-Key": "sync-1"}
        return gateway_request("PATCH", "/v1/tenant/settings", headers=headers, body=body)

    # When each system changes the settings with the same Idempotency-Key
    first, second = patch(keys[0], "#111111"), patch(keys[1], "#222222")
    # Then the second's change is its own, made, not refused as the first's key reused
    assert (first.status, second.status) == (200, 200), second.body
    assert second.body["settings"]["branding"]["accent_colour"] == "#222222"
    # And the first system's retry still replays its own answer
    retry = patch(keys[0], "#111111")
    assert (retry.status, retry.headers.get(REPLAYED)) == (200, "true")
    assert retry.body["settings"]["branding"]["accent_colour"] == "#111111"


def test_two_platform_admins_with_one_key_each_issue_their_own_api_key():
    # Given two platform admins of whom the first issued a key under an Idempotency-Key
    tenant = onboard()
    ada = PLATFORM_ADMIN
    bob = {**PLATFORM_ADMIN, "user_id": "platform-admin-2"}
    path, key = f"/v1/tenants/{tenant['id']}/api-keys", {"Idempotency-Key": "issue-1"}
    first = call("POST", path, caller=ada, body={"name": "LIMS"}, headers=key)
    # When the second sends the same request with the same key
    second = call("POST", path, caller=bob, body={"name": "LIMS"}, headers=key)
    # Then the second gets a key of their own, with its secret (not told the first's key was issued)
    assert (first.status, second.status) == (201, 201), second.body
    assert second.body["id"] != first.body["id"]
    assert second.body["secret"].startswith(second.body["prefix"])


@pytest.fixture(scope="module")
def store() -> Shop:
    return shop(stock=5)


def test_a_retried_checkout_is_marked_replayed(store: Shop):
    # Given a member's checkout with a key
    member = store.member()
    first = checkout(store, member, [store.line("service")], key="checkout-replay")
    # When it is retried
    retry = checkout(store, member, [store.line("service")], key="checkout-replay")
    # Then the same order answers, marked as a replay; the first answer was not
    assert (first.status, retry.status) == (201, 201), retry.body
    assert retry.body["order"]["id"] == first.body["order"]["id"]
    assert (REPLAYED in first.headers, retry.headers.get(REPLAYED)) == (False, "true")
    # And another member's checkout with the same key places their own order
    other = checkout(store, store.member(), [store.line("service")], key="checkout-replay")
    assert other.status == 201, other.body
    assert other.body["order"]["id"] != first.body["order"]["id"]
    assert REPLAYED not in other.headers
