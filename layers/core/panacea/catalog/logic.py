"""Catalog's use cases: the stores of a tenant's mall, how products are classified, products and
their SKUs from draft to published to archived, images, and stock counted by staff.

Members (everyone in the tenant) see published products and active stores; whoever may manage
the catalog sees everything. A product and every item that lists it change in one transaction
(dal.py), with the event that announces the change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from panacea import tenancy
from panacea.catalog import dal, search
from panacea.catalog.models import (
    IMAGE_TYPES,
    MAX_IMAGE_BYTES,
    MAX_SKUS,
    PRODUCT_MOVES,
    STORE_MOVES,
    Category,
    CategoryPatch,
    Dimension,
    ImageUpload,
    ImageUploadRequest,
    Movement,
    NewCategory,
    NewProduct,
    NewSku,
    NewStore,
    NewTag,
    Product,
    ProductArchived,
    ProductCreated,
    ProductPatch,
    ProductPublished,
    ProductStatus,
    ProductSummary,
    ProductUpdated,
    Sku,
    SkuAdded,
    SkuPatch,
    SkuUpdated,
    StockAdjusted,
    StockAdjustment,
    StockLevel,
    StockLevelSet,
    StockMovement,
    Store,
    StoreOpened,
    StorePatch,
    StoreStatus,
    StoreStatusChanged,
    Tag,
    TagPatch,
)
from panacea.platform import clock, storage
from panacea.platform.access import Action, Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.ids import is_id, new_id
from panacea.platform.money import Money
from panacea.platform.table import Page
from panacea.platform.transaction import UnitOfWork, unit_of_work

T = TypeVar("T")
STOCK_RETRIES = 3  # a staff count retried when an order moved the same stock line meanwhile


class StoreNotFound(NotFound):
    slug, title = "store-not-found", "Store not found"


class CategoryNotFound(NotFound):
    slug, title = "category-not-found", "Category not found"


class TagNotFound(NotFound):
    slug, title = "tag-not-found", "Tag not found"


class ProductNotFound(NotFound):
    slug, title = "product-not-found", "Product not found"


class SkuNotFound(NotFound):
    slug, title = "sku-not-found", "SKU not found"


class LicenceTaken(Conflict):
    slug, title = "licence-taken", "Licence number taken"


class CategoryNameTaken(Conflict):
    slug, title = "category-name-taken", "Category name taken"


class TagNameTaken(Conflict):
    slug, title = "tag-name-taken", "Tag name taken"


class SkuCodeTaken(Conflict):
    slug, title = "sku-code-taken", "SKU code taken"


class StoreNotInThatState(Conflict):
    slug, title = "store-state", "Store is not in a state that allows this"


class ProductNotInThatState(Conflict):
    slug, title = "product-state", "Product is not in a state that allows this"


class ProductNotReady(Conflict):
    slug, title = "product-not-ready", "Product not ready to publish"


class NotEnoughStock(Conflict):
    slug, title = "not-enough-stock", "Not enough stock"


class BadReference(Unprocessable):
    slug, title = "bad-reference", "Refers to something that is not there"


def _staff(actor: Actor) -> bool:
    """Whoever may manage the catalog sees all of it (drafts, archived, closed stores)."""
    return actor.can(Action.MANAGE_CATALOG)


# --- stores --------------------------------------------------------------------------------------


def list_stores(actor: Actor, *, status: StoreStatus | None, cursor: str | None, limit: int) -> Page[Store]:
    authorize(actor, Action.BROWSE_CATALOG)
    if not _staff(actor):
        status = StoreStatus.ACTIVE
    return dal.stores(actor.tenant, status=status, cursor=cursor, limit=limit)


def get_store(actor: Actor, store_id: str) -> Store:
    authorize(actor, Action.BROWSE_CATALOG)
    store = _store(actor.tenant, store_id)
    if not _staff(actor) and store.current_status != StoreStatus.ACTIVE:
        raise StoreNotFound(f"no store {store_id}")
    return store.view()


def _store(tenant_id: str, store_id: str) -> dal.StoreItem:
    item: dal.StoreItem | None = dal.get(dal.StoreItem, dal.store_key(tenant_id, store_id)) if is_id(store_id) else None
    if item is None:
        raise StoreNotFound(f"no store {store_id}")
    return item


def open_store(actor: Actor, draft: NewStore) -> Store:
    """A pharmacy or institution joins the mall (the tenant's own store comes with it, once)."""
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id, at = actor.tenant, clock.now()
    items = dal.fetch([dal.store_key(tenant_id, tenant_id)])
    store = dal.StoreItem.new(
        tenant_id=tenant_id,
        store_id=new_id(),
        name=draft.name,
        kind=draft.kind,
        licence_number=draft.licence_number,
        contact=draft.contact,
        at=at,
    )
    with unit_of_work(tenant_id) as uow:
        _own_store_if_missing(uow, items, tenant_id, at=at)
        uow.create(store, conflict=Conflict(f"store {store.store_id} exists"))
        uow.claim(
            tenant_id,
            "store_licence",
            dal.key_safe(draft.licence_number),
            store.store_id,
            taken=_licence_taken(draft.licence_number),
        )
        uow.emit(StoreOpened(store_id=store.store_id, name=store.name, kind=draft.kind))
    return store.view()


def _own_store_if_missing(uow: UnitOfWork, items: dict[dal.Key, Any], tenant_id: str, *, at: datetime) -> None:
    """The tenant's own store is made the first time the catalog is used (read in `items`)."""
    if dal.store_key(tenant_id, tenant_id) in items:
        return
    own = dal.default_store(tenant_id, name=tenancy.name_of(tenant_id) or "Our store", at=at)
    uow.create(own, conflict=ConcurrentUpdate("the catalog was being set up by another request; retry"))
    uow.emit(StoreOpened(store_id=own.store_id, name=own.name, kind=own.view().kind))


def _currency(tenant_id: str) -> str | None:
    """The tenant's currency (its settings, read once per invocation), None before onboarding."""
    settings = tenancy.settings_of(tenant_id)
    return None if settings is None else str(settings.currency)


def _same_claim(value: str, other: str | None) -> bool:
    """Two values that claim the same uniqueness item (claims ignore case)."""
    return other is not None and dal.key_safe(value).lower() == dal.key_safe(other).lower()


def _licence_taken(licence: str) -> LicenceTaken:
    return LicenceTaken(
        f"another store has the licence number {licence}", errors=[FieldError("licence_number", "taken")]
    )


def update_store(actor: Actor, store_id: str, patch: StorePatch) -> Store:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    store = _store(tenant_id, store_id)
    before, previous = store.licence_number, store.current_status
    if patch.name is not None:
        store.name = patch.name
    if patch.contact is not None:  # merged: the fields sent change, a null clears one
        merged = {**(store.contact or {}), **patch.contact.model_dump(mode="json", exclude_unset=True)}
        store.contact = {k: v for k, v in merged.items() if v is not None}
    if patch.licence_number is not None:
        store.licence_number = patch.licence_number
    at = clock.now()
    if patch.status is not None and patch.status != previous:
        if patch.status not in STORE_MOVES[previous]:
            raise StoreNotInThatState(f"a store that is {previous} cannot become {patch.status}")
        if store.store_id == tenant_id and patch.status == StoreStatus.CLOSED:
            raise StoreNotInThatState(
                "the tenant's own store cannot be closed; suspend it instead",
                errors=[FieldError("status", "own_store")],
            )
        store.move_to(patch.status, at=at)
    store.updated_at = at
    with unit_of_work(tenant_id) as uow:
        uow.save(store)
        if store.licence_number and not _same_claim(store.licence_number, before):
            if before:
                uow.release(tenant_id, "store_licence", dal.key_safe(before), store.store_id)
            uow.claim(
                tenant_id,
                "store_licence",
                dal.key_safe(store.licence_number),
                store.store_id,
                taken=_licence_taken(store.licence_number),
            )
        if store.current_status != previous:
            uow.emit(StoreStatusChanged(store_id=store.store_id, status=store.current_status, previous=previous))
    return store.view()


# --- categories and tags -------------------------------------------------------------------------


def list_categories(actor: Actor, *, dimension: Dimension | None, cursor: str | None, limit: int) -> Page[Category]:
    authorize(actor, Action.BROWSE_CATALOG)
    return dal.categories(actor.tenant, dimension=dimension, cursor=cursor, limit=limit)


def create_category(actor: Actor, draft: NewCategory) -> Category:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = dal.CategoryItem.new(
        tenant_id=tenant_id,
        category_id=new_id(),
        dimension=draft.dimension,
        name=draft.name,
        description=draft.description,
        position=draft.position,
        at=clock.now(),
    )
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=Conflict(f"category {item.category_id} exists"))
        uow.claim(
            tenant_id,
            "category",
            dal.category_claim(draft.dimension, draft.name),
            item.category_id,
            taken=_category_taken(draft.dimension, draft.name),
        )
    return item.view()


