"""Distribution's Step Functions tasks (commission-settlement). The task whose state waits for a
task token receives it as `token` and keeps it on the order's evidence (panacea.distribution.settlement)."""

from __future__ import annotations

from typing import Any

from panacea.distribution import accrual, settlement
from panacea.orders import OrderPaid
from panacea.platform.events import parse
from panacea.platform.workflow import steps_entry


def accrue(task: dict[str, Any]) -> dict[str, Any]:
    _, event = parse(OrderPaid.event_type, task["event"])
    assert isinstance(event, OrderPaid)
    return {"earns": settlement.paid(task["tenant_id"], event)}


def await_outcome(task: dict[str, Any]) -> None:
    settlement.await_outcome(task["tenant_id"], task["order_id"], task["token"])


def freeze(task: dict[str, Any]) -> None:
    accrual.freeze(task["tenant_id"], task["order_id"])


handler = steps_entry({"accrue": accrue, "await_outcome": await_outcome, "freeze": freeze})
