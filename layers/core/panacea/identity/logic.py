"""Identity's reads: a person's own profile and address book, the tenant's people and its audit
trail, and what other contexts read (`address_of`).

The use cases that change things live by family: registration.py (members register and confirm),
sessions.py (signing in and out), passwords.py (reset, and an invitation accepted), staff.py (the
first owner, invitations, roles, standing), profile.py (your own details, email and phone) and
addresses.py (your address book), over accounts.py (what they share) and contact.py (phone
numbers, and the codes sent in the tenant's name).
"""

from __future__ import annotations

from typing import Any

from panacea.identity import accounts, dal
from panacea.identity.access import Action
from panacea.identity.models import Address, AuditEntry, Contact, Profile, User
from panacea.identity.vocabulary import UserStatus
from panacea.platform.access import Actor, Role, authorize
from panacea.platform.table import Page

# --- your own account ------------------------------------------------------------------------------


def my_profile(actor: Actor) -> Profile:
    authorize(actor, Action.READ_OWN_PROFILE)
    return accounts.me(actor).profile()


def list_addresses(actor: Actor, *, cursor: str | None, limit: int) -> Page[Address]:
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    accounts.require_person(actor)
    return dal.addresses(actor.tenant, actor.user_id, cursor=cursor, limit=limit)


# --- the tenant's people ------------------------------------------------------------------------


def list_users(
    actor: Actor, *, role: Role | None, status: UserStatus | None, cursor: str | None, limit: int
) -> Page[User]:
    authorize(actor, Action.READ_USERS)
    return dal.users(actor.tenant, role=role, status=status, cursor=cursor, limit=limit)


def get_user(actor: Actor, user_id: str) -> Profile:
    authorize(actor, Action.READ_USERS)
    return accounts.user(actor, user_id).profile()


def audit_trail(actor: Actor, *, user_id: str | None, cursor: str | None, limit: int) -> Page[AuditEntry]:
    """The tenant's audit trail, newest first (or the entries about one person)."""
    authorize(actor, Action.READ_AUDIT)
    return dal.audit_trail(actor.tenant, user_id=user_id, cursor=cursor, limit=limit)


# --- what other contexts read -----------------------------------------------------------------


def address_of(tenant_id: str, member_id: str, address_id: str) -> dict[str, Any] | None:
    """An address of the member's address book as stored (its fields and `address_id`), or None:
    what checkout snapshots onto an order."""
    found = dal.address(tenant_id, member_id, address_id)
    return None if found is None else {"address_id": found.address_id, **found.address}


def is_user(tenant_id: str, user_id: str) -> bool:
    """Whether `user_id` is a person of the tenant whose registration or invitation went through
    (one GetItem): what distribution asks before it appoints or binds someone staff name."""
    found = dal.user(tenant_id, user_id)
    return found is not None and found.current_status != UserStatus.PENDING


def contacts_of(tenant_id: str, user_ids: list[str]) -> dict[str, Contact]:
    """How each of `user_ids` is reached (their email and phone, their standing), by id: one
    BatchGetItem per 100 ids; people unknown to the tenant are left out."""
    return {
        item.user_id: Contact(
            user_id=item.user_id,
            name=item.name,
            email=item.email,
            phone=item.phone,
            status=item.current_status,
        )
        for item in dal.users_by_id(tenant_id, user_ids)
    }


def member_by_phone(tenant_id: str, e164: str) -> str | None:
    """Who holds the phone number `e164` (E.164) at the tenant, from its uniqueness claim (one GetItem)."""
    return dal.login_holder(tenant_id, "phone", e164)