def _category_taken(dimension: str, name: str) -> CategoryNameTaken:
    return CategoryNameTaken(
        f"the {dimension} dimension has a category named {name}", errors=[FieldError("name", "taken")]
    )


def update_category(actor: Actor, category_id: str, patch: CategoryPatch) -> Category:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = _category(tenant_id, category_id)
    before = item.name
    at = clock.now()
    if patch.name is not None:
        item.name = patch.name
    if patch.description is not None:
        item.description = patch.description
    item.place(int(item.position) if patch.position is None else patch.position, at=at)
    with unit_of_work(tenant_id) as uow:
        uow.save(item)
        if dal.category_claim(item.dimension, item.name) != dal.category_claim(item.dimension, before):
            uow.release(tenant_id, "category", dal.category_claim(item.dimension, before), item.category_id)
            uow.claim(
                tenant_id,
                "category",
                dal.category_claim(item.dimension, item.name),
                item.category_id,
                taken=_category_taken(item.dimension, item.name),
            )
    return item.view()


def _category(tenant_id: str, category_id: str) -> dal.CategoryItem:
    item: dal.CategoryItem | None = (
        dal.get(dal.CategoryItem, dal.category_key(tenant_id, category_id)) if is_id(category_id) else None
    )
    if item is None:
        raise CategoryNotFound(f"no category {category_id}")
    return item


