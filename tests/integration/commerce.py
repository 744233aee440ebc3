"""What the orders suites share: a shop (an onboarded tenant whose catalog sells a gene test, a
device and a service, with stock, and a coupon: `tests.support.builders.shop`), its people as the
authorizer hands them to functions, paying through the local Stripe sandbox, and waiting for an
order or its workflow to reach a state (they run on their own threads)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from panacea.orders import dal
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from tests.integration import stripe_support
from tests.support import builders
from tests.support.builders import PATIENCE_S, eventually
from tests.support.in_process import HANDLERS, onboard, resources, staff
from tests.support.transport import Answer


class Shop(builders.Shop):
    """The shop, with the tenant's people as the authorizer's claims (no one signs in)."""

    @property
    def manager(self) -> dict[str, str]:
        return staff(self.tenant_id, "order_manager", user_id="manager-1")

    @property
    def finance(self) -> dict[str, str]:
        return staff(self.tenant_id, "finance", user_id="finance-1")

    def member(self, user_id: str | None = None) -> dict[str, str]:
        return staff(self.tenant_id, "member", user_id=user_id or f"member-{new_id().lower()}")


def shop(*, stock: int = 10, coupon_uses: int | None = None, **tenant: Any) -> Shop:
    """An onboarded gene-testing tenant (GBP; card online, offline allowed) selling a gene test,
    a device and a service from its own store, `stock` of each, and a 10% coupon."""
    record = onboard(**tenant)
    terms: dict[str, Any] = {"usage_limit": coupon_uses} if coupon_uses else {}
    made = builders.shop(HANDLERS, record, staff(record["id"], "owner"), stock=stock, shop_type=Shop, **terms)
    assert isinstance(made, Shop)
    return made


def add_address(shop: Shop, member: dict[str, str]) -> str:
    """An address in the member's address book; its id. The member here is only the authorizer's
    claims (no account to add it through the API), so it is written as identity stores it."""
    from panacea.identity import dal as identity  # noqa: PLC0415

    address_id = new_id()
    with acting_for(shop.tenant_id):
        identity.AddressItem.new(
            tenant_id=shop.tenant_id,
            user_id=member["user_id"],
            address_id=address_id,
            fields=dict(builders.ADDRESS),
            default=True,
            at=datetime.now(UTC),
        ).save()
    return address_id


def checkout(shop: Shop, member: dict[str, str], lines: list[dict[str, Any]], **fields: Any) -> Answer:
    return builders.checkout(HANDLERS, member, lines, **fields)


def order(shop: Shop, order_id: str) -> dict[str, Any]:
    return builders.order(HANDLERS, shop.manager, order_id)


def reaches(shop: Shop, order_id: str, *states: str, timeout_s: float = PATIENCE_S) -> dict[str, Any]:
    """The order once it is in one of `states` (the workflow and consumers run on their own)."""
    return builders.reaches(HANDLERS, shop.manager, order_id, *states, timeout_s=timeout_s)


def waiting_on(shop: Shop, order_id: str, wait: str, timeout_s: float = PATIENCE_S) -> str:
    """The task token the workflow stored for `wait` (it has reached that state)."""

    def token() -> str | None:
        with acting_for(shop.tenant_id):
            item = dal.order(shop.tenant_id, order_id, consistent=True)
        return item.token(wait) if item else None

    return eventually(token, timeout_s=timeout_s, what=f"order {order_id} never waited on {wait}")  # type: ignore[no-any-return]


def pay(platform: LocalPlatform, shop: Shop, placed: dict[str, Any]) -> None:
    """The member pays the order's PaymentIntent in the Stripe sandbox (its webhook follows)."""
    builders.pay(HANDLERS, shop.owner, placed, stripe_support.sandbox(platform))


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

    return eventually(find, what=f"no order-fulfilment execution for order {order_id}")  # type: ignore[no-any-return]


def finished(platform: LocalPlatform, order_id: str, timeout_s: float = PATIENCE_S) -> dict[str, Any]:
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    arn = execution_of(platform, order_id)["executionArn"]

    def done() -> dict[str, Any] | None:
        described = sfn.describe_execution(executionArn=arn)
        return dict(described) if described["status"] != "RUNNING" else None

    return eventually(done, timeout_s=timeout_s, what=f"order {order_id}'s workflow still running")  # type: ignore[no-any-return]
