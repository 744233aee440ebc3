"""Catalog's items in the single table, and every query that reads them.

StoreItem       PK T#<t>#STORE#<store> · SK STORE               a store of the mall; the tenant's own store has the
                                                                tenant's id (made on first use of the catalog)
                GSI1 T#<t>#STORES · <store>                     every store, oldest first (the tenant itself first)
                GSI2 T#<t>#STORES#<status> · <store>            the stores in one status (members: active)
CategoryItem    PK T#<t>#CATEGORY#<category> · SK CATEGORY
                GSI1 T#<t>#CATEGORIES · <dimension>#<position>#<category>   by dimension, then position
                                                                (one dimension: SK begins_with <dimension>#)
TagItem         PK T#<t>#TAG#<tag> · SK TAG
                GSI1 T#<t>#TAGS · <tag>                         every tag, newest first
ProductItem     PK T#<t>#PRODUCT#<product> · SK PRODUCT         the product with a copy of its SKUs: the aggregate,
                                                                read whole with one GetItem, versioned
                GSI1 T#<t>#PRODUCTS · <product>                 every product, newest first (staff)
                GSI2 T#<t>#PRODUCTS#<status> · <listed>         one status, latest listed first (members: published)
ListingItem     PK T#<t>#PRODUCT#<product> · SK LISTING#<facet>#<value>   one per category, tag and name prefix of
                                                                a product (search.py), each carrying the product's
                                                                summary, so that a page of any list is one Query
                GSI1 T#<t>#LISTING#<facet>#<value>#<status> · <listed>    a category's / tag's / prefix's products
                                                                in one status, latest listed first (members: published)
                GSI2 T#<t>#LISTING#<facet>#<value> · <product>  …in every status, newest first (staff)
SkuItem         PK T#<t>#SKU#<sku> · SK SKU                     a SKU, with a copy of what pricing needs of its product
                                                                (status, name, kind, store, categories, cashback), so
                                                                that one BatchGet prices a cart; written only together
                                                                with its product item (whose version guards both)
StockItem       PK T#<t>#SKU#<sku> · SK STOCK#<store>           available / reserved / sold of a SKU in one store
                                                                (a SKU's stock everywhere: Query SK begins_with STOCK#)
                GSI1 T#<t>#STORE#<store>#STOCK · <sku>          a store's stock
MovementItem    PK T#<t>#SKU#<sku> · SK MOVE#<store>#<move>     the ledger of one stock line, newest first; written in
                                                                the transaction of the movement it records
                GSI1 T#<t>#ORDER#<order>#STOCK · <move>         an order's stock movements
Uniqueness      T#<t>#UNIQUE#store_licence#<licence>            one store per licence number
                T#<t>#UNIQUE#category#<dimension>:<name>        one category per name in a dimension
                T#<t>#UNIQUE#tag#<name>                         one tag per name
                T#<t>#UNIQUE#sku_code#<code>                    one SKU per code

`<listed>` is a ULID taken when a product enters its status, so lists show what was listed last
first. A product's listing items are rewritten with it (only those that changed): at most
MAX_CATEGORIES + MAX_TAGS + search.MAX_PREFIXES of them, which keeps any product change (with
its SKUs' copies) inside one transaction.

The catalog reads no other context's items: a tenant's name (for its own store) and currency
come from tenancy's face (`tenancy.name_of`, `tenancy.settings_of`).
"""

from __future__ import annotations

from collections.abc import Iterable
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

from panacea.catalog import search
from panacea.catalog.models import (
    Category,
    Contact,
    Dimension,
    Image,
    Movement,
    Product,
    ProductKind,
    ProductStatus,
    ProductSummary,
    Sku,
    StockLevel,
    StockMovement,
    Store,
    StoreKind,
    StoreStatus,
    Tag,
)
from panacea.platform.keys import tenant_key
from panacea.platform.money import Money
from panacea.platform.table import DocumentAttribute, Page, TableItem, decode_cursor, page_of

Key = tuple[str, str]


def key_safe(value: str) -> str:
    """A value as it can stand in a key: `#` (the separator) and `%` escaped."""
    return value.replace("%", "%25").replace("#", "%23")


# --- stores ------------------------------------------------------------------------------------


