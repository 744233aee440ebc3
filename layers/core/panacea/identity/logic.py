"""Identity's use cases: members register and sign in at one tenant, staff are invited, and each
person looks after their own profile, contacts and addresses; tenant admins manage people and
owners read the audit trail.

Answers never tell whether an account exists: a wrong password or code gets the same answer
for an unknown login, a request for a code is answered the same whether or not one was sent,
and failed attempts are counted (and locked) per login, account or not. See codes.py.

Members who register by phone have no password: they sign in with SMS codes, and their tokens
come from `directory.sign_in_verified` (a one-time password, the fallback for Cognito's
CUSTOM_AUTH flow, which moto does not emulate). An account with a password of its own signs in
with it; it is never sent SMS sign-in codes, since that fallback would replace its password.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import phonenumbers

from panacea.identity import codes, dal
from panacea.identity.access import Action
from panacea.identity.codes import Purpose, WrongCode
from panacea.identity.models import (
    AccountReady,
    Address,
    AddressBookChanged,
    AddressPatch,
    AuditAction,
    AuditEntry,
    Channel,
    CodeCheck,
    CodeSent,
    Confirmation,
    DisableRequest,
    EmailChange,
    ForgottenPassword,
    GroupDetails,
    IndividualDetails,
    Invitation,
    MemberKind,
    MemberRegistered,
    NewAddress,
    NewPassword,
    PasswordSignIn,
    PhoneChange,
    Profile,
    ProfilePatch,
    Refresh,
    Registration,
    RolesChange,
    Session,
    SignedOut,
    SmsCodeRequest,
    SmsSignIn,
    StaffInvited,
    StaffJoined,
    User,
    UserContactChanged,
    UserDisabled,
    UserEnabled,
    UserKind,
    UserPasswordChanged,
    UserProfileUpdated,
    UserRolesChanged,
    UserSignedOut,
    UserStatus,
)
from panacea.platform import clock, directory, messaging, observability
from panacea.platform.access import STAFF_ROLES, Actor, Role, authorize
from panacea.platform.errors import (
    Conflict,
    DomainError,
    FieldError,
    Forbidden,
    NotAuthenticated,
    NotFound,
    Unprocessable,
)
from panacea.platform.ids import is_id, new_id
from panacea.platform.table import Page
from panacea.platform.transaction import UnitOfWork, unit_of_work
from panacea.tenancy.dal import TenantRecord, TenantSettingsItem
from panacea.tenancy.models import TenantStatus

MAX_ADDRESSES = 20
NOBODY = "nobody"  # a username no account has (ours are ULIDs): an unknown login is still checked


class TenantNotFound(NotFound):
    slug, title = "tenant-not-found", "Tenant not found"


class UserNotFound(NotFound):
    slug, title = "user-not-found", "User not found"


class AddressNotFound(NotFound):
    slug, title = "address-not-found", "Address not found"


class WrongCredentials(NotAuthenticated):
    slug, title = "wrong-credentials", "Wrong email or password"


class EmailTaken(Conflict):
    slug, title = "email-taken", "Email taken"


class PhoneTaken(Conflict):
    slug, title = "phone-taken", "Phone number taken"


class UserNotInThatState(Conflict):
    slug, title = "user-state", "The account is not in a state that allows this"


class AddressBookRule(Conflict):
    slug, title = "address-book", "Address book rule"


@dataclass(frozen=True)
class Origin:
    """Where a request came from, for the audit trail."""

    source_ip: str | None = None
    user_agent: str | None = None


@dataclass(frozen=True)
class _Tenant:
    id: str
    name: str
    jurisdiction: str
    sms_sender: str | None

    @classmethod
    def of(cls, record: TenantRecord, settings: TenantSettingsItem | None) -> _Tenant:
        branding = settings.model.branding if settings else None
        return cls(
            id=record.tenant_id,
            name=(branding.sender_names.email or branding.display_name) if branding else record.name,
            jurisdiction=record.jurisdiction,
            sms_sender=branding.sender_names.sms if branding else None,
        )


# --- helpers ------------------------------------------------------------------------------------


def _open_tenant(slug: str, *, email: str | None = None) -> tuple[_Tenant, str | None]:
    """The active tenant a public call names by slug, and who holds `email` there (one request)."""
    tenant_id = dal.tenant_of_slug(slug)
    missing = TenantNotFound(f"no active tenant {slug}", errors=[FieldError("tenant", "not_found")])
    if tenant_id is None:
        raise missing
    if email is not None:
        record, settings, holder = dal.tenant_and_login(tenant_id, "email", email.lower())
    else:
        (record, settings), holder = dal.tenant_with_settings(tenant_id), None
    if record is None or record.status != TenantStatus.ACTIVE.value:
        raise missing
    return _Tenant.of(record, settings), holder


def _phone_holder(tenant: _Tenant, e164: str) -> str | None:
    return dal.login_holder(tenant.id, "phone", e164)


def normalise_phone(raw: str, *, region: str, field: str, mobile: bool) -> str:
    """`raw` in E.164, read as dialled in `region` unless it is international; 422 on `field` if it
    is not a valid number (or not a mobile one, when `mobile`)."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise Unprocessable(
            f"{raw} is not a valid phone number (read as dialled in {region} unless it starts with +)",
            errors=[FieldError(field, "invalid_phone")],
        )
    kind = phonenumbers.number_type(number)
    mobile_kinds = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    if mobile and kind not in mobile_kinds:
        raise Unprocessable(f"{raw} is not a mobile number", errors=[FieldError(field, "not_mobile")])
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def mask(channel: Channel, value: str) -> str:
    if channel == Channel.EMAIL:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    return f"{value[:3]}{'*' * max(0, len(value) - 7)}{value[-4:]}"


