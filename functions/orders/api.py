"""Orders' HTTP routes: members fill a cart, check out, follow, cancel and receive their orders
and ask for refunds; staff find orders, ship them, refund them and confirm offline payments."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea import payments
from panacea.orders import cancelling, delivery, logic, paying, refunds
from panacea.orders import checkout as checkouts
from panacea.orders.access import Action
from panacea.orders.commands import (
    AddressChange,
    CancelOrder,
    OfflinePayment,
    ReceiptConfirmation,
    RefundAsk,
    RefundDecision,
    RefundIssue,
    ShipmentEntry,
)
from panacea.orders.models import (
    Cart,
    CartLines,
    Checkout,
    Order,
    OrderQuote,
    OrderState,
    OrderSummary,
    PaymentStarted,
    PlacedOrder,
)
from panacea.platform.access import requires
from panacea.platform.api import (
    PROVIDER_DOWN,
    IdempotencyKey,
    build_resolver,
    created,
    current_actor,
    idempotent,
    lambda_entry,
)
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
CART, BUYING, STAFF = "My cart", "My orders", "Orders"
BUY, READ, MANAGE = requires(Action.BUY_ORDERS), requires(Action.READ_ORDERS), requires(Action.MANAGE_ORDERS)


# --- the cart ------------------------------------------------------------------------------------


@app.get("/v1/me/cart", summary="Your cart", description=BUY, tags=[CART])
def get_cart() -> Cart:
    return checkouts.get_cart(current_actor())


@app.put(
    "/v1/me/cart",
    summary="Replace your cart",
    description=f"{BUY} Every line must be on sale now (422 names the line).",
    tags=[CART],
)
def put_cart(cart: CartLines) -> Cart:
    return checkouts.put_cart(current_actor(), cart)


@app.delete("/v1/me/cart", summary="Empty your cart", description=BUY, tags=[CART])
def empty_cart() -> Cart:
    return checkouts.empty_cart(current_actor())


# --- checkout --------------------------------------------------------------------------------------


@app.post(
    "/v1/orders/quote",
    summary="What checking out would charge (nothing is placed)",
    description=BUY,
    tags=[BUYING],
)
def quote(checkout: Checkout) -> OrderQuote:
    return checkouts.quote(current_actor(), checkout)


@app.post(
    "/v1/orders",
    summary="Check out the cart, or buy now",
    description=f"{BUY} Prices on the server, holds the stock and the promotion, and starts the payment: the "
    "answer carries Stripe's client secret. Send an `Idempotency-Key`: a retry answers the same order.",
    tags=[BUYING],
    status_code=201,
    responses=PROVIDER_DOWN,
)
def place(checkout: Checkout, idempotency_key: IdempotencyKey = None) -> Response[PlacedOrder]:
    placed = checkouts.place(current_actor(), checkout, idempotency_key=idempotency_key)
    return created(placed, f"/v1/orders/{placed.order.id}")


@app.get("/v1/me/orders", summary="Your orders, newest first", description=BUY, tags=[BUYING])
def my_orders(
    state: Annotated[OrderState | None, Query()] = None, cursor: Cursor = None, limit: Limit = 20
) -> Page[OrderSummary]:
    return logic.my_orders(current_actor(), state=state, cursor=cursor, limit=limit)


@app.post(
    "/v1/orders/<order_id>/payment",
    summary="Start (or resume) paying for your order",
    description=f"{BUY} The same payment every time; the answer carries Stripe's client secret.",
    tags=[BUYING],
    responses=PROVIDER_DOWN,
)
def start_payment(order_id: str) -> PaymentStarted:
    return checkouts.start_payment(current_actor(), order_id)


@app.put(
    "/v1/orders/<order_id>/address",
    summary="Send your order to another of your addresses",
    description=f"{BUY} While the tenant's cancel window is open and nothing has been posted.",
    tags=[BUYING],
)
def change_address(order_id: str, change: AddressChange) -> Order:
    return delivery.change_address(current_actor(), order_id, change)


@app.post(
    "/v1/orders/<order_id>/cancel",
    summary="Cancel an order",
    description=f"{BUY} Your own, while the cancel window is open (unpaid: any time); or {MANAGE} Any order "
    "nothing of which has been fulfilled. A paid order is refunded in full.",
    tags=[BUYING, STAFF],
    responses=PROVIDER_DOWN,
)
def cancel(order_id: str, cancel: CancelOrder) -> Order:
    return cancelling.cancel(current_actor(), order_id, cancel)


@app.post(
    "/v1/orders/<order_id>/receipt",
    summary="Confirm a parcel arrived",
    description=f"{BUY} Without it, a parcel counts as received after the tenant's number of days.",
    tags=[BUYING],
)
def confirm_receipt(order_id: str, receipt: ReceiptConfirmation) -> Order:
    return delivery.confirm_receipt(current_actor(), order_id, receipt)


@app.post(
    "/v1/orders/<order_id>/refund-request",
    summary="Ask for a refund",
    description=f"{BUY} Of lines you return, or of the whole order; staff approve or decline it.",
    tags=[BUYING],
)
def request_refund(order_id: str, ask: RefundAsk, idempotency_key: IdempotencyKey = None) -> Order:
    actor = current_actor()
    return idempotent(
        actor,
        f"orders.request_refund.{order_id}",
        ask,
        Order,
        lambda: refunds.request_refund(actor, order_id, ask),
        key=idempotency_key,
    )


# --- staff -------------------------------------------------------------------------------------------


@app.get(
    "/v1/orders",
    summary="Find orders, newest first",
    description=f"{READ} By state, member, product, store and date range (creation time), one Query per page.",
    tags=[STAFF],
)
def search(  # noqa: PLR0917 - one query parameter each
    state: Annotated[OrderState | None, Query()] = None,
    member_id: Annotated[str | None, Query(max_length=128)] = None,
    product_id: Annotated[str | None, Query(max_length=128)] = None,
    store_id: Annotated[str | None, Query(max_length=128)] = None,
    since: Annotated[datetime | None, Query(description="created at or after (ISO 8601)")] = None,
    until: Annotated[datetime | None, Query(description="created at or before (ISO 8601)")] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[OrderSummary]:
    return logic.search(
        current_actor(),
        state=state,
        member_id=member_id,
        product_id=product_id,
        store_id=store_id,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )


@app.get(
    "/v1/orders/<order_id>",
    summary="Read an order, with its history",
    description=f"{BUY} Your own; or {READ} Any.",
    tags=[BUYING, STAFF],
)
def get_order(order_id: str) -> Order:
    return logic.get_order(current_actor(), order_id)


@app.post(
    "/v1/orders/<order_id>/shipments",
    summary="Record a parcel's shipment (carrier and tracking number)",
    description=MANAGE,
    tags=[STAFF],
)
def record_shipment(order_id: str, shipment: ShipmentEntry) -> Order:
    return delivery.record_shipment(current_actor(), order_id, shipment)


@app.post(
    "/v1/orders/<order_id>/refund-request/approve",
    summary="Approve the member's refund request",
    description=f"{MANAGE} Refunds through payments; what is returned goes back to stock.",
    tags=[STAFF],
    responses=PROVIDER_DOWN,
)
def approve_refund(order_id: str, decision: RefundDecision, idempotency_key: IdempotencyKey = None) -> Order:
    actor = current_actor()
    return idempotent(
        actor,
        f"orders.approve_refund.{order_id}",
        decision,
        Order,
        lambda: refunds.approve_refund(actor, order_id, decision),
        key=idempotency_key,
    )


@app.post(
    "/v1/orders/<order_id>/refund-request/decline",
    summary="Decline the member's refund request",
    description=MANAGE,
    tags=[STAFF],
)
def decline_refund(order_id: str, decision: RefundDecision) -> Order:
    return refunds.decline_refund(current_actor(), order_id, decision)


@app.post(
    "/v1/orders/<order_id>/refunds",
    summary="Refund an order, in full or in part",
    description=f"{MANAGE} Send an `Idempotency-Key`: without one, each call is another refund.",
    tags=[STAFF],
    responses=PROVIDER_DOWN,
)
def issue_refund(order_id: str, refund: RefundIssue, idempotency_key: IdempotencyKey = None) -> Order:
    actor = current_actor()
    return idempotent(
        actor,
        f"orders.issue_refund.{order_id}",
        refund,
        Order,
        lambda: refunds.issue_refund(actor, order_id, refund),
        key=idempotency_key,
    )


@app.post(
    "/v1/orders/<order_id>/offline-payment",
    summary="Confirm an offline payment (bank transfer, cash) with its reference",
    description=requires(payments.Action.RECORD_OFFLINE_PAYMENTS),
    tags=[STAFF],
)
def confirm_offline_payment(order_id: str, payment: OfflinePayment) -> Order:
    return paying.confirm_offline_payment(current_actor(), order_id, payment)


handler: Any = lambda_entry(app)
