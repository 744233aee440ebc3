"""Orders' Step Functions tasks (order-fulfilment). A task whose state waits for a task token
receives it as `token` and stores it on the order (see panacea.orders.fulfilment)."""

from __future__ import annotations

from typing import Any

from panacea.orders import cancelling, fulfilment
from panacea.platform.workflow import steps_entry


def await_payment(task: dict[str, Any]) -> None:
    fulfilment.await_payment(task["tenant_id"], task["order_id"], task["token"], task.get("execution"))


def expire_order(task: dict[str, Any]) -> dict[str, Any]:
    return {"expired": cancelling.expire(task["tenant_id"], task["order_id"])}


def start_fulfilment(task: dict[str, Any]) -> dict[str, Any]:
    return fulfilment.start(task["tenant_id"], task["order_id"])


def _await(wait: str) -> Any:
    def task(event: dict[str, Any]) -> None:
        fulfilment.await_group(event["tenant_id"], event["order_id"], event["group_id"], wait, event["token"])

    return task


def shipment_overdue(task: dict[str, Any]) -> dict[str, Any]:
    return fulfilment.shipment_overdue(task["tenant_id"], task["order_id"], task["group_id"])


def mark_delivered(task: dict[str, Any]) -> dict[str, Any]:
    return fulfilment.mark_delivered(task["tenant_id"], task["order_id"], task["group_id"])


def issue_vouchers(task: dict[str, Any]) -> dict[str, Any]:
    return fulfilment.issue_vouchers(task["tenant_id"], task["order_id"], task["group_id"])


def report_overdue(task: dict[str, Any]) -> dict[str, Any]:
    return fulfilment.report_overdue(task["tenant_id"], task["order_id"], task["group_id"])


def complete_order(task: dict[str, Any]) -> dict[str, Any]:
    return fulfilment.complete(task["tenant_id"], task["order_id"])


def fulfilment_failed(task: dict[str, Any]) -> None:
    fulfilment.failed(task["tenant_id"], task["order_id"], task.get("error") or {})


handler = steps_entry(
    {
        "await_payment": await_payment,
        "expire_order": expire_order,
        "start_fulfilment": start_fulfilment,
        "await_shipment": _await("shipment"),
        "shipment_overdue": shipment_overdue,
        "await_receipt": _await("receipt"),
        "mark_delivered": mark_delivered,
        "issue_vouchers": issue_vouchers,
        "await_report": _await("report"),
        "report_overdue": report_overdue,
        "complete_order": complete_order,
        "fulfilment_failed": fulfilment_failed,
    }
)
