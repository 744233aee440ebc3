"""Catalog's product items (see dal.py for the table's layout of every catalog item):

ProductItem     PK T#<t>#PRODUCT#<product> · SK PRODUCT         the product with a copy of its SKUs: the aggregate,
                                                                read whole with one GetItem, versioned
                GSI1 T#<t>#PRODUCTS · <product>                 every product, newest first (staff)
                GSI2 T#<t>#PRODUCTS#<status> · <listed>         one status, latest listed first (members: published)
ListingItem     PK T#<t>#PRODUCT#<product> · SK LISTING#<facet>#<value>   one per category, tag and name prefix of
                                                                a product (search.py), each carrying its summary
SkuItem         PK T#<t>#SKU#<sku> · SK SKU                     a SKU, with a copy of what pricing needs of its product
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action

from panacea.catalog import commission, search
from panacea.catalog.dal import (
    Key,
)
from panacea.catalog.models import (
    Image,
    Product,
    ProductKind,
    ProductStatus,
    ProductSummary,
    Sku,
)
from panacea.platform.keys import tenant_key
from panacea.platform.money import Money
from panacea.platform.table import DocumentAttribute, Page, TableItem, decode_cursor, page_of

# --- products ----------------------------------------------------------------------------------


def product_key(tenant_id: str, product_id: str) -> Key:
    return tenant_key(tenant_id, "PRODUCT", product_id), "PRODUCT"


def _money(prices: dict[str, Any]) -> list[Money]:
    return [Money(amount=int(amount), currency=currency) for currency, amount in sorted(prices.items())]


class ProductItem(TableItem, discriminator="product"):
    tenant_id = UnicodeAttribute()
    product_id = UnicodeAttribute()
    name = UnicodeAttribute()
    kind = UnicodeAttribute()
    description = UnicodeAttribute(default="")
    images = ListAttribute(of=UnicodeAttribute, default=list)
    category_ids = ListAttribute(of=UnicodeAttribute, default=list)
    tag_ids = ListAttribute(of=UnicodeAttribute, default=list)
    cashback_bps = NumberAttribute(default=0)
    commission = DocumentAttribute(null=True)  # level → {"rate_bps": n} or {"fixed": money} (catalog/commission.py)
    store_id = UnicodeAttribute()
    status = UnicodeAttribute()
    listed = UnicodeAttribute()  # a ULID taken when the product entered its status
    skus = DocumentAttribute(default=dict)  # sku id → {code, specs, prices: {currency: amount}, active, created_at, …}
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    published_at = UTCDateTimeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        product_id: str,
        name: str,
        kind: ProductKind,
        description: str,
        images: list[str],
        category_ids: list[str],
        tag_ids: list[str],
        cashback_bps: int,
        store_id: str,
        listed: str,
        at: datetime,
        commission: dict[str, Any] | None = None,
    ) -> ProductItem:
        item = cls(
            *product_key(tenant_id, product_id),
            gsi1pk=tenant_key(tenant_id, "PRODUCTS"),
            gsi1sk=product_id,
            tenant_id=tenant_id,
            product_id=product_id,
            name=name,
            kind=kind.value,
            description=description,
            images=images,
            category_ids=category_ids,
            tag_ids=tag_ids,
            cashback_bps=cashback_bps,
            commission=commission or None,
            store_id=store_id,
            created_at=at,
            skus={},
        )
        item.move_to(ProductStatus.DRAFT, listed=listed, at=at)
        return item

    def move_to(self, status: ProductStatus, *, listed: str, at: datetime) -> None:
        self.status, self.listed = status.value, listed
        self.gsi2pk, self.gsi2sk = tenant_key(self.tenant_id, "PRODUCTS", status.value), listed
        self.updated_at = at
        if status == ProductStatus.PUBLISHED:
            self.published_at = at

    @property
    def current_status(self) -> ProductStatus:
        return ProductStatus(self.status)

    def sku_views(self) -> list[Sku]:
        return [
            Sku(
                id=sku_id,
                product_id=self.product_id,
                code=sku["code"],
                specs=sku.get("specs") or {},
                prices=_money(sku.get("prices") or {}),
                active=bool(sku.get("active")),
                created_at=sku["created_at"],
                updated_at=sku["updated_at"],
            )
            for sku_id, sku in sorted((self.skus or {}).items())
        ]

    def prices_from(self) -> list[Money]:
        """The lowest price of the product's active SKUs in each currency."""
        lowest: dict[str, int] = {}
        for sku in (self.skus or {}).values():
            if sku.get("active"):
                for currency, amount in (sku.get("prices") or {}).items():
                    lowest[currency] = min(int(amount), lowest.get(currency, int(amount)))
        return _money(lowest)

    def view(self) -> Product:
        return Product(
            id=self.product_id,
            name=self.name,
            kind=ProductKind(self.kind),
            description=self.description or "",
            images=[Image(key=key) for key in self.images or []],
            category_ids=list(self.category_ids or []),
            tag_ids=list(self.tag_ids or []),
            cashback_bps=int(self.cashback_bps),
            commission=commission.of_stored(self.commission),
            store_id=self.store_id,
            status=self.current_status,
            skus=self.sku_views(),
            prices_from=self.prices_from(),
            created_at=self.created_at,
            updated_at=self.updated_at,
            published_at=self.published_at,
        )

    def summary(self) -> ProductSummary:
        images = list(self.images or [])
        return ProductSummary(
            id=self.product_id,
            name=self.name,
            kind=ProductKind(self.kind),
            image=Image(key=images[0]) if images else None,
            cashback_bps=int(self.cashback_bps),
            status=self.current_status,
            prices_from=self.prices_from(),
            category_ids=list(self.category_ids or []),
            tag_ids=list(self.tag_ids or []),
            store_id=self.store_id,
        )

    def pricing_copy(self) -> dict[str, Any]:
        """What each of its SKU items keeps of the product (for pricing in one BatchGet)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "store_id": self.store_id,
            "category_ids": list(self.category_ids or []),
            "tag_ids": list(self.tag_ids or []),
            "cashback_bps": int(self.cashback_bps),
            "commission": dict(self.commission or {}),
        }

    def listings(self) -> list[ListingItem]:
        """The items that list this product under each of its categories, tags and name prefixes."""
        facets: list[tuple[str, str]] = [
            *(("CATEGORY", str(c)) for c in self.category_ids or []),
            *(("TAG", str(t)) for t in self.tag_ids or []),
            *(("WORD", p) for p in search.prefixes(self.name)),
        ]
        summary = self.summary().model_dump(mode="json")
        text = search.search_text(self.name)
        return [
            ListingItem(
                self.pk,
                f"LISTING#{facet}#{value}",
                gsi1pk=tenant_key(self.tenant_id, "LISTING", facet, value, self.status),
                gsi1sk=self.listed,
                gsi2pk=tenant_key(self.tenant_id, "LISTING", facet, value),
                gsi2sk=self.product_id,
                summary=summary,
                search_text=text,
                category_ids=list(self.category_ids or []),
                tag_ids=list(self.tag_ids or []),
            )
            for facet, value in facets
        ]


class ListingItem(TableItem, discriminator="product_listing"):
    summary = DocumentAttribute()
    search_text = UnicodeAttribute()
    category_ids = ListAttribute(of=UnicodeAttribute, default=list)
    tag_ids = ListAttribute(of=UnicodeAttribute, default=list)

    def view(self) -> ProductSummary:
        return ProductSummary.model_validate(self.summary)


def same_item(a: TableItem, b: TableItem) -> bool:
    return bool(a.serialize() == b.serialize())


def _facet(q: str | None, category_id: str | None, tag_id: str | None) -> tuple[tuple[str, str], list[Condition]]:
    """The most telling facet of a search (a text's prefix, else the category, else the tag), and the
    other criteria as filters."""
    filters: list[Condition] = []
    if q:
        key, words = search.query_terms(q)
        facet: tuple[str, str] = ("WORD", key)
        filters += [ListingItem.search_text.contains(f" {w}") for w in words if w != key]
        if category_id:
            filters.append(ListingItem.category_ids.contains(category_id))
        if tag_id:
            filters.append(ListingItem.tag_ids.contains(tag_id))
    elif category_id:
        facet = ("CATEGORY", category_id)
        if tag_id:
            filters.append(ListingItem.tag_ids.contains(tag_id))
    else:
        facet = ("TAG", str(tag_id))
    return facet, filters


def products(
    tenant_id: str,
    *,
    status: ProductStatus | None,
    category_id: str | None,
    tag_id: str | None,
    q: str | None,
    cursor: str | None,
    limit: int,
) -> Page[ProductSummary]:
    """One page of products, newest first, in one Query:

    - no category, tag or text: the product items (GSI1 every status, GSI2 one status);
    - otherwise the listing items of the most telling facet (a text's prefix, else the category,
      else the tag), in one status (GSI1) or every status (GSI2), the other facets as filters.
    A filtered page may hold fewer than `limit` products and still have a next one.
    """
    if not (category_id or tag_id or q):
        index, attribute, partition = (
            (ProductItem.by_gsi2, "GSI2PK", tenant_key(tenant_id, "PRODUCTS", status.value))
            if status
            else (ProductItem.by_gsi1, "GSI1PK", tenant_key(tenant_id, "PRODUCTS"))
        )
        results = index.query(
            partition,
            scan_index_forward=False,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition)),
        )
        return page_of(results, ProductItem.summary)  # type: ignore[arg-type]
    facet, filters = _facet(q, category_id, tag_id)
    condition = None
    for f in filters:
        condition = f if condition is None else condition & f
    index2, attribute, partition = (
        (ListingItem.by_gsi1, "GSI1PK", tenant_key(tenant_id, "LISTING", *facet, status.value))
        if status
        else (ListingItem.by_gsi2, "GSI2PK", tenant_key(tenant_id, "LISTING", *facet))
    )
    results = index2.query(
        partition,
        filter_condition=condition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition), query=[q, category_id, tag_id]),
    )
    return page_of(results, ListingItem.view, query=[q, category_id, tag_id])  # type: ignore[arg-type]


# --- SKUs ----------------------------------------------------------------------------------------


def sku_key(tenant_id: str, sku_id: str) -> Key:
    return tenant_key(tenant_id, "SKU", sku_id), "SKU"


class SkuItem(TableItem, discriminator="sku"):
    tenant_id = UnicodeAttribute()
    sku_id = UnicodeAttribute()
    product_id = UnicodeAttribute()
    code = UnicodeAttribute()
    specs = DocumentAttribute(default=dict)
    prices = DocumentAttribute(default=dict)  # currency → minor units
    active = BooleanAttribute(default=True)
    product = DocumentAttribute()  # ProductItem.pricing_copy()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def of(cls, product: ProductItem, sku_id: str) -> SkuItem:
        """The SKU item as its product's copy of it says (the product item is the source)."""
        sku = product.skus[sku_id]
        return cls(
            *sku_key(product.tenant_id, sku_id),
            tenant_id=product.tenant_id,
            sku_id=sku_id,
            product_id=product.product_id,
            code=sku["code"],
            specs=sku.get("specs") or {},
            prices=sku.get("prices") or {},
            active=bool(sku.get("active")),
            product=product.pricing_copy(),
            created_at=datetime.fromisoformat(sku["created_at"]),
            updated_at=datetime.fromisoformat(sku["updated_at"]),
        )

    def view(self) -> Sku:
        return Sku(
            id=self.sku_id,
            product_id=self.product_id,
            code=self.code,
            specs=dict(self.specs or {}),
            prices=_money(self.prices or {}),
            active=bool(self.active),
            created_at=self.created_at,
            updated_at=self.updated_at,
        )

    @property
    def on_sale(self) -> bool:
        return bool(self.active) and self.product.get("status") == ProductStatus.PUBLISHED.value

    def price_in(self, currency: str) -> Money | None:
        amount = (self.prices or {}).get(currency)
        return None if amount is None else Money(amount=int(amount), currency=currency)


def refresh_pricing_copy(product: ProductItem, sku_id: str) -> tuple[SkuItem, list[Action]]:
    """The update that brings a SKU item's copy of its product up to date."""
    return SkuItem(*sku_key(product.tenant_id, sku_id)), [SkuItem.product.set(product.pricing_copy())]
