"""What the templates' tests share: a tenant's owner, and a template published through the API."""

from __future__ import annotations

from typing import Any

from tests.support import call, staff

TEMPLATES = "/v1/notification-templates"
EMAIL = {"subject": "Paid: {order_id}", "text": "We have {total} for {order_id}.", "html": "<p>{total}</p>"}


def owner(tenant: str) -> dict[str, str]:
    return staff(tenant, "owner", user_id="owner-1")


def published(tenant: str, path: str = "order.paid/email/en-GB", body: dict[str, Any] | None = None) -> dict[str, Any]:
    answer = call("PUT", f"{TEMPLATES}/{path}", caller=owner(tenant), body=body or EMAIL)
    assert answer.status == 200, answer.body
    return dict(answer.body)