def _code_sent(channel: Channel, value: str, purpose: Purpose) -> CodeSent:
    return CodeSent(
        channel=channel,
        destination=mask(channel, value),
        expires_in=codes.lifetime(purpose),
        detail=f"if this {'address' if channel == Channel.EMAIL else 'number'} can receive a code, one has been sent",
    )


def _email(tenant: _Tenant, to: str, subject: str, text: str) -> None:
    messaging.send_email(to, f"{tenant.name}: {subject}", text, sender_name=tenant.name)


def _sms(tenant: _Tenant, to: str, text: str) -> None:
    messaging.send_sms(to, f"{tenant.name}: {text}", sender_id=tenant.sms_sender)


def _code_text(code: str, purpose: Purpose, what: str) -> str:
    minutes = codes.lifetime(purpose) // 60
    valid = f"{minutes // (24 * 60)} days" if minutes >= 24 * 60 else f"{minutes} minutes"
    return f"Your code {what} is {code}. It is valid for {valid}. If you did not ask for it, ignore this message."


def _valid_after(at: datetime) -> datetime:
    """The first whole second after `at`: tokens carry whole seconds, and every token issued up to
    `at` must fall before it (a sign-in in that same second waits for the next one)."""
    return at.replace(microsecond=0) + timedelta(seconds=1)


