"""The tenant's people, as its admins manage them: the first owner invited at onboarding, staff
invited with roles, roles changed, people disabled and enabled again. Every change is in the
audit trail, in the transaction that makes it."""

from __future__ import annotations

from panacea.identity import accounts, codes, contact, dal
from panacea.identity.access import Action
from panacea.identity.accounts import Origin, UserNotFound, UserNotInThatState
from panacea.identity.codes import Purpose
from panacea.identity.commands import DisableRequest, Invitation, RolesChange
from panacea.identity.contact import Tenant
from panacea.identity.models import StaffInvited, User, UserDisabled, UserEnabled, UserRolesChanged
from panacea.identity.vocabulary import AuditAction, UserKind, UserStatus
from panacea.platform import clock, directory
from panacea.platform.access import STAFF_ROLES, Actor, Role, authorize
from panacea.platform.errors import FieldError, Forbidden, Unprocessable
from panacea.platform.ids import is_id, new_id
from panacea.platform.transaction import unit_of_work


def enrol_owner(tenant_id: str, *, user_id: str, email: str, name: str) -> User:
    """Onboarding step: the tenant's first owner, invited as staff are (an account, a sign-in
    without a usable password, and the platform's own email with a code to accept at
    `/v1/auth/invitations/accept`).

    Safe to retry at any point: the account is written once (same id), the sign-in is created
    only if it is missing, and an owner still invited gets a fresh invitation (whose code
    replaces the one before, so the latest message always holds the live code).
    """
    item, standing = dal.user_and_tenant(tenant_id, user_id)
    if standing is None:
        raise accounts.TenantNotFound(f"no tenant {tenant_id}", field="tenant_id")
    if item is None:
        email = email.lower()
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
            accounts.create_user(uow, item, claims=[("email", email, accounts.taken("email", email))])
            accounts.audit(
                uow,
                tenant_id,
                AuditAction.STAFF_INVITED,
                Origin(),
                actor_id=None,  # the platform, onboarding the tenant
                subject_id=user_id,
                login=email,
                detail={"roles": [Role.OWNER.value]},
            )
            uow.emit(StaffInvited(tenant_id=tenant_id, user_id=user_id, email=email, roles=[Role.OWNER]))
    if item.current_status == UserStatus.INVITED:
        _send_invitation(Tenant.of(standing), item)
    return item.view()


# --- invitations ----------------------------------------------------------------------------------


def invite_staff(actor: Actor, cmd: Invitation, origin: Origin) -> User:
    """An account for a member of staff with these roles, and an emailed invitation with a code."""
    authorize(actor, Action.INVITE_STAFF)
    if Role.OWNER in cmd.roles and Role.OWNER not in actor.roles:
        raise Forbidden("only an owner can make someone an owner")
    email = str(cmd.email).lower()
    tenant = accounts.tenant_of(actor)
    item = dal.UserItem.new(
        tenant_id=tenant.id,
        user_id=new_id(),
        email=email,
        name=cmd.name,
        roles=cmd.roles,
        status=UserStatus.INVITED,
        at=clock.now(),
    )
    with unit_of_work(tenant.id) as uow:
        accounts.create_user(uow, item, claims=[("email", email, accounts.taken("email", email))])
        accounts.audit(
            uow,
            tenant.id,
            AuditAction.STAFF_INVITED,
            origin,
            actor_id=actor.user_id,
            subject_id=item.user_id,
            login=email,
            detail={"roles": sorted(item.roles)},
        )
        uow.emit(StaffInvited(tenant_id=tenant.id, user_id=item.user_id, email=email, roles=cmd.roles))
    _send_invitation(tenant, item)
    return item.view()


def resend_invitation(actor: Actor, user_id: str) -> User:
    """A fresh invitation code for someone who has not accepted yet (the earlier code stops working)."""
    authorize(actor, Action.INVITE_STAFF)
    item, standing = dal.user_and_tenant(actor.tenant, user_id) if is_id(user_id) else (None, None)
    if item is None or standing is None:
        raise UserNotFound(f"no user {user_id} at this tenant", field="user_id")
    if item.current_status != UserStatus.INVITED:
        raise UserNotInThatState(f"{item.name} is {item.status}, not invited")
    _send_invitation(Tenant.of(standing), item)
    return item.view()


def _send_invitation(tenant: Tenant, item: dal.UserItem) -> None:
    assert item.email is not None
    directory.create_user(
        user_id=item.user_id,
        tenant_id=tenant.id,
        email=item.email,
        phone=None,
        name=item.name,
        groups=sorted(item.roles),
        enabled=True,
    )
    code = codes.issue(
        tenant.id, Purpose.INVITATION, codes.email_subject(item.email), user_id=item.user_id, ttl=codes.INVITATION_TTL
    )
    roles = ", ".join(sorted(item.roles))
    contact.email(
        tenant,
        item.email,
        "you are invited",
        f"Hello {item.name},\n\nyou are invited to {tenant.name} as {roles}. To accept, choose "
        f'"Accept invitation" in the {tenant.name} app and enter this email address, a password of your '
        f"choice and this code: {code}. It is valid for 3 days.",
    )


