"""The catalog's contracts: stores, categories, tags, products and their SKUs, stock, what
clients send and get back, what the orders context prices lines with, and the events the
catalog announces."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, EmailStr, Field, field_validator

from panacea.catalog.commission import CommissionOverride, LevelCommission, check_levels
from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, FromString, MoneyIn, Paragraphs, Text
from panacea.platform.models import BaseModel
from panacea.platform.money import BasisPoints, Money

Name = Annotated[Text, Field(min_length=1, max_length=120)]


Reason = Annotated[Text, Field(min_length=3, max_length=200, examples=["delivery of 40 kits from the lab"])]


MAX_CATEGORIES = 8  # per product: a product's listing items stay within one transaction (dal.py)


MAX_TAGS = 8

MAX_IMAGES = 9

MAX_SKUS = 20

MAX_SPECS = 10

MAX_QUANTITY = 999  # of one line

MAX_STOCK = 1_000_000


IMAGE_TYPES: dict[str, str] = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


MAX_IMAGE_BYTES = 5 * 1024 * 1024


ImageKey = Annotated[
    str,
    Field(
        pattern=r"^tenants/[0-9A-Za-z_-]{1,64}/catalog/images/[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png|webp)$",
        description="the `key` of an image uploaded through POST /v1/catalog/images",
        examples=["tenants/01JDQ3V6N1W2X3Y4Z5A6B7C8D9/catalog/images/01JDQ4A0000000000000000000.jpg"],
    ),
]


SkuCode = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$",
        description="the tenant's own code for the SKU, unique within the tenant",
        examples=["GT-100-STD"],
    ),
]


SpecName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


SpecValue = Annotated[Text, Field(min_length=1, max_length=100)]


Specs = Annotated[
    dict[SpecName, SpecValue],
    Field(max_length=MAX_SPECS, description="what sets this SKU apart", examples=[{"panel": "standard"}]),
]


# --- stores ------------------------------------------------------------------------------------


class StoreKind(StrEnum):
    TENANT = "tenant"  # the tenant itself: its default store, whose id is the tenant's id
    PHARMACY = "pharmacy"
    INSTITUTION = "institution"


class StoreStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"  # sells nothing for now; may be reactivated
    CLOSED = "closed"  # for good


# The status changes a store may go through (anything else is refused).
STORE_MOVES: dict[StoreStatus, frozenset[StoreStatus]] = {
    StoreStatus.ACTIVE: frozenset({StoreStatus.SUSPENDED, StoreStatus.CLOSED}),
    StoreStatus.SUSPENDED: frozenset({StoreStatus.ACTIVE, StoreStatus.CLOSED}),
    StoreStatus.CLOSED: frozenset(),
}


class Contact(Command):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    phone: Annotated[str, Field(pattern=r"^\+?[0-9 ().-]{3,31}$")] | None = None
    email: EmailStr | None = None
    address: Annotated[Text, Field(min_length=1, max_length=300)] | None = None


Licence = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]{2,63}$",
        description="the store's dispensing or business licence number, unique within the tenant",
        examples=["GPhC-9011234"],
    ),
]


class NewStore(Command):
    """A pharmacy or institution selling in the tenant's mall."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Quayside Pharmacy",
                    "kind": "pharmacy",
                    "licence_number": "GPhC-9011234",
                    "contact": {
                        "name": "Priya Shah",
                        "phone": "+441632960123",
                        "email": "orders@quayside-pharmacy.example",
                        "address": "4 Quay Street, Bristol BS1 4DJ",
                    },
                }
            ]
        },
    )

    name: Name
    kind: Literal[StoreKind.PHARMACY, StoreKind.INSTITUTION]
    licence_number: Licence
    contact: Contact = Contact.model_construct()  # built without validating: no email validator at import