def _audit(
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


def _audit_alone(tenant_id: str, action: AuditAction, origin: Origin, **kwargs: Any) -> None:
    with unit_of_work(tenant_id) as uow:
        _audit(uow, tenant_id, action, origin, **kwargs)


def _create_user(uow: UnitOfWork, item: dal.UserItem, *, claims: list[tuple[str, str, DomainError]]) -> None:
    uow.create(item, conflict=Conflict(f"user {item.user_id} exists"))
    for kind, value, taken in claims:
        uow.claim(item.tenant_id, kind, dal.key_safe(value), item.user_id, taken=taken)
    for role_item in item.role_items():
        uow.save(role_item)


def _save_user(uow: UnitOfWork, item: dal.UserItem, *, roles_before: frozenset[Role] | None = None) -> None:
    """The person and the items that list them under each role, rewritten together."""
    uow.save(item)
    for role_item in item.role_items():
        uow.save(role_item)
    for role in (roles_before or frozenset()) - item.held_roles:
        uow.delete(dal.UserRoleItem(item.pk, f"ROLE#{role}"), conflict=Conflict("role item gone"))


def _taken(kind: str, value: str) -> DomainError:
    if kind == "email":
        return EmailTaken(f"{value} already has an account here", errors=[FieldError("email", "taken")])
    return PhoneTaken(f"{value} already has an account here", errors=[FieldError("phone", "taken")])


def _person(actor: Actor) -> None:
    if actor.via != "user":
        raise Forbidden("a partner key has no account of its own; sign in as a person")


def _me(actor: Actor) -> dal.UserItem:
    _person(actor)
    item = dal.user(actor.tenant, actor.user_id)
    if item is None:
        raise UserNotFound(f"no account {actor.user_id} at this tenant")
    return item


def _me_and_tenant(actor: Actor) -> tuple[dal.UserItem, _Tenant]:
    _person(actor)
    item, record, settings = dal.user_and_tenant(actor.tenant, actor.user_id)
    if item is None or record is None:
        raise UserNotFound(f"no account {actor.user_id} at this tenant")
    return item, _Tenant.of(record, settings)


def _session(tokens: directory.Tokens | None, *, user_id: str, tenant_id: str) -> Session:
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


def _display_name(kind: MemberKind, details: dict[str, Any], login: str) -> str:
    name = details.get("real_name") if kind == MemberKind.INDIVIDUAL else details.get("company_name")
    return str(name or login)


# --- onboarding ---------------------------------------------------------------------------------


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
            _create_user(uow, item, claims=[("email", email.lower(), _taken("email", email))])
            uow.emit(StaffInvited(tenant_id=tenant_id, user_id=user_id, email=email, roles=[Role.OWNER]))
        existing = item
    directory.ensure_user(user_id=user_id, email=email, name=name, tenant_id=tenant_id, groups=[Role.OWNER.value])
    return existing.view()


# --- registration -------------------------------------------------------------------------------


def register(cmd: Registration) -> CodeSent:
    """Register a member and send the code that confirms their email or phone.

    An address that already has an account is told so (by a message to it, not in the answer).
    An unconfirmed registration is replaced by a newer one for the same address, so no one can
    hold an address they cannot read.
    """
    if cmd.email is not None:
        channel, login = Channel.EMAIL, str(cmd.email).lower()
        tenant, holder = _open_tenant(cmd.tenant, email=login)
        subject = codes.email_subject(login)
    else:
        assert cmd.phone is not None
        channel = Channel.SMS
        tenant, _ = _open_tenant(cmd.tenant)
        login = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
        holder = _phone_holder(tenant, login)
        subject = codes.phone_subject(login)
    existing = dal.user(tenant.id, holder) if holder else None
    if existing is not None and existing.current_status != UserStatus.PENDING:
        _tell_already_registered(tenant, channel, login)
        return _code_sent(channel, login, Purpose.REGISTRATION)

    details = (
        cmd.individual or cmd.group or (IndividualDetails() if cmd.kind == MemberKind.INDIVIDUAL else GroupDetails())
    )
    detail_fields = details.model_dump(mode="json", exclude_none=True)
    if detail_fields.get("contact_phone"):
        detail_fields["contact_phone"] = normalise_phone(
            detail_fields["contact_phone"], region=tenant.jurisdiction, field="group.contact_phone", mobile=False
        )
    name = _display_name(cmd.kind, detail_fields, login)
    at = clock.now()
    if existing is None:
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
            details=detail_fields,
        )
        kind = "email" if channel == Channel.EMAIL else "phone"
        with unit_of_work(tenant.id) as uow:
            _create_user(
                uow,
                item,
                claims=[(kind, login, Conflict(f"a registration for {login} is under way; try again shortly"))],
            )
    else:
        item = existing
        item.kind, item.name, item.details, item.updated_at = cmd.kind.value, name, detail_fields, at
        with unit_of_work(tenant.id) as uow:
            _save_user(uow, item)

    directory.create_user(
        user_id=item.user_id,
        tenant_id=tenant.id,
        email=item.email,
        phone=item.phone,
        name=name,
        groups=[Role.MEMBER.value],
        enabled=False,  # until the code comes back
    )
    if cmd.password is not None:
        _set_password(item.user_id, cmd.password)
    code = codes.issue(tenant.id, Purpose.REGISTRATION, subject, user_id=item.user_id)
    if channel == Channel.EMAIL:
        _email(tenant, login, "confirm your email", _code_text(code, Purpose.REGISTRATION, "to confirm this address"))
    else:
        _sms(tenant, login, f"your code is {code} (valid 10 minutes)")
    return _code_sent(channel, login, Purpose.REGISTRATION)


def _tell_already_registered(tenant: _Tenant, channel: Channel, login: str) -> None:
    if channel == Channel.EMAIL:
        _email(
            tenant,
            login,
            "you already have an account",
            "Someone, perhaps you, tried to register with this address. It already has an account: "
            "sign in, or reset your password if you have forgotten it.",
        )
    else:
        _sms(tenant, login, "this number already has an account: sign in with an SMS code.")


def _set_password(user_id: str, password: str) -> None:
    try:
        directory.set_password(user_id, password)
    except directory.PasswordRejected as rejected:
        raise Unprocessable(str(rejected), errors=[FieldError("password", "weak_password")]) from None


def _login_of(tenant: _Tenant, *, email: str | None, phone: str | None) -> tuple[Channel, str, str]:
    if email is not None:
        login = email.lower()
        return Channel.EMAIL, login, codes.email_subject(login)
    assert phone is not None
    login = normalise_phone(phone, region=tenant.jurisdiction, field="phone", mobile=True)
    return Channel.SMS, login, codes.phone_subject(login)


def confirm_registration(cmd: Confirmation) -> AccountReady:
    """The code that was sent proves the address: the account becomes active."""
    tenant, _ = _open_tenant(cmd.tenant)
    channel, _, subject = _login_of(tenant, email=cmd.email, phone=cmd.phone)
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
        _save_user(uow, item)
        uow.emit(
            MemberRegistered(tenant_id=tenant.id, user_id=item.user_id, kind=MemberKind(item.kind), channel=channel)
        )
    observability.count("MembersRegistered")
    return AccountReady(user_id=item.user_id, status=UserStatus.ACTIVE, detail="your account is ready: sign in")


