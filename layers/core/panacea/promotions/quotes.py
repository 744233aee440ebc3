"""Quoting: the contract the orders context calls (lines in, discounts out, what was redeemed),
and single-use codes as staff see them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import ConfigDict, Field, field_validator

from panacea.platform.inputs import Command, MoneyIn, Text
from panacea.platform.models import BaseModel
from panacea.platform.money import Money
from panacea.promotions.models import (
    MAX_CODES_PER_BATCH,
    MAX_QUOTE_LINES,
    CatalogId,
    CodePrefix,
    PromotionKind,
    PromotionMethod,
    upper,
)

# --- coupon codes ----------------------------------------------------------------------------


class CodeBatchRequest(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"count": 20, "prefix": "NEW"}]})

    count: Annotated[int, Field(ge=1, le=MAX_CODES_PER_BATCH, description="codes to issue in this batch")]
    prefix: CodePrefix | None = None

    _prefix_upper = field_validator("prefix")(upper)


class IssuedCodes(BaseModel):
    """A batch of single-use codes, each usable by one order. Ask with `Accept: text/csv` for a CSV."""

    promotion_id: str
    batch_id: str
    codes: list[str] = Field(examples=[["NEW-7KQ4MX9PWD", "NEW-C3TR8HVN2F"]])

    def csv(self) -> str:
        return "code\r\n" + "".join(f"{code}\r\n" for code in self.codes)


class CouponCodeState(BaseModel):
    code: str
    single_use: bool
    batch_id: str | None
    issued_at: datetime
    used_by_order: str | None = None
    used_by_member: str | None = None
    used_at: datetime | None = None


class RedemptionRecord(BaseModel):
    """One order a promotion discounts."""

    order_id: str
    member_id: str
    discount: Money
    code: str | None
    redeemed_at: datetime


# --- quoting: the contract the orders context calls -----------------------------------------


class QuoteLine(Command):
    """A line of an order as the server priced it: `amount` is unit price times quantity."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line_ref: Annotated[Text, Field(min_length=1, max_length=64, examples=["1"])]
    product_id: CatalogId
    category_ids: Annotated[list[CatalogId], Field(max_length=20)] = Field(default_factory=list)
    amount: MoneyIn

    @field_validator("amount")
    @classmethod
    def _not_negative(cls, amount: Money) -> Money:
        if amount.amount < 0:
            raise ValueError("a line's amount is not negative")
        return amount


class QuoteRequest(Command):
    """A preview: the lines as the catalog priced them. Orders price again on the server."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "lines": [
                        {
                            "line_ref": "1",
                            "product_id": "gt-cardio-panel",
                            "category_ids": ["gene-tests"],
                            "amount": {"amount": 39900, "currency": "CNY"},
                        },
                        {
                            "line_ref": "2",
                            "product_id": "bp-monitor-a1",
                            "category_ids": ["devices"],
                            "amount": {"amount": 25800, "currency": "CNY"},
                        },
                    ],
                    "coupon_code": "SPRING20",
                    "first_order": False,
                }
            ]
        },
    )

    lines: Annotated[list[QuoteLine], Field(min_length=1, max_length=MAX_QUOTE_LINES)]
    coupon_code: Annotated[Text, Field(min_length=1, max_length=64)] | None = None
    first_order: bool = False


class AppliedPromotion(BaseModel):
    promotion_id: str
    name: str
    kind: PromotionKind
    method: PromotionMethod
    code: str | None = Field(description="the coupon code it came with")
    discount: Money
    member_limit: int | None = Field(
        description="the member's limit redeeming checks (1 for first-order promotions); absent: none"
    )


class LinePrice(BaseModel):
    line_ref: str
    product_id: str
    amount: Money = Field(description="before discount")
    discount: Money
    total: Money = Field(description="after discount; never below zero")
    promotion_ids: list[str] = Field(description="the promotions that discount this line")


class Quote(BaseModel):
    """The order's lines with every applicable discount worked out (see the combination rule)."""

    currency: str
    lines: list[LinePrice]
    applied: list[AppliedPromotion] = Field(description="at most one campaign and one coupon, campaign first")
    subtotal: Money
    discount: Money
    total: Money
    coupon_code: str | None = Field(description="the code entered, upper-cased")
    coupon_applied: bool
    notes: list[str] = Field(default_factory=list, description="why a valid coupon or campaign was left out")
    quoted_at: datetime


class RedeemedPromotion(BaseModel):
    promotion_id: str
    code: str | None
    single_use: bool
    discount: Money
    counted_for_member: bool


class Redemption(BaseModel):
    """What redeeming took for an order; the order keeps it and hands it back to `release_of`."""

    order_id: str
    member_id: str
    redeemed_at: datetime
    promotions: list[RedeemedPromotion]