def store_key(tenant_id: str, store_id: str) -> Key:
    return tenant_key(tenant_id, "STORE", store_id), "STORE"


class StoreItem(TableItem, discriminator="store"):
    tenant_id = UnicodeAttribute()
    store_id = UnicodeAttribute()
    name = UnicodeAttribute()
    kind = UnicodeAttribute()
    licence_number = UnicodeAttribute(null=True)
    contact = DocumentAttribute(null=True)
    status = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        store_id: str,
        name: str,
        kind: StoreKind,
        licence_number: str | None,
        contact: Contact,
        at: datetime,
    ) -> StoreItem:
        item = cls(
            *store_key(tenant_id, store_id),
            tenant_id=tenant_id,
            store_id=store_id,
            name=name,
            kind=kind.value,
            licence_number=licence_number,
            contact=contact.model_dump(mode="json", exclude_none=True),
            created_at=at,
        )
        item.move_to(StoreStatus.ACTIVE, at=at)
        return item

    def move_to(self, status: StoreStatus, *, at: datetime) -> None:
        self.status = status.value
        self.gsi1pk, self.gsi1sk = tenant_key(self.tenant_id, "STORES"), self.store_id
        self.gsi2pk, self.gsi2sk = tenant_key(self.tenant_id, "STORES", status.value), self.store_id
        self.updated_at = at

    @property
    def current_status(self) -> StoreStatus:
        return StoreStatus(self.status)

    def view(self) -> Store:
        return Store(
            id=self.store_id,
            name=self.name,
            kind=StoreKind(self.kind),
            licence_number=self.licence_number,
            contact=Contact.model_validate(self.contact or {}),
            status=self.current_status,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


def default_store(tenant_id: str, *, name: str, at: datetime) -> StoreItem:
    """The tenant's own store (its id is the tenant's): it sells what names no other store."""
    return StoreItem.new(
        tenant_id=tenant_id,
        store_id=tenant_id,
        name=name,
        kind=StoreKind.TENANT,
        licence_number=None,
        contact=Contact(),
        at=at,
    )


def store_is_open() -> Condition:
    return StoreItem.status != StoreStatus.CLOSED.value


def stores(tenant_id: str, *, status: StoreStatus | None, cursor: str | None, limit: int) -> Page[Store]:
    """Stores oldest first (the tenant's own first): all (GSI1), or in one status (GSI2)."""
    if status:
        partition = tenant_key(tenant_id, "STORES", status.value)
        results = StoreItem.by_gsi2.query(
            partition, limit=limit, last_evaluated_key=decode_cursor(cursor, partition=("GSI2PK", partition))
        )
    else:
        partition = tenant_key(tenant_id, "STORES")
        results = StoreItem.by_gsi1.query(
            partition, limit=limit, last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition))
        )
    return page_of(results, StoreItem.view)  # type: ignore[arg-type]


# --- categories and tags -----------------------------------------------------------------------


def category_key(tenant_id: str, category_id: str) -> Key:
    return tenant_key(tenant_id, "CATEGORY", category_id), "CATEGORY"


def _compared(name: str) -> str:
    """A name as uniqueness compares it: accents dropped, case folded, spaces collapsed."""
    return " ".join(search.fold(name).split())


def category_claim(dimension: str, name: str) -> str:
    return key_safe(f"{dimension}:{_compared(name)}")


class CategoryItem(TableItem, discriminator="category"):
    tenant_id = UnicodeAttribute()
    category_id = UnicodeAttribute()
    dimension = UnicodeAttribute()
    name = UnicodeAttribute()
    description = UnicodeAttribute(default="")
    position = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        category_id: str,
        dimension: Dimension,
        name: str,
        description: str,
        position: int,
        at: datetime,
    ) -> CategoryItem:
        item = cls(
            *category_key(tenant_id, category_id),
            tenant_id=tenant_id,
            category_id=category_id,
            dimension=dimension.value,
            name=name,
            description=description,
            created_at=at,
        )
        item.place(position, at=at)
        return item

    def place(self, position: int, *, at: datetime) -> None:
        self.position = position
        self.gsi1pk = tenant_key(self.tenant_id, "CATEGORIES")
        self.gsi1sk = f"{self.dimension}#{position:04d}#{self.category_id}"
        self.updated_at = at

    def view(self) -> Category:
        return Category(
            id=self.category_id,
            dimension=Dimension(self.dimension),
            name=self.name,
            description=self.description or "",
            position=int(self.position),
            created_at=self.created_at,
        )


