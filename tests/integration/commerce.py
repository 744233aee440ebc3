"""What the orders suites share: a shop (an onboarded tenant whose catalog sells a gene test, a
device and a service, with stock, and a coupon), members who buy from it, paying through the
local Stripe sandbox, and waiting for an order to reach a state (the workflow runs on its own
threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from infra.local.seed import coupon
from panacea.orders import dal
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from tests.integration import stripe_support
from tests.support import Answer, call, eventually, onboard, resources, staff

PRICES = {"gene_test": 29900, "device": 8900, "service": 4500}


@dataclass
class Shop:
    tenant_id: str
    slug: str
    skus: dict[str, str] = field(default_factory=dict)  # kind → SKU id
    products: dict[str, str] = field(default_factory=dict)  # kind → product id
    coupon: str | None = None
    coupon_id: str | None = None

    @property
    def store_id(self) -> str:
        return self.tenant_id  # the tenant's own store

    @property
    def owner(self) -> dict[str, str]:
        return staff(self.tenant_id, "owner")

    @property
    def manager(self) -> dict[str, str]:
        return staff(self.tenant_id, "order_manager", user_id="manager-1")

    @property
    def finance(self) -> dict[str, str]:
        return staff(self.tenant_id, "finance", user_id="finance-1")

    def member(self, user_id: str | None = None) -> dict[str, str]:
        return staff(self.tenant_id, "member", user_id=user_id or f"member-{new_id().lower()}")

    def line(self, kind: str, quantity: int = 1) -> dict[str, Any]:
        return {"sku_id": self.skus[kind], "store_id": self.store_id, "quantity": quantity}

    def stock(self, kind: str) -> dict[str, Any]:
        answer = call("GET", f"/v1/catalog/skus/{self.skus[kind]}/stock", caller=self.owner)
        assert answer.status == 200, answer.body
        (level,) = [s for s in answer.body["items"] if s["store_id"] == self.store_id]
        return dict(level)

    def set_stock(self, kind: str, available: int) -> None:
        answer = call(
            "PUT",
            f"/v1/catalog/skus/{self.skus[kind]}/stock/{self.store_id}",
            caller=self.owner,
            body={"available": available, "reason": "stock count for the test"},
        )
        assert answer.status == 200, answer.body

    def promotion(self) -> dict[str, Any]:
        answer = call("GET", f"/v1/promotions/{self.coupon_id}", caller=self.owner)
        assert answer.status == 200, answer.body
        return dict(answer.body)


def _ok(answer: Answer, *statuses: int) -> Any:
    assert answer.status in (statuses or (200, 201)), answer.body
    return answer.body


def shop(*, stock: int = 10, coupon_uses: int | None = None, **tenant: Any) -> Shop:
    """An onboarded gene-testing tenant (GBP; card online, offline allowed) selling a gene test,
    a device and a service from its own store, `stock` of each, and a 10% coupon."""
    record = onboard(**tenant)
    made = Shop(tenant_id=record["id"], slug=record["slug"])
    for kind, price in PRICES.items():
        product = _ok(
            call(
                "POST",
                "/v1/catalog/products",
                caller=made.owner,
                body={"name": f"A {kind.replace('_', ' ')}", "kind": kind, "cashback_bps": 500},
            )
        )
        sku = _ok(
            call(
                "POST",
                f"/v1/catalog/products/{product['id']}/skus",
                caller=made.owner,
                body={"code": f"{kind.upper().replace('_', '-')}-1", "prices": [{"amount": price, "currency": "GBP"}]},
            )
        )
        _ok(call("POST", f"/v1/catalog/products/{product['id']}/publish", caller=made.owner))
        made.products[kind], made.skus[kind] = product["id"], sku["id"]
        made.set_stock(kind, stock)
    code = f"TEN{new_id()[-8:]}"
    terms: dict[str, Any] = {"usage_limit": coupon_uses} if coupon_uses else {}
    body = coupon(code, percentage_bps=1000, **terms)
    promotion = _ok(call("POST", "/v1/promotions", caller=made.owner, body=body))
    _ok(call("POST", f"/v1/promotions/{promotion['id']}/activate", caller=made.owner))
    made.coupon, made.coupon_id = code, promotion["id"]
    return made


def add_address(shop: Shop, member: dict[str, str]) -> str:
    """An address in the member's address book (written as identity stores it); its id."""
    from panacea.identity import dal as identity  # noqa: PLC0415

    address_id = new_id()
    with acting_for(shop.tenant_id):
        identity.AddressItem.new(
            tenant_id=shop.tenant_id,
            user_id=member["user_id"],
            address_id=address_id,
            fields={
                "label": "Home",
                "recipient": "Mei Chen",
                "phone": "+447400123456",
                "line1": "12 Harbour Street",
                "city": "Bristol",
                "postcode": "BS1 4RN",
                "country": "GB",
                "uses": ["kits", "goods", "reports"],
            },
            default=True,
            at=datetime.now(UTC),
        ).save()
    return address_id


