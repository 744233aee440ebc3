"""Distribution's Step Functions tasks (commission-settlement). The task whose state waits for a
task token receives it as `token` and keeps it on the order's evidence (panacea.distribution.settlement)."""

from __future__ import annotations

from typing import Any

from panacea.platform.events import parse
from panacea.platform.workflow import steps_entry

# Each task imports its use case on first use: the function's cold start loads the kernel only (make bench).


def accrue(task: dict[str, Any]) -> dict[str, Any]:
    from panacea.distribution import settlement  # noqa: PLC0415
    from panacea.orders import OrderPaid  # noqa: PLC0415

    _, event = parse(OrderPaid.event_type, task["event"])
    assert isinstance(event, OrderPaid)
    return {"earns": settlement.paid(task["tenant_id"], event)}


def await_outcome(task: dict[str, Any]) -> None:
    from panacea.distribution import settlement  # noqa: PLC0415

    settlement.await_outcome(task["tenant_id"], task["order_id"], task["token"])


def freeze(task: dict[str, Any]) -> None:
    from panacea.distribution import accrual  # noqa: PLC0415

    accrual.freeze(task["tenant_id"], task["order_id"])


handler = steps_entry({"accrue": accrue, "await_outcome": await_outcome, "freeze": freeze})