def _tag(tenant_id: str, tag_id: str) -> dal.TagItem:
    item: dal.TagItem | None = dal.get(dal.TagItem, dal.tag_key(tenant_id, tag_id)) if is_id(tag_id) else None
    if item is None:
        raise TagNotFound(f"no tag {tag_id}")
    return item


def list_tags(actor: Actor, *, cursor: str | None, limit: int) -> Page[Tag]:
    authorize(actor, Action.BROWSE_CATALOG)
    return dal.tags(actor.tenant, cursor=cursor, limit=limit)


def create_tag(actor: Actor, draft: NewTag) -> Tag:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = dal.TagItem.new(tenant_id=tenant_id, tag_id=new_id(), name=draft.name, at=clock.now())
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=Conflict(f"tag {item.tag_id} exists"))
        uow.claim(tenant_id, "tag", dal.tag_claim(draft.name), item.tag_id, taken=_tag_taken(draft.name))
    return item.view()


def _tag_taken(name: str) -> TagNameTaken:
    return TagNameTaken(f"there is a tag named {name}", errors=[FieldError("name", "taken")])


def rename_tag(actor: Actor, tag_id: str, patch: TagPatch) -> Tag:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    item = _tag(tenant_id, tag_id)
    before, item.name = item.name, patch.name
    if before != item.name:
        with unit_of_work(tenant_id) as uow:
            uow.save(item)
            if dal.tag_claim(before) != dal.tag_claim(item.name):
                uow.release(tenant_id, "tag", dal.tag_claim(before), item.tag_id)
                uow.claim(tenant_id, "tag", dal.tag_claim(item.name), item.tag_id, taken=_tag_taken(item.name))
    return item.view()


# --- products ------------------------------------------------------------------------------------


def list_products(
    actor: Actor,
    *,
    status: ProductStatus | None,
    category_id: str | None,
    tag_id: str | None,
    q: str | None,
    cursor: str | None,
    limit: int,
) -> Page[ProductSummary]:
    """Newest first, by category, tag and words of the name; members see published ones only."""
    authorize(actor, Action.BROWSE_CATALOG)
    if not _staff(actor):
        status = ProductStatus.PUBLISHED
    problems = [
        FieldError(f"query.{name}", "invalid", f"{value} is not an id")
        for name, value in (("category", category_id), ("tag", tag_id))
        if value is not None and not is_id(value)
    ]
    if q is not None and not search.words(q):
        problems.append(FieldError("query.q", "no_words", "the query has no word to search for"))
    if problems:
        raise Unprocessable("; ".join(p.message for p in problems), errors=problems)
    page = dal.products(
        actor.tenant, status=status, category_id=category_id, tag_id=tag_id, q=q, cursor=cursor, limit=limit
    )
    return Page[ProductSummary](items=[_summary_with_url(s) for s in page.items], next_cursor=page.next_cursor)


