"""What the payments suites share: a tenant that takes payments, the use cases called as the
orders context will call them (inside the tenant's scope), the local Stripe sandbox, webhooks
posted through the gateway, and the events payments wrote to the outbox."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import STRIPE_WEBHOOK_PATH, LocalPlatform
from infra.local.stripe_sandbox import StripeSandbox
from panacea.payments import logic, starting
from panacea.payments.models import Payment, PaymentView
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.support.builders import eventually
from tests.support.in_process import gateway_request, onboard
from tests.support.transport import Answer


def sandbox(platform: LocalPlatform) -> StripeSandbox:
    assert platform.stripe is not None
    return platform.stripe


def shop(**overrides: Any) -> str:
    """An onboarded gene-testing tenant (card online; offline payments allowed); its id."""
    return str(onboard(**overrides)["id"])


def gbp(amount: int, currency: str = "GBP") -> Money:
    return Money(amount=amount, currency=currency)


def start(
    tenant_id: str,
    amount: Money,
    *,
    key: str | None = None,
    order_id: str | None = None,
    methods: list[str] | None = None,
) -> PaymentView:
    """start_payment, as the orders context calls it inside the tenant's request."""
    with acting_for(tenant_id):
        return starting.start_payment(
            tenant_id,
            order_id or new_id(),
            amount,
            methods,
            customer_ref="member-1",
            idempotency_key=key or new_id(),
        )


def as_tenant(tenant_id: str, work: Callable[[], Any]) -> Any:
    with acting_for(tenant_id):
        return work()


def payment(tenant_id: str, payment_id: str) -> Payment:
    return as_tenant(tenant_id, lambda: logic.get_payment(tenant_id, payment_id))  # type: ignore[no-any-return]


def until(tenant_id: str, payment_id: str, check: Callable[[Payment], bool]) -> Payment:
    """The payment once `check` holds (webhooks arrive on their own thread)."""

    def now() -> Payment | None:
        found = payment(tenant_id, payment_id)
        return found if check(found) else None

    return eventually(now, timeout_s=15, what=f"payment {payment_id} not as expected")  # type: ignore[no-any-return]


def paid(platform: LocalPlatform, tenant_id: str, amount: Money, **kwargs: Any) -> Payment:
    """A payment the member made (through the sandbox), once its webhook has been applied."""
    view = start(tenant_id, amount, **kwargs)
    assert view.intent_id
    sandbox(platform).succeed(view.intent_id)
    return until(tenant_id, view.id, lambda p: p.status == "succeeded")


def post_webhook(payload: bytes, signature: str | None) -> Answer:
    """POST a body to the webhook route through the local gateway's code path, as Stripe does."""
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if signature is not None:
        headers["Stripe-Signature"] = signature
    return gateway_request("POST", STRIPE_WEBHOOK_PATH, headers=headers, body=payload)


def send(platform: LocalPlatform, event: dict[str, Any], **signing: Any) -> Answer:
    """A webhook of `event`, signed as Stripe signs it (or with `secret`/`at` given)."""
    payload, signature = sandbox(platform).signed(event, **signing)
    return post_webhook(payload, signature)


def events_of(tenant_id: str, name: str) -> list[dict[str, Any]]:
    """The `data` of every event `name` payments announced for the tenant (read from the outbox)."""
    table = boto3.client("dynamodb", region_name=REGION)
    found = []
    for page in table.get_paginator("scan").paginate(
        TableName=os.environ["PANACEA_TABLE"],
        FilterExpression="begins_with(PK, :outbox) AND detail_type = :name",
        ExpressionAttributeValues={":outbox": {"S": f"T#{tenant_id}#OUTBOX#"}, ":name": {"S": name}},
    ):
        found += [json.loads(item["detail"]["S"]) for item in page["Items"]]
    return [d["data"] for d in sorted(found, key=lambda d: d["metadata"]["occurred_at"])]
