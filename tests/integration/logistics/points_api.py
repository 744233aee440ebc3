"""What the logistics tests share: a tenant's collection point opened through the API, a member's
paid gene test as logistics learns it (orders' `order.paid`, delivered to logistics' consumer), the
outbox's events of a kind, and a fixed week to book in."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from panacea.logistics import following
from panacea.orders import LineFact, OrderPaid
from panacea.platform.events import EventMetadata, OutboxItem
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.support import call, staff

MONDAY_9_SHANGHAI = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # Monday 7 December 2026, 09:00 in Shanghai
BEFORE = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # the Tuesday before

POINT: dict[str, Any] = {
    "name": "Jing'an collection point",
    "address": {"line1": "1 Nanjing West Road", "city": "Shanghai", "country": "CN"},
    "latitude": 31.2304,
    "longitude": 121.4737,
    "time_zone": "Asia/Shanghai",
    "opening_hours": [{"day": "mon", "opens": "09:00", "closes": "12:00"}],
    "services": ["saliva_sample"],
    "slot_minutes": 30,
    "capacity": 2,
}


def owner(tenant: str) -> dict[str, str]:
    return staff(tenant, "owner", user_id="owner-1")


def desk(tenant: str) -> dict[str, str]:
    return staff(tenant, "service_desk", user_id="desk-1")


def member(tenant: str, member_id: str = "") -> tuple[str, dict[str, str]]:
    member_id = member_id or new_id()
    return member_id, staff(tenant, "member", user_id=member_id)


def point(tenant: str, **fields: Any) -> dict[str, Any]:
    answer = call("POST", "/v1/collection-points", caller=owner(tenant), body={**POINT, **fields})
    assert answer.status == 201, answer.body
    return dict(answer.body)


def paid_gene_test(tenant: str, member_id: str, *, kind: str = "gene_test") -> str:
    """An order of the member's, paid, with a gene test on line 1, as orders announces it; its id."""
    order_id = new_id()
    line = LineFact(
        line_no=1, sku_id="S1", store_id="ST1", product_id="P1", kind=kind, quantity=1,
        amount=Money(amount=29900, currency="GBP"),
    )  # fmt: skip
    event = OrderPaid(
        order_id=order_id, member_id=member_id, total=line.amount, payment_id="pay-1", payment_method="card",
        lines=[line], referral_code=None,
    )  # fmt: skip
    metadata = EventMetadata(
        event_id=new_id(), event_version=1, tenant_id=tenant, correlation_id=new_id(), occurred_at=BEFORE
    )
    with acting_for(tenant):
        following.follow(metadata, event)
        following.follow(metadata, event)  # delivered twice: recorded once
    return order_id


def events_named(tenant: str, name: str) -> list[dict[str, Any]]:
    """The `data` of every event of that name the tenant's changes put in the outbox."""
    found = OutboxItem.scan(OutboxItem.detail_type == name)
    details = [json.loads(item.detail) for item in found]
    return [d["data"] for d in details if d["metadata"]["tenant_id"] == tenant]