def get_product(actor: Actor, product_id: str) -> Product:
    authorize(actor, Action.BROWSE_CATALOG)
    product = _product(actor.tenant, product_id)
    if not _staff(actor) and product.current_status != ProductStatus.PUBLISHED:
        raise ProductNotFound(f"no product {product_id}")
    return _with_urls(product.view(), staff=_staff(actor))


def _product(tenant_id: str, product_id: str) -> dal.ProductItem:
    item: dal.ProductItem | None = (
        dal.get(dal.ProductItem, dal.product_key(tenant_id, product_id)) if is_id(product_id) else None
    )
    if item is None:
        raise ProductNotFound(f"no product {product_id}")
    return item


def _with_urls(product: Product, *, staff: bool = True) -> Product:
    skus = product.skus if staff else [s for s in product.skus if s.active]
    images = [image.model_copy(update={"url": storage.download_url(image.key)}) for image in product.images]
    return product.model_copy(update={"images": images, "skus": skus})


def _summary_with_url(summary: ProductSummary) -> ProductSummary:
    if summary.image is None:
        return summary
    return summary.model_copy(
        update={"image": summary.image.model_copy(update={"url": storage.download_url(summary.image.key)})}
    )


def create_product(actor: Actor, draft: NewProduct) -> Product:
    """A new draft, sold by `store_id` (the tenant itself if absent)."""
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id, at = actor.tenant, clock.now()
    store_id = draft.store_id or tenant_id
    _own_images(tenant_id, draft.images)
    items = dal.fetch(
        [
            dal.store_key(tenant_id, tenant_id),
            *_references(tenant_id, store_id=store_id, category_ids=draft.category_ids, tag_ids=draft.tag_ids),
        ]
    )
    _check_references(
        items, tenant_id, store_id=store_id, category_ids=draft.category_ids, tag_ids=draft.tag_ids, own_store=True
    )
    product = dal.ProductItem.new(
        tenant_id=tenant_id,
        product_id=new_id(),
        name=draft.name,
        kind=draft.kind,
        description=draft.description,
        images=draft.images,
        category_ids=draft.category_ids,
        tag_ids=draft.tag_ids,
        cashback_bps=draft.cashback_bps,
        store_id=store_id,
        listed=new_id(),
        at=at,
    )
    with unit_of_work(tenant_id) as uow:
        _own_store_if_missing(uow, items, tenant_id, at=at)
        uow.create(product, conflict=Conflict(f"product {product.product_id} exists"))
        for listing in product.listings():
            uow.save(listing)
        uow.emit(ProductCreated(product_id=product.product_id, name=product.name, kind=draft.kind, store_id=store_id))
    return _with_urls(product.view())


def _own_images(tenant_id: str, keys: list[str] | None) -> None:
    wrong = [
        FieldError(f"images[{i}]", "not_yours", "upload images through POST /v1/catalog/images")
        for i, key in enumerate(keys or [])
        if not storage.belongs_to(tenant_id, key)
    ]
    if wrong:
        raise BadReference("an image was not uploaded for this tenant", errors=wrong)


def _references(
    tenant_id: str, *, store_id: str | None, category_ids: list[str] | None, tag_ids: list[str] | None
) -> list[dal.Key]:
    keys = [dal.store_key(tenant_id, store_id)] if store_id and is_id(store_id) else []
    keys += [dal.category_key(tenant_id, c) for c in category_ids or [] if is_id(c)]
    keys += [dal.tag_key(tenant_id, t) for t in tag_ids or [] if is_id(t)]
    return keys


