"""Promotions' contracts: what staff send to run campaigns and coupons, what members and the
orders context get back from a quote, and the events promotions announce.

Amounts of a promotion (amount off, tiers, minimum spend, budget) are integer minor units of
the promotion's own `currency`; a promotion applies only to lines in that currency. What a
quote returns is `Money`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AwareDatetime, ConfigDict, Field, field_validator, model_validator

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, CurrentCurrency, FromString, Paragraphs, Text
from panacea.platform.models import BaseModel
from panacea.platform.money import BASIS_POINTS_IN_WHOLE, Money

MAX_TIERS = 10


MAX_SCOPE_IDS = 500


MAX_QUOTE_LINES = 100


MAX_CODES_PER_BATCH = 98  # the codes, the promotion's counter and the event: one transaction of 100 writes


MinorUnits = Annotated[int, Field(ge=0, le=10**12, description="minor units of the promotion's currency")]


Positive = Annotated[int, Field(gt=0, le=10**12, description="minor units of the promotion's currency")]


Name = Annotated[Text, Field(min_length=1, max_length=120)]


Description = Annotated[Paragraphs, Field(max_length=1000)]


CatalogId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        pattern=r"^[^\s#\x00-\x1f\x7f-\x9f]+$",
        description="an id the catalog gave a product or category",
    ),
]


CouponCode = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{2,31}$",
        description="letters, digits and dashes; case does not matter (stored upper-case)",
        examples=["SPRING20"],
    ),
]


CodePrefix = Annotated[
    str, Field(pattern=r"^[A-Za-z0-9]{1,12}$", description="the start every code of the batch shares", examples=["NEW"])
]


Count = Annotated[int, Field(ge=1, le=10**9)]


COMBINATION_RULE = """\
**What combines with what.** An order takes at most one coupon code and at most one automatic
campaign. A campaign and a coupon combine only when both are marked `combinable`; otherwise
only one of them applies. Of everything allowed, the quote applies the combination with the
largest total discount (on a tie: the one with the coupon the member entered, then the one
with fewer promotions, then the campaign created first). A coupon that is valid but loses is
not refused: the quote says so in `notes` and `coupon_applied` is false.

**How a discount is worked out.** Each promotion looks at the lines in its scope (the whole
order, some products, or some categories). Its minimum spend and its spend-and-save tier
(the highest tier reached applies) are measured on those lines' amounts before any discount.
The discount is an amount off, a percentage of those lines (basis points, rounded down to the
minor unit), or the tier's amount off; it never exceeds what is left of those lines. It is
spread over the scoped lines in proportion to their amounts, rounding down, and the remainder
goes on the last scoped line (the one before it, if that line has nothing left). When a
campaign and a coupon combine, the campaign applies first and the coupon is worked out on what
the campaign left, so together they never take a line below zero.

