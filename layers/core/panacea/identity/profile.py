"""Each person looks after their own profile: their name and details, and their email and phone,
which change only when a code sent to the new one comes back."""

from __future__ import annotations

from typing import Any

from panacea.identity import accounts, codes, contact, dal
from panacea.identity.access import Action
from panacea.identity.accounts import Origin
from panacea.identity.codes import Purpose
from panacea.identity.commands import CodeCheck, EmailChange, PhoneChange, ProfilePatch
from panacea.identity.contact import Tenant, mask, normalise_phone
from panacea.identity.models import (
    CodeSent,
    GroupDetails,
    IndividualDetails,
    Profile,
    UserContactChanged,
    UserProfileUpdated,
)
from panacea.identity.vocabulary import AuditAction, Channel, UserKind
from panacea.platform import clock, directory
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.transaction import unit_of_work


def update_my_profile(actor: Actor, patch: ProfilePatch) -> Profile:
    authorize(actor, Action.UPDATE_OWN_PROFILE)
    item, tenant = accounts.me_and_tenant(actor)
    kind = UserKind(item.kind or UserKind.STAFF)
    changes = patch.model_dump(mode="json", exclude_unset=True)
    if "individual" in changes and kind != UserKind.INDIVIDUAL:
        raise Unprocessable(
            "only individual members have individual details", errors=[FieldError("individual", "kind")]
        )
    if "group" in changes and kind != UserKind.GROUP:
        raise Unprocessable("only group members have group details", errors=[FieldError("group", "kind")])
    before = {"name": item.name, **(item.details or {})}
    details = _patched_details(item, kind, changes, tenant)
    name = changes.get("name") or item.name
    after = {"name": name, **details}
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    if changed:
        item.name, item.details, item.updated_at = name, details if kind != UserKind.STAFF else None, clock.now()
        with unit_of_work(actor.tenant) as uow:
            accounts.save_user(uow, item)
            uow.emit(UserProfileUpdated(tenant_id=actor.tenant, user_id=item.user_id, changed=changed))
    return item.profile()


def _patched_details(item: dal.UserItem, kind: UserKind, changes: dict[str, Any], tenant: Tenant) -> dict[str, Any]:
    """The person's details with the patch merged in (`null` clears a field), checked again whole."""
    details = dict(item.details or {})
    details.update(changes.get("individual") or changes.get("group") or {})
    if details.get("contact_phone"):
        details["contact_phone"] = normalise_phone(
            details["contact_phone"], region=tenant.jurisdiction, field="group.contact_phone", mobile=False
        )
    details = {k: v for k, v in details.items() if v is not None}
    (IndividualDetails if kind == UserKind.INDIVIDUAL else GroupDetails).model_validate(details)
    return details


def change_email(actor: Actor, cmd: EmailChange) -> CodeSent:
    """Send a code to the new address; the change happens when it comes back."""
    authorize(actor, Action.CHANGE_OWN_CONTACT)
    item, tenant = accounts.me_and_tenant(actor)
    email = str(cmd.email).lower()
    subject = codes.user_subject(item.user_id)
    code = codes.issue(tenant.id, Purpose.CHANGE_EMAIL, subject, user_id=item.user_id, payload={"email": email})
    text = contact.code_text(code, Purpose.CHANGE_EMAIL, "to confirm this address")
    contact.email(tenant, email, "confirm your new email", text)
    return contact.code_sent(Channel.EMAIL, email, Purpose.CHANGE_EMAIL)


def change_phone(actor: Actor, cmd: PhoneChange) -> CodeSent:
    """Send a code to the new number; the change happens when it comes back."""
    authorize(actor, Action.CHANGE_OWN_CONTACT)
    item, tenant = accounts.me_and_tenant(actor)
    phone = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
    subject = codes.user_subject(item.user_id)
    code = codes.issue(tenant.id, Purpose.CHANGE_PHONE, subject, user_id=item.user_id, payload={"phone": phone})
    contact.sms(tenant, phone, f"your code to confirm this number is {code} (valid 10 minutes)")
    return contact.code_sent(Channel.SMS, phone, Purpose.CHANGE_PHONE)


def confirm_email(actor: Actor, cmd: CodeCheck, origin: Origin) -> Profile:
    return _confirm_contact(actor, cmd, origin, Channel.EMAIL)


def confirm_phone(actor: Actor, cmd: CodeCheck, origin: Origin) -> Profile:
    return _confirm_contact(actor, cmd, origin, Channel.SMS)


def _confirm_contact(actor: Actor, cmd: CodeCheck, origin: Origin, channel: Channel) -> Profile:
    authorize(actor, Action.CHANGE_OWN_CONTACT)
    item, tenant = accounts.me_and_tenant(actor)
    subject = codes.user_subject(item.user_id)
    purpose, kind = (Purpose.CHANGE_EMAIL, "email") if channel == Channel.EMAIL else (Purpose.CHANGE_PHONE, "phone")
    codes.count_attempt(tenant.id, subject)
    code = codes.check(tenant.id, purpose, subject, cmd.code)
    new = str((code.payload or {})[kind])
    old = item.email if kind == "email" else item.phone
    if kind == "email":
        item.email = new
    else:
        item.phone = new
    item.updated_at = clock.now()
    with unit_of_work(tenant.id) as uow:
        codes.spend(uow, code)
        codes.clear_attempts(uow, tenant.id, subject)
        if new != old:
            if old:
                uow.release(tenant.id, kind, dal.key_safe(old), item.user_id)
            uow.claim(tenant.id, kind, dal.key_safe(new), item.user_id, taken=accounts.taken(kind, new))
        accounts.save_user(uow, item)
        action = AuditAction.EMAIL_CHANGED if kind == "email" else AuditAction.PHONE_CHANGED
        accounts.audit(uow, tenant.id, action, origin, actor_id=item.user_id, subject_id=item.user_id, login=new)
        uow.emit(UserContactChanged(tenant_id=tenant.id, user_id=item.user_id, channel=channel, value=new))
    if kind == "email":
        directory.change_contact(item.user_id, email=new)
        if old and old != new:
            _tell_old_address(tenant, old, new)
    else:
        directory.change_contact(item.user_id, phone=new)
    return item.profile()


def _tell_old_address(tenant: Tenant, old: str, new: str) -> None:
    contact.email(
        tenant,
        old,
        "your email address was changed",
        f"The email address of your {tenant.name} account is now {mask(Channel.EMAIL, new)}. "
        f"If you did not change it, contact {tenant.name} at once.",
    )