def categories(tenant_id: str, *, dimension: Dimension | None, cursor: str | None, limit: int) -> Page[Category]:
    """Categories by dimension, then position; one dimension with SK begins_with."""
    partition = tenant_key(tenant_id, "CATEGORIES")
    results = CategoryItem.by_gsi1.query(
        partition,
        TableItem.gsi1sk.startswith(f"{dimension.value}#") if dimension else None,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )
    return page_of(results, CategoryItem.view)  # type: ignore[arg-type]


def tag_key(tenant_id: str, tag_id: str) -> Key:
    return tenant_key(tenant_id, "TAG", tag_id), "TAG"


def tag_claim(name: str) -> str:
    return key_safe(_compared(name))


class TagItem(TableItem, discriminator="tag"):
    tenant_id = UnicodeAttribute()
    tag_id = UnicodeAttribute()
    name = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def new(cls, *, tenant_id: str, tag_id: str, name: str, at: datetime) -> TagItem:
        return cls(
            *tag_key(tenant_id, tag_id),
            gsi1pk=tenant_key(tenant_id, "TAGS"),
            gsi1sk=tag_id,
            tenant_id=tenant_id,
            tag_id=tag_id,
            name=name,
            created_at=at,
        )

    def view(self) -> Tag:
        return Tag(id=self.tag_id, name=self.name, created_at=self.created_at)


def tags(tenant_id: str, *, cursor: str | None, limit: int) -> Page[Tag]:
    partition = tenant_key(tenant_id, "TAGS")
    results = TagItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )
    return page_of(results, TagItem.view)  # type: ignore[arg-type]


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
        last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition)),
    )
    return page_of(results, ListingItem.view)  # type: ignore[arg-type]


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


# --- stock ---------------------------------------------------------------------------------------


def stock_key(tenant_id: str, sku_id: str, store_id: str) -> Key:
    return tenant_key(tenant_id, "SKU", sku_id), f"STOCK#{store_id}"


class StockItem(TableItem, discriminator="stock"):
    """Balances change only by update expressions under conditions that keep them from going
    negative, each with its ledger entry (MovementItem) in the same transaction."""

    tenant_id = UnicodeAttribute()
    sku_id = UnicodeAttribute()
    sku_code = UnicodeAttribute()
    store_id = UnicodeAttribute()
    available = NumberAttribute(default=0)
    reserved = NumberAttribute(default=0)
    sold = NumberAttribute(default=0)
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def line(cls, tenant_id: str, sku_id: str, store_id: str) -> StockItem:
        """The stock line's key, to update in a unit of work (nothing is read)."""
        return cls(*stock_key(tenant_id, sku_id, store_id))

    @classmethod
    def new(
        cls, *, tenant_id: str, sku_id: str, sku_code: str, store_id: str, available: int, at: datetime
    ) -> StockItem:
        """A stock line counted for the first time."""
        return cls(
            *stock_key(tenant_id, sku_id, store_id),
            gsi1pk=tenant_key(tenant_id, "STORE", store_id, "STOCK"),
            gsi1sk=sku_id,
            tenant_id=tenant_id,
            sku_id=sku_id,
            sku_code=sku_code,
            store_id=store_id,
            available=available,
            reserved=0,
            sold=0,
            updated_at=at,
        )

    def view(self) -> StockLevel:
        return StockLevel(
            sku_id=self.sku_id,
            store_id=self.store_id,
            available=int(self.available),
            reserved=int(self.reserved),
            sold=int(self.sold),
            updated_at=self.updated_at,
        )


def stock_of(raw: dict[str, Any] | None) -> StockItem | None:
    """A stock line from the raw item DynamoDB returned (e.g. with a failed condition)."""
    return StockItem.from_raw_data(raw) if raw else None