**When a promotion applies.** Active, inside its window (`starts_at` ≤ now < `ends_at`), in
the lines' currency, minimum spend met, first orders only if so marked, uses and budget left
(its discount must fit the budget that is left), the member under their own limit (a
first-order promotion counts as one use per member), and a single-use code not used yet.
Redeeming (in the order's transaction) checks the usage limit, the budget, the member's limit
and the single-use code again under conditions, so no limit is exceeded under concurrency; a
cancelled or expired order gives them back."""


class PromotionKind(StrEnum):
    AMOUNT_OFF = "amount_off"  # a fixed amount off the scoped lines
    PERCENTAGE_OFF = "percentage_off"  # basis points of the scoped lines, rounded down
    SPEND_AND_SAVE = "spend_and_save"  # 满减: spend X, take Y off, the highest tier reached


class Scope(StrEnum):
    ORDER = "order"
    PRODUCTS = "products"
    CATEGORIES = "categories"


class PromotionMethod(StrEnum):
    """How a member gets a promotion."""

    AUTOMATIC = "automatic"  # a campaign: applies by itself, no code
    CODE = "code"  # a coupon with one code everyone shares
    SINGLE_USE_CODES = "single_use_codes"  # a coupon with batch-issued codes, each usable once


class PromotionStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


# --- what a promotion gives ------------------------------------------------------------------


class SpendTier(Command):
    """Spend at least `spend` on the scoped lines, take `off` off them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    spend: Positive
    off: Positive

    @model_validator(mode="after")
    def _off_within_spend(self) -> Self:
        if self.off > self.spend:
            raise ValueError("a tier cannot take off more than it asks to be spent")
        return self


class Offer(Command):
    """The discount and the lines it applies to."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "kind": "spend_and_save",
                    "tiers": [{"spend": 20000, "off": 2000}, {"spend": 50000, "off": 6000}],
                    "scope": "order",
                },
                {
                    "kind": "percentage_off",
                    "percentage_bps": 1500,
                    "scope": "categories",
                    "category_ids": ["gene-tests"],
                },
            ]
        },
    )

    kind: FromString[PromotionKind]
    amount_off: Positive | None = Field(default=None, description="for `amount_off`")
    percentage_bps: Annotated[int, Field(gt=0, le=BASIS_POINTS_IN_WHOLE)] | None = Field(
        default=None, description="for `percentage_off`: 1/100 of a percent (1500 = 15%)"
    )
    tiers: Annotated[list[SpendTier], Field(max_length=MAX_TIERS)] = Field(
        default_factory=list, description="for `spend_and_save`: ascending spend, each taking more off"
    )
    scope: FromString[Scope] = Scope.ORDER
    product_ids: Annotated[list[CatalogId], Field(max_length=MAX_SCOPE_IDS)] = Field(
        default_factory=list, description="for scope `products`"
    )
    category_ids: Annotated[list[CatalogId], Field(max_length=MAX_SCOPE_IDS)] = Field(
        default_factory=list, description="for scope `categories`"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        given = {
            PromotionKind.AMOUNT_OFF: self.amount_off is not None,
            PromotionKind.PERCENTAGE_OFF: self.percentage_bps is not None,
            PromotionKind.SPEND_AND_SAVE: bool(self.tiers),
        }
        if not given[self.kind]:
            needed = {"amount_off": "amount_off", "percentage_off": "percentage_bps", "spend_and_save": "tiers"}
            raise ValueError(f"a {self.kind} offer needs `{needed[self.kind]}`")
        if any(present for kind, present in given.items() if kind != self.kind):
            raise ValueError(f"a {self.kind} offer gives only its own amount (amount_off, percentage_bps or tiers)")
        for lower, higher in zip(self.tiers, self.tiers[1:], strict=False):
            if not (lower.spend < higher.spend and lower.off < higher.off):
                raise ValueError("tiers go up: each spends more than the one before and takes more off")
        ids = {Scope.ORDER: (), Scope.PRODUCTS: self.product_ids, Scope.CATEGORIES: self.category_ids}
        if self.scope != Scope.ORDER and not ids[self.scope]:
            raise ValueError(f"scope {self.scope} needs `{self.scope.value[:-1]}_ids`")
        if (self.product_ids and self.scope != Scope.PRODUCTS) or (
            self.category_ids and self.scope != Scope.CATEGORIES
        ):
            raise ValueError("only the ids of the scope's own kind may be given")
        return self


def upper(code: str | None) -> str | None:
    return code.upper() if code is not None else None


class _Window(Command):
    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        starts, ends = getattr(self, "starts_at", None), getattr(self, "ends_at", None)
        if starts is not None and ends is not None and ends <= starts:
            raise ValueError("ends_at comes after starts_at")
        return self


class NewPromotion(_Window):
    """A promotion, created as a draft. Activate it to let members use it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "New members: ¥30 off a gene test",
                    "description": "One code per new member, sent with the welcome message",
                    "currency": "CNY",
                    "method": "single_use_codes",
                    "offer": {
                        "kind": "amount_off",
                        "amount_off": 3000,
                        "scope": "categories",
                        "category_ids": ["gene-tests"],
                    },
                    "starts_at": "2027-03-01T00:00:00Z",
                    "ends_at": "2027-06-30T23:59:59Z",
                    "min_spend": 19900,
                    "usage_limit": 1000,
                    "budget": 3000000,
                    "per_member_limit": 1,
                    "first_order_only": True,
                    "combinable": True,
                },
                {
                    "name": "Spring sale: spend ¥200 save ¥20, spend ¥500 save ¥60",
                    "currency": "CNY",
                    "method": "automatic",
                    "offer": {
                        "kind": "spend_and_save",
                        "tiers": [{"spend": 20000, "off": 2000}, {"spend": 50000, "off": 6000}],
                        "scope": "order",
                    },
                    "starts_at": "2027-03-20T00:00:00+08:00",
                    "ends_at": "2027-04-05T00:00:00+08:00",
                    "budget": 5000000,
                    "combinable": True,
                },
                {
                    "name": "15% off blood-pressure monitors",
                    "currency": "GBP",
                    "method": "code",
                    "code": "HEART15",
                    "offer": {
                        "kind": "percentage_off",
                        "percentage_bps": 1500,
                        "scope": "products",
                        "product_ids": ["bp-monitor-a1"],
                    },
                    "starts_at": "2027-02-01T00:00:00Z",
                    "per_member_limit": 2,
                },
            ]
        },
    )

    name: Name
    description: Description | None = None
    currency: CurrentCurrency
    method: FromString[PromotionMethod]
    code: CouponCode | None = Field(default=None, description="the shared code, for method `code` (and only for it)")
    offer: Offer
    starts_at: FromString[AwareDatetime]
    ends_at: FromString[AwareDatetime] | None = Field(default=None, description="open-ended when absent")
    min_spend: MinorUnits = Field(default=0, description="on the scoped lines, before any discount")
    budget: Positive | None = Field(default=None, description="the most it may give away in total")
    usage_limit: Count | None = Field(default=None, description="the most orders it may discount")
    per_member_limit: Count | None = Field(default=None, description="the most orders of one member it may discount")
    first_order_only: bool = Field(default=False, description="only a member's first order (once per member)")
    combinable: bool = Field(default=False, description="may combine with one promotion of the other method")

    _code_upper = field_validator("code")(upper)

    @model_validator(mode="after")
    def _code_goes_with_method(self) -> Self:
        if self.method == PromotionMethod.CODE and self.code is None:
            raise ValueError("a promotion with method `code` needs its `code`")
        if self.method != PromotionMethod.CODE and self.code is not None:
            raise ValueError("only a promotion with method `code` has a shared `code`")
        return self


