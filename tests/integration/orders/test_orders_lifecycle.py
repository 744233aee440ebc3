"""The order's life through the API: cancelling (unpaid, paid, too late, not yours), offline
payments confirmed by finance, services that complete at once with vouchers, address changes,
moves the state does not allow, and payments' events handled once however often they come."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from tests.integration import stripe_support
from tests.integration.commerce import (
    Shop,
    add_address,
    checkout,
    execution_of,
    finished,
    pay,
    reaches,
    shop,
    waiting_on,
)
from tests.support import call, eventually


@pytest.fixture(scope="module")
def store() -> Shop:
    return shop(stock=20)


def test_a_member_cancels_an_unpaid_order_and_its_stock_returns(platform: LocalPlatform, store: Shop):
    # Given a member's unpaid order of a device
    member = store.member()
    placed = checkout(store, member, [store.line("device")], address_id=add_address(store, member))
    order_id = placed.body["order"]["id"]
    available = store.stock("device")["available"]
    waiting_on(store, order_id, "payment")
    # When someone else tries to cancel it, then the member does
    assert (
        call("POST", f"/v1/orders/{order_id}/cancel", caller=store.member(), body={"reason": "not mine"}).status == 404
    )
    cancelled = call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "ordered twice"})
    # Then it is cancelled, by them, its unit available again, and its workflow ends
    assert cancelled.status == 200, cancelled.body
    assert cancelled.body["state"] == "cancelled"
    assert cancelled.body["history"][-1] | {"at": None} == {
        "from_state": "pending_payment",
        "to_state": "cancelled",
        "by": member["user_id"],
        "at": None,
        "note": "ordered twice",
    }
    assert store.stock("device")["available"] == available + 1
    assert finished(platform, order_id)["status"] == "SUCCEEDED"
    # And cancelling again changes nothing; paying is no longer possible
    assert (
        call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "again"}).body["state"]
        == "cancelled"
    )
    assert call("POST", f"/v1/orders/{order_id}/payment", caller=member).status == 409


def test_a_paid_order_is_cancelled_with_a_full_refund_inside_the_window(platform: LocalPlatform, store: Shop):
    # Given a paid order nothing of which has shipped
    member = store.member()
    placed = checkout(store, member, [store.line("device")], address_id=add_address(store, member))
    order_id = placed.body["order"]["id"]
    waiting_on(store, order_id, "payment")
    pay(platform, store, placed.body)
    reaches(store, order_id, "fulfilling")
    waiting_on(store, order_id, "S1.shipment")
    # When the member cancels it (the tenant's window is an hour)
    cancelled = call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "changed my mind"})
    # Then it is cancelled and refunded in full, and the workflow stops waiting for the parcel
    assert cancelled.status == 200, cancelled.body
    assert (cancelled.body["state"], cancelled.body["refunded"]) == ("cancelled", cancelled.body["total"])
    eventually(
        lambda: stripe_support.payment(store.tenant_id, cancelled.body["payment"]["payment_id"]).status == "refunded"
    )
    assert finished(platform, order_id)["status"] == "SUCCEEDED"


def test_cancelling_is_refused_when_too_late_or_already_under_way(platform: LocalPlatform, store: Shop):
    # Given a paid order whose parcel has shipped
    member = store.member()
    placed = checkout(store, member, [store.line("device")], address_id=add_address(store, member))
    order_id = placed.body["order"]["id"]
    waiting_on(store, order_id, "payment")
    pay(platform, store, placed.body)
    reaches(store, order_id, "fulfilling")
    waiting_on(store, order_id, "S1.shipment")
    call(
        "POST",
        f"/v1/orders/{order_id}/shipments",
        caller=store.manager,
        body={"carrier": "DPD", "tracking_number": "DPD-7"},
    )
    # Then neither the member nor staff can cancel it, nor send it elsewhere
    late = call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "too slow"})
    assert (late.status, late.body["type"]) == (409, "/errors/invalid-transition")
    assert call("POST", f"/v1/orders/{order_id}/cancel", caller=store.manager, body={"reason": "x y z"}).status == 409
    moved = call(
        "PUT", f"/v1/orders/{order_id}/address", caller=member, body={"address_id": add_address(store, member)}
    )
    assert moved.status == 409
    # And shipping the same parcel again with the same tracking changes nothing, another is refused
    same = call(
        "POST",
        f"/v1/orders/{order_id}/shipments",
        caller=store.manager,
        body={"group_id": "S1", "carrier": "DPD", "tracking_number": "DPD-7"},
    )
    assert same.status == 200
    other = call(
        "POST",
        f"/v1/orders/{order_id}/shipments",
        caller=store.manager,
        body={"group_id": "S1", "carrier": "DPD", "tracking_number": "DPD-8"},
    )
    assert (other.status, other.body["type"]) == (409, "/errors/already-shipped")


def test_an_order_paid_by_bank_transfer_is_confirmed_by_finance(platform: LocalPlatform, store: Shop):
    # Given a member who pays a service by bank transfer (the tenant allows offline payments)
    member = store.member()
    placed = checkout(store, member, [store.line("service", 2)], payment_method="bank_transfer")
    assert placed.status == 201, placed.body
    assert placed.body["client_secret"] is None
    order_id = placed.body["order"]["id"]
    waiting_on(store, order_id, "payment")
    # When an order manager tries to confirm it, then finance does, with the transfer's reference
    assert (
        call(
            "POST", f"/v1/orders/{order_id}/offline-payment", caller=store.manager, body={"reference": "BACS 1042"}
        ).status
        == 403
    )
    confirmed = call(
        "POST", f"/v1/orders/{order_id}/offline-payment", caller=store.finance, body={"reference": "BACS 1042"}
    )
    # Then it is paid, and the workflow issues the vouchers (one per unit) and completes it
    assert confirmed.status == 200, confirmed.body
    assert confirmed.body["payment"]["reference"] == "BACS 1042"
    done = reaches(store, order_id, "completed")
    assert len(done["groups"][0]["vouchers"]) == 2
    assert done["groups"][0]["status"] == "issued"


def test_a_member_sends_the_order_to_another_address_while_the_window_is_open(store: Shop):
    member = store.member()
    placed = checkout(store, member, [store.line("device")], address_id=add_address(store, member))
    order_id = placed.body["order"]["id"]
    work = add_address(store, member)
    moved = call("PUT", f"/v1/orders/{order_id}/address", caller=member, body={"address_id": work})
    assert moved.status == 200, moved.body
    assert moved.body["address"]["address_id"] == work
    assert call("PUT", f"/v1/orders/{order_id}/address", caller=store.member(), body={"address_id": work}).status == 404


def test_moves_the_state_does_not_allow_are_409_problems(store: Shop):
    # Given an unpaid order
    member = store.member()
    placed = checkout(store, member, [store.line("device")], address_id=add_address(store, member))
    order_id = placed.body["order"]["id"]
    # Then it cannot be shipped, received, refunded or asked to be refunded yet
    ship = call(
        "POST",
        f"/v1/orders/{order_id}/shipments",
        caller=store.manager,
        body={"carrier": "DPD", "tracking_number": "DPD-1"},
    )
    assert (ship.status, ship.headers["Content-Type"]) == (409, "application/problem+json")
    assert call("POST", f"/v1/orders/{order_id}/receipt", caller=member, body={}).problem_fields == ["group_id"]
    asked = call("POST", f"/v1/orders/{order_id}/refund-request", caller=member, body={"reason": "no reason"})
    assert (asked.status, asked.body["type"]) == (409, "/errors/invalid-transition")
    refund = call("POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body={"reason": "no reason"})
    assert refund.status == 422
    # And an order id nobody has is 404 for everyone
    assert call("GET", "/v1/orders/01JD7Q2ZQ8C1V3B5N7M9K2H4FD", caller=store.manager).status == 404
    assert call("GET", "/v1/orders/not-an-id", caller=member).status == 404


def _sqs_record(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": f"m-{event['id']}",
                "receiptHandle": "r",
                "body": json.dumps(event),
                "attributes": {},
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:eu-west-2:123456789012:panacea-local-orders-payments",
                "awsRegion": "eu-west-2",
            }
        ]
    }


def test_a_payment_event_handled_twice_changes_nothing_twice(platform: LocalPlatform, store: Shop):
    # Given an order paid through Stripe
    member = store.member()
    placed = checkout(store, member, [store.line("service")])
    order_id = placed.body["order"]["id"]
    waiting_on(store, order_id, "payment")
    pay(platform, store, placed.body)
    reaches(store, order_id, "completed")
    sold = store.stock("service")["sold"]
    (event,) = [e for e in stripe_support.events_of(store.tenant_id, "payment.succeeded") if e["order_id"] == order_id]
    # When payments' event is delivered again, and again as a new event (another id)
    consumer = wiring.function("OrdersConsumers")
    for event_id in ("01JD7Q3V9N6J8T2KX4M5P7R9SB", "01JD7Q3V9N6J8T2KX4M5P7R9SB", "01JD7Q3V9N6J8T2KX4M5P7R9SC"):
        envelope = {
            "metadata": {
                "event_id": event_id,
                "event_version": 1,
                "tenant_id": store.tenant_id,
                "correlation_id": "replay",
                "occurred_at": "2026-11-23T10:16:02Z",
            },
            "data": event,
        }
        message = {"id": event_id, "detail-type": "payment.succeeded", "source": "panacea.payments", "detail": envelope}
        answer = invoke(consumer.handler, _sqs_record(message), function_name=consumer.name)
        assert answer == {"batchItemFailures": []}
    # Then the order was paid once: its unit sold once, one order.paid
    assert store.stock("service")["sold"] == sold
    paid = [e for e in stripe_support.events_of(store.tenant_id, "order.paid") if e["order_id"] == order_id]
    assert len(paid) == 1


def test_order_placed_delivered_twice_starts_one_fulfilment(platform: LocalPlatform, store: Shop):
    # Given an order whose workflow waits for its payment
    member = store.member()
    placed = checkout(store, member, [store.line("service")])
    order_id = placed.body["order"]["id"]
    waiting_on(store, order_id, "payment")
    first = execution_of(platform, order_id)
    # When the bus delivers order.placed again and a second execution starts
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    second = sfn.start_execution(
        stateMachineArn=first["stateMachineArn"], name=f"again-{order_id}", input=first["input"]
    )["executionArn"]
    # Then the second one stops at once, and the first still fulfils the order when it is paid
    stopped = eventually(lambda: (d := sfn.describe_execution(executionArn=second))["status"] != "RUNNING" and d)
    assert stopped["status"] == "SUCCEEDED"
    pay(platform, store, placed.body)
    reaches(store, order_id, "completed")
    assert sfn.describe_execution(executionArn=first["executionArn"])["status"] in ("RUNNING", "SUCCEEDED")
