"""Catalog's use cases, by family, and what they share (errors, who counts as staff):

    stores.py       the stores of a tenant's mall (the tenant's own store comes first)
    categories.py   how products are classified: categories by dimension, and tags
    products.py     products and their SKUs from draft to published to archived, and images
    inventory.py    stock counted and adjusted by staff
    stock.py        the stock movements of orders (handed to orders' transactions), and pricing.py

Members (everyone in the tenant) see published products and active stores; whoever may manage
the catalog sees everything. A product and every item that lists it change in one transaction
(dal.py), with the event that announces the change.
"""

from __future__ import annotations

from typing import TypeVar

from panacea.catalog.access import Action
from panacea.platform.access import Actor
from panacea.platform.errors import Conflict, NotFound, Unprocessable

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


def is_staff(actor: Actor) -> bool:
    """Whoever may manage the catalog sees all of it (drafts, archived, closed stores)."""
    return actor.can(Action.MANAGE_CATALOG)
