"""Finance's contracts: the sales ledger's entries, and the period reports finance reads from it.

Every amount is Money (integer minor units and a currency). A report is per currency: amounts of
two currencies are never added up, so a tenant that sold in GBP and EUR gets two sets of figures.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import ConfigDict, Field
from pydantic.config import JsonDict

from panacea.platform import workbooks
from panacea.platform.models import BaseModel
from panacea.platform.money import Money

XLSX = workbooks.XLSX  # an Excel workbook's media type (the kernel's)


def _gbp(amount: int) -> JsonDict:
    return {"amount": amount, "currency": "GBP"}


# The examples: a gene test (£299) and a blood pressure monitor (£89) sold with 10% off, the gene
# test refunded before its kit was sent.
_SOLD: JsonDict = {"gross": _gbp(38800), "discounts": _gbp(3880), "refunds": _gbp(-26910), "net": _gbp(8010)}
_TOTALS: JsonDict = {**_SOLD, "orders": 1, "units": 2, "units_refunded": 1}
_STORE = "01M84F21JK0FDGM15V63KCHYYP"


# Finance's own words for what it records of an order (the values orders uses; finance does not
# import orders: orders hands it a `ledger.Sale`, and its order states through its face).


class OrderState(StrEnum):
    """Where an order is in its life (finance reports the same words)."""

    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    FULFILLING = "fulfilling"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    REFUND_REQUESTED = "refund_requested"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class ProductKind(StrEnum):
    GENE_TEST = "gene_test"
    DEVICE = "device"
    MEDICINE = "medicine"
    SERVICE = "service"
    GOODS = "goods"


class PaymentMethod(StrEnum):
    """Online (Stripe) methods a tenant enables in its settings, and offline ones it may allow."""

    CARD = "card"
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"


class EntryKind(StrEnum):
    SALE = "sale"  # an order was paid: money in
    REFUND = "refund"  # money went back to the member: money out


class LedgerLine(BaseModel):
    """What one order line contributed to a money movement."""

    line_no: int = Field(description="the order's line")
    product_id: str
    product_name: str
    product_kind: ProductKind
    sku_id: str
    store_id: str
    quantity: int = Field(description="units sold (+), or returned (-); 0 for money given back without units")
    gross: Money = Field(description="a sale: unit price * quantity; a refund: 0")
    discount: Money = Field(description="a sale: the line's share of the order's discount; a refund: 0")
    amount: Money = Field(
        description="money in (+) or out (-): a sale's gross - discount, or the line's share of a refund"
    )


class LedgerEntry(BaseModel):
    """One money movement of an order, never changed once written: its sale when it was paid, or one
    of its refunds. `amount` is the sum of the lines' amounts: the order's total on a sale, minus
    the refund on a refund."""

    id: str = Field(description="a ULID whose time is `at`")
    kind: EntryKind
    at: datetime = Field(description="when the money moved (the payment, or the refund recorded)")
    order_id: str
    member_id: str
    payment_method: PaymentMethod
    payment_id: str | None = None
    refund_id: str | None = None
    ordered_at: datetime
    paid_at: datetime | None = None
    state: OrderState = Field(description="the order's state after this movement")
    currency: str
    amount: Money
    lines: list[LedgerLine]


# --- reports ----------------------------------------------------------------------------------


class Totals(BaseModel):
    """Sales figures of one currency. `net` = `gross` - `discounts` + `refunds`, which is the sum of
    the ledger's amounts, to the minor unit."""

    gross: Money = Field(description="unit price * quantity of what was sold")
    discounts: Money = Field(description="promotions' discounts on what was sold")
    refunds: Money = Field(description="money given back (negative)")
    net: Money = Field(description="what stayed: gross - discounts + refunds")
    orders: int = Field(description="orders sold (paid) in the period")
    units: int = Field(description="units sold")
    units_refunded: int = Field(description="units returned or never fulfilled, refunded")


class ProductSales(Totals):
    product_id: str
    product_name: str


class StoreSales(Totals):
    store_id: str


class MethodSales(Totals):
    payment_method: PaymentMethod


class CurrencySales(BaseModel):
    currency: str
    totals: Totals
    by_product: list[ProductSales] = Field(description="best-selling (net) first")
    by_store: list[StoreSales] = Field(description="highest net first")
    by_payment_method: list[MethodSales] = Field(description="highest net first")


class SalesReport(BaseModel):
    """Sales of a period (the tenant's local days, both included: its settings' `time_zone`), from the
    sales ledger, per currency."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "since": "2026-11-01",
                    "until": "2026-11-30",
                    "product_id": None,
                    "member_id": None,
                    "entries": 2,
                    "currencies": [
                        {
                            "currency": "GBP",
                            "totals": _TOTALS,
                            "by_product": [
                                {
                                    "product_id": "01M84F23Y5A4RJFTVRSRTFJNZE",
                                    "product_name": "Home Blood Pressure Monitor",
                                    "gross": _gbp(8900),
                                    "discounts": _gbp(890),
                                    "refunds": _gbp(0),
                                    "net": _gbp(8010),
                                    "orders": 1,
                                    "units": 1,
                                    "units_refunded": 0,
                                },
                                {
                                    "product_id": "01M84F23CZQ8H01ZE3CXVHKQ7H",
                                    "product_name": "Cardio Gene Panel",
                                    "gross": _gbp(29900),
                                    "discounts": _gbp(2990),
                                    "refunds": _gbp(-26910),
                                    "net": _gbp(0),
                                    "orders": 1,
                                    "units": 1,
                                    "units_refunded": 1,
                                },
                            ],
                            "by_store": [{"store_id": _STORE, **_TOTALS}],
                            "by_payment_method": [{"payment_method": "card", **_TOTALS}],
                        }
                    ],
                }
            ]
        }
    )

    since: date
    until: date
    product_id: str | None = Field(default=None, description="only this product's lines, if asked")
    member_id: str | None = Field(default=None, description="only this member's orders, if asked")
    entries: int = Field(description="money movements in the period")
    currencies: list[CurrencySales]


class PeriodOrder(BaseModel):
    """An order with money movements in the period, and what they came to."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "order_id": "01M84G7QK2W4X6Z8B0D2F4H6J8",
                    "member_id": "01M84F25B9N3Q5S7U9W1Y3A5C7",
                    "state": "completed",
                    "payment_method": "card",
                    "ordered_at": "2026-11-23T14:02:11Z",
                    "paid_at": "2026-11-23T14:02:40Z",
                    "currency": "GBP",
                    **_SOLD,
                    "units": 2,
                    "units_refunded": 1,
                }
            ]
        }
    )

    order_id: str
    member_id: str
    state: OrderState = Field(description="the order's state now")
    payment_method: PaymentMethod
    ordered_at: datetime
    paid_at: datetime | None
    currency: str
    gross: Money
    discounts: Money
    refunds: Money
    net: Money
    units: int
    units_refunded: int