# --- roles and standing ---------------------------------------------------------------------------


def _may_manage(actor: Actor, item: dal.UserItem, *, after: frozenset[Role] = frozenset()) -> None:
    if item.user_id == actor.user_id:
        raise Forbidden("you cannot change your own roles or standing; ask another admin")
    if Role.OWNER in item.held_roles | after and Role.OWNER not in actor.roles:
        raise Forbidden("only an owner can change an owner, or make someone one")


def _check_roles(item: dal.UserItem, after: frozenset[Role]) -> None:
    """A member holds member (and may distribute); staff hold staff roles."""
    member = item.kind in {UserKind.INDIVIDUAL.value, UserKind.GROUP.value}
    if member and not (Role.MEMBER in after and after <= {Role.MEMBER, Role.DISTRIBUTOR}):
        raise Unprocessable(
            "a member holds member, and may also be a distributor", errors=[FieldError("roles", "member_roles")]
        )
    if not member and not after <= STAFF_ROLES:
        raise Unprocessable("staff hold staff roles", errors=[FieldError("roles", "staff_roles")])


def change_roles(actor: Actor, user_id: str, cmd: RolesChange, origin: Origin) -> User:
    """Set the roles a person holds. Their ID tokens issued before are refused, so the new roles
    hold from their next refresh (the groups in a token are fixed when it is issued)."""
    authorize(actor, Action.CHANGE_ROLES)
    item = accounts.user(actor, user_id)
    before, after = item.held_roles, frozenset(cmd.roles)
    _may_manage(actor, item, after=after)
    _check_roles(item, after)
    if after == before:
        return item.view()
    # The directory first: a retry after a failure below finds the difference again and repeats it.
    directory.change_groups(item.user_id, add=sorted(after - before), remove=sorted(before - after))
    at = clock.now()
    item.roles, item.updated_at, item.tokens_valid_after = {r.value for r in after}, at, accounts.valid_after(at)
    with unit_of_work(actor.tenant) as uow:
        accounts.save_user(uow, item, roles_before=before)
        accounts.audit(
            uow,
            actor.tenant,
            AuditAction.ROLES_CHANGED,
            origin,
            actor_id=actor.user_id,
            subject_id=item.user_id,
            detail={"before": sorted(before), "after": sorted(after)},
        )
        uow.emit(
            UserRolesChanged(
                tenant_id=actor.tenant,
                user_id=item.user_id,
                before=sorted(before),
                after=sorted(after),
                changed_by=actor.user_id,
            )
        )
    return item.view()


def disable_user(actor: Actor, user_id: str, cmd: DisableRequest, origin: Origin) -> User:
    """The person can no longer sign in, and the tokens they hold are refused at once."""
    authorize(actor, Action.DISABLE_USERS)
    item = accounts.user(actor, user_id)
    _may_manage(actor, item)
    if item.current_status == UserStatus.PENDING:
        raise UserNotInThatState("an unconfirmed registration cannot be disabled; it is replaced or lapses")
    if item.current_status != UserStatus.DISABLED:
        item.disabled_from = item.status
        item.move_to(UserStatus.DISABLED, at=clock.now())
        with unit_of_work(actor.tenant) as uow:
            accounts.save_user(uow, item)
            accounts.audit(
                uow,
                actor.tenant,
                AuditAction.USER_DISABLED,
                origin,
                actor_id=actor.user_id,
                subject_id=item.user_id,
                detail={"reason": cmd.reason},
            )
            uow.emit(
                UserDisabled(tenant_id=actor.tenant, user_id=item.user_id, reason=cmd.reason, disabled_by=actor.user_id)
            )
    # After the table (which the gate reads, so the person is out at once); a retry repeats it.
    directory.disable(item.user_id)
    directory.sign_out(item.user_id)
    return item.view()


def enable_user(actor: Actor, user_id: str, origin: Origin) -> User:
    """A disabled person returns to where they were (active, or invited)."""
    authorize(actor, Action.DISABLE_USERS)
    item = accounts.user(actor, user_id)
    _may_manage(actor, item)
    if item.current_status != UserStatus.DISABLED:
        return item.view()
    directory.enable(item.user_id)  # first: until the table says so, the gate still keeps them out
    item.move_to(UserStatus(item.disabled_from or UserStatus.ACTIVE.value), at=clock.now())
    item.disabled_from = None
    with unit_of_work(actor.tenant) as uow:
        accounts.save_user(uow, item)
        accounts.audit(
            uow, actor.tenant, AuditAction.USER_ENABLED, origin, actor_id=actor.user_id, subject_id=item.user_id
        )
        uow.emit(UserEnabled(tenant_id=actor.tenant, user_id=item.user_id, enabled_by=actor.user_id))
    return item.view()
