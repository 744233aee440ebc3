"""The commission-settlement workflow, run from its ASL file by the local platform's Step Functions:
order.paid on the bus starts it; it binds and accrues, waits for the order's outcome, and freezes
the commission when the order completes, or ends when a refund leaves nothing paid. The thaw
schedule's job then makes what is due available, across tenants, in batches."""

from __future__ import annotations

import json
from typing import Any

import boto3

from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from panacea.orders import OrderCompleted, OrderPaid, OrderRefunded
from panacea.platform import clock
from panacea.platform.events import envelope
from panacea.platform.ids import new_id
from tests.integration.distribution.network import Network, gbp, line, network
from tests.support import eventually, resources


def _publish(platform: LocalPlatform, net: Network, event: Any) -> None:
    """`event` put on the platform's bus, as the outbox relay puts orders' events."""
    events = boto3.client("events", endpoint_url=platform.aws_url, region_name=REGION)
    detail = envelope(event, tenant_id=net.tenant_id).model_dump_json()
    entry = {"Source": event.event_source, "DetailType": event.event_type, "Detail": detail,
             "EventBusName": resources(platform).bus}  # fmt: skip
    assert events.put_events(Entries=[entry])["FailedEntryCount"] == 0


def _execution(platform: LocalPlatform, order_id: str, *, done: bool) -> dict[str, Any]:
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    arn = resources(platform).state_machines["commission-settlement"]

    def find() -> dict[str, Any] | None:
        for page in sfn.get_paginator("list_executions").paginate(stateMachineArn=arn):
            for execution in page["executions"]:
                described = sfn.describe_execution(executionArn=execution["executionArn"])
                if order_id in described.get("input", "") and (not done or described["status"] != "RUNNING"):
                    return dict(described)
        return None

    return eventually(find, what=f"no commission-settlement execution for {order_id}")  # type: ignore[no-any-return]


def _last_state(platform: LocalPlatform, execution_arn: str) -> str:
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    history = sfn.get_execution_history(executionArn=execution_arn)["events"]
    return str([e["stateEnteredEventDetails"]["name"] for e in history if "stateEnteredEventDetails" in e][-1])


def _paid(net: Network, buyer: str, code: str | None, amount: int) -> OrderPaid:
    return OrderPaid(
        order_id=new_id(), member_id=buyer, total=gbp(amount), payment_id=new_id(), payment_method="card",
        lines=[line(1, amount)], referral_code=code,
    )  # fmt: skip


def test_a_paid_order_is_accrued_awaited_and_frozen_when_it_completes(platform: LocalPlatform):
    # Given A, and a new member C who checks out with A's code
    net = network()
    a, c = net.appoint(), net.new_member()
    paid = _paid(net, c, net.codes[a], 10000)
    # When order.paid reaches the bus
    _publish(platform, net, paid)
    # Then the workflow binds C to A and accrues A's 8%, and waits for the outcome
    eventually(lambda: net.shares(paid.order_id) == {1: (a, 800, "pending")}, what="nothing accrued")
    assert net.referrer(c) == a
    assert _execution(platform, paid.order_id, done=False)["status"] == "RUNNING"
    # When the order completes
    completed = OrderCompleted(
        order_id=paid.order_id, member_id=c, total=gbp(10000), refunded=gbp(0), lines=paid.lines, referral_code=None
    )
    _publish(platform, net, completed)
    # Then the workflow freezes the commission and ends
    execution = _execution(platform, paid.order_id, done=True)
    assert execution["status"] == "SUCCEEDED", execution
    assert _last_state(platform, execution["executionArn"]) == "Frozen"
    assert net.shares(paid.order_id) == {1: (a, 800, "frozen")}
    # When the thaw schedule's job runs after the freeze days
    job = wiring.function(next(s.function for s in wiring.SCHEDULES if s.name == "commission-thaw"))
    with clock.use_clock(clock.FixedClock(clock.now())) as fixed:
        fixed.advance(days=15)
        released = invoke(job.handler, {}, function_name=job.name)
    # Then A's commission is available
    assert released["shares"] >= 1
    assert net.balance(a) == {"pending": 0, "frozen": 0, "available": 800, "total": 800}


def test_a_refund_in_full_ends_the_wait_with_the_commission_reversed(platform: LocalPlatform):
    # Given C bound to A, and C's paid order on the bus
    net = network()
    a, c = net.appoint(), net.new_member()
    net.bound(c, a)
    paid = _paid(net, c, None, 5000)
    _publish(platform, net, paid)
    eventually(lambda: net.shares(paid.order_id) == {1: (a, 400, "pending")}, what="nothing accrued")
    # When it is refunded in full
    refunded = OrderRefunded(
        order_id=paid.order_id, member_id=c, refund_id=new_id(), amount=gbp(5000), refunded_total=gbp(5000),
        full=True, state="refunded", lines=paid.lines, referral_code=None,
    )  # fmt: skip
    _publish(platform, net, refunded)
    # Then the commission is reversed and the workflow ends
    execution = _execution(platform, paid.order_id, done=True)
    assert (execution["status"], _last_state(platform, execution["executionArn"])) == ("SUCCEEDED", "Reversed")
    assert net.balance(a) == {"pending": 0, "frozen": 0, "available": 0, "total": 0}
    assert json.loads(execution["output"])["outcome"] == {"outcome": "refunded"}
