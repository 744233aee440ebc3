"""Writes with an Idempotency-Key happen once; a retry gets the first answer back."""

from __future__ import annotations

from tests.support import PLATFORM_ADMIN, call, new_tenant_body, onboard, staff


def test_a_retried_create_creates_nothing_twice():
    # Given a create that the client will retry (say, after a timeout)
    body, key = new_tenant_body(), {"Idempotency-Key": "create-harbour-1"}
    # When it is sent twice with the same key
    first = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=body, headers=key)
    second = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=body, headers=key)
    # Then both answers are the same tenant, and a create without the key sees the slug taken
    assert (first.status, second.status) == (201, 201)
    assert second.body == first.body
    assert call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=body).status == 409


def test_a_key_reused_with_another_request_is_refused():
    key = {"Idempotency-Key": "create-harbour-2"}
    call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(), headers=key)
    other = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(), headers=key)
    assert other.status == 422
    assert other.problem_fields == ["header.Idempotency-Key"]


def test_a_failed_write_can_be_retried_with_the_same_key():
    # Given a create refused for a taken slug
    taken = onboard()["slug"]
    key = {"Idempotency-Key": "create-harbour-3"}
    refused = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(slug=taken), headers=key)
    assert refused.status == 409
    # When the client fixes nothing and retries, it is refused again (the failure was not stored)
    again = call("POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(slug=taken), headers=key)
    assert again.status == 409


def test_keys_of_two_tenants_never_collide():
    # Given two tenants' owners who happen to use the same Idempotency-Key
    a, b = onboard(), onboard()
    key = {"Idempotency-Key": "same-key"}
    # When each changes their own settings with it
    first = call(
        "PATCH",
        "/v1/tenant/settings",
        caller=staff(a["id"], "owner"),
        headers=key,
        body={"branding": {"accent_colour": "#111111"}},
    )
    second = call(
        "PATCH",
        "/v1/tenant/settings",
        caller=staff(b["id"], "owner"),
        headers=key,
        body={"branding": {"accent_colour": "#111111"}},
    )
    # Then each change happens in its own tenant; neither replays the other's answer
    assert (first.body["id"], second.body["id"]) == (a["id"], b["id"])


def test_a_malformed_key_is_a_bad_request():
    answer = call(
        "POST", "/v1/tenants", caller=PLATFORM_ADMIN, body=new_tenant_body(), headers={"Idempotency-Key": "x" * 300}
    )
    assert answer.status == 400
    assert answer.problem_fields == ["header.Idempotency-Key"]
