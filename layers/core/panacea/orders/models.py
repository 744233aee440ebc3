"""Orders' contracts: the cart, checkout, the order as members and staff see it, the commands that
move it, and the events it announces (with what the distribution and commission contexts need:
amounts, the lines' products and kinds, the member and the referral code)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from panacea.orders.line_commission import LineCommission
from panacea.platform.events import DomainEvent
from panacea.platform.ids import ID_PATTERN
from panacea.platform.inputs import Command, FromString, MoneyIn, Text
from panacea.platform.models import BaseModel
from panacea.platform.money import BasisPoints, Money

MAX_LINES = 20  # lines per order: keeps placing, and every later change, inside one transaction


MAX_QUANTITY = 99


Id = Annotated[str, Field(pattern=ID_PATTERN, examples=["01JD7Q2ZQ8C1V3B5N7M9K2H4FD"])]


Quantity = Annotated[int, Field(ge=1, le=MAX_QUANTITY, examples=[1])]


Reason = Annotated[Text, Field(min_length=3, max_length=500, examples=["ordered the wrong size"])]


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


class GroupKind(StrEnum):
    """How a part of an order is fulfilled (one branch of the workflow's Map each)."""

    SHIPMENT = "shipment"  # goods, devices and medicines from one store: shipped, then received
    SERVICE = "service"  # voucher codes, one per unit
    GENE_TEST = "gene_test"  # one per gene-test line: waits for its report (sample logistics)


class GroupStatus(StrEnum):
    WAITING = "waiting"  # for shipment, or for the report
    SHIPPED = "shipped"
    DELIVERED = "delivered"  # received (confirmed by the member, or after the tenant's days)
    ISSUED = "issued"  # vouchers issued
    REPORTED = "reported"  # the gene-test report was released
    OVERDUE = "overdue"  # the report did not come within its wait; staff follow up
    REFUNDED = "refunded"  # refunded before it was fulfilled: nothing more happens to it


class PaymentMethod(StrEnum):
    """Online (Stripe) methods a tenant enables in its settings, and offline ones it may allow."""

    CARD = "card"
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"  # at a collection point


OFFLINE_METHODS = frozenset({PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH})


# --- cart and checkout ---------------------------------------------------------------------


class LineIn(Command):
    model_config = ConfigDict(extra="forbid")

    sku_id: Id
    store_id: Id | None = Field(default=None, description="the store selling it; absent: the product's own seller")
    quantity: Quantity


Lines = Annotated[list[LineIn], Field(min_length=1, max_length=MAX_LINES)]


class CartLines(Command):
    """The whole cart (a PUT replaces it)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "lines": [
                        {
                            "sku_id": "01JD7PX3M5Q7S9V1X3Z5B7D9F1",
                            "store_id": "01JD7PW1K3M5P7R9T1V3X5Z7B9",
                            "quantity": 1,
                        }
                    ]
                }
            ]
        },
    )

    lines: Annotated[list[LineIn], Field(max_length=MAX_LINES)]

    @model_validator(mode="after")
    def _one_line_per_sku(self) -> CartLines:
        _no_repeats(self.lines)
        return self


class Cart(BaseModel):
    lines: list[LineIn]
    updated_at: datetime | None = None


def _no_repeats(lines: list[LineIn]) -> None:
    seen = {(line.sku_id, line.store_id) for line in lines}
    if len(seen) != len(lines):
        raise ValueError("each SKU of a store appears on one line; add up its quantities")


class Checkout(Command):
    """Checkout from the cart (no `lines`) or "buy now" (`lines`); part of it paid from the wallet
    (`wallet_credit`: more than zero, at most the total after discounts and what the wallet holds, in
    the order's currency, where the tenant takes it), the rest by `payment_method`."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "lines": [{"sku_id": "01JD7PX3M5Q7S9V1X3Z5B7D9F1", "store_id": "01JD7PW1K3M5P7R9T1V3X5Z7B9", "quantity": 1}],
        "address_id": "01JD7PV0J2K4N6Q8S0V2W4Y6A8", "coupon_code": "WELCOME10", "referral_code": "MEI8K2",
        "payment_method": "card"}]})  # fmt: skip

    lines: Lines | None = Field(default=None, description="buy now; absent: check out the cart")
    address_id: Id | None = Field(
        default=None, description="from your address book; needed when anything is posted (goods, kits)"
    )
    coupon_code: Annotated[Text, Field(min_length=1, max_length=40)] | None = None
    referral_code: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")] | None = Field(
        default=None, description="the share link's code; kept on the order for the distribution context"
    )
    payment_method: FromString[PaymentMethod]
    wallet_credit: MoneyIn | None = Field(default=None, description="wallet credit to spend; the method pays the rest")

    @model_validator(mode="after")
    def _one_line_per_sku(self) -> Checkout:
        if self.lines:
            _no_repeats(self.lines)
        return self


