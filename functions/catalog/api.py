"""Catalog's HTTP routes: everyone in a tenant browses its mall (published products, active
stores); catalog staff manage stores, categories, tags, products, SKUs and images; catalog and
order staff count and adjust stock (the tenant from the token)."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.catalog import categories, inventory, products, stores
from panacea.catalog.access import Action
from panacea.catalog.classification import (
    Category,
    CategoryPatch,
    Dimension,
    NewCategory,
    NewTag,
    Tag,
    TagPatch,
)
from panacea.catalog.models import (
    ImageUpload,
    ImageUploadRequest,
    NewProduct,
    NewSku,
    NewStore,
    Product,
    ProductPatch,
    ProductStatus,
    ProductSummary,
    Sku,
    SkuPatch,
    Store,
    StorePatch,
    StoreStatus,
)
from panacea.catalog.stock_models import (
    StockAdjustment,
    StockLevel,
    StockLevelSet,
    StockMovement,
)
from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, build_resolver, created, current_actor, idempotent, lambda_entry
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
STORES, CLASSES, PRODUCTS, IMAGES, STOCK = "Stores", "Categories and tags", "Products", "Images", "Stock"
BROWSE, MANAGE, COUNT = requires(Action.BROWSE_CATALOG), requires(Action.MANAGE_CATALOG), requires(Action.MANAGE_STOCK)


# --- stores --------------------------------------------------------------------------------------


@app.get(
    "/v1/catalog/stores",
    summary="The stores of the mall: the tenant itself, pharmacies, institutions",
    description=f"{BROWSE} Members see active stores; catalog staff every store, or those in `status`.",
    tags=[STORES],
)
def list_stores(
    status: Annotated[StoreStatus | None, Query()] = None, cursor: Cursor = None, limit: Limit = 20
) -> Page[Store]:
    return stores.list_stores(current_actor(), status=status, cursor=cursor, limit=limit)


@app.post(
    "/v1/catalog/stores",
    summary="Open a pharmacy or institution in the mall",
    description=f"{MANAGE} The tenant's own store comes with its first use of the catalog.",
    tags=[STORES],
    status_code=201,
)
def open_store(store: NewStore, idempotency_key: IdempotencyKey = None) -> Response[Store]:
    actor = current_actor()
    made = idempotent(
        actor, "catalog.open_store", store, Store, lambda: stores.open_store(actor, store), key=idempotency_key
    )
    return created(made, f"/v1/catalog/stores/{made.id}")


@app.get("/v1/catalog/stores/<store_id>", summary="A store", description=BROWSE, tags=[STORES])
def get_store(store_id: str) -> Store:
    return stores.get_store(current_actor(), store_id)


@app.patch(
    "/v1/catalog/stores/<store_id>",
    summary="Change a store's details, or suspend, reactivate or close it",
    description=f"{MANAGE} The tenant's own store is never closed.",
    tags=[STORES],
)
def update_store(store_id: str, patch: StorePatch, idempotency_key: IdempotencyKey = None) -> Store:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.update_store.{store_id}",
        patch,
        Store,
        lambda: stores.update_store(actor, store_id, patch),
        key=idempotency_key,
    )


@app.get("/v1/catalog/stores/<store_id>/stock", summary="A store's stock, by SKU", description=COUNT, tags=[STOCK])
def stock_in_store(store_id: str, cursor: Cursor = None, limit: Limit = 50) -> Page[StockLevel]:
    return inventory.stock_in_store(current_actor(), store_id, cursor=cursor, limit=limit)


# --- categories and tags -------------------------------------------------------------------------


@app.get(
    "/v1/catalog/categories",
    summary="Categories by dimension (series, use, audience), then position",
    description=BROWSE,
    tags=[CLASSES],
)
def list_categories(
    dimension: Annotated[Dimension | None, Query()] = None, cursor: Cursor = None, limit: Limit = 100
) -> Page[Category]:
    return categories.list_categories(current_actor(), dimension=dimension, cursor=cursor, limit=limit)


@app.post("/v1/catalog/categories", summary="Add a category", description=MANAGE, tags=[CLASSES], status_code=201)
def create_category(category: NewCategory, idempotency_key: IdempotencyKey = None) -> Response[Category]:
    actor = current_actor()
    made = idempotent(
        actor,
        "catalog.create_category",
        category,
        Category,
        lambda: categories.create_category(actor, category),
        key=idempotency_key,
    )
    return created(made, f"/v1/catalog/categories/{made.id}")


@app.get("/v1/catalog/categories/<category_id>", summary="A category", description=BROWSE, tags=[CLASSES])
def get_category(category_id: str) -> Category:
    return products.get_category(current_actor(), category_id)


@app.patch(
    "/v1/catalog/categories/<category_id>",
    summary="Rename, describe or move a category",
    description=MANAGE,
    tags=[CLASSES],
)
def update_category(category_id: str, patch: CategoryPatch, idempotency_key: IdempotencyKey = None) -> Category:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.update_category.{category_id}",
        patch,
        Category,
        lambda: categories.update_category(actor, category_id, patch),
        key=idempotency_key,
    )


@app.get("/v1/catalog/tags", summary="Tags, newest first", description=BROWSE, tags=[CLASSES])
def list_tags(cursor: Cursor = None, limit: Limit = 100) -> Page[Tag]:
    return categories.list_tags(current_actor(), cursor=cursor, limit=limit)


@app.post("/v1/catalog/tags", summary="Add a tag", description=MANAGE, tags=[CLASSES], status_code=201)
def create_tag(tag: NewTag, idempotency_key: IdempotencyKey = None) -> Response[Tag]:
    actor = current_actor()
    made = idempotent(
        actor, "catalog.create_tag", tag, Tag, lambda: categories.create_tag(actor, tag), key=idempotency_key
    )
    return created(made, f"/v1/catalog/tags/{made.id}")


@app.get("/v1/catalog/tags/<tag_id>", summary="A tag", description=BROWSE, tags=[CLASSES])
def get_tag(tag_id: str) -> Tag:
    return products.get_tag(current_actor(), tag_id)


@app.patch("/v1/catalog/tags/<tag_id>", summary="Rename a tag", description=MANAGE, tags=[CLASSES])
def rename_tag(tag_id: str, patch: TagPatch, idempotency_key: IdempotencyKey = None) -> Tag:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.rename_tag.{tag_id}",
        patch,
        Tag,
        lambda: categories.rename_tag(actor, tag_id, patch),
        key=idempotency_key,
    )


# --- products and SKUs ---------------------------------------------------------------------------


@app.get(
    "/v1/catalog/products",
    summary="Browse products, newest first: by category, tag and words of the name",
    description=(
        f"{BROWSE} Members see published products; catalog staff every product, or those in `status`. "
        "`q` matches the start of words of the name (`blood pres`). A filtered page may hold fewer "
        "than `limit` products and still have a `next_cursor`."
    ),
    tags=[PRODUCTS],
)
def list_products(  # noqa: PLR0917 - one query parameter each
    category: Annotated[str | None, Query(description="a category id")] = None,
    tag: Annotated[str | None, Query(description="a tag id")] = None,
    q: Annotated[str | None, Query(max_length=100, description="words the name starts them with")] = None,
    status: Annotated[ProductStatus | None, Query(description="catalog staff only")] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[ProductSummary]:
    return products.list_products(
        current_actor(), status=status, category_id=category, tag_id=tag, q=q, cursor=cursor, limit=limit
    )


@app.post(
    "/v1/catalog/products",
    summary="Create a product (a draft)",
    description=f"{MANAGE} Add its SKUs, then publish it.",
    tags=[PRODUCTS],
    status_code=201,
)
def create_product(product: NewProduct, idempotency_key: IdempotencyKey = None) -> Response[Product]:
    actor = current_actor()
    made = idempotent(
        actor,
        "catalog.create_product",
        product,
        Product,
        lambda: products.create_product(actor, product),
        key=idempotency_key,
    )
    return created(made, f"/v1/catalog/products/{made.id}")


@app.get(
    "/v1/catalog/products/<product_id>",
    summary="A product with its SKUs and prices",
    description=f"{BROWSE} Members see published products and their active SKUs.",
    tags=[PRODUCTS],
)
def get_product(product_id: str) -> Product:
    return products.get_product(current_actor(), product_id)


@app.patch("/v1/catalog/products/<product_id>", summary="Change a product", description=MANAGE, tags=[PRODUCTS])
def update_product(product_id: str, patch: ProductPatch, idempotency_key: IdempotencyKey = None) -> Product:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.update_product.{product_id}",
        patch,
        Product,
        lambda: products.update_product(actor, product_id, patch),
        key=idempotency_key,
    )


@app.post(
    "/v1/catalog/products/<product_id>/publish",
    summary="Publish a draft or archived product",
    description=f"{MANAGE} It needs an active SKU priced in the tenant's currency, sold by an active store.",
    tags=[PRODUCTS],
)
def publish(product_id: str, idempotency_key: IdempotencyKey = None) -> Product:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.publish.{product_id}",
        None,
        Product,
        lambda: products.publish(actor, product_id),
        key=idempotency_key,
    )


@app.post(
    "/v1/catalog/products/<product_id>/archive",
    summary="Archive a product: members no longer see it",
    description=MANAGE,
    tags=[PRODUCTS],
)
def archive(product_id: str, idempotency_key: IdempotencyKey = None) -> Product:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.archive.{product_id}",
        None,
        Product,
        lambda: products.archive(actor, product_id),
        key=idempotency_key,
    )


@app.post(
    "/v1/catalog/products/<product_id>/skus",
    summary="Add a SKU: its specs and a price per currency",
    description=f"{MANAGE} A price in the tenant's currency is required; codes are unique in the tenant.",
    tags=[PRODUCTS],
    status_code=201,
)
def add_sku(product_id: str, sku: NewSku, idempotency_key: IdempotencyKey = None) -> Response[Sku]:
    actor = current_actor()
    made = idempotent(
        actor,
        f"catalog.add_sku.{product_id}",
        sku,
        Sku,
        lambda: products.add_sku(actor, product_id, sku),
        key=idempotency_key,
    )
    return created(made, f"/v1/catalog/skus/{made.id}")


@app.get("/v1/catalog/skus/<sku_id>", summary="A SKU", description=BROWSE, tags=[PRODUCTS])
def get_sku(sku_id: str) -> Sku:
    return products.get_sku(current_actor(), sku_id)


@app.patch(
    "/v1/catalog/skus/<sku_id>",
    summary="Change a SKU's code, specs, prices or availability",
    description=MANAGE,
    tags=[PRODUCTS],
)
def update_sku(sku_id: str, patch: SkuPatch, idempotency_key: IdempotencyKey = None) -> Sku:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.update_sku.{sku_id}",
        patch,
        Sku,
        lambda: products.update_sku(actor, sku_id, patch),
        key=idempotency_key,
    )


@app.post(
    "/v1/catalog/images",
    summary="Upload a product image: a presigned POST (JPEG, PNG or WebP, at most 5 MB)",
    description=f"{MANAGE} POST the form to `url`, then name the `key` in a product's `images`.",
    tags=[IMAGES],
)
def start_image_upload(request: ImageUploadRequest) -> ImageUpload:
    return products.start_image_upload(current_actor(), request)


# --- stock ---------------------------------------------------------------------------------------


@app.get("/v1/catalog/skus/<sku_id>/stock", summary="A SKU's stock in every store", description=COUNT, tags=[STOCK])
def stock_of_sku(sku_id: str) -> Page[StockLevel]:
    return Page[StockLevel](items=inventory.stock_of_sku(current_actor(), sku_id))


@app.put(
    "/v1/catalog/skus/<sku_id>/stock/<store_id>",
    summary="Set the available stock of a SKU in a store (a count)",
    description=f"{COUNT} Reserved and sold units are not touched.",
    tags=[STOCK],
)
def set_stock(sku_id: str, store_id: str, count: StockLevelSet, idempotency_key: IdempotencyKey = None) -> StockLevel:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.set_stock.{sku_id}.{store_id}",
        count,
        StockLevel,
        lambda: inventory.set_stock(actor, sku_id, store_id, count),
        key=idempotency_key,
    )


@app.post(
    "/v1/catalog/skus/<sku_id>/stock/<store_id>/adjustments",
    summary="Add or take away stock, with a reason (never below zero)",
    description=f"{COUNT} Send an Idempotency-Key: a retry must not count twice.",
    tags=[STOCK],
)
def adjust_stock(
    sku_id: str, store_id: str, adjustment: StockAdjustment, idempotency_key: IdempotencyKey = None
) -> StockLevel:
    actor = current_actor()
    return idempotent(
        actor,
        f"catalog.adjust_stock.{sku_id}.{store_id}",
        adjustment,
        StockLevel,
        lambda: inventory.adjust_stock(actor, sku_id, store_id, adjustment),
        key=idempotency_key,
    )


@app.get(
    "/v1/catalog/skus/<sku_id>/stock/<store_id>/movements",
    summary="The ledger of a SKU's stock in a store, newest first",
    description=COUNT,
    tags=[STOCK],
)
def stock_movements(sku_id: str, store_id: str, cursor: Cursor = None, limit: Limit = 50) -> Page[StockMovement]:
    return inventory.stock_movements(current_actor(), sku_id, store_id, cursor=cursor, limit=limit)


handler: Any = lambda_entry(app)
