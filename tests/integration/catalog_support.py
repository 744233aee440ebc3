"""What the catalog's tests share: a tenant's staff and members, and products built through the API."""

from __future__ import annotations

import itertools
from typing import Any

from tests.support import call, staff

_codes = itertools.count(1)


def catalog_staff(tenant_id: str) -> dict[str, str]:
    return staff(tenant_id, "catalog_manager", user_id="catalog-1")


def member(tenant_id: str, user_id: str = "member-1") -> dict[str, str]:
    return staff(tenant_id, "member", user_id=user_id)


def ok(answer: Any, status: int = 200) -> Any:
    assert answer.status == status, (answer.status, answer.body)
    return answer.body


def category(tenant_id: str, name: str, dimension: str = "series") -> dict[str, Any]:
    body = {"dimension": dimension, "name": name}
    return ok(call("POST", "/v1/catalog/categories", caller=catalog_staff(tenant_id), body=body), 201)  # type: ignore[no-any-return]


def tag(tenant_id: str, name: str) -> dict[str, Any]:
    return ok(call("POST", "/v1/catalog/tags", caller=catalog_staff(tenant_id), body={"name": name}), 201)  # type: ignore[no-any-return]


def product(tenant_id: str, name: str, **fields: Any) -> dict[str, Any]:
    body = {"name": name, "kind": "gene_test", **fields}
    return ok(call("POST", "/v1/catalog/products", caller=catalog_staff(tenant_id), body=body), 201)  # type: ignore[no-any-return]


def sku(tenant_id: str, product_id: str, *, price: int = 29900, currency: str = "GBP", **fields: Any) -> dict[str, Any]:
    body = {"code": f"SKU-{next(_codes)}", "prices": [{"amount": price, "currency": currency}], **fields}
    answer = call("POST", f"/v1/catalog/products/{product_id}/skus", caller=catalog_staff(tenant_id), body=body)
    return ok(answer, 201)  # type: ignore[no-any-return]


def publish(tenant_id: str, product_id: str) -> dict[str, Any]:
    return ok(call("POST", f"/v1/catalog/products/{product_id}/publish", caller=catalog_staff(tenant_id)))  # type: ignore[no-any-return]


def on_sale(tenant_id: str, name: str, *, price: int = 29900, **fields: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """A published product with one SKU priced in GBP: (product, sku)."""
    made = product(tenant_id, name, **fields)
    added = sku(tenant_id, made["id"], price=price)
    return publish(tenant_id, made["id"]), added


def stock(tenant_id: str, sku_id: str, available: int, store_id: str | None = None) -> dict[str, Any]:
    path = f"/v1/catalog/skus/{sku_id}/stock/{store_id or tenant_id}"
    body = {"available": available, "reason": "stock count"}
    return ok(call("PUT", path, caller=catalog_staff(tenant_id), body=body))  # type: ignore[no-any-return]


def names(page: dict[str, Any]) -> list[str]:
    return [item["name"] for item in page["items"]]
