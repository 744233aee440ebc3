"""Identity's contracts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel

from panacea.platform.access import Role
from panacea.platform.events import DomainEvent


class UserStatus(StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    DISABLED = "disabled"


class User(BaseModel):
    id: str
    tenant_id: str
    email: str
    name: str
    roles: list[Role]
    status: UserStatus
    created_at: datetime


class StaffInvited(DomainEvent, name="staff.invited", version=1):
    """A member of staff was given an account at the tenant with these roles (an invitation is sent)."""

    tenant_id: str
    user_id: str
    email: str
    roles: list[Role]