# --- the order -------------------------------------------------------------------------------


class AddressSnapshot(BaseModel):
    """The address as it was when chosen: later edits of the address book do not move a parcel."""

    address_id: str
    label: str | None = None
    recipient: str
    phone: str
    line1: str
    line2: str | None = None
    city: str
    region: str | None = None
    postcode: str | None = None
    country: str


class OrderLine(BaseModel):
    line_no: int = Field(description="1-based position on the order")
    sku_id: str
    store_id: str
    product_id: str
    product_name: str
    kind: ProductKind
    category_ids: list[str] = []
    unit_price: Money
    quantity: int
    subtotal: Money = Field(description="unit price * quantity")
    discount: Money = Field(description="this line's share of the order's discount")
    amount: Money = Field(description="what the member pays for the line: subtotal - discount")
    wallet: Money | None = Field(default=None, description="its share of the wallet credit spent (the rest: money)")
    cashback_bps: BasisPoints = 0
    commission: list[LineCommission] = Field(default=[], description="the product's commission override")
    refunded_quantity: int = 0


class OrderPromotion(BaseModel):
    promotion_id: str
    name: str
    kind: str
    discount: Money
    coupon_code: str | None = None


class Shipment(BaseModel):
    carrier: str
    tracking_number: str
    shipped_at: datetime
    shipped_by: str


class FulfilmentGroup(BaseModel):
    id: str = Field(description="e.g. S1 (a store's parcel), V2 (line 2's vouchers), G3 (line 3's gene test)")
    kind: GroupKind
    line_nos: list[int]
    store_id: str | None = None
    status: GroupStatus = GroupStatus.WAITING
    shipment: Shipment | None = None
    delivered_at: datetime | None = None
    delivered_by: Literal["member", "auto"] | None = None
    vouchers: list[str] = []
    reported_at: datetime | None = None


class PaymentInfo(BaseModel):
    payment_id: str | None = None
    status: str = "not_started"
    attempts: int = 0
    paid_at: datetime | None = None
    reference: str | None = Field(default=None, description="an offline payment's reference")
    failure: str | None = None
    disputed: bool = False


class RefundLine(Command):
    model_config = ConfigDict(extra="forbid")

    line_no: Annotated[int, Field(ge=1, le=MAX_LINES)]
    quantity: Quantity


class OrderRefund(BaseModel):
    id: str
    amount: Money
    reason: str
    lines: list[RefundLine] = []
    restocked: bool = False
    by: str
    at: datetime
    payment_refund_key: str | None = Field(default=None, description="the idempotency key payments refunded under")
    requested_by_member: bool = False


class RefundRequest(BaseModel):
    amount: Money
    reason: str
    lines: list[RefundLine] = []
    requested_at: datetime
    resume_state: OrderState = Field(description="where the order goes back to if the request is declined")


class Transition(BaseModel):
    from_state: OrderState | None
    to_state: OrderState
    by: str = Field(description="who: a user id, `payments`, `workflow` or `member`")
    at: datetime
    note: str | None = None


class Order(BaseModel):
    """An order as its member and the tenant's staff see it."""

    id: str
    member_id: str
    state: OrderState
    lines: list[OrderLine]
    currency: str
    subtotal: Money
    discount: Money
    total: Money
    refunded: Money = Field(description="given back so far, in money and to the wallet")
    wallet_paid: Money | None = Field(default=None, description="paid from the wallet; the payment is for the rest")
    wallet_returned: Money | None = Field(default=None, description="of `refunded`, what went back to the wallet")
    promotions: list[OrderPromotion] = []
    coupon_code: str | None = None
    referral_code: str | None = None
    payment_method: PaymentMethod
    payment: PaymentInfo
    address: AddressSnapshot | None = None
    groups: list[FulfilmentGroup] = []
    refunds: list[OrderRefund] = []
    refund_request: RefundRequest | None = None
    cancel_until: datetime = Field(description="the member may cancel or change the address until then")
    payment_due_at: datetime
    receipt_days: int = Field(description="days after shipment until a parcel counts as received")
    created_at: datetime
    updated_at: datetime
    history: list[Transition] = []


class OrderSummary(BaseModel):
    """An order in a list."""

    id: str
    member_id: str
    state: OrderState
    total: Money
    refunded: Money
    lines: int
    product_ids: list[str]
    store_ids: list[str]
    created_at: datetime


class PlacedOrder(BaseModel):
    """What checkout answers: the order, and what the member's app needs to pay for it."""

    order: Order
    client_secret: str | None = Field(
        default=None, description="Stripe's client secret for Stripe.js; absent for offline methods or if not started"
    )
    payment_error: str | None = Field(
        default=None, description="why payment could not start now; retry with POST /v1/orders/{order_id}/payment"
    )