class MovementItem(TableItem, discriminator="stock_movement"):
    tenant_id = UnicodeAttribute()
    move_id = UnicodeAttribute()
    sku_id = UnicodeAttribute()
    store_id = UnicodeAttribute()
    movement = UnicodeAttribute()
    available_delta = NumberAttribute(default=0)
    reserved_delta = NumberAttribute(default=0)
    sold_delta = NumberAttribute(default=0)
    reason = UnicodeAttribute(null=True)
    order_id = UnicodeAttribute(null=True)
    actor_id = UnicodeAttribute(null=True)
    at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        move_id: str,
        sku_id: str,
        store_id: str,
        movement: Movement,
        deltas: tuple[int, int, int],
        at: datetime,
        reason: str | None = None,
        order_id: str | None = None,
        actor_id: str | None = None,
    ) -> MovementItem:
        available, reserved, sold = deltas
        return cls(
            tenant_key(tenant_id, "SKU", sku_id),
            f"MOVE#{store_id}#{move_id}",
            gsi1pk=tenant_key(tenant_id, "ORDER", order_id, "STOCK") if order_id else None,
            gsi1sk=move_id if order_id else None,
            tenant_id=tenant_id,
            move_id=move_id,
            sku_id=sku_id,
            store_id=store_id,
            movement=movement.value,
            available_delta=available,
            reserved_delta=reserved,
            sold_delta=sold,
            reason=reason,
            order_id=order_id,
            actor_id=actor_id,
            at=at,
        )

    def view(self) -> StockMovement:
        return StockMovement(
            id=self.move_id,
            sku_id=self.sku_id,
            store_id=self.store_id,
            movement=Movement(self.movement),
            available_delta=int(self.available_delta),
            reserved_delta=int(self.reserved_delta),
            sold_delta=int(self.sold_delta),
            reason=self.reason,
            order_id=self.order_id,
            actor_id=self.actor_id,
            at=self.at,
        )


def sku_with_stock(tenant_id: str, sku_id: str) -> tuple[SkuItem | None, list[StockLevel]]:
    """A SKU and its stock in every store, in one Query: its partition's SK >= "SKU" holds the
    SKU item and its stock lines (the ledger, MOVE#…, sorts before them)."""
    partition = tenant_key(tenant_id, "SKU", sku_id)
    found = list(TableItem.query(partition, TableItem.sk >= "SKU"))
    sku = next((item for item in found if isinstance(item, SkuItem)), None)
    return sku, [item.view() for item in found if isinstance(item, StockItem)]


def stock_in_store(tenant_id: str, store_id: str, *, cursor: str | None, limit: int) -> Page[StockLevel]:
    partition = tenant_key(tenant_id, "STORE", store_id, "STOCK")
    results = StockItem.by_gsi1.query(
        partition, limit=limit, last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition))
    )
    return page_of(results, StockItem.view)  # type: ignore[arg-type]


def movements(
    tenant_id: str, sku_id: str, store_id: str, *, cursor: str | None, limit: int
) -> Page[StockMovement] | None:
    """The ledger of one stock line, newest first; None if the SKU does not exist (an empty first
    page costs a GetItem of the SKU to tell that from a line that never moved)."""
    partition = tenant_key(tenant_id, "SKU", sku_id)
    results = MovementItem.query(
        partition,
        MovementItem.sk.startswith(f"MOVE#{store_id}#"),
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("PK", partition)),
    )
    page = page_of(results, MovementItem.view)
    if not page.items and cursor is None and get(SkuItem, sku_key(tenant_id, sku_id)) is None:
        return None
    return page


def order_movements(tenant_id: str, order_id: str) -> list[StockMovement]:
    """Every stock movement made for an order, oldest first."""
    partition = tenant_key(tenant_id, "ORDER", order_id, "STOCK")
    return [item.view() for item in MovementItem.by_gsi1.query(partition)]  # type: ignore[attr-defined]


# --- reads of several items at once --------------------------------------------------------------


def fetch(keys: Iterable[Key]) -> dict[Key, TableItem]:
    """The items that exist among `keys`, of whatever kind, in one BatchGetItem (per 100 keys)."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return {}
    return {(item.pk, item.sk): item for item in TableItem.batch_get(wanted)}


def found(items: dict[Key, TableItem], key: Key, kind: type[Any]) -> Any:
    item = items.get(key)
    return item if isinstance(item, kind) else None


def get(item_cls: type[Any], key: Key) -> Any:
    return item_cls.find(*key)
