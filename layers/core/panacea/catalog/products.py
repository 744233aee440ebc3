"""Products and their SKUs, from draft to published to archived, and their images. A product and
every item that lists it change in one transaction (dal.py), with the event that announces it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from panacea.catalog import commission, dal, search
from panacea.catalog.access import Action
from panacea.catalog.categories import (
    category_of,
    tag_of,
)
from panacea.catalog.classification import (
    Category,
    Tag,
)
from panacea.catalog.logic import (
    BadReference,
    ProductNotFound,
    ProductNotInThatState,
    ProductNotReady,
    SkuCodeTaken,
    SkuNotFound,
    is_staff,
)
from panacea.catalog.models import (
    IMAGE_TYPES,
    MAX_IMAGE_BYTES,
    MAX_SKUS,
    PRODUCT_MOVES,
    ImageUpload,
    ImageUploadRequest,
    NewProduct,
    NewSku,
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
    StoreStatus,
)
from panacea.catalog.product_items import (
    ProductItem,
    SkuItem,
    product_key,
    products,
    refresh_pricing_copy,
    same_item,
    sku_key,
)
from panacea.catalog.stores import (
    currency_of,
    own_store_if_missing,
    same_claim,
)
from panacea.platform import clock, storage
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, Unprocessable
from panacea.platform.ids import is_id, new_id
from panacea.platform.money import Money
from panacea.platform.table import Page
from panacea.platform.transaction import UnitOfWork, unit_of_work

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
    if not is_staff(actor):
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
    page = products(
        actor.tenant, status=status, category_id=category_id, tag_id=tag_id, q=q, cursor=cursor, limit=limit
    )
    return Page[ProductSummary](items=[_summary_with_url(s) for s in page.items], next_cursor=page.next_cursor)


def get_product(actor: Actor, product_id: str) -> Product:
    authorize(actor, Action.BROWSE_CATALOG)
    product = _product(actor.tenant, product_id)
    if not is_staff(actor) and product.current_status != ProductStatus.PUBLISHED:
        raise ProductNotFound(f"no product {product_id}", field="product_id")
    return _with_urls(product.view(), staff=is_staff(actor))


def _product(tenant_id: str, product_id: str) -> ProductItem:
    item: ProductItem | None = dal.get(ProductItem, product_key(tenant_id, product_id)) if is_id(product_id) else None
    if item is None:
        raise ProductNotFound(f"no product {product_id}", field="product_id")
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
    commission.check_fixed_within_prices(draft.commission, {}, currency=currency_of(tenant_id), field="commission")
    items = dal.fetch(
        [
            dal.store_key(tenant_id, tenant_id),
            *_references(tenant_id, store_id=store_id, category_ids=draft.category_ids, tag_ids=draft.tag_ids),
        ]
    )
    _check_references(
        items, tenant_id, store_id=store_id, category_ids=draft.category_ids, tag_ids=draft.tag_ids, own_store=True
    )
    product = ProductItem.new(
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
        commission=commission.stored(draft.commission),
    )
    with unit_of_work(tenant_id) as uow:
        own_store_if_missing(uow, items, tenant_id, at=at)
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
    if patch.commission is not None:
        fields["commission"] = commission.stored(patch.commission)  # {}: no override
    changes = {k: v for k, v in fields.items() if v is not None and v != _value(product, k)}
    if not changes:
        return _with_urls(product.view())
    _own_images(tenant_id, changes.get("images"))
    if patch.commission is not None and "commission" in changes:
        currency, skus = currency_of(tenant_id), product.skus or {}
        commission.check_fixed_within_prices(patch.commission, skus, currency=currency, field="commission")
    store_id, category_ids, tag_ids = changes.get("store_id"), changes.get("category_ids"), changes.get("tag_ids")
    if (store_id, category_ids, tag_ids) != (None, None, None):  # every id sent is checked, as on create
        keys = _references(tenant_id, store_id=store_id, category_ids=category_ids, tag_ids=tag_ids)
        _check_references(dal.fetch(keys), tenant_id, store_id=store_id, category_ids=category_ids, tag_ids=tag_ids)
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


def _value(product: ProductItem, name: str) -> Any:
    value = getattr(product, name)
    if name == "commission":
        return dict(value or {})
    return list(value) if isinstance(value, list) else value


class _Snapshot:
    """What a product looked like before a change: its listing items and its SKUs' copy of it."""

    def __init__(self, product: ProductItem) -> None:
        self.listings = {listing.sk: listing for listing in product.listings()}
        self.pricing = product.pricing_copy()


