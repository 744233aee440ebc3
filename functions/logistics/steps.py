"""Logistics' Step Functions tasks (sample-logistics). A task whose state waits for a task token
receives it as `token` and keeps it on the sample's journey (see panacea.logistics.journey)."""

from __future__ import annotations

from typing import Any

from panacea.logistics import journey
from panacea.platform.workflow import steps_entry


def begin(task: dict[str, Any]) -> dict[str, Any]:
    return journey.begin(task["tenant_id"], task["event"])


def await_stage(task: dict[str, Any]) -> None:
    sample = (task["tenant_id"], task["order_id"], task["line_no"], task["sample_no"])
    journey.await_stage(*sample, known=task["known"], token=task["token"])


def overdue(task: dict[str, Any]) -> dict[str, Any]:
    return journey.overdue(task["tenant_id"], task["order_id"], task["line_no"], task["sample_no"], known=task["known"])


def replace_kit(task: dict[str, Any]) -> dict[str, Any]:
    return journey.replace_kit(task["tenant_id"], task["order_id"], task["line_no"], task["sample_no"])


def release(task: dict[str, Any]) -> dict[str, Any]:
    return journey.release(task["tenant_id"], task["order_id"], task["line_no"])


handler = steps_entry(
    {
        "begin": begin,
        "await_stage": await_stage,
        "overdue": overdue,
        "replace_kit": replace_kit,
        "release": release,
    }
)
