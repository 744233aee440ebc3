"""Identity's Step Functions tasks (tenant-onboarding: the first owner)."""

from __future__ import annotations

from typing import Any

from panacea.identity import staff
from panacea.platform.workflow import steps_entry


def enrol_owner(task: dict[str, Any]) -> dict[str, Any]:
    owner = staff.enrol_owner(task["tenant_id"], user_id=task["user_id"], email=task["email"], name=task["name"])
    return {"user_id": owner.id}


handler = steps_entry({"enrol_owner": enrol_owner})