class StorePatch(Command):
    """A merge patch; `status` moves the store (active ⇄ suspended, either → closed)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"contact": {"phone": "+441632960124"}}, {"status": "suspended"}]},
    )

    name: Name | None = None
    licence_number: Licence | None = None
    contact: Contact | None = None
    status: FromString[StoreStatus] | None = None


class Store(BaseModel):
    id: str
    name: str
    kind: StoreKind
    licence_number: str | None
    contact: Contact
    status: StoreStatus
    created_at: datetime
    updated_at: datetime


# --- products and SKUs -------------------------------------------------------------------------


class ProductKind(StrEnum):
    GENE_TEST = "gene_test"
    DEVICE = "device"
    MEDICINE = "medicine"
    SERVICE = "service"
    GOODS = "goods"


class ProductStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


# The status changes a product may go through (anything else is refused).
PRODUCT_MOVES: dict[ProductStatus, frozenset[ProductStatus]] = {
    ProductStatus.DRAFT: frozenset({ProductStatus.PUBLISHED, ProductStatus.ARCHIVED}),
    ProductStatus.PUBLISHED: frozenset({ProductStatus.ARCHIVED}),
    ProductStatus.ARCHIVED: frozenset({ProductStatus.PUBLISHED}),
}


def _distinct(values: list[str] | None) -> list[str] | None:
    if values is not None and len(set(values)) != len(values):
        raise ValueError("each id at most once")
    return values


Description = Annotated[Paragraphs, Field(max_length=5000)]


CategoryIds = Annotated[list[str], Field(max_length=MAX_CATEGORIES)]


TagIds = Annotated[list[str], Field(max_length=MAX_TAGS)]


Images = Annotated[list[ImageKey], Field(max_length=MAX_IMAGES, description="the first is the product's picture")]


class NewProduct(Command):
    """A product, created as a draft; its SKUs are added next, then it is published."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "BRCA1/2 Hereditary Cancer Panel",
                    "kind": "gene_test",
                    "description": "Saliva test for inherited variants in BRCA1 and BRCA2, with genetic counselling.",
                    "cashback_bps": 500,
                },
                {
                    "name": "Home Blood Pressure Monitor",
                    "kind": "device",
                    "description": "Upper-arm monitor that syncs readings to the member app.",
                    "images": ["tenants/01JDQ3V6N1W2X3Y4Z5A6B7C8D9/catalog/images/01JDQ4A0000000000000000000.jpg"],
                    "category_ids": ["01JDQ4B0000000000000000000"],
                    "tag_ids": ["01JDQ4C0000000000000000000"],
                    "cashback_bps": 200,
                    "commission": [{"level": 1, "fixed": {"amount": 1500, "currency": "GBP"}}],
                    "store_id": "01JDQ4D0000000000000000000",
                },
            ]
        },
    )

    name: Name
    kind: FromString[ProductKind]
    description: Description = ""
    images: Images = []
    category_ids: CategoryIds = []
    tag_ids: TagIds = []
    cashback_bps: BasisPoints = Field(default=0, description="share of the price paid back to the member")
    commission: CommissionOverride = []
    store_id: str | None = Field(default=None, description="the store that sells it; the tenant itself if absent")

    _ids = field_validator("category_ids", "tag_ids", "images")(_distinct)
    _levels = field_validator("commission")(check_levels)


