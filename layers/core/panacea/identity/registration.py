"""Members register at one tenant, by email and password or by mobile number, and confirm it with
the code that was sent.

An address that already has an account is told so (by a message to it, not in the answer). An
unconfirmed registration is replaced by a newer one for the same address, so no one can hold an
address they cannot read. Members who register by phone have no password: they sign in with SMS
codes (sessions.py).
"""

from __future__ import annotations

from typing import Any

from panacea.identity import accounts, codes, contact, dal, passwords
from panacea.identity.codes import Purpose, WrongCode
from panacea.identity.commands import Confirmation, Registration
from panacea.identity.contact import Tenant, normalise_phone
from panacea.identity.models import AccountReady, CodeSent, GroupDetails, IndividualDetails, MemberRegistered
from panacea.identity.vocabulary import Channel, MemberKind, UserKind, UserStatus
from panacea.platform import clock, directory, observability
from panacea.platform.access import Role
from panacea.platform.errors import Conflict
from panacea.platform.ids import new_id
from panacea.platform.transaction import unit_of_work


def register(cmd: Registration) -> CodeSent:
    """Register a member and send the code that confirms their email or phone."""
    tenant, channel, login, holder = _who_registers(cmd)
    existing = dal.user(tenant.id, holder) if holder else None
    if existing is not None and existing.current_status != UserStatus.PENDING:
        _tell_already_registered(tenant, channel, login)
        return contact.code_sent(channel, login, Purpose.REGISTRATION)
    item = _hold(cmd, tenant, channel, login, existing)
    directory.create_user(
        user_id=item.user_id,
        tenant_id=tenant.id,
        email=item.email,
        phone=item.phone,
        name=item.name,
        groups=[Role.MEMBER.value],
        enabled=False,  # until the code comes back
    )
    if cmd.password is not None:
        passwords.set_password(item.user_id, cmd.password)
    subject = codes.email_subject(login) if channel == Channel.EMAIL else codes.phone_subject(login)
    code = codes.issue(tenant.id, Purpose.REGISTRATION, subject, user_id=item.user_id)
    if channel == Channel.EMAIL:
        what = contact.code_text(code, Purpose.REGISTRATION, "to confirm this address")
        contact.email(tenant, login, "confirm your email", what)
    else:
        contact.sms(tenant, login, f"your code is {code} (valid 10 minutes)")
    return contact.code_sent(channel, login, Purpose.REGISTRATION)


def _who_registers(cmd: Registration) -> tuple[Tenant, Channel, str, str | None]:
    """The tenant, the login (a lower-case email, or a mobile number in E.164) and who holds it."""
    if cmd.email is not None:
        login = str(cmd.email).lower()
        tenant, holder = accounts.open_tenant(cmd.tenant, email=login)
        return tenant, Channel.EMAIL, login, holder
    assert cmd.phone is not None
    tenant, _ = accounts.open_tenant(cmd.tenant)
    login = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
    return tenant, Channel.SMS, login, dal.login_holder(tenant.id, "phone", login)


def _hold(
    cmd: Registration, tenant: Tenant, channel: Channel, login: str, existing: dal.UserItem | None
) -> dal.UserItem:
    """The pending account: new, with a claim on its login, or the unconfirmed one it replaces."""
    details = _details(cmd, tenant)
    name = _display_name(cmd.kind, details, login)
    at = clock.now()
    if existing is not None:
        existing.kind, existing.name, existing.details, existing.updated_at = cmd.kind.value, name, details, at
        existing.referral_code = cmd.referral_code
        with unit_of_work(tenant.id) as uow:
            accounts.save_user(uow, existing)
        return existing
    item = dal.UserItem.new(
        tenant_id=tenant.id,
        user_id=new_id(),
        email=login if channel == Channel.EMAIL else None,
        phone=login if channel == Channel.SMS else None,
        name=name,
        roles=[Role.MEMBER],
        status=UserStatus.PENDING,
        at=at,
        kind=UserKind(cmd.kind.value),
        has_password=channel == Channel.EMAIL,
        details=details,
    )
    item.referral_code = cmd.referral_code
    kind = "email" if channel == Channel.EMAIL else "phone"
    under_way = Conflict(f"a registration for {login} is under way; try again shortly")
    with unit_of_work(tenant.id) as uow:
        accounts.create_user(uow, item, claims=[(kind, login, under_way)])
    return item


def _details(cmd: Registration, tenant: Tenant) -> dict[str, Any]:
    details = (
        cmd.individual or cmd.group or (IndividualDetails() if cmd.kind == MemberKind.INDIVIDUAL else GroupDetails())
    )
    fields = details.model_dump(mode="json", exclude_none=True)
    if fields.get("contact_phone"):
        fields["contact_phone"] = normalise_phone(
            fields["contact_phone"], region=tenant.jurisdiction, field="group.contact_phone", mobile=False
        )
    return fields


def _display_name(kind: MemberKind, details: dict[str, Any], login: str) -> str:
    name = details.get("real_name") if kind == MemberKind.INDIVIDUAL else details.get("company_name")
    return str(name or login)


def _tell_already_registered(tenant: Tenant, channel: Channel, login: str) -> None:
    if channel == Channel.EMAIL:
        contact.email(
            tenant,
            login,
            "you already have an account",
            "Someone, perhaps you, tried to register with this address. It already has an account: "
            "sign in, or reset your password if you have forgotten it.",
        )
    else:
        contact.sms(tenant, login, "this number already has an account: sign in with an SMS code.")


def confirm_registration(cmd: Confirmation) -> AccountReady:
    """The code that was sent proves the address: the account becomes active."""
    tenant, _ = accounts.open_tenant(cmd.tenant)
    channel, subject = _subject_of(tenant, email=cmd.email, phone=cmd.phone)
    codes.count_attempt(tenant.id, subject)
    code = codes.check(tenant.id, Purpose.REGISTRATION, subject, cmd.code)
    item = dal.user(tenant.id, code.user_id) if code.user_id else None
    if item is None or item.current_status != UserStatus.PENDING:
        raise WrongCode()
    directory.enable(item.user_id)
    item.move_to(UserStatus.ACTIVE, at=clock.now())
    with unit_of_work(tenant.id) as uow:
        codes.spend(uow, code)
        codes.clear_attempts(uow, tenant.id, subject)
        accounts.save_user(uow, item)
        uow.emit(
            MemberRegistered(
                tenant_id=tenant.id,
                user_id=item.user_id,
                kind=MemberKind(item.kind),
                channel=channel,
                referral_code=item.referral_code,
            )
        )
    observability.count("MembersRegistered")
    return AccountReady(user_id=item.user_id, status=UserStatus.ACTIVE, detail="your account is ready: sign in")


def _subject_of(tenant: Tenant, *, email: str | None, phone: str | None) -> tuple[Channel, str]:
    if email is not None:
        return Channel.EMAIL, codes.email_subject(email.lower())
    assert phone is not None
    login = normalise_phone(phone, region=tenant.jurisdiction, field="phone", mobile=True)
    return Channel.SMS, codes.phone_subject(login)
