"""Distribution's Step Functions tasks (withdrawal-payout). A task whose state waits for a task
token receives it as `token` and keeps it on the withdrawal (see panacea.distribution.paying_out)."""

from __future__ import annotations

from typing import Any

from panacea.distribution import paying_out
from panacea.platform.workflow import steps_entry


def await_review(task: dict[str, Any]) -> None:
    paying_out.await_review(task["tenant_id"], task["withdrawal_id"], task["token"], task.get("execution"))


def expire_review(task: dict[str, Any]) -> dict[str, Any]:
    return paying_out.expire_review(task["tenant_id"], task["withdrawal_id"])


def pay_out(task: dict[str, Any]) -> dict[str, Any]:
    return paying_out.pay_out(task["tenant_id"], task["withdrawal_id"])


def await_transfer(task: dict[str, Any]) -> None:
    paying_out.await_transfer(task["tenant_id"], task["withdrawal_id"], task["token"], task.get("execution"))


def payout_failed(task: dict[str, Any]) -> None:
    paying_out.payout_failed(task["tenant_id"], task["withdrawal_id"], task.get("error") or {})


handler = steps_entry(
    {
        "await_review": await_review,
        "expire_review": expire_review,
        "pay_out": pay_out,
        "await_transfer": await_transfer,
        "payout_failed": payout_failed,
    }
)