def _write_product(uow: UnitOfWork, before: _Snapshot, product: ProductItem) -> None:
    """The product (version-checked), the listing items that changed, and its SKUs' copy of it."""
    uow.save(product)
    after = {listing.sk: listing for listing in product.listings()}
    for sk in before.listings.keys() - after.keys():
        uow.delete(before.listings[sk], conflict=Conflict("listing changed meanwhile"))
    for sk, listing in after.items():
        if sk not in before.listings or not same_item(before.listings[sk], listing):
            uow.save(listing)
    if product.pricing_copy() != before.pricing:
        for sku_id in sorted(product.skus or {}):
            item, actions = refresh_pricing_copy(product, sku_id)
            uow.update(item, actions, condition=SkuItem.pk.exists(), conflict=Conflict(f"SKU {sku_id} vanished"))


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
    keys = [product_key(tenant_id, product_id), dal.store_key(tenant_id, tenant_id)]
    items = dal.fetch(keys) if is_id(product_id) else {}
    product: ProductItem | None = dal.found(items, product_key(tenant_id, product_id), ProductItem)
    if product is None:
        raise ProductNotFound(f"no product {product_id}", field="product_id")
    _may_move(product, ProductStatus.PUBLISHED)
    currency = currency_of(tenant_id)
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


def _may_move(product: ProductItem, status: ProductStatus) -> None:
    if status not in PRODUCT_MOVES[product.current_status]:
        raise ProductNotInThatState(f"a product that is {product.status} cannot become {status}")


# --- SKUs ----------------------------------------------------------------------------------------


def add_sku(actor: Actor, product_id: str, draft: NewSku) -> Sku:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    items = dal.fetch([product_key(tenant_id, product_id)]) if is_id(product_id) else {}
    product: ProductItem | None = dal.found(items, product_key(tenant_id, product_id), ProductItem)
    if product is None:
        raise ProductNotFound(f"no product {product_id}", field="product_id")
    if len(product.skus or {}) >= MAX_SKUS:
        raise Unprocessable(f"a product has at most {MAX_SKUS} SKUs", errors=[FieldError("code", "too_many_skus")])
    _priced_in(currency_of(tenant_id), draft.prices)
    commission.check_price_covers(product.commission, draft.prices, field="prices")
    sku_id, at = new_id(), clock.now()
    before = _Snapshot(product)
    product.skus = {
        **(product.skus or {}),
        sku_id: _sku_copy(draft.code, draft.specs, draft.prices, draft.active, created=at, at=at),
    }
    product.updated_at = at
    item = SkuItem.of(product, sku_id)
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
    sku: SkuItem | None = dal.get(SkuItem, sku_key(actor.tenant, sku_id)) if is_id(sku_id) else None
    if sku is None or not (is_staff(actor) or sku.on_sale):
        raise SkuNotFound(f"no SKU {sku_id}", field="sku_id")
    return sku.view()


def get_category(actor: Actor, category_id: str) -> Category:
    authorize(actor, Action.BROWSE_CATALOG)
    return category_of(actor.tenant, category_id).view()


def get_tag(actor: Actor, tag_id: str) -> Tag:
    authorize(actor, Action.BROWSE_CATALOG)
    return tag_of(actor.tenant, tag_id).view()


def update_sku(actor: Actor, sku_id: str, patch: SkuPatch) -> Sku:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    sku: SkuItem | None = dal.get(SkuItem, sku_key(tenant_id, sku_id)) if is_id(sku_id) else None
    if sku is None:
        raise SkuNotFound(f"no SKU {sku_id}", field="sku_id")
    items = dal.fetch([product_key(tenant_id, sku.product_id)])
    product: ProductItem | None = dal.found(items, product_key(tenant_id, sku.product_id), ProductItem)
    if product is None or sku_id not in (product.skus or {}):
        raise SkuNotFound(f"no SKU {sku_id}", field="sku_id")
    (current,) = [s for s in product.sku_views() if s.id == sku_id]
    fields = patch.model_dump(exclude_unset=True)
    after = current.model_copy(update={k: getattr(patch, k) for k, v in fields.items() if v is not None})
    changed = sorted(k for k in ("code", "specs", "prices", "active") if getattr(after, k) != getattr(current, k))
    if not changed:
        return current
    if "prices" in changed:
        _priced_in(currency_of(tenant_id), after.prices)
        commission.check_price_covers(product.commission, after.prices, field="prices")
    at = clock.now()
    before = _Snapshot(product)
    product.skus = {
        **product.skus,
        sku_id: _sku_copy(after.code, after.specs, after.prices, after.active, created=current.created_at, at=at),
    }
    product.updated_at = at
    with unit_of_work(tenant_id) as uow:
        _write_product(uow, before, product)
        uow.save(SkuItem.of(product, sku_id))
        if not same_claim(after.code, current.code):
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
