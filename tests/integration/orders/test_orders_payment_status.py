"""An order shows its payment as payments has it: called off with the order, refunded with it,
partly refunded by staff or at Stripe (the order's `payment.status` once fell behind: `pending`
on a cancelled order whose payment was `canceled`, `succeeded` on one cancelled and refunded)."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.runtime import LocalPlatform
from tests.integration import stripe_support
from tests.integration.commerce import Shop, add_address, checkout, order, pay, reaches, shop, waiting_on
from tests.support import call, eventually


@pytest.fixture(scope="module")
def store() -> Shop:
    return shop(stock=20)


def _placed(store: Shop, member: dict[str, str], kind: str = "device", quantity: int = 1) -> dict[str, Any]:
    placed = checkout(store, member, [store.line(kind, quantity)], address_id=add_address(store, member))
    assert placed.status == 201, placed.body
    waiting_on(store, placed.body["order"]["id"], "payment")
    return dict(placed.body)


def _in_step(store: Shop, order_id: str, status: str) -> dict[str, Any]:
    """The order once its payment's status, as the order shows it, is `status`, and payments agrees."""

    def agreed() -> dict[str, Any] | None:
        found = order(store, order_id)
        payment = stripe_support.payment(store.tenant_id, found["payment"]["payment_id"])
        return found if found["payment"]["status"] == payment.status.value == status else None

    return eventually(agreed, what=f"order {order_id} and its payment never both {status}")  # type: ignore[no-any-return]


def test_an_unpaid_order_cancelled_shows_its_payment_called_off(platform: LocalPlatform, store: Shop):
    # Given a member's unpaid order, its payment waiting at Stripe
    member = store.member()
    placed = _placed(store, member)
    order_id, payment_id = placed["order"]["id"], placed["order"]["payment"]["payment_id"]
    assert placed["order"]["payment"]["status"] == "pending"
    # When the member cancels it
    cancelled = call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "ordered twice"})
    # Then the answer, the order and the payment all say the payment was called off
    assert cancelled.status == 200, cancelled.body
    assert cancelled.body["payment"]["status"] == "canceled"
    assert stripe_support.payment(store.tenant_id, payment_id).status.value == "canceled"
    assert order(store, order_id)["payment"]["status"] == "canceled"
    # And they still agree once payments' events have been followed
    _in_step(store, order_id, "canceled")


def test_a_paid_order_cancelled_shows_its_payment_refunded(platform: LocalPlatform, store: Shop):
    # Given a paid order nothing of which has shipped
    member = store.member()
    placed = _placed(store, member)
    order_id = placed["order"]["id"]
    pay(platform, store, placed)
    reaches(store, order_id, "fulfilling")
    _in_step(store, order_id, "succeeded")
    # When the member cancels it inside the window
    cancelled = call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "changed my mind"})
    assert cancelled.status == 200, cancelled.body
    # Then once Stripe has refunded it, the order shows its payment refunded, as payments does
    _in_step(store, order_id, "refunded")


def test_a_partial_refund_shows_the_payment_partly_refunded(platform: LocalPlatform, store: Shop):
    # Given a paid order of two devices
    member = store.member()
    placed = _placed(store, member, quantity=2)
    order_id = placed["order"]["id"]
    pay(platform, store, placed)
    reaches(store, order_id, "fulfilling")
    # When staff refund one of them
    body = {"reason": "one was damaged", "lines": [{"line_no": 1, "quantity": 1}]}
    refunded = call("POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body=body)
    assert refunded.status == 200, refunded.body
    # Then the order shows its payment partly refunded, as payments does
    _in_step(store, order_id, "partially_refunded")
