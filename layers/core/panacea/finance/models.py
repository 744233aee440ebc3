"""Finance's contracts: the sales ledger's entries, and the period reports finance reads from it.

Every amount is Money (integer minor units and a currency). A report is per currency: amounts of
two currencies are never added up, so a tenant that sold in GBP and EUR gets two sets of figures.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from panacea.orders.models import OrderState, PaymentMethod, ProductKind
from panacea.platform.money import Money

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"  # an Excel workbook's media type


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
    """Sales of a period (UTC days, both included), from the sales ledger, per currency."""

    since: date
    until: date
    product_id: str | None = Field(default=None, description="only this product's lines, if asked")
    member_id: str | None = Field(default=None, description="only this member's orders, if asked")
    entries: int = Field(description="money movements in the period")
    currencies: list[CurrencySales]


class PeriodOrder(BaseModel):
    """An order with money movements in the period, and what they came to."""

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
