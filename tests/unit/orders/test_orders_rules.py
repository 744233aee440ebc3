"""The order's rules without any I/O: the transition table, who moved an order when, the refund
rule, the arithmetic of totals and refunds, and how an order splits into what is fulfilled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from panacea.orders import checkout, lifecycle, pricing
from panacea.orders.lifecycle import TRANSITIONS, InvalidTransition, after_refund, effective, move
from panacea.orders.models import (
    Order,
    OrderLine,
    OrderState,
    PaymentInfo,
    PaymentMethod,
    ProductKind,
    RefundRequest,
)
from panacea.platform.money import Money

S = OrderState
AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def gbp(amount: int) -> Money:
    return Money(amount=amount, currency="GBP")


def line(
    no: int, kind: ProductKind, *, price: int, quantity: int = 1, discount: int = 0, store: str = "s1"
) -> OrderLine:
    return OrderLine(
        line_no=no,
        sku_id=f"sku-{no}",
        store_id=store,
        product_id=f"product-{no}",
        product_name=f"Product {no}",
        kind=kind,
        unit_price=gbp(price),
        quantity=quantity,
        subtotal=gbp(price * quantity),
        discount=gbp(discount),
        amount=gbp(price * quantity - discount),
    )


def order(state: OrderState = S.PENDING_PAYMENT, lines: list[OrderLine] | None = None) -> Order:
    lines = lines or [line(1, ProductKind.DEVICE, price=8900)]
    subtotal, discount, total = pricing.totals(lines, "GBP")
    return Order(
        id="01JD7Q2ZQ8C1V3B5N7M9K2H4FD",
        member_id="member-1",
        state=state,
        lines=lines,
        currency="GBP",
        subtotal=subtotal,
        discount=discount,
        total=total,
        refunded=gbp(0),
        payment_method=PaymentMethod.CARD,
        payment=PaymentInfo(),
        cancel_until=AT + timedelta(hours=1),
        payment_due_at=AT + timedelta(minutes=30),
        receipt_days=10,
        created_at=AT,
        updated_at=AT,
    )


# --- the transition table ----------------------------------------------------------------------


def test_every_state_has_its_row_and_the_final_ones_lead_nowhere():
    assert set(TRANSITIONS) == set(OrderState)
    assert all(not TRANSITIONS[s] for s in (S.CANCELLED, S.EXPIRED, S.REFUNDED))
    assert all(TRANSITIONS[s] for s in set(OrderState) - {S.CANCELLED, S.EXPIRED, S.REFUNDED})


@pytest.mark.parametrize(
    ("frm", "to"),
    [
        (S.PENDING_PAYMENT, S.PAID),
        (S.PENDING_PAYMENT, S.EXPIRED),
        (S.PAID, S.FULFILLING),
        (S.FULFILLING, S.SHIPPED),
        (S.SHIPPED, S.COMPLETED),
        (S.COMPLETED, S.PARTIALLY_REFUNDED),
        (S.PARTIALLY_REFUNDED, S.REFUNDED),
        (S.REFUND_REQUESTED, S.COMPLETED),
    ],
)
def test_allowed_moves(frm: OrderState, to: OrderState):
    assert lifecycle.allowed(frm, to)


@pytest.mark.parametrize(
    ("frm", "to"),
    [
        (S.PENDING_PAYMENT, S.SHIPPED),
        (S.PENDING_PAYMENT, S.REFUNDED),
        (S.PENDING_PAYMENT, S.REFUND_REQUESTED),
        (S.SHIPPED, S.CANCELLED),
        (S.COMPLETED, S.CANCELLED),
        (S.EXPIRED, S.PAID),
        (S.CANCELLED, S.PAID),
        (S.REFUNDED, S.REFUND_REQUESTED),
        (S.REFUND_REQUESTED, S.REFUND_REQUESTED),
    ],
)
def test_refused_moves_are_409_problems(frm: OrderState, to: OrderState):
    with pytest.raises(InvalidTransition) as refused:
        lifecycle.check(frm, to, doing="do it")
    assert refused.value.status == 409
    assert refused.value.problem()["type"] == "/errors/invalid-transition"


def test_a_move_is_recorded_with_who_and_when():
    # Given an unpaid order
    placed = order()
    # When payments pays it and the workflow starts fulfilling it
    move(placed, S.PAID, by="payments", at=AT, doing="pay")
    move(placed, S.FULFILLING, by="workflow", at=AT + timedelta(seconds=1), doing="fulfil")
    # Then both moves are in its history, in order
    assert placed.state == S.FULFILLING
    assert [(t.from_state, t.to_state, t.by) for t in placed.history] == [
        (S.PENDING_PAYMENT, S.PAID, "payments"),
        (S.PAID, S.FULFILLING, "workflow"),
    ]
    assert placed.updated_at == AT + timedelta(seconds=1)


def test_fulfilment_goes_on_beneath_an_open_refund_request():
    # Given a shipped order whose member asked for a refund
    asked = order(S.REFUND_REQUESTED)
    asked.refund_request = RefundRequest(amount=gbp(100), reason="late", requested_at=AT, resume_state=S.SHIPPED)
    # When the parcel is received and the order completes
    move(asked, S.COMPLETED, by="workflow", at=AT, doing="complete")
    # Then the request stays open, over a completed order
    assert (asked.state, effective(asked)) == (S.REFUND_REQUESTED, S.COMPLETED)
    assert asked.history[-1].note == "under an open refund request"
    # And deciding it moves the order itself
    move(asked, S.COMPLETED, by="staff-1", at=AT, doing="decline", decision=True)
    assert asked.state == S.COMPLETED


def test_the_refund_rule():
    # Everything back: refunded, from wherever it was
    assert after_refund(S.SHIPPED, refunded=100, total=100) == S.REFUNDED
    # Part of it while being fulfilled: fulfilment goes on in its state
    assert after_refund(S.FULFILLING, refunded=40, total=100) == S.FULFILLING
    assert after_refund(S.PAID, refunded=40, total=100) == S.PAID
    # Part of a finished order: partially refunded
    assert after_refund(S.COMPLETED, refunded=40, total=100) == S.PARTIALLY_REFUNDED
    assert after_refund(S.PARTIALLY_REFUNDED, refunded=70, total=100) == S.PARTIALLY_REFUNDED


# --- arithmetic ------------------------------------------------------------------------------------


def test_totals_are_the_sums_of_the_lines_to_the_penny():
    lines = [
        line(1, ProductKind.GENE_TEST, price=29900, discount=2990),
        line(2, ProductKind.DEVICE, price=8900, discount=890),
    ]
    assert pricing.totals(lines, "GBP") == (gbp(38800), gbp(3880), gbp(34920))


def test_units_refunded_one_by_one_add_up_to_the_line_exactly():
    # Given three units whose line amount does not divide by three
    third = line(1, ProductKind.MEDICINE, price=3334, quantity=3, discount=1)  # 10001 for the line
    # When they are refunded one at a time
    parts = []
    for _ in range(3):
        parts.append(pricing.refund_value(third, 1))
        third.refunded_quantity += 1
    # Then the parts never exceed the line and add up to it exactly
    assert parts == [3333, 3334, 3334]
    assert sum(parts) == third.amount.amount
    with pytest.raises(ValueError, match="0 units left"):
        pricing.refund_value(third, 1)


# --- splitting an order into what is fulfilled -----------------------------------------------------


def test_an_order_splits_into_parcels_per_store_vouchers_and_gene_tests():
    lines = [
        line(1, ProductKind.DEVICE, price=1, store="s1"),
        line(2, ProductKind.GENE_TEST, price=1, store="s1"),
        line(3, ProductKind.MEDICINE, price=1, store="pharmacy"),
        line(4, ProductKind.GOODS, price=1, store="s1"),
        line(5, ProductKind.SERVICE, price=1, store="s1"),
    ]
    groups = checkout.groups_of(lines)
    assert [(g.id, g.kind.value, g.line_nos) for g in groups] == [
        ("S1", "shipment", [1, 4]),
        ("S2", "shipment", [3]),
        ("V5", "service", [5]),
        ("G2", "gene_test", [2]),
    ]
