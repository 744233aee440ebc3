"""What the catalog's tests share: a tenant's staff and members, and products built through the
API by the catalog manager (`tests.support.builders`, in process)."""

from __future__ import annotations

import itertools
from typing import Any

from tests.support import builders
from tests.support.in_process import HANDLERS, call, staff
from tests.support.transport import Answer

_codes = itertools.count(1)


def catalog_staff(tenant_id: str) -> dict[str, str]:
    return staff(tenant_id, "catalog_manager", user_id="catalog-1")


def member(tenant_id: str, user_id: str = "member-1") -> dict[str, str]:
    return staff(tenant_id, "member", user_id=user_id)


def ok(answer: Answer, status: int = 200) -> Any:
    return builders.ok(answer, status)


def category(tenant_id: str, name: str, dimension: str = "series") -> dict[str, Any]:
    return builders.category(HANDLERS, catalog_staff(tenant_id), name, dimension)


def tag(tenant_id: str, name: str) -> dict[str, Any]:
    return ok(call("POST", "/v1/catalog/tags", caller=catalog_staff(tenant_id), body={"name": name}), 201)  # type: ignore[no-any-return]


def product(tenant_id: str, name: str, **fields: Any) -> dict[str, Any]:
    return builders.product(HANDLERS, catalog_staff(tenant_id), name=name, **fields)


def sku(tenant_id: str, product_id: str, *, price: int = 29900, currency: str = "GBP", **fields: Any) -> dict[str, Any]:
    code = fields.pop("code", f"SKU-{next(_codes)}")
    owner = catalog_staff(tenant_id)
    return builders.sku(HANDLERS, owner, product_id, code=code, price=price, currency=currency, **fields)


def publish(tenant_id: str, product_id: str) -> dict[str, Any]:
    return builders.publish(HANDLERS, catalog_staff(tenant_id), product_id)


def on_sale(tenant_id: str, name: str, *, price: int = 29900, **fields: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """A published product with one SKU priced in GBP: (product, sku)."""
    kind = fields.pop("kind", "gene_test")
    goods = builders.Goods(kind, name, price, code=f"SKU-{next(_codes)}", product=fields)
    return builders.on_sale(HANDLERS, catalog_staff(tenant_id), goods)


def stock(tenant_id: str, sku_id: str, available: int, store_id: str | None = None) -> dict[str, Any]:
    return builders.set_stock(HANDLERS, catalog_staff(tenant_id), sku_id, store_id or tenant_id, available)  # type: ignore[no-any-return]


def names(page: dict[str, Any]) -> list[str]:
    return [item["name"] for item in page["items"]]
