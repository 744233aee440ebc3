"""The sending side of notifications in a tenant's life (`tests/integration/platform/tenant_life.py`
drives it; the cursor test and the cross-tenant probe make their messages with it): staff notify a
member, read the message and its request's messages; the member reads their own; the owner
broadcasts news to an audience and reads its progress."""

from __future__ import annotations

from typing import Any

from tests.integration.engagement.preference_life import AUDIENCE
from tests.support import builders

PAID = {"order_id": "01M8A2C4E6G8J0K2M4P6R8T0W3", "total": {"amount": 4500, "currency": "GBP"}}


def notifications_sent(life: Any, member: builders.Member) -> None:
    """The owner tells the member their order is paid and reads the message and its request's messages;
    the member reads their own; the owner broadcasts news to the audience of two and reads its progress."""
    owner = life.owner
    body = {"member_id": member.user_id, "event_type": "order.paid", "data": PAID}
    made = life.call("POST", "/v1/notifications", as_=owner, body=body, headers={"Idempotency-Key": "life-paid"})
    (message_id,) = made["message_ids"]
    life.call("GET", f"/v1/notifications/{message_id}", as_=owner)
    life.call("GET", f"/v1/notification-requests/{made['request_id']}/messages?limit=5", as_=owner)
    life.call("GET", "/v1/me/notifications?limit=5", as_=member.token)
    news = {"tag": AUDIENCE, "event_type": "news.published", "data": {"article_id": "A-1", "title": "Winter hours"}}
    started = life.call("POST", "/v1/broadcasts", as_=owner, body=news)
    life.call("GET", f"/v1/broadcasts/{started['id']}", as_=owner)


def notified_twice(api: Any, owner: dict[str, str], member_id: str, other_id: str) -> str:
    """Two messages of one request (to `member_id` and `other_id`) and another to `member_id`: the
    request's id (its list holds two, and so does the member's own)."""
    both = {"member_ids": [member_id, other_id], "event_type": "custom", "channels": ["email"], "text": "Closed Monday"}
    made = builders.ok(api.request("POST", "/v1/notifications", as_=owner, body=both), 202)
    assert len(made["message_ids"]) == 2, made
    again = {"member_id": member_id, "event_type": "custom", "channels": ["email"], "text": "Open Tuesday"}
    builders.ok(api.request("POST", "/v1/notifications", as_=owner, body=again), 202)
    return str(made["request_id"])
