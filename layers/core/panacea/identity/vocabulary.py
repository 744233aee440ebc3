"""The words identity uses about people, as plain enums: their statuses and kinds, the channels
codes go by, what an address is for, the actions of the audit trail.

Kept apart from the pydantic contracts (models.py, commands.py) so that the gate, which reads a
person's account on every request, loads none of those.
"""

from __future__ import annotations

from enum import StrEnum


class UserStatus(StrEnum):
    PENDING = "pending"  # registered, waiting for the code that proves the email or phone
    INVITED = "invited"  # staff invited, who have not set their password yet
    ACTIVE = "active"
    DISABLED = "disabled"


class UserKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    STAFF = "staff"


class MemberKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class AddressUse(StrEnum):
    KITS = "kits"  # sample kits posted to the member
    GOODS = "goods"  # goods from the shop
    REPORTS = "reports"  # paper reports


class AuditAction(StrEnum):
    SIGN_IN_SUCCEEDED = "sign_in.succeeded"
    SIGN_IN_FAILED = "sign_in.failed"
    SIGNED_OUT = "signed_out"
    PASSWORD_RESET = "password.reset"  # noqa: S105 - an action name
    STAFF_INVITED = "staff.invited"
    INVITATION_ACCEPTED = "invitation.accepted"
    ROLES_CHANGED = "roles.changed"
    USER_DISABLED = "user.disabled"
    USER_ENABLED = "user.enabled"
    EMAIL_CHANGED = "email.changed"
    PHONE_CHANGED = "phone.changed"
    RECORD_READ = "record.read"  # a health record (a gene report) was read: who, which, when