# --- signing in and out ---------------------------------------------------------------------------


def sign_in(cmd: PasswordSignIn, origin: Origin) -> Session:
    """Tokens for an email and its password. Any failure is "wrong email or password", whether
    the account exists or not; five in a row lock the email for a while."""
    login = str(cmd.email).lower()
    tenant, holder = _open_tenant(cmd.tenant, email=login)
    subject = codes.email_subject(login)
    codes.count_attempt(tenant.id, subject)
    tokens = directory.sign_in(holder or NOBODY, cmd.password)
    if tokens is None:
        _audit_alone(
            tenant.id,
            AuditAction.SIGN_IN_FAILED,
            origin,
            actor_id=None,
            subject_id=holder,
            login=login,
            detail={"method": "password"},
        )
        observability.count("SignInsFailed")
        raise WrongCredentials("wrong email or password")
    assert holder is not None
    with unit_of_work(tenant.id) as uow:
        codes.clear_attempts(uow, tenant.id, subject)
        _audit(
            uow,
            tenant.id,
            AuditAction.SIGN_IN_SUCCEEDED,
            origin,
            actor_id=holder,
            subject_id=holder,
            login=login,
            detail={"method": "password"},
        )
    observability.count("SignIns")
    return _session(tokens, user_id=holder, tenant_id=tenant.id)


def request_sms_code(cmd: SmsCodeRequest) -> CodeSent:
    """Step 1 of signing in by phone: a code by SMS to an active account without a password
    (the answer is the same for any number)."""
    tenant, _ = _open_tenant(cmd.tenant)
    phone = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
    holder = _phone_holder(tenant, phone)
    item = dal.user(tenant.id, holder) if holder else None
    if item is not None and item.current_status == UserStatus.ACTIVE and not item.has_password:
        code = codes.issue(tenant.id, Purpose.SIGN_IN, codes.phone_subject(phone), user_id=item.user_id)
        _sms(tenant, phone, f"your sign-in code is {code} (valid 10 minutes)")
    return _code_sent(Channel.SMS, phone, Purpose.SIGN_IN)


def sign_in_with_sms(cmd: SmsSignIn, origin: Origin) -> Session:
    """Step 2 of signing in by phone: the code that was sent, for tokens."""
    tenant, _ = _open_tenant(cmd.tenant)
    phone = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
    subject = codes.phone_subject(phone)
    codes.count_attempt(tenant.id, subject)
    try:
        code = codes.check(tenant.id, Purpose.SIGN_IN, subject, cmd.code)
        item = dal.user(tenant.id, code.user_id) if code.user_id else None
        if item is None or item.current_status != UserStatus.ACTIVE or item.has_password:
            raise WrongCode()
    except WrongCode:
        _audit_alone(
            tenant.id,
            AuditAction.SIGN_IN_FAILED,
            origin,
            actor_id=None,
            subject_id=None,
            login=phone,
            detail={"method": "sms"},
        )
        observability.count("SignInsFailed")
        raise
    with unit_of_work(tenant.id) as uow:
        codes.spend(uow, code)
        codes.clear_attempts(uow, tenant.id, subject)
        _audit(
            uow,
            tenant.id,
            AuditAction.SIGN_IN_SUCCEEDED,
            origin,
            actor_id=item.user_id,
            subject_id=item.user_id,
            login=phone,
            detail={"method": "sms"},
        )
    observability.count("SignIns")
    return _session(directory.sign_in_verified(item.user_id), user_id=item.user_id, tenant_id=tenant.id)


def refresh(cmd: Refresh) -> Session:
    tokens = directory.refresh(cmd.refresh_token)
    if tokens is None or not tokens.user_id or not tokens.tenant_id:
        raise WrongCredentials("this refresh token is not valid (expired, revoked or signed out): sign in again")
    return _session(tokens, user_id=tokens.user_id, tenant_id=tokens.tenant_id)


