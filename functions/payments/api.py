"""Payments' HTTP routes for a tenant's staff: finance and managers read payments and their refunds.

Paying, confirming an offline payment and refunding are done on orders (`/v1/orders/…`), whose
routes call the payments use cases.
"""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.payments import logic
from panacea.payments.access import Action
from panacea.payments.models import Payment, PaymentStatus, Refund
from panacea.platform.access import requires
from panacea.platform.api import build_resolver, current_actor, lambda_entry
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]


@app.get(
    "/v1/payments",
    summary="List payments, newest first (all, or one order's)",
    description=requires(Action.READ_PAYMENTS),
    tags=["Payments"],
)
def list_payments(
    order_id: Annotated[str | None, Query(description="only this order's payments")] = None,
    status: Annotated[PaymentStatus | None, Query()] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[Payment]:
    return logic.list_payments(current_actor(), order_id=order_id, status=status, cursor=cursor, limit=limit)


@app.get(
    "/v1/payments/<payment_id>",
    summary="Read a payment",
    description=requires(Action.READ_PAYMENTS),
    tags=["Payments"],
)
def read_payment(payment_id: str) -> Payment:
    return logic.read_payment(current_actor(), payment_id)


@app.get(
    "/v1/payments/<payment_id>/refunds",
    summary="A payment's refunds, oldest first",
    description=requires(Action.READ_PAYMENTS),
    tags=["Payments"],
)
def list_refunds(payment_id: str) -> list[Refund]:
    return logic.list_refunds(current_actor(), payment_id)


handler: Any = lambda_entry(app)
