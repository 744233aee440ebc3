"""Catalog's items in the single table, and every query that reads them: stores, categories and
tags here, products, listings and SKUs in product_items.py, stock lines and movements in
stock_items.py (each the only place its keys are built).

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
come from tenancy's face (`tenancy.standing_of`, `tenancy.settings_of`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.expressions.condition import Condition

from panacea.catalog import search
from panacea.catalog.classification import (
    Category,
    Dimension,
    Tag,
)
from panacea.catalog.models import (
    Contact,
    Store,
    StoreKind,
    StoreStatus,
)
from panacea.platform.keys import tenant_key
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
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition), query=dimension),
    )
    return page_of(results, CategoryItem.view, query=dimension)  # type: ignore[arg-type]


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