def checkout(shop: Shop, member: dict[str, str], lines: list[dict[str, Any]], **fields: Any) -> Answer:
    body = {"lines": lines, "payment_method": "card", **fields}
    headers = {"Idempotency-Key": fields.pop("key")} if "key" in fields else None
    body.pop("key", None)
    return call("POST", "/v1/orders", caller=member, body=body, headers=headers)


def order(shop: Shop, order_id: str) -> dict[str, Any]:
    return dict(_ok(call("GET", f"/v1/orders/{order_id}", caller=shop.manager)))


def reaches(shop: Shop, order_id: str, *states: str, timeout_s: float = 20) -> dict[str, Any]:
    """The order once it is in one of `states` (the workflow and consumers run on their own)."""

    def now() -> dict[str, Any] | None:
        found = order(shop, order_id)
        return found if found["state"] in states else None

    return eventually(now, timeout_s=timeout_s)  # type: ignore[no-any-return]


def waiting_on(shop: Shop, order_id: str, wait: str, timeout_s: float = 20) -> str:
    """The task token the workflow stored for `wait` (it has reached that state)."""

    def token() -> str | None:
        with acting_for(shop.tenant_id):
            item = dal.order(shop.tenant_id, order_id, consistent=True)
        return item.token(wait) if item else None

    return eventually(token, timeout_s=timeout_s)  # type: ignore[no-any-return]


def pay(platform: LocalPlatform, shop: Shop, placed: dict[str, Any]) -> None:
    """The member pays the order's PaymentIntent in the Stripe sandbox (its webhook follows)."""
    payment_id = placed["order"]["payment"]["payment_id"]
    intent = stripe_support.payment(shop.tenant_id, payment_id).intent_id
    assert intent
    stripe_support.sandbox(platform).succeed(intent)


def execution_of(platform: LocalPlatform, order_id: str) -> dict[str, Any]:
    """The order-fulfilment execution started for an order (by its order.placed event)."""
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    arn = resources(platform).state_machines["order-fulfilment"]

    def find() -> dict[str, Any] | None:
        for page in sfn.get_paginator("list_executions").paginate(stateMachineArn=arn):
            for execution in page["executions"]:
                described = sfn.describe_execution(executionArn=execution["executionArn"])
                if order_id in described.get("input", ""):
                    return dict(described)
        return None

    return eventually(find)  # type: ignore[no-any-return]


def finished(platform: LocalPlatform, order_id: str, timeout_s: float = 20) -> dict[str, Any]:
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    arn = execution_of(platform, order_id)["executionArn"]

    def done() -> dict[str, Any] | None:
        described = sfn.describe_execution(executionArn=arn)
        return dict(described) if described["status"] != "RUNNING" else None

    return eventually(done, timeout_s=timeout_s)  # type: ignore[no-any-return]
