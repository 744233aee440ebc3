"""What identity's use cases share about accounts: the tenant a call acts for, the caller's own
account and the person a tenant admin names, a person written together with their role items and
login claims, the audit trail, and the session tokens a sign-in ends with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from panacea import tenancy
from panacea.identity import dal
from panacea.identity.contact import Tenant
from panacea.identity.models import Session
from panacea.identity.vocabulary import AuditAction
from panacea.platform import clock, directory
from panacea.platform.access import Actor, Role
from panacea.platform.errors import (
    CREDENTIALS,
    Conflict,
    DomainError,
    FieldError,
    Forbidden,
    NotAuthenticated,
    NotFound,
)
from panacea.platform.ids import is_id, new_id
from panacea.platform.transaction import UnitOfWork, unit_of_work


class TenantNotFound(NotFound):
    slug, title = "tenant-not-found", "Tenant not found"


class UserNotFound(NotFound):
    slug, title = "user-not-found", "User not found"


class WrongCredentials(NotAuthenticated):
    slug, title = "wrong-credentials", "Wrong email or password"


class NewPasswordRequired(Forbidden):
    """The password was right but is temporary (set by an admin in the user pool, or left by
    Cognito's own invitation): the account needs a password of its own before it signs in."""

    slug, title = "new-password-required", "A new password is required"


class SignInStepRequired(Forbidden):
    """The password was right but the user pool asks for a step this API does not offer."""

    slug, title = "sign-in-step-required", "Another sign-in step is required"


class EmailTaken(Conflict):
    slug, title = "email-taken", "Email taken"


class PhoneTaken(Conflict):
    slug, title = "phone-taken", "Phone number taken"


class UserNotInThatState(Conflict):
    slug, title = "user-state", "The account is not in a state that allows this"


@dataclass(frozen=True)
class Origin:
    """Where a request came from, for the audit trail."""

    source_ip: str | None = None
    user_agent: str | None = None


# --- the tenant a call acts for -----------------------------------------------------------------


def open_tenant(slug: str, *, email: str | None = None) -> tuple[Tenant, str | None]:
    """The active tenant a public call names by slug, and who holds `email` there (one request)."""
    tenant_id = tenancy.tenant_of_slug(slug)
    missing = TenantNotFound(f"no active tenant {slug}", field="tenant")
    if tenant_id is None:
        raise missing
    if email is not None:
        standing, holder = dal.tenant_and_login(tenant_id, "email", email.lower())
    else:
        standing, holder = tenancy.standing_of(tenant_id, with_settings=True), None
    if standing is None or not standing.active:
        raise missing
    return Tenant.of(standing), holder


def tenant_of(actor: Actor) -> Tenant:
    """The caller's own tenant, as identity speaks for it."""
    standing = tenancy.standing_of(actor.tenant, with_settings=True)
    if standing is None:
        raise TenantNotFound(f"no tenant {actor.tenant}", field=CREDENTIALS)
    return Tenant.of(standing)


# --- people ---------------------------------------------------------------------------------------


def require_person(actor: Actor) -> None:
    """Only a person has an account of their own (not a partner system signing with an API key)."""
    if actor.via != "user":
        raise Forbidden("a partner key has no account of its own; sign in as a person")


def me(actor: Actor) -> dal.UserItem:
    """The caller's own account."""
    require_person(actor)
    item = dal.user(actor.tenant, actor.user_id)
    if item is None:
        raise UserNotFound(f"no account {actor.user_id} at this tenant", field=CREDENTIALS)
    return item


def me_and_tenant(actor: Actor) -> tuple[dal.UserItem, Tenant]:
    """The caller's own account and their tenant, in one request."""
    require_person(actor)
    item, standing = dal.user_and_tenant(actor.tenant, actor.user_id)
    if item is None or standing is None:
        raise UserNotFound(f"no account {actor.user_id} at this tenant", field=CREDENTIALS)
    return item, Tenant.of(standing)


def user(actor: Actor, user_id: str) -> dal.UserItem:
    """A person of the caller's tenant."""
    item = dal.user(actor.tenant, user_id) if is_id(user_id) else None
    if item is None:
        raise UserNotFound(f"no user {user_id} at this tenant", field="user_id")
    return item


def create_user(uow: UnitOfWork, item: dal.UserItem, *, claims: list[tuple[str, str, DomainError]]) -> None:
    """A new person, their role items and their logins' claims."""
    uow.create(item, conflict=Conflict(f"user {item.user_id} exists"))
    for kind, value, taken in claims:
        uow.claim(item.tenant_id, kind, dal.key_safe(value), item.user_id, taken=taken)
    for role_item in item.role_items():
        uow.save(role_item)


def save_user(uow: UnitOfWork, item: dal.UserItem, *, roles_before: frozenset[Role] | None = None) -> None:
    """The person and the items that list them under each role, rewritten together."""
    uow.save(item)
    for role_item in item.role_items():
        uow.save(role_item)
    for role in (roles_before or frozenset()) - item.held_roles:
        uow.delete(dal.UserRoleItem(item.pk, f"ROLE#{role}"), conflict=Conflict("role item gone"))


def taken(kind: str, value: str) -> DomainError:
    if kind == "email":
        return EmailTaken(f"{value} already has an account here", errors=[FieldError("email", "taken")])
    return PhoneTaken(f"{value} already has an account here", errors=[FieldError("phone", "taken")])


def valid_after(at: datetime) -> datetime:
    """The first whole second after `at`: tokens carry whole seconds, and every token issued up to
    `at` must fall before it (a sign-in in that same second waits for the next one)."""
    return at.replace(microsecond=0) + timedelta(seconds=1)


def session(tokens: directory.Tokens | None, *, user_id: str, tenant_id: str | None) -> Session:
    if tokens is None:  # the directory refused a sign-in the platform had just allowed: a bug
        raise RuntimeError(f"the directory did not sign in {user_id}")
    return Session(
        user_id=user_id,
        tenant_id=tenant_id,
        id_token=tokens.id_token,
        access_token=tokens.access_token,
        refresh_token=tokens.refresh_token,
        expires_in=tokens.expires_in,
    )


# --- the audit trail ------------------------------------------------------------------------------


def audit(
    uow: UnitOfWork,
    tenant_id: str,
    action: AuditAction,
    origin: Origin,
    *,
    actor_id: str | None,
    subject_id: str | None,
    login: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """An entry of the audit trail, in the transaction of what it records."""
    uow.create(
        dal.AuditItem.new(
            tenant_id=tenant_id,
            entry_id=new_id(),
            at=clock.now(),
            action=action,
            actor_id=actor_id,
            subject_id=subject_id,
            login=login,
            source_ip=origin.source_ip,
            user_agent=origin.user_agent,
            detail=detail,
        ),
        conflict=Conflict("audit entry exists"),
    )


def audit_alone(tenant_id: str, action: AuditAction, origin: Origin, **kwargs: Any) -> None:
    """An entry of the audit trail about something that changed nothing else (a failed sign-in)."""
    with unit_of_work(tenant_id) as uow:
        audit(uow, tenant_id, action, origin, **kwargs)


@dataclass(frozen=True)
class RecordRead:
    """Someone read a health record of a member's (another context's: a gene report): the input of
    the audit entry that context adds to its unit of work (`read_entry`)."""

    actor_id: str
    subject_id: str  # whose record it is
    record_kind: str  # "gene_report", …
    record_id: str
    how: str  # "view", "download"
    source_ip: str | None = None
    user_agent: str | None = None


def read_entry(tenant_id: str, read: RecordRead) -> UnitOfWork:
    """The audit entry of a read of a health record, for the reader's unit of work (one item)."""
    part = UnitOfWork(tenant_id)
    audit(
        part,
        tenant_id,
        AuditAction.RECORD_READ,
        Origin(source_ip=read.source_ip, user_agent=read.user_agent),
        actor_id=read.actor_id,
        subject_id=read.subject_id,
        detail={"record_kind": read.record_kind, "record_id": read.record_id, "how": read.how},
    )
    return part