def _check_references(
    items: dict[dal.Key, Any],
    tenant_id: str,
    *,
    store_id: str | None,
    category_ids: list[str] | None,
    tag_ids: list[str] | None,
    own_store: bool = False,
) -> None:
    """422 naming each store, category or tag id that does not exist (a closed store neither)."""
    problems: list[FieldError] = []
    if store_id is not None:
        store = dal.found(items, dal.store_key(tenant_id, store_id), dal.StoreItem) if is_id(store_id) else None
        usable = store is not None and store.current_status != StoreStatus.CLOSED
        if not usable and not (own_store and store_id == tenant_id and store is None):
            problems.append(FieldError("store_id", "unknown_store", f"no open store {store_id}"))
    for i, category_id in enumerate(category_ids or []):
        if not is_id(category_id) or dal.category_key(tenant_id, category_id) not in items:
            problems.append(FieldError(f"category_ids[{i}]", "unknown_category", f"no category {category_id}"))
    for i, tag_id in enumerate(tag_ids or []):
        if not is_id(tag_id) or dal.tag_key(tenant_id, tag_id) not in items:
            problems.append(FieldError(f"tag_ids[{i}]", "unknown_tag", f"no tag {tag_id}"))
    if problems:
        raise BadReference("; ".join(p.message for p in problems), errors=problems)


def update_product(actor: Actor, product_id: str, patch: ProductPatch) -> Product:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    product = _product(tenant_id, product_id)
    fields = patch.model_dump(mode="json", exclude_unset=True)
    changes = {k: v for k, v in fields.items() if v is not None and v != _value(product, k)}
    if not changes:
        return _with_urls(product.view())
    _own_images(tenant_id, changes.get("images"))
    references = _references(
        tenant_id,
        store_id=changes.get("store_id"),
        category_ids=changes.get("category_ids"),
        tag_ids=changes.get("tag_ids"),
    )
    if references:
        _check_references(
            dal.fetch(references),
            tenant_id,
            store_id=changes.get("store_id"),
            category_ids=changes.get("category_ids"),
            tag_ids=changes.get("tag_ids"),
        )
    if product.current_status == ProductStatus.PUBLISHED and "store_id" in changes:
        _check_selling(tenant_id, changes["store_id"])
    before = _Snapshot(product)
    for name, value in changes.items():
        setattr(product, name, value)
    product.updated_at = clock.now()
    with unit_of_work(tenant_id) as uow:
        _write_product(uow, before, product)
        uow.emit(ProductUpdated(product_id=product.product_id, changed=sorted(changes)))
    return _with_urls(product.view())


def _value(product: dal.ProductItem, name: str) -> Any:
    value = getattr(product, name)
    return list(value) if isinstance(value, list) else value


class _Snapshot:
    """What a product looked like before a change: its listing items and its SKUs' copy of it."""

    def __init__(self, product: dal.ProductItem) -> None:
        self.listings = {listing.sk: listing for listing in product.listings()}
        self.pricing = product.pricing_copy()


def _write_product(uow: UnitOfWork, before: _Snapshot, product: dal.ProductItem) -> None:
    """The product (version-checked), the listing items that changed, and its SKUs' copy of it."""
    uow.save(product)
    after = {listing.sk: listing for listing in product.listings()}
    for sk in before.listings.keys() - after.keys():
        uow.delete(before.listings[sk], conflict=Conflict("listing changed meanwhile"))
    for sk, listing in after.items():
        if sk not in before.listings or not dal.same_item(before.listings[sk], listing):
            uow.save(listing)
    if product.pricing_copy() != before.pricing:
        for sku_id in sorted(product.skus or {}):
            item, actions = dal.refresh_pricing_copy(product, sku_id)
            uow.update(item, actions, condition=dal.SkuItem.pk.exists(), conflict=Conflict(f"SKU {sku_id} vanished"))


def _check_selling(tenant_id: str, store_id: str, items: dict[dal.Key, Any] | None = None) -> None:
    """A published product is sold by an active store (read unless `items` has it)."""
    key = dal.store_key(tenant_id, store_id)
    store = (items or {}).get(key) or dal.get(dal.StoreItem, key)
    if not isinstance(store, dal.StoreItem) or store.current_status != StoreStatus.ACTIVE:
        raise ProductNotReady(f"store {store_id} is not selling", errors=[FieldError("store_id", "store_not_selling")])