class ProductPatch(Command):
    """A merge patch of a product's details (its status moves through publish and archive)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"description": "Now with a free follow-up call.", "cashback_bps": 800},
                {"commission": [{"level": 1, "rate_bps": 1200}, {"level": 2, "rate_bps": 600}]},
            ]
        },
    )

    name: Name | None = None
    kind: FromString[ProductKind] | None = None
    description: Description | None = None
    images: Images | None = None
    category_ids: CategoryIds | None = None
    tag_ids: TagIds | None = None
    cashback_bps: BasisPoints | None = None
    commission: CommissionOverride | None = Field(default=None, description="replaces the override; [] removes it")
    store_id: str | None = None

    _ids = field_validator("category_ids", "tag_ids", "images")(_distinct)
    _levels = field_validator("commission")(check_levels)


def _one_price_per_currency(prices: list[Money]) -> list[Money]:
    currencies = [p.currency for p in prices]
    if len(set(currencies)) != len(currencies):
        raise ValueError("one price per currency")
    if any(p.amount < 0 for p in prices):
        raise ValueError("a price is zero or more")
    return sorted(prices, key=lambda p: p.currency)


Prices = Annotated[
    list[MoneyIn],
    Field(min_length=1, max_length=10, description="one per currency, in minor units; the tenant's currency at least"),
]


class NewSku(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "code": "GT-100-STD",
                    "specs": {"panel": "standard", "sample": "saliva"},
                    "prices": [{"amount": 29900, "currency": "GBP"}],
                }
            ]
        },
    )

    code: SkuCode
    specs: Specs = {}
    prices: Prices
    active: bool = True

    _prices = field_validator("prices")(_one_price_per_currency)


class SkuPatch(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"prices": [{"amount": 24900, "currency": "GBP"}]}, {"active": False}]},
    )

    code: SkuCode | None = None
    specs: Specs | None = None
    prices: Prices | None = None
    active: bool | None = None

    @field_validator("prices")
    @classmethod
    def _prices(cls, prices: list[Money] | None) -> list[Money] | None:
        return None if prices is None else _one_price_per_currency(prices)


class Sku(BaseModel):
    id: str
    product_id: str
    code: str
    specs: dict[str, str]
    prices: list[Money]
    active: bool
    created_at: datetime
    updated_at: datetime


class Image(BaseModel):
    key: str
    url: str | None = Field(default=None, description="a presigned GET URL, valid for an hour")


class Product(BaseModel):
    id: str
    name: str
    kind: ProductKind
    description: str
    images: list[Image]
    category_ids: list[str]
    tag_ids: list[str]
    cashback_bps: int
    commission: list[LevelCommission] = Field(default=[], description="per level, instead of the tenant's rate")
    store_id: str
    status: ProductStatus
    skus: list[Sku]
    prices_from: list[Money] = Field(description="the lowest price of its active SKUs, per currency")
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None


class ProductSummary(BaseModel):
    """A product as lists show it (one query per page: lists carry this copy)."""

    id: str
    name: str
    kind: ProductKind
    image: Image | None
    cashback_bps: int
    status: ProductStatus
    prices_from: list[Money]
    category_ids: list[str]
    tag_ids: list[str]
    store_id: str


class ImageUploadRequest(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"content_type": "image/jpeg", "size": 482113}]}
    )

    content_type: Literal["image/jpeg", "image/png", "image/webp"]
    size: (
        Annotated[int, Field(ge=1, le=MAX_IMAGE_BYTES, description="bytes, if known: refused here if too big")] | None
    ) = None


class ImageUpload(BaseModel):
    """POST the file to `url` as multipart/form-data: every field of `fields`, then `file`."""

    key: str = Field(description="name it in a product's `images` once uploaded")
    url: str
    fields: dict[str, str]
    max_bytes: int
    expires_at: datetime


class Movement(StrEnum):
    SET = "set"  # staff counted the stock: available set to a number
    ADJUSTMENT = "adjustment"  # staff added or took away units
    RESERVATION = "reservation"  # an order holds units: available → reserved
    SALE = "sale"  # the order was paid: reserved → sold
    RELEASE = "release"  # the order was cancelled or expired: reserved → available
    RESTOCK = "restock"  # the order was refunded: sold → available


# --- events ------------------------------------------------------------------------------------


class StoreOpened(DomainEvent, name="store.opened", version=1):
    """A store (the tenant itself, a pharmacy or an institution) sells in the tenant's mall."""

    store_id: str
    name: str
    kind: StoreKind


class StoreStatusChanged(DomainEvent, name="store.status_changed", version=1):
    """A store was suspended, reactivated or closed."""

    store_id: str
    status: StoreStatus
    previous: StoreStatus


class ProductCreated(DomainEvent, name="product.created", version=1):
    product_id: str
    name: str
    kind: ProductKind
    store_id: str


class ProductUpdated(DomainEvent, name="product.updated", version=1):
    """A product's details or SKUs changed; `changed` names what."""

    product_id: str
    changed: list[str]


class ProductPublished(DomainEvent, name="product.published", version=1):
    """Members can see and buy the product (again)."""

    product_id: str
    name: str
    kind: ProductKind
    category_ids: list[str]
    tag_ids: list[str]
    prices_from: list[Money]


class ProductArchived(DomainEvent, name="product.archived", version=1):
    """The product left the mall (or never entered it); orders already placed are unaffected."""

    product_id: str
    previous: ProductStatus


class SkuAdded(DomainEvent, name="sku.added", version=1):
    sku_id: str
    product_id: str
    code: str
    prices: list[Money]


class SkuUpdated(DomainEvent, name="sku.updated", version=1):
    """A SKU's code, specs, prices or availability changed; `changed` names what."""

    sku_id: str
    product_id: str
    changed: list[str]
    prices: list[Money]
    active: bool


class StockAdjusted(DomainEvent, name="stock.adjusted", version=1):
    """Staff counted or changed the stock of a SKU in a store (order movements announce nothing
    of their own: the order's events do)."""

    sku_id: str
    store_id: str
    movement: Literal[Movement.SET, Movement.ADJUSTMENT]
    available_delta: int
    available: int = Field(description="available after the change")
    reason: str
