"""The sending and status routes: staff notify members (an event's rule, or their own words), read a
message and its trail, a request's messages; members read their own; nothing crosses a member or a
tenant; bad input is a 422 naming the field."""

from __future__ import annotations

import uuid

import pytest

from panacea.platform.providers.channels import Channel
from tests.integration.engagement.intake_support import member_caller, owner
from tests.integration.stripe_support import shop
from tests.support import call


@pytest.fixture(scope="module")
def tenant() -> str:
    return shop()


@pytest.fixture(scope="module")
def other_tenant() -> str:
    return shop()


def _id() -> str:
    return f"m-{uuid.uuid4().hex[:8]}"


def test_staff_notify_members_in_their_own_words_and_read_what_became_of_it(tenant, members, sent):
    # Given two reachable members and one unknown
    ann, bob = members.member(_id(), channels=(Channel.SMS, Channel.EMAIL)), members.member(_id())
    body = {"member_ids": [ann, bob, "nobody"], "event_type": "custom", "channels": ["sms", "email"],
            "subject": "Clinic closed", "text": "The clinic is closed on Monday."}  # fmt: skip
    # When staff send it
    answer = call("POST", "/v1/notifications", caller=owner(tenant), body=body, headers={"Idempotency-Key": "k-1"})
    # Then two messages are accepted and the unknown member is skipped
    assert answer.status == 202, answer.body
    assert len(answer.body["message_ids"]) == 2
    assert answer.body["skipped"] == [{"member_id": "nobody", "reason": "unknown_member"}]
    assert len(sent.bodies("engagement-sms")) == 2
    # And the same request sent again with its key is the same answer, nothing sent twice
    again = call("POST", "/v1/notifications", caller=owner(tenant), body=body, headers={"Idempotency-Key": "k-1"})
    assert again.body == answer.body
    assert len(sent.bodies("engagement-sms")) == 2
    # And the request's messages are listed, and each message reads with its trail
    listed = call("GET", f"/v1/notification-requests/{answer.body['request_id']}/messages", caller=owner(tenant))
    assert sorted(m["id"] for m in listed.body["items"]) == sorted(answer.body["message_ids"])
    one = call("GET", f"/v1/notifications/{answer.body['message_ids'][0]}", caller=owner(tenant)).body
    assert (one["event_type"], one["status"], one["channel"], len(one["hops"])) == ("api", "queued", "sms", 1)
    # And each member reads their own, newest first, and nobody else's
    mine = call("GET", "/v1/me/notifications", caller=member_caller(tenant, ann))
    assert [m["member_id"] for m in mine.body["items"]] == [ann]
    assert call("GET", f"/v1/notifications/{one['id']}", caller=member_caller(tenant, bob)).status == 403


def test_nothing_of_one_tenant_is_read_by_another(tenant, other_tenant, members, sent):
    # Given a message of the tenant
    ann = members.member(_id())
    body = {"member_id": ann, "event_type": "order.paid", "data": {"order_id": "A-9"}}
    made = call("POST", "/v1/notifications", caller=owner(tenant), body=body)
    assert made.status == 202, made.body
    (message_id,) = made.body["message_ids"]
    # Then another tenant's staff find no such message, and no such request: 404s, as for ids nobody has
    other = call("GET", f"/v1/notifications/{message_id}", caller=owner(other_tenant))
    assert (other.status, other.problem_fields) == (404, ["path.message_id"])
    listed = call("GET", f"/v1/notification-requests/{made.body['request_id']}/messages", caller=owner(other_tenant))
    assert (listed.status, listed.problem_fields) == (404, ["path.request_id"])
    nobodys = call("GET", "/v1/notification-requests/01M8A2C4E6G8J0K2M4P6R8T0W3/messages", caller=owner(tenant))
    assert (nobodys.status, nobodys.problem_fields) == (404, ["path.request_id"])
    # And the member of another tenant with the same id reads none of it
    assert call("GET", "/v1/me/notifications", caller=member_caller(other_tenant, ann)).body["items"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"event_type": "order.paid"}, "body"),
        ({"member_id": "m", "event_type": "custom", "text": "hi"}, "body"),
        ({"member_id": "m", "event_type": "no such thing"}, "event_type"),
        ({"member_id": "m", "event_type": "custom", "channels": ["fax"], "text": "hi"}, "channels[0]"),
        ({"member_ids": [f"m{i}" for i in range(101)], "event_type": "order.paid"}, "member_ids"),
        ({"member_id": "m", "event_type": "order.paid", "data": {"x": "y" * 9000}}, "data"),
    ],
)
def test_bad_requests_name_their_field(tenant, body, field):
    answer = call("POST", "/v1/notifications", caller=owner(tenant), body=body)
    assert answer.status == 422, answer.body
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert field in answer.problem_fields


def test_an_event_without_a_rule_and_a_member_without_the_send_action_are_refused(tenant):
    unruled = call("POST", "/v1/notifications", caller=owner(tenant), body={"member_id": "m", "event_type": "x.y"})
    assert (unruled.status, unruled.problem_fields) == (422, ["event_type"])
    body = {"member_id": "m", "event_type": "order.paid"}
    assert call("POST", "/v1/notifications", caller=member_caller(tenant, "m"), body=body).status == 403