def publish(actor: Actor, product_id: str) -> Product:
    """Members can see and buy it: it needs an active SKU priced in the tenant's currency, sold
    by an active store."""
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    keys = [dal.product_key(tenant_id, product_id), dal.store_key(tenant_id, tenant_id)]
    items = dal.fetch(keys) if is_id(product_id) else {}
    product: dal.ProductItem | None = dal.found(items, dal.product_key(tenant_id, product_id), dal.ProductItem)
    if product is None:
        raise ProductNotFound(f"no product {product_id}")
    _may_move(product, ProductStatus.PUBLISHED)
    currency = _currency(tenant_id)
    if currency and not any(p.currency == currency for p in product.prices_from()):
        raise ProductNotReady(
            f"publishing needs an active SKU with a price in {currency}", errors=[FieldError("skus", "no_price")]
        )
    _check_selling(tenant_id, product.store_id, items)
    before = _Snapshot(product)
    product.move_to(ProductStatus.PUBLISHED, listed=new_id(), at=clock.now())
    with unit_of_work(tenant_id) as uow:
        _write_product(uow, before, product)
        uow.emit(
            ProductPublished(
                product_id=product.product_id,
                name=product.name,
                kind=product.view().kind,
                category_ids=list(product.category_ids or []),
                tag_ids=list(product.tag_ids or []),
                prices_from=product.prices_from(),
            )
        )
    return _with_urls(product.view())


def archive(actor: Actor, product_id: str) -> Product:
    """Out of the mall: members no longer see it; orders placed already are unaffected."""
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    product = _product(tenant_id, product_id)
    previous = product.current_status
    _may_move(product, ProductStatus.ARCHIVED)
    before = _Snapshot(product)
    product.move_to(ProductStatus.ARCHIVED, listed=new_id(), at=clock.now())
    with unit_of_work(tenant_id) as uow:
        _write_product(uow, before, product)
        uow.emit(ProductArchived(product_id=product.product_id, previous=previous))
    return _with_urls(product.view())


def _may_move(product: dal.ProductItem, status: ProductStatus) -> None:
    if status not in PRODUCT_MOVES[product.current_status]:
        raise ProductNotInThatState(f"a product that is {product.status} cannot become {status}")


# --- SKUs ----------------------------------------------------------------------------------------


def add_sku(actor: Actor, product_id: str, draft: NewSku) -> Sku:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    items = dal.fetch([dal.product_key(tenant_id, product_id)]) if is_id(product_id) else {}
    product: dal.ProductItem | None = dal.found(items, dal.product_key(tenant_id, product_id), dal.ProductItem)
    if product is None:
        raise ProductNotFound(f"no product {product_id}")
    if len(product.skus or {}) >= MAX_SKUS:
        raise Unprocessable(f"a product has at most {MAX_SKUS} SKUs", errors=[FieldError("code", "too_many_skus")])
    _priced_in(_currency(tenant_id), draft.prices)
    sku_id, at = new_id(), clock.now()
    before = _Snapshot(product)
    product.skus = {
        **(product.skus or {}),
        sku_id: _sku_copy(draft.code, draft.specs, draft.prices, draft.active, created=at, at=at),
    }
    product.updated_at = at
    item = dal.SkuItem.of(product, sku_id)
    with unit_of_work(tenant_id) as uow:
        _write_product(uow, before, product)
        uow.create(item, conflict=Conflict(f"SKU {sku_id} exists"))
        uow.claim(tenant_id, "sku_code", dal.key_safe(draft.code), sku_id, taken=_code_taken(draft.code))
        uow.emit(SkuAdded(sku_id=sku_id, product_id=product.product_id, code=draft.code, prices=draft.prices))
    return next(s for s in product.sku_views() if s.id == sku_id)


def _sku_copy(
    code: str, specs: dict[str, str], prices: list[Money], active: bool, *, created: datetime, at: datetime
) -> dict[str, Any]:
    return {
        "code": code,
        "specs": dict(specs),
        "prices": {p.currency: p.amount for p in prices},
        "active": active,
        "created_at": created.isoformat(),
        "updated_at": at.isoformat(),
    }


def _priced_in(currency: str | None, prices: list[Money]) -> None:
    if currency and not any(p.currency == currency for p in prices):
        raise Unprocessable(
            f"a SKU has a price in the tenant's currency, {currency}",
            errors=[FieldError("prices", "missing_currency", f"add a price in {currency}")],
        )


def _code_taken(code: str) -> SkuCodeTaken:
    return SkuCodeTaken(f"another SKU has the code {code}", errors=[FieldError("code", "taken")])


