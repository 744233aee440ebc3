"""Tenancy's Step Functions tasks (tenant-onboarding)."""

from __future__ import annotations

from typing import Any

from panacea.platform.workflow import steps_entry
from panacea.tenancy import logic


def apply_defaults(task: dict[str, Any]) -> None:
    logic.apply_defaults(task["tenant_id"], currency=task["currency"], locale=task["locale"])


def register_usage(task: dict[str, Any]) -> None:
    logic.register_usage(task["tenant_id"])


def complete_onboarding(task: dict[str, Any]) -> None:
    logic.complete_onboarding(task["tenant_id"])


def fail_onboarding(task: dict[str, Any]) -> None:
    error = task.get("error") or {}
    logic.fail_onboarding(task["tenant_id"], error=f"{error.get('Error', 'Error')}: {error.get('Cause', '')}")


handler = steps_entry(
    {
        "apply_defaults": apply_defaults,
        "register_usage": register_usage,
        "complete_onboarding": complete_onboarding,
        "fail_onboarding": fail_onboarding,
    }
)
