"""Refunds through payments: a partial refund lands while the order is fulfilled, a member's
request is declined then approved, a full refund stops what was still to be fulfilled and puts
it back in stock; what comes back goes back to stock only when it is returned."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.runtime import LocalPlatform
from tests.integration import stripe_support
from tests.integration.commerce import Shop, add_address, checkout, finished, pay, reaches, shop, waiting_on
from tests.support import call, eventually


@pytest.fixture(scope="module")
def store() -> Shop:
    return shop(stock=20)


def _paid(platform: LocalPlatform, store: Shop, member: dict[str, str], lines: list[dict[str, Any]]) -> str:
    placed = checkout(store, member, lines, address_id=add_address(store, member))
    assert placed.status == 201, placed.body
    order_id = placed.body["order"]["id"]
    waiting_on(store, order_id, "payment")
    pay(platform, store, placed.body)
    reaches(store, order_id, "fulfilling", "completed")  # a service alone completes at once
    return str(order_id)


def _refunded_at_stripe(store: Shop, payment_id: str, amount: int) -> None:
    eventually(lambda: stripe_support.payment(store.tenant_id, payment_id).refunded.amount == amount)


def test_a_partial_refund_lands_while_the_order_is_fulfilled(platform: LocalPlatform, store: Shop):
    # Given a paid order of two devices, being fulfilled
    member = store.member()
    order_id = _paid(platform, store, member, [store.line("device", 2)])
    stock_before = store.stock("device")
    # When staff refund one device that will not be sent, back to stock
    refunded = call(
        "POST",
        f"/v1/orders/{order_id}/refunds",
        caller=store.manager,
        body={"reason": "one was damaged in the warehouse", "lines": [{"line_no": 1, "quantity": 1}]},
        headers={"Idempotency-Key": f"refund-{order_id}"},
    )
    # Then the order records it and goes on being fulfilled (the rule of partial refunds)
    assert refunded.status == 200, refunded.body
    order = refunded.body
    assert order["state"] == "fulfilling"
    assert order["refunded"] == {"amount": 8900, "currency": "GBP"}
    assert order["lines"][0]["refunded_quantity"] == 1
    assert [g["status"] for g in order["groups"]] == ["waiting"]
    # And the device is available again, the money is back at Stripe, and order.refunded announced it
    after = store.stock("device")
    assert (after["available"], after["sold"]) == (stock_before["available"] + 1, stock_before["sold"] - 1)
    _refunded_at_stripe(store, order["payment"]["payment_id"], 8900)
    announced = eventually(lambda: stripe_support.events_of(store.tenant_id, "order.refunded"))
    assert any(e["order_id"] == order_id and not e["full"] and e["amount"]["amount"] == 8900 for e in announced)
    # And a retry with the same Idempotency-Key refunds nothing more
    again = call(
        "POST",
        f"/v1/orders/{order_id}/refunds",
        caller=store.manager,
        body={"reason": "one was damaged in the warehouse", "lines": [{"line_no": 1, "quantity": 1}]},
        headers={"Idempotency-Key": f"refund-{order_id}"},
    )
    assert again.body["refunded"]["amount"] == 8900
    # When the rest ships and arrives, it completes as usual
    waiting_on(store, order_id, "S1.shipment")
    call(
        "POST",
        f"/v1/orders/{order_id}/shipments",
        caller=store.manager,
        body={"carrier": "DPD", "tracking_number": "DPD-0001"},
    )
    waiting_on(store, order_id, "S1.receipt")
    call("POST", f"/v1/orders/{order_id}/receipt", caller=member, body={"group_id": "S1"})
    done = reaches(store, order_id, "completed")
    assert done["refunded"]["amount"] == 8900


def test_a_members_refund_request_is_declined_then_approved(platform: LocalPlatform, store: Shop):
    # Given a completed order of a device and a service
    member = store.member()
    order_id = _paid(platform, store, member, [store.line("device"), store.line("service")])
    waiting_on(store, order_id, "S1.shipment")
    call(
        "POST",
        f"/v1/orders/{order_id}/shipments",
        caller=store.manager,
        body={"carrier": "DPD", "tracking_number": "DPD-0002"},
    )
    waiting_on(store, order_id, "S1.receipt")
    call("POST", f"/v1/orders/{order_id}/receipt", caller=member, body={})
    reaches(store, order_id, "completed")
    # When the member asks for the device's money back, and staff decline it
    asked = call(
        "POST",
        f"/v1/orders/{order_id}/refund-request",
        caller=member,
        body={"reason": "it does not fit", "lines": [{"line_no": 1, "quantity": 1}]},
    )
    assert asked.status == 200, asked.body
    assert (asked.body["state"], asked.body["refund_request"]["amount"]["amount"]) == ("refund_requested", 8900)
    declined = call(
        "POST", f"/v1/orders/{order_id}/refund-request/decline", caller=store.manager, body={"note": "past 14 days"}
    )
    # Then it is completed again
    assert (declined.status, declined.body["state"]) == (200, "completed")
    # When they ask again and staff approve it, the returned device back in stock
    sold_before = store.stock("device")["sold"]
    call(
        "POST",
        f"/v1/orders/{order_id}/refund-request",
        caller=member,
        body={"reason": "faulty", "lines": [{"line_no": 1, "quantity": 1}]},
    )
    approved = call(
        "POST",
        f"/v1/orders/{order_id}/refund-request/approve",
        caller=store.manager,
        body={"note": "returned unopened"},
    )
    # Then the finished order is partially refunded, and the device is back in stock
    assert approved.status == 200, approved.body
    assert (approved.body["state"], approved.body["refunded"]["amount"]) == ("partially_refunded", 8900)
    assert approved.body["refund_request"] is None
    assert store.stock("device")["sold"] == sold_before - 1
    # And the whole story is in its history, with who did what
    moves = [(t["from_state"], t["to_state"]) for t in approved.body["history"]][-4:]
    assert moves == [
        ("completed", "refund_requested"),
        ("refund_requested", "completed"),
        ("completed", "refund_requested"),
        ("refund_requested", "partially_refunded"),
    ]
    assert approved.body["history"][-1]["by"] == "manager-1"
    # And nothing is left to decide
    assert call("POST", f"/v1/orders/{order_id}/refund-request/approve", caller=store.manager, body={}).status == 422


def test_a_full_refund_before_fulfilment_stops_the_waits_and_restocks(platform: LocalPlatform, store: Shop):
    # Given a paid gene test waiting for its report, and a device waiting to be shipped
    member = store.member()
    order_id = _paid(platform, store, member, [store.line("gene_test"), store.line("device")])
    waiting_on(store, order_id, "G1.report")
    waiting_on(store, order_id, "S1.shipment")
    sold = store.stock("gene_test")["sold"]
    # When staff refund all of it
    refunded = call("POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body={"reason": "lab closed"})
    # Then the order is refunded, nothing more will be fulfilled, both go back to stock
    assert refunded.status == 200, refunded.body
    assert refunded.body["state"] == "refunded"
    assert refunded.body["refunded"] == refunded.body["total"]
    assert {g["status"] for g in refunded.body["groups"]} == {"refunded"}
    assert store.stock("gene_test")["sold"] == sold - 1
    # And the workflow's waits were stopped: it ends without completing the order
    assert finished(platform, order_id)["status"] == "SUCCEEDED"
    assert refunded.body["history"][-1]["to_state"] == "refunded"
    assert call("GET", f"/v1/orders/{order_id}", caller=member).body["state"] == "refunded"
    # And there is nothing left to refund
    more = call("POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body={"reason": "again", "amount": 1})
    assert (more.status, more.problem_fields) == (422, ["order_id"])


def test_a_refund_is_never_more_than_what_is_left(platform: LocalPlatform, store: Shop):
    member = store.member()
    order_id = _paid(platform, store, member, [store.line("service")])
    too_much = call(
        "POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body={"reason": "goodwill", "amount": 4501}
    )
    assert (too_much.status, too_much.problem_fields) == (422, ["amount"])
    no_line = call(
        "POST",
        f"/v1/orders/{order_id}/refunds",
        caller=store.manager,
        body={"reason": "goodwill", "lines": [{"line_no": 9, "quantity": 1}]},
    )
    assert (no_line.status, no_line.problem_fields) == (422, ["lines[0].line_no"])
    assert call("POST", f"/v1/orders/{order_id}/refunds", caller=member, body={"reason": "mine"}).status == 403