def get_sku(actor: Actor, sku_id: str) -> Sku:
    """A SKU; members see it only while it is on sale."""
    authorize(actor, Action.BROWSE_CATALOG)
    sku: dal.SkuItem | None = dal.get(dal.SkuItem, dal.sku_key(actor.tenant, sku_id)) if is_id(sku_id) else None
    if sku is None or not (_staff(actor) or sku.on_sale):
        raise SkuNotFound(f"no SKU {sku_id}")
    return sku.view()


def get_category(actor: Actor, category_id: str) -> Category:
    authorize(actor, Action.BROWSE_CATALOG)
    return _category(actor.tenant, category_id).view()


def get_tag(actor: Actor, tag_id: str) -> Tag:
    authorize(actor, Action.BROWSE_CATALOG)
    return _tag(actor.tenant, tag_id).view()


def update_sku(actor: Actor, sku_id: str, patch: SkuPatch) -> Sku:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    sku: dal.SkuItem | None = dal.get(dal.SkuItem, dal.sku_key(tenant_id, sku_id)) if is_id(sku_id) else None
    if sku is None:
        raise SkuNotFound(f"no SKU {sku_id}")
    items = dal.fetch([dal.product_key(tenant_id, sku.product_id)])
    product: dal.ProductItem | None = dal.found(items, dal.product_key(tenant_id, sku.product_id), dal.ProductItem)
    if product is None or sku_id not in (product.skus or {}):
        raise SkuNotFound(f"no SKU {sku_id}")
    (current,) = [s for s in product.sku_views() if s.id == sku_id]
    fields = patch.model_dump(exclude_unset=True)
    after = current.model_copy(update={k: getattr(patch, k) for k, v in fields.items() if v is not None})
    changed = sorted(k for k in ("code", "specs", "prices", "active") if getattr(after, k) != getattr(current, k))
    if not changed:
        return current
    if "prices" in changed:
        _priced_in(_currency(tenant_id), after.prices)
    at = clock.now()
    before = _Snapshot(product)
    product.skus = {
        **product.skus,
        sku_id: _sku_copy(after.code, after.specs, after.prices, after.active, created=current.created_at, at=at),
    }
    product.updated_at = at
    with unit_of_work(tenant_id) as uow:
        _write_product(uow, before, product)
        uow.save(dal.SkuItem.of(product, sku_id))
        if not _same_claim(after.code, current.code):
            uow.release(tenant_id, "sku_code", dal.key_safe(current.code), sku_id)
            uow.claim(tenant_id, "sku_code", dal.key_safe(after.code), sku_id, taken=_code_taken(after.code))
        uow.emit(
            SkuUpdated(
                sku_id=sku_id, product_id=product.product_id, changed=changed, prices=after.prices, active=after.active
            )
        )
    return next(s for s in product.sku_views() if s.id == sku_id)


# --- images --------------------------------------------------------------------------------------


def start_image_upload(actor: Actor, request: ImageUploadRequest) -> ImageUpload:
    """A presigned POST for one product image: this content type, at most 5 MB, for minutes."""
    authorize(actor, Action.MANAGE_CATALOG)
    key = storage.tenant_object_key(
        actor.tenant, "catalog", "images", f"{new_id()}.{IMAGE_TYPES[request.content_type]}"
    )
    form = storage.upload_form(key, content_type=request.content_type, max_bytes=MAX_IMAGE_BYTES)
    return ImageUpload(key=key, url=form.url, fields=form.fields, max_bytes=MAX_IMAGE_BYTES, expires_at=form.expires_at)


# --- stock ---------------------------------------------------------------------------------------


def stock_of_sku(actor: Actor, sku_id: str) -> list[StockLevel]:
    authorize(actor, Action.MANAGE_STOCK)
    sku, levels = dal.sku_with_stock(actor.tenant, sku_id) if is_id(sku_id) else (None, [])
    if sku is None:
        raise SkuNotFound(f"no SKU {sku_id}")
    return levels


def stock_in_store(actor: Actor, store_id: str, *, cursor: str | None, limit: int) -> Page[StockLevel]:
    authorize(actor, Action.MANAGE_STOCK)
    _store(actor.tenant, store_id)
    return dal.stock_in_store(actor.tenant, store_id, cursor=cursor, limit=limit)


