"""Identity's use cases."""

from __future__ import annotations

from panacea.identity import dal
from panacea.identity.models import StaffInvited, User, UserStatus
from panacea.platform import clock, directory
from panacea.platform.access import Role
from panacea.platform.errors import Conflict, FieldError
from panacea.platform.transaction import unit_of_work


class EmailTaken(Conflict):
    slug, title = "email-taken", "Email taken"


def enrol_owner(tenant_id: str, *, user_id: str, email: str, name: str) -> User:
    """Onboarding step: the tenant's first owner, in the table and in the user directory.

    Safe to retry at any point: the user item is written once (same id), and the directory
    call creates the sign-in only if it is missing.
    """
    existing = dal.user(tenant_id, user_id)
    if existing is None:
        item = dal.UserItem.new(
            tenant_id=tenant_id,
            user_id=user_id,
            email=email,
            name=name,
            roles=[Role.OWNER],
            status=UserStatus.INVITED,
            at=clock.now(),
        )
        with unit_of_work(tenant_id) as uow:
            uow.create(item, conflict=Conflict(f"user {user_id} exists"))
            uow.claim(
                tenant_id,
                "email",
                email,
                user_id,
                taken=EmailTaken(f"{email} already has an account here", errors=[FieldError("email", "taken")]),
            )
            uow.emit(StaffInvited(tenant_id=tenant_id, user_id=user_id, email=email, roles=[Role.OWNER]))
        existing = item
    directory.ensure_user(user_id=user_id, email=email, name=name, tenant_id=tenant_id, groups=[Role.OWNER.value])
    return existing.view()