class PromotionPatch(_Window):
    """A merge patch. What members were promised (offer, minimum spend, first orders only, code,
    start) can change only while a draft; limits, end, name and combinability always can."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"usage_limit": 2000, "ends_at": "2027-07-31T23:59:59Z", "combinable": False}]},
    )

    name: Name | None = None
    description: Description | None = None
    code: CouponCode | None = None
    offer: Offer | None = None
    starts_at: FromString[AwareDatetime] | None = None
    ends_at: FromString[AwareDatetime] | None = None
    min_spend: MinorUnits | None = None
    budget: Positive | None = None
    usage_limit: Count | None = None
    per_member_limit: Count | None = None
    first_order_only: bool | None = None
    combinable: bool | None = None

    _code_upper = field_validator("code")(upper)


class Usage(BaseModel):
    redemptions: int = Field(description="orders it discounts now (cancelled orders give theirs back)")
    discount_given: int = Field(description="minor units it has taken off those orders")
    budget_left: int | None = Field(description="minor units of budget left; absent without a budget")
    codes_issued: int = Field(description="single-use codes issued so far")


class Promotion(BaseModel):
    id: str
    name: str
    description: str | None
    currency: str
    method: PromotionMethod
    code: str | None
    offer: Offer
    starts_at: datetime
    ends_at: datetime | None
    min_spend: int
    budget: int | None
    usage_limit: int | None
    per_member_limit: int | None
    first_order_only: bool
    combinable: bool
    status: PromotionStatus
    usage: Usage
    created_at: datetime
    updated_at: datetime
    activated_at: datetime | None = None
    ended_at: datetime | None = None


class AvailablePromotion(BaseModel):
    """An automatic campaign running now, as a member sees it."""

    id: str
    name: str
    description: str | None
    currency: str
    offer: Offer
    min_spend: int
    starts_at: datetime
    ends_at: datetime | None
    first_order_only: bool
    combinable: bool
    uses_left_for_you: int | None = Field(description="how many more of your orders it may discount; absent: no limit")


class AvailablePromotions(BaseModel):
    items: list[AvailablePromotion]


class ReleaseReason(StrEnum):
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    REFUNDED = "refunded"


# --- events ----------------------------------------------------------------------------------


class PromotionCreated(DomainEvent, name="promotion.created", version=1):
    """Staff drafted a promotion."""

    promotion_id: str
    name: str
    method: PromotionMethod
    kind: PromotionKind
    currency: str


class PromotionChanged(DomainEvent, name="promotion.changed", version=1):
    """Staff changed a promotion; `changed` lists the fields."""

    promotion_id: str
    changed: list[str]


class PromotionActivated(DomainEvent, name="promotion.activated", version=1):
    """A promotion runs (again): members can use it inside its window."""

    promotion_id: str
    name: str
    method: PromotionMethod
    kind: PromotionKind
    starts_at: datetime
    ends_at: datetime | None


class PromotionPaused(DomainEvent, name="promotion.paused", version=1):
    """A running promotion is paused: no new order takes it until it is activated again."""

    promotion_id: str


class PromotionEnded(DomainEvent, name="promotion.ended", version=1):
    """A promotion ended for good, with what it gave."""

    promotion_id: str
    redemptions: int
    discount_given: Money


class CouponCodesIssued(DomainEvent, name="coupon_codes.issued", version=1):
    """A batch of single-use codes was issued (the codes themselves never travel in events)."""

    promotion_id: str
    batch_id: str
    count: int


class PromotionRedeemed(DomainEvent, name="promotion.redeemed", version=1):
    """An order took a promotion (in the order's own transaction)."""

    promotion_id: str
    order_id: str
    member_id: str
    discount: Money
    code: str | None


class PromotionReleased(DomainEvent, name="promotion.released", version=1):
    """An order gave a promotion back (cancelled, expired or refunded): its use and budget return."""

    promotion_id: str
    order_id: str
    member_id: str
    discount: Money
    code: str | None
    reason: ReleaseReason