def sign_out(actor: Actor, origin: Origin) -> SignedOut:
    """End every session of the caller: refresh tokens revoked, ID tokens issued so far refused."""
    authorize(actor, Action.SIGN_OUT)
    item = _me(actor)
    directory.sign_out(item.user_id)
    item.tokens_valid_after = _valid_after(clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.save(item)
        _audit(uow, actor.tenant, AuditAction.SIGNED_OUT, origin, actor_id=item.user_id, subject_id=item.user_id)
        uow.emit(UserSignedOut(tenant_id=actor.tenant, user_id=item.user_id))
    return SignedOut(user_id=item.user_id, tokens_valid_after=item.tokens_valid_after)


# --- passwords and invitations --------------------------------------------------------------------


def forgot_password(cmd: ForgottenPassword) -> CodeSent:
    """Email a code to reset the password (the answer is the same for any address)."""
    login = str(cmd.email).lower()
    tenant, holder = _open_tenant(cmd.tenant, email=login)
    item = dal.user(tenant.id, holder) if holder else None
    if item is not None and item.current_status in {UserStatus.ACTIVE, UserStatus.INVITED}:
        code = codes.issue(tenant.id, Purpose.PASSWORD_RESET, codes.email_subject(login), user_id=item.user_id)
        _email(tenant, login, "reset your password", _code_text(code, Purpose.PASSWORD_RESET, "to reset your password"))
    return _code_sent(Channel.EMAIL, login, Purpose.PASSWORD_RESET)


def reset_password(cmd: NewPassword, origin: Origin) -> AccountReady:
    """A new password with the emailed code; every session of the account ends."""
    return _new_password(cmd, origin, Purpose.PASSWORD_RESET, {UserStatus.ACTIVE, UserStatus.INVITED})


def accept_invitation(cmd: NewPassword, origin: Origin) -> AccountReady:
    """Invited staff set their password with the code of their invitation."""
    return _new_password(cmd, origin, Purpose.INVITATION, {UserStatus.INVITED})


def _new_password(cmd: NewPassword, origin: Origin, purpose: Purpose, allowed: set[UserStatus]) -> AccountReady:
    login = str(cmd.email).lower()
    tenant, _ = _open_tenant(cmd.tenant)
    subject = codes.email_subject(login)
    codes.count_attempt(tenant.id, subject)
    code = codes.check(tenant.id, purpose, subject, cmd.code)
    item = dal.user(tenant.id, code.user_id) if code.user_id else None
    if item is None or item.current_status not in allowed:
        raise WrongCode()
    joining = item.current_status == UserStatus.INVITED
    directory.create_user(  # in case the invitation's own call did not get that far
        user_id=item.user_id,
        tenant_id=tenant.id,
        email=item.email,
        phone=item.phone,
        name=item.name,
        groups=sorted(item.roles),
        enabled=True,
    )
    _set_password(item.user_id, cmd.password)
    at = clock.now()
    item.has_password = True
    if joining:  # a first password: there is no session to end
        item.move_to(UserStatus.ACTIVE, at=at)
    else:
        directory.sign_out(item.user_id)
        item.tokens_valid_after = _valid_after(at)
    with unit_of_work(tenant.id) as uow:
        codes.spend(uow, code)
        codes.clear_attempts(uow, tenant.id, subject)
        _save_user(uow, item)
        action = AuditAction.INVITATION_ACCEPTED if purpose == Purpose.INVITATION else AuditAction.PASSWORD_RESET
        _audit(uow, tenant.id, action, origin, actor_id=item.user_id, subject_id=item.user_id, login=login)
        uow.emit(UserPasswordChanged(tenant_id=tenant.id, user_id=item.user_id))
        if joining:
            uow.emit(StaffJoined(tenant_id=tenant.id, user_id=item.user_id))
    return AccountReady(user_id=item.user_id, status=item.current_status, detail="your password is set: sign in")


def invite_staff(actor: Actor, cmd: Invitation, origin: Origin) -> User:
    """An account for a member of staff with these roles, and an emailed invitation with a code."""
    authorize(actor, Action.INVITE_STAFF)
    if Role.OWNER in cmd.roles and Role.OWNER not in actor.roles:
        raise Forbidden("only an owner can make someone an owner")
    email = str(cmd.email).lower()
    record, settings = dal.tenant_with_settings(actor.tenant)
    if record is None:
        raise TenantNotFound(f"no tenant {actor.tenant}")
    tenant = _Tenant.of(record, settings)
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
        _create_user(uow, item, claims=[("email", email, _taken("email", email))])
        _audit(
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
    item, record, settings = dal.user_and_tenant(actor.tenant, user_id) if is_id(user_id) else (None, None, None)
    if item is None or record is None:
        raise UserNotFound(f"no user {user_id} at this tenant")
    if item.current_status != UserStatus.INVITED:
        raise UserNotInThatState(f"{item.name} is {item.status}, not invited")
    _send_invitation(_Tenant.of(record, settings), item)
    return item.view()


def _send_invitation(tenant: _Tenant, item: dal.UserItem) -> None:
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
    _email(
        tenant,
        item.email,
        "you are invited",
        f"Hello {item.name},\n\nyou are invited to {tenant.name} as {roles}. To accept, choose "
        f'"Accept invitation" in the {tenant.name} app and enter this email address, a password of your '
        f"choice and this code: {code}. It is valid for 3 days.",
    )


# --- the tenant's people ------------------------------------------------------------------------


def list_users(
    actor: Actor, *, role: Role | None, status: UserStatus | None, cursor: str | None, limit: int
) -> Page[User]:
    authorize(actor, Action.READ_USERS)
    return dal.users(actor.tenant, role=role, status=status, cursor=cursor, limit=limit)


def get_user(actor: Actor, user_id: str) -> Profile:
    authorize(actor, Action.READ_USERS)
    return _user(actor, user_id).profile()


def _user(actor: Actor, user_id: str) -> dal.UserItem:
    item = dal.user(actor.tenant, user_id) if is_id(user_id) else None
    if item is None:
        raise UserNotFound(f"no user {user_id} at this tenant")
    return item


def _may_manage(actor: Actor, item: dal.UserItem, *, after: frozenset[Role] = frozenset()) -> None:
    if item.user_id == actor.user_id:
        raise Forbidden("you cannot change your own roles or standing; ask another admin")
    if Role.OWNER in item.held_roles | after and Role.OWNER not in actor.roles:
        raise Forbidden("only an owner can change an owner, or make someone one")


def change_roles(actor: Actor, user_id: str, cmd: RolesChange, origin: Origin) -> User:
    """Set the roles a person holds. Their ID tokens issued before are refused, so the new roles
    hold from their next refresh (the groups in a token are fixed when it is issued)."""
    authorize(actor, Action.CHANGE_ROLES)
    item = _user(actor, user_id)
    before, after = item.held_roles, frozenset(cmd.roles)
    _may_manage(actor, item, after=after)
    member = item.kind in {UserKind.INDIVIDUAL.value, UserKind.GROUP.value}
    if member and not (Role.MEMBER in after and after <= {Role.MEMBER, Role.DISTRIBUTOR}):
        raise Unprocessable(
            "a member holds member, and may also be a distributor", errors=[FieldError("roles", "member_roles")]
        )
    if not member and not after <= STAFF_ROLES:
        raise Unprocessable("staff hold staff roles", errors=[FieldError("roles", "staff_roles")])
    if after == before:
        return item.view()
    # The directory first: a retry after a failure below finds the difference again and repeats it.
    directory.change_groups(item.user_id, add=sorted(after - before), remove=sorted(before - after))
    at = clock.now()
    item.roles, item.updated_at, item.tokens_valid_after = {r.value for r in after}, at, _valid_after(at)
    with unit_of_work(actor.tenant) as uow:
        _save_user(uow, item, roles_before=before)
        _audit(
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
    item = _user(actor, user_id)
    _may_manage(actor, item)
    if item.current_status == UserStatus.PENDING:
        raise UserNotInThatState("an unconfirmed registration cannot be disabled; it is replaced or lapses")
    if item.current_status != UserStatus.DISABLED:
        item.disabled_from = item.status
        item.move_to(UserStatus.DISABLED, at=clock.now())
        with unit_of_work(actor.tenant) as uow:
            _save_user(uow, item)
            _audit(
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
    item = _user(actor, user_id)
    _may_manage(actor, item)
    if item.current_status != UserStatus.DISABLED:
        return item.view()
    directory.enable(item.user_id)  # first: until the table says so, the gate still keeps them out
    item.move_to(UserStatus(item.disabled_from or UserStatus.ACTIVE.value), at=clock.now())
    item.disabled_from = None
    with unit_of_work(actor.tenant) as uow:
        _save_user(uow, item)
        _audit(uow, actor.tenant, AuditAction.USER_ENABLED, origin, actor_id=actor.user_id, subject_id=item.user_id)
        uow.emit(UserEnabled(tenant_id=actor.tenant, user_id=item.user_id, enabled_by=actor.user_id))
    return item.view()


def audit_trail(actor: Actor, *, user_id: str | None, cursor: str | None, limit: int) -> Page[AuditEntry]:
    """The tenant's audit trail, newest first (or the entries about one person)."""
    authorize(actor, Action.READ_AUDIT)
    return dal.audit_trail(actor.tenant, user_id=user_id, cursor=cursor, limit=limit)


# --- your own profile -----------------------------------------------------------------------------


def my_profile(actor: Actor) -> Profile:
    authorize(actor, Action.READ_OWN_PROFILE)
    return _me(actor).profile()


def update_my_profile(actor: Actor, patch: ProfilePatch) -> Profile:
    authorize(actor, Action.UPDATE_OWN_PROFILE)
    item, tenant = _me_and_tenant(actor)
    kind = UserKind(item.kind or UserKind.STAFF)
    changes = patch.model_dump(mode="json", exclude_unset=True)
    if "individual" in changes and kind != UserKind.INDIVIDUAL:
        raise Unprocessable(
            "only individual members have individual details", errors=[FieldError("individual", "kind")]
        )
    if "group" in changes and kind != UserKind.GROUP:
        raise Unprocessable("only group members have group details", errors=[FieldError("group", "kind")])
    before = {"name": item.name, **(item.details or {})}
    details = dict(item.details or {})
    details.update(changes.get("individual") or changes.get("group") or {})
    if details.get("contact_phone"):
        details["contact_phone"] = normalise_phone(
            details["contact_phone"], region=tenant.jurisdiction, field="group.contact_phone", mobile=False
        )
    details = {k: v for k, v in details.items() if v is not None}
    (IndividualDetails if kind == UserKind.INDIVIDUAL else GroupDetails).model_validate(details)
    name = changes.get("name") or item.name
    after = {"name": name, **details}
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    if changed:
        item.name, item.details, item.updated_at = name, details if kind != UserKind.STAFF else None, clock.now()
        with unit_of_work(actor.tenant) as uow:
            _save_user(uow, item)
            uow.emit(UserProfileUpdated(tenant_id=actor.tenant, user_id=item.user_id, changed=changed))
    return item.profile()


def change_email(actor: Actor, cmd: EmailChange) -> CodeSent:
    """Send a code to the new address; the change happens when it comes back."""
    authorize(actor, Action.CHANGE_OWN_CONTACT)
    item, tenant = _me_and_tenant(actor)
    email = str(cmd.email).lower()
    subject = codes.user_subject(item.user_id)
    code = codes.issue(tenant.id, Purpose.CHANGE_EMAIL, subject, user_id=item.user_id, payload={"email": email})
    _email(tenant, email, "confirm your new email", _code_text(code, Purpose.CHANGE_EMAIL, "to confirm this address"))
    return _code_sent(Channel.EMAIL, email, Purpose.CHANGE_EMAIL)


def change_phone(actor: Actor, cmd: PhoneChange) -> CodeSent:
    """Send a code to the new number; the change happens when it comes back."""
    authorize(actor, Action.CHANGE_OWN_CONTACT)
    item, tenant = _me_and_tenant(actor)
    phone = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
    subject = codes.user_subject(item.user_id)
    code = codes.issue(tenant.id, Purpose.CHANGE_PHONE, subject, user_id=item.user_id, payload={"phone": phone})
    _sms(tenant, phone, f"your code to confirm this number is {code} (valid 10 minutes)")
    return _code_sent(Channel.SMS, phone, Purpose.CHANGE_PHONE)


def confirm_email(actor: Actor, cmd: CodeCheck, origin: Origin) -> Profile:
    return _confirm_contact(actor, cmd, origin, Channel.EMAIL)


def confirm_phone(actor: Actor, cmd: CodeCheck, origin: Origin) -> Profile:
    return _confirm_contact(actor, cmd, origin, Channel.SMS)


def _confirm_contact(actor: Actor, cmd: CodeCheck, origin: Origin, channel: Channel) -> Profile:
    authorize(actor, Action.CHANGE_OWN_CONTACT)
    item, tenant = _me_and_tenant(actor)
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
            uow.claim(tenant.id, kind, dal.key_safe(new), item.user_id, taken=_taken(kind, new))
        _save_user(uow, item)
        action = AuditAction.EMAIL_CHANGED if kind == "email" else AuditAction.PHONE_CHANGED
        _audit(uow, tenant.id, action, origin, actor_id=item.user_id, subject_id=item.user_id, login=new)
        uow.emit(UserContactChanged(tenant_id=tenant.id, user_id=item.user_id, channel=channel, value=new))
    if kind == "email":
        directory.change_contact(item.user_id, email=new)
        if old and old != new:
            _email(
                tenant,
                old,
                "your email address was changed",
                f"The email address of your {tenant.name} account is now {mask(Channel.EMAIL, new)}. "
                f"If you did not change it, contact {tenant.name} at once.",
            )
    else:
        directory.change_contact(item.user_id, phone=new)
    return item.profile()


# --- your addresses -------------------------------------------------------------------------------


def list_addresses(actor: Actor, *, cursor: str | None, limit: int) -> Page[Address]:
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    _person(actor)
    return dal.addresses(actor.tenant, actor.user_id, cursor=cursor, limit=limit)


def add_address(actor: Actor, cmd: NewAddress) -> Address:
    """Add a recipient. The first address is the default; `default` makes a later one it."""
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    item = _me(actor)
    if item.address_count >= MAX_ADDRESSES:
        raise AddressBookRule(f"an address book holds up to {MAX_ADDRESSES} addresses; remove one first")
    fields = cmd.model_dump(mode="json", exclude={"default"})
    fields["phone"] = normalise_phone(cmd.phone, region=cmd.country, field="phone", mobile=False)
    at, address_id = clock.now(), new_id()
    previous = item.default_address_id
    default = cmd.default or previous is None
    address = dal.AddressItem.new(
        tenant_id=actor.tenant, user_id=item.user_id, address_id=address_id, fields=fields, default=default, at=at
    )
    item.address_count = int(item.address_count) + 1
    if default:
        item.default_address_id = address_id
    with unit_of_work(actor.tenant) as uow:
        uow.create(address, conflict=Conflict(f"address {address_id} exists"))
        if default and previous:
            _undefault(uow, actor.tenant, item.user_id, previous, at)
        uow.save(item)
        uow.emit(
            AddressBookChanged(
                tenant_id=actor.tenant,
                user_id=item.user_id,
                address_id=address_id,
                change="added",
                default_address_id=item.default_address_id,
            )
        )
    return address.view()


def _undefault(uow: UnitOfWork, tenant_id: str, user_id: str, address_id: str, at: datetime) -> None:
    previous = dal.AddressItem(dal.tenant_address_pk(tenant_id, user_id), f"ADDRESS#{address_id}")
    uow.update(
        previous,
        [dal.AddressItem.is_default.set(False), dal.AddressItem.updated_at.set(at)],
        condition=dal.AddressItem.pk.exists(),
        conflict=Conflict("the default address changed meanwhile; retry"),
    )


def _address(actor: Actor, address_id: str) -> dal.AddressItem:
    found = dal.address(actor.tenant, actor.user_id, address_id) if is_id(address_id) else None
    if found is None:
        raise AddressNotFound(f"you have no address {address_id}")
    return found


def update_address(actor: Actor, address_id: str, patch: AddressPatch) -> Address:
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    _person(actor)
    address = _address(actor, address_id)
    changes = patch.model_dump(mode="json", exclude_unset=True)
    fields = {**address.address, **changes}
    for required in ("recipient", "phone", "line1", "city", "country", "uses"):
        if fields.get(required) is None:
            raise Unprocessable(f"{required} cannot be cleared", errors=[FieldError(required, "required")])
    if "phone" in changes or "country" in changes:
        fields["phone"] = normalise_phone(fields["phone"], region=fields["country"], field="phone", mobile=False)
    if fields != address.address:
        address.address, address.updated_at = fields, clock.now()
        with unit_of_work(actor.tenant) as uow:
            uow.save(address, condition=dal.AddressItem.pk.exists(), conflict=AddressNotFound("the address is gone"))
            uow.emit(
                AddressBookChanged(
                    tenant_id=actor.tenant,
                    user_id=actor.user_id,
                    address_id=address_id,
                    change="updated",
                    default_address_id=address_id if address.is_default else None,
                )
            )
    return address.view()


def make_default_address(actor: Actor, address_id: str) -> Address:
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    item = _me(actor)
    address = _address(actor, address_id)
    if item.default_address_id == address_id:
        return address.view()
    at, previous = clock.now(), item.default_address_id
    address.is_default, address.updated_at = True, at
    item.default_address_id = address_id
    with unit_of_work(actor.tenant) as uow:
        uow.save(address, condition=dal.AddressItem.pk.exists(), conflict=AddressNotFound("the address is gone"))
        if previous:
            _undefault(uow, actor.tenant, item.user_id, previous, at)
        uow.save(item)
        uow.emit(
            AddressBookChanged(
                tenant_id=actor.tenant,
                user_id=item.user_id,
                address_id=address_id,
                change="default",
                default_address_id=address_id,
            )
        )
    return address.view()


def remove_address(actor: Actor, address_id: str) -> None:
    """Remove an address. The default goes last: while others remain, choose another default first."""
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    item = _me(actor)
    address = _address(actor, address_id)
    is_default = item.default_address_id == address_id
    if is_default and item.address_count > 1:
        raise AddressBookRule("this is your default address: make another one the default before removing it")
    item.address_count = max(0, int(item.address_count) - 1)
    if is_default:
        item.default_address_id = None
    with unit_of_work(actor.tenant) as uow:
        uow.delete(address, condition=dal.AddressItem.pk.exists(), conflict=AddressNotFound("the address is gone"))
        uow.save(item)
        uow.emit(
            AddressBookChanged(
                tenant_id=actor.tenant,
                user_id=item.user_id,
                address_id=address_id,
                change="removed",
                default_address_id=item.default_address_id,
            )
        )


# --- what other contexts read -----------------------------------------------------------------


def address_of(tenant_id: str, member_id: str, address_id: str) -> dict[str, Any] | None:
    """An address of the member's address book as stored (its fields and `address_id`), or None:
    what checkout snapshots onto an order."""
    found = dal.address(tenant_id, member_id, address_id)
    return None if found is None else {"address_id": found.address_id, **found.address}