class OrderQuote(BaseModel):
    """What checkout would charge, without placing anything."""

    lines: list[OrderLine]
    currency: str
    subtotal: Money
    discount: Money
    total: Money
    wallet_credit: Money | None = Field(default=None, description="the wallet credit asked to spend")
    to_pay: Money | None = Field(default=None, description="what the payment method pays: total - wallet_credit")
    promotions: list[OrderPromotion] = []


class PaymentStarted(BaseModel):
    order_id: str
    payment_id: str | None
    client_secret: str | None = None
    status: str


# --- events ----------------------------------------------------------------------------------


class LineFact(BaseModel):
    """A line as events carry it."""

    line_no: int
    sku_id: str
    store_id: str
    product_id: str
    kind: ProductKind
    category_ids: list[str] = []
    quantity: int
    amount: Money = Field(description="what the member pays for the line in money, after discount and wallet credit")
    cashback_bps: int = 0
    commission: list[LineCommission] = Field(default=[], description="the product's override, per level")


class OrderPlaced(DomainEvent, name="order.placed", version=1):
    """A member placed an order: stock is reserved and the promotion redeemed. Starts order-fulfilment."""

    order_id: str
    member_id: str
    total: Money
    discount: Money
    lines: list[LineFact]
    coupon_code: str | None
    referral_code: str | None
    payment_method: PaymentMethod
    payment_timeout_seconds: int = Field(description="the tenant's payment_timeout_minutes, in seconds")
    receipt_timeout_seconds: int = Field(description="the tenant's auto_complete_days, in seconds")


class OrderPaid(DomainEvent, name="order.paid", version=1):
    """The order was paid; its stock is committed. Commission accrues from here."""

    order_id: str
    member_id: str
    total: Money
    payment_id: str
    payment_method: PaymentMethod
    lines: list[LineFact] = Field(description="each line's `amount` is what was paid for it in money (commission base)")
    referral_code: str | None
    wallet_paid: Money | None = Field(default=None, description="of `total`, what the wallet paid")


class OrderFulfilmentStarted(DomainEvent, name="order.fulfilment_started", version=1):
    """The workflow split the paid order into what is shipped, issued and tested."""

    order_id: str
    member_id: str
    groups: list[str]


class OrderShipped(DomainEvent, name="order.shipped", version=1):
    """A parcel left the store; `all_shipped` once nothing is left to ship."""

    order_id: str
    member_id: str
    group_id: str
    carrier: str
    tracking_number: str
    line_nos: list[int]
    all_shipped: bool


class OrderCompleted(DomainEvent, name="order.completed", version=1):
    """Everything was delivered, issued or reported. Commission settlement starts from here."""

    order_id: str
    member_id: str
    total: Money
    refunded: Money
    lines: list[LineFact]
    referral_code: str | None


class OrderCancelled(DomainEvent, name="order.cancelled", version=1):
    """Cancelled before anything was fulfilled: stock and promotion released, any payment refunded."""

    order_id: str
    member_id: str
    by: str
    reason: str
    refunded: Money = Field(description="money given back to the payment method")
    lines: list[LineFact]
    referral_code: str | None
    wallet_returned: Money | None = Field(default=None, description="the wallet credit spent on it, given back")


class OrderExpired(DomainEvent, name="order.expired", version=1):
    """Nobody paid within the tenant's payment timeout: stock and promotion released."""

    order_id: str
    member_id: str
    lines: list[LineFact]
    wallet_returned: Money | None = Field(default=None, description="the wallet credit spent on it, given back")


class OrderRefundRequested(DomainEvent, name="order.refund_requested", version=1):
    """The member asked for a refund; staff approve or decline it."""

    order_id: str
    member_id: str
    amount: Money
    reason: str


class OrderRefundDeclined(DomainEvent, name="order.refund_declined", version=1):
    """Staff declined the member's refund request; the order is back where it was."""

    order_id: str
    member_id: str
    state: OrderState
    note: str | None


class OrderRefunded(DomainEvent, name="order.refunded", version=1):
    """Money went back: `amount` to the payment method and `wallet_returned` to the wallet now,
    `refunded_total` in all; `full` when all of it."""

    order_id: str
    member_id: str
    refund_id: str
    amount: Money = Field(description="money given back to the payment method by this refund (commission follows it)")
    refunded_total: Money = Field(description="given back by every refund so far, in money and to the wallet")
    full: bool
    state: OrderState
    lines: list[LineFact] = Field(description="the lines refunded: their quantities, the money refunded for them")
    referral_code: str | None
    wallet_returned: Money | None = Field(default=None, description="given back to the wallet by this refund")


class OrderAddressChanged(DomainEvent, name="order.address_changed", version=1):
    """The member chose another address while the tenant's window allowed it."""

    order_id: str
    member_id: str
    address_id: str