def stock_movements(actor: Actor, sku_id: str, store_id: str, *, cursor: str | None, limit: int) -> Page[StockMovement]:
    authorize(actor, Action.MANAGE_STOCK)
    valid = is_id(sku_id) and is_id(store_id)
    page = dal.movements(actor.tenant, sku_id, store_id, cursor=cursor, limit=limit) if valid else None
    if page is None:
        raise SkuNotFound(f"no SKU {sku_id}")
    return page


def set_stock(actor: Actor, sku_id: str, store_id: str, request: StockLevelSet) -> StockLevel:
    """Staff counted the stock: `available` is what there is now (reserved and sold stay)."""
    authorize(actor, Action.MANAGE_STOCK)
    return _count(
        actor, sku_id, store_id, movement=Movement.SET, target=lambda _: request.available, reason=request.reason
    )


def adjust_stock(actor: Actor, sku_id: str, store_id: str, request: StockAdjustment) -> StockLevel:
    """Staff added (a delivery) or took away (damaged, lost) units; never below zero."""
    authorize(actor, Action.MANAGE_STOCK)

    def adjusted(available: int) -> int:
        if available + request.delta < 0:
            raise NotEnoughStock(
                f"{available} available; cannot take away {-request.delta}",
                errors=[FieldError("delta", "below_zero", f"at most {available} can be taken away")],
            )
        return available + request.delta

    return _count(actor, sku_id, store_id, movement=Movement.ADJUSTMENT, target=adjusted, reason=request.reason)


def _count(
    actor: Actor, sku_id: str, store_id: str, *, movement: Movement, target: Callable[[int], int], reason: str
) -> StockLevel:
    tenant_id = actor.tenant
    for attempt in range(STOCK_RETRIES):
        items = (
            dal.fetch(
                [
                    dal.sku_key(tenant_id, sku_id),
                    dal.store_key(tenant_id, store_id),
                    dal.stock_key(tenant_id, sku_id, store_id),
                ]
            )
            if is_id(sku_id) and is_id(store_id)
            else {}
        )
        sku: dal.SkuItem | None = dal.found(items, dal.sku_key(tenant_id, sku_id), dal.SkuItem)
        if sku is None:
            raise SkuNotFound(f"no SKU {sku_id}")
        store: dal.StoreItem | None = dal.found(items, dal.store_key(tenant_id, store_id), dal.StoreItem)
        if store is None:
            raise StoreNotFound(f"no store {store_id}")
        if store.current_status == StoreStatus.CLOSED:
            raise StoreNotInThatState(f"store {store.name} is closed")
        line: dal.StockItem | None = dal.found(items, dal.stock_key(tenant_id, sku_id, store_id), dal.StockItem)
        was = int(line.available) if line else 0
        now, at = target(was), clock.now()
        try:
            with unit_of_work(tenant_id) as uow:
                uow.check(
                    dal.StoreItem,
                    dal.store_key(tenant_id, store_id),
                    dal.store_is_open(),
                    conflict=StoreNotInThatState(f"store {store.name} is closed"),
                )
                if line is None:
                    line = dal.StockItem.new(
                        tenant_id=tenant_id, sku_id=sku_id, sku_code=sku.code, store_id=store_id, available=now, at=at
                    )
                    uow.create(line, conflict=ConcurrentUpdate("the stock line was made meanwhile"))
                else:
                    line.available, line.updated_at = now, at
                    uow.update(
                        dal.StockItem.line(tenant_id, sku_id, store_id),
                        [dal.StockItem.available.set(now), dal.StockItem.updated_at.set(at)],
                        condition=dal.StockItem.available == was,
                        conflict=ConcurrentUpdate("the stock changed meanwhile"),
                    )
                uow.create(
                    dal.MovementItem.new(
                        tenant_id=tenant_id,
                        move_id=new_id(),
                        sku_id=sku_id,
                        store_id=store_id,
                        movement=movement,
                        deltas=(now - was, 0, 0),
                        reason=reason,
                        actor_id=actor.user_id,
                        at=at,
                    ),
                    conflict=Conflict("movement recorded twice"),
                )
                uow.emit(
                    StockAdjusted(
                        sku_id=sku_id,
                        store_id=store_id,
                        movement=movement,
                        available_delta=now - was,
                        available=now,
                        reason=reason,
                    )
                )
        except ConcurrentUpdate:
            if attempt == STOCK_RETRIES - 1:
                raise
            continue
        return line.view()
    raise AssertionError("unreachable")  # pragma: no cover
