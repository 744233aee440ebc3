"""Prices come from the server, never the client: `price_lines` prices what someone wants to buy
from the catalog as it is now, for the orders context (checkout) and for quotes.

One BatchGetItem reads every SKU of the lines (each carries what pricing needs of its product)
and the stores the lines name, with the tenant's own store; a second one only when a line's
seller is another store that no line named.
"""

from __future__ import annotations

from collections.abc import Sequence

from panacea.catalog import dal
from panacea.catalog.commission import of_stored
from panacea.catalog.models import (
    ProductKind,
    ProductStatus,
    StoreStatus,
)
from panacea.catalog.product_items import SkuItem, sku_key
from panacea.catalog.stock_models import (
    LineRequest,
    PricedLine,
)
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.ids import is_id
from panacea.platform.money import MINOR_UNITS, Money
from panacea.platform.table import TableItem


class NotForSale(Unprocessable):
    slug, title = "not-for-sale", "Not for sale"


def price_lines(tenant_id: str, lines: Sequence[LineRequest], currency: str) -> list[PricedLine]:
    """Each line priced in `currency`; `NotForSale` (422) naming `lines[i].sku_id` (or
    `.store_id`) for every SKU that is unknown, inactive, not published, has no price in the
    currency, or is asked for twice from one store, and for a store that is not selling."""
    if currency not in MINOR_UNITS:
        raise NotForSale.on_field("currency", "unknown_currency", f"{currency} is not an ISO 4217 currency")
    items = _skus_and_stores(tenant_id, lines)
    priced: list[PricedLine] = []
    errors: list[FieldError] = []
    seen: set[tuple[str, str]] = set()
    for i, line in enumerate(lines):
        found = _priced(items, tenant_id, line, currency, at=f"lines[{i}]", seen=seen)
        if isinstance(found, FieldError):
            errors.append(found)
        else:
            priced.append(found)
    if errors:
        raise NotForSale("; ".join(e.message for e in errors), errors=errors)
    return priced


def _skus_and_stores(tenant_id: str, lines: Sequence[LineRequest]) -> dict[dal.Key, TableItem]:
    """The lines' SKUs and the stores that sell them: one BatchGetItem (two when a line names no
    store and its product's seller was not among those read)."""
    skus = {line.sku_id for line in lines if is_id(line.sku_id)}
    named_stores = {line.store_id for line in lines if line.store_id and is_id(line.store_id)}
    items = dal.fetch(
        [sku_key(tenant_id, s) for s in sorted(skus)]
        + [dal.store_key(tenant_id, s) for s in sorted(named_stores | {tenant_id})]
    )
    sellers = {
        sku.product["store_id"] for line in lines if not line.store_id and (sku := _sku(items, tenant_id, line.sku_id))
    }
    missing = [dal.store_key(tenant_id, s) for s in sorted(sellers) if dal.store_key(tenant_id, s) not in items]
    if missing:
        items |= dal.fetch(missing)
    return items


def _priced(
    items: dict[dal.Key, TableItem],
    tenant_id: str,
    line: LineRequest,
    currency: str,
    *,
    at: str,
    seen: set[tuple[str, str]],
) -> PricedLine | FieldError:
    """The line priced, or why it cannot be sold (a field error naming it)."""
    sku = _sku(items, tenant_id, line.sku_id)
    if sku is None:
        return FieldError(f"{at}.sku_id", "unknown_sku", f"there is no SKU {line.sku_id}")
    product = sku.product
    if product["status"] != ProductStatus.PUBLISHED.value or not sku.active:
        return FieldError(f"{at}.sku_id", "not_on_sale", f"SKU {sku.code} is not on sale")
    price = sku.price_in(currency)
    if price is None:
        return FieldError(f"{at}.sku_id", "no_price", f"SKU {sku.code} has no price in {currency}")
    store_id = line.store_id or str(product["store_id"])
    store: dal.StoreItem | None = (
        dal.found(items, dal.store_key(tenant_id, store_id), dal.StoreItem) if is_id(store_id) else None
    )
    if store is None or store.current_status != StoreStatus.ACTIVE:
        field = f"{at}.store_id" if line.store_id else f"{at}.sku_id"
        return FieldError(field, "store_not_selling", f"store {store_id} is not selling")
    if (sku.sku_id, store_id) in seen:
        return FieldError(f"{at}.sku_id", "duplicate_line", f"SKU {sku.code} from store {store_id} is in two lines")
    seen.add((sku.sku_id, store_id))
    return PricedLine(
        sku_id=sku.sku_id,
        sku_code=sku.code,
        specs=dict(sku.specs or {}),
        product_id=sku.product_id,
        product_name=str(product["name"]),
        product_kind=ProductKind(product["kind"]),
        store_id=store_id,
        category_ids=list(product.get("category_ids") or []),
        tag_ids=list(product.get("tag_ids") or []),
        unit_price=price,
        quantity=line.quantity,
        line_total=Money(amount=price.amount * line.quantity, currency=currency),
        cashback_bps=int(product.get("cashback_bps") or 0),
        commission=of_stored(product.get("commission")),
    )


def _sku(items: dict[dal.Key, TableItem], tenant_id: str, sku_id: str) -> SkuItem | None:
    sku: SkuItem | None = dal.found(items, sku_key(tenant_id, sku_id), SkuItem) if is_id(sku_id) else None
    return sku
