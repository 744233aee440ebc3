"""Signing in and out.

Answers never tell whether an account exists: a wrong password or code gets the same answer for
an unknown login, a request for a code is answered the same whether or not one was sent, and
failed attempts are counted (and locked) per login, account or not. See codes.py.

Members who registered by phone have no password: they sign in with SMS codes, and their tokens
come from `directory.sign_in_verified` (a one-time password, the fallback for Cognito's
CUSTOM_AUTH flow, which moto does not emulate). An account with a password of its own signs in
with it; it is never sent SMS sign-in codes, since that fallback would replace its password.

Platform admins have no tenant: they sign in with their username in the user pool and their
password (`sign_in_platform`), counted and locked like any login, at the platform's level.

A right password that Cognito answers with a challenge instead of tokens (a temporary password
set in the user pool: NEW_PASSWORD_REQUIRED) is a 403 that says how to get a password of one's
own, never "wrong password" and never a 5xx.
"""

from __future__ import annotations

from panacea.identity import accounts, codes, contact, dal
from panacea.identity.access import Action
from panacea.identity.accounts import NewPasswordRequired, Origin, SignInStepRequired, WrongCredentials
from panacea.identity.codes import Purpose, WrongCode
from panacea.identity.commands import PasswordSignIn, PlatformSignIn, Refresh, SmsCodeRequest, SmsSignIn
from panacea.identity.contact import normalise_phone
from panacea.identity.models import CodeSent, Session, SignedOut, UserSignedOut
from panacea.identity.vocabulary import AuditAction, Channel, UserStatus
from panacea.platform import clock, directory, observability
from panacea.platform.access import Actor, Role, authorize
from panacea.platform.errors import DomainError
from panacea.platform.transaction import UnitOfWork, unit_of_work

NOBODY = "nobody"  # a username no account has (ours are ULIDs): an unknown login is still checked
NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED"  # noqa: S105 - Cognito's name for the challenge
_TENANT_HOW_TO = (
    "this account's password is temporary: accept your invitation with the code it emailed you "
    "(POST /v1/auth/invitations/accept), or choose a new password (POST /v1/auth/password/forgot, "
    "then /v1/auth/password/reset), then sign in"
)
_PLATFORM_HOW_TO = (
    "this platform admin's password is temporary: an operator sets a permanent one in the user pool "
    "(aws cognito-idp admin-set-user-password --permanent), then sign in"
)


def _challenged(challenge: str, *, how_to: str) -> DomainError:
    if challenge == NEW_PASSWORD_REQUIRED:
        return NewPasswordRequired(how_to)
    return SignInStepRequired(f"the user pool asks for a step this API does not offer ({challenge})")


def sign_in(cmd: PasswordSignIn, origin: Origin) -> Session:
    """Tokens for an email and its password. Any failure is "wrong email or password", whether
    the account exists or not; five in a row lock the email for a while."""
    login = str(cmd.email).lower()
    tenant, holder = accounts.open_tenant(cmd.tenant, email=login)
    subject = codes.email_subject(login)
    codes.count_attempt(tenant.id, subject)
    try:
        tokens = directory.sign_in(holder or NOBODY, cmd.password)
    except directory.SignInChallenged as challenged:
        _failed(tenant.id, origin, subject_id=holder, login=login, method="password", challenge=challenged.challenge)
        raise _challenged(challenged.challenge, how_to=_TENANT_HOW_TO) from None
    if tokens is None:
        _failed(tenant.id, origin, subject_id=holder, login=login, method="password")
        raise WrongCredentials("wrong email or password")
    assert holder is not None
    with unit_of_work(tenant.id) as uow:
        codes.clear_attempts(uow, tenant.id, subject)
        _succeeded(uow, tenant.id, origin, user_id=holder, login=login, method="password")
    observability.count("SignIns")
    return accounts.session(tokens, user_id=holder, tenant_id=tenant.id)


def request_sms_code(cmd: SmsCodeRequest) -> CodeSent:
    """Step 1 of signing in by phone: a code by SMS to an active account without a password
    (the answer is the same for any number)."""
    tenant, _ = accounts.open_tenant(cmd.tenant)
    phone = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
    holder = dal.login_holder(tenant.id, "phone", phone)
    item = dal.user(tenant.id, holder) if holder else None
    if item is not None and item.current_status == UserStatus.ACTIVE and not item.has_password:
        code = codes.issue(tenant.id, Purpose.SIGN_IN, codes.phone_subject(phone), user_id=item.user_id)
        contact.sms(tenant, phone, f"your sign-in code is {code} (valid 10 minutes)")
    return contact.code_sent(Channel.SMS, phone, Purpose.SIGN_IN)


def sign_in_with_sms(cmd: SmsSignIn, origin: Origin) -> Session:
    """Step 2 of signing in by phone: the code that was sent, for tokens."""
    tenant, _ = accounts.open_tenant(cmd.tenant)
    phone = normalise_phone(cmd.phone, region=tenant.jurisdiction, field="phone", mobile=True)
    subject = codes.phone_subject(phone)
    codes.count_attempt(tenant.id, subject)
    try:
        code = codes.check(tenant.id, Purpose.SIGN_IN, subject, cmd.code)
        item = dal.user(tenant.id, code.user_id) if code.user_id else None
        if item is None or item.current_status != UserStatus.ACTIVE or item.has_password:
            raise WrongCode()
    except WrongCode:
        _failed(tenant.id, origin, subject_id=None, login=phone, method="sms")
        raise
    with unit_of_work(tenant.id) as uow:
        codes.spend(uow, code)
        codes.clear_attempts(uow, tenant.id, subject)
        _succeeded(uow, tenant.id, origin, user_id=item.user_id, login=phone, method="sms")
    observability.count("SignIns")
    try:
        tokens = directory.sign_in_verified(item.user_id)
    except directory.SignInChallenged as challenged:
        raise _challenged(challenged.challenge, how_to=_TENANT_HOW_TO) from None
    return accounts.session(tokens, user_id=item.user_id, tenant_id=tenant.id)


def sign_in_platform(cmd: PlatformSignIn) -> Session:
    """Tokens for a platform admin, by their username in the user pool and their password. Any
    failure, or the tokens of anyone but a platform admin, is "wrong username or password"; five
    in a row lock the username for a while."""
    subject = codes.user_subject(cmd.username.lower())
    codes.count_attempt(None, subject)
    try:
        tokens = directory.sign_in(cmd.username, cmd.password)
    except directory.SignInChallenged as challenged:
        raise _challenged(challenged.challenge, how_to=_PLATFORM_HOW_TO) from None
    if tokens is None or not _platform_admin(tokens):
        observability.count("SignInsFailed")
        raise WrongCredentials("wrong username or password")
    with unit_of_work(None) as uow:
        codes.clear_attempts(uow, None, subject)
    observability.count("SignIns")
    return accounts.session(tokens, user_id=tokens.user_id, tenant_id=None)


def _platform_admin(tokens: directory.Tokens) -> bool:
    return tokens.tenant_id is None and Role.PLATFORM_ADMIN.value in tokens.groups


def _failed(
    tenant_id: str, origin: Origin, *, subject_id: str | None, login: str, method: str, challenge: str | None = None
) -> None:
    detail = {"method": method} | ({"challenge": challenge} if challenge else {})
    accounts.audit_alone(
        tenant_id,
        AuditAction.SIGN_IN_FAILED,
        origin,
        actor_id=None,
        subject_id=subject_id,
        login=login,
        detail=detail,
    )
    observability.count("SignInsFailed")


def _succeeded(uow: UnitOfWork, tenant_id: str, origin: Origin, *, user_id: str, login: str, method: str) -> None:
    accounts.audit(
        uow,
        tenant_id,
        AuditAction.SIGN_IN_SUCCEEDED,
        origin,
        actor_id=user_id,
        subject_id=user_id,
        login=login,
        detail={"method": method},
    )


def refresh(cmd: Refresh) -> Session:
    """New tokens for a person of a tenant, or for a platform admin."""
    try:
        tokens = directory.refresh(cmd.refresh_token)
    except directory.SignInChallenged:
        tokens = None
    if tokens is None or not tokens.user_id or not (tokens.tenant_id or _platform_admin(tokens)):
        raise WrongCredentials("this refresh token is not valid (expired, revoked or signed out): sign in again")
    return accounts.session(tokens, user_id=tokens.user_id, tenant_id=tokens.tenant_id)


def sign_out(actor: Actor, origin: Origin) -> SignedOut:
    """End every session of the caller: refresh tokens revoked, ID tokens issued so far refused."""
    authorize(actor, Action.SIGN_OUT)
    item = accounts.me(actor)
    directory.sign_out(item.user_id)
    item.tokens_valid_after = accounts.valid_after(clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.save(item)
        accounts.audit(
            uow, actor.tenant, AuditAction.SIGNED_OUT, origin, actor_id=item.user_id, subject_id=item.user_id
        )
        uow.emit(UserSignedOut(tenant_id=actor.tenant, user_id=item.user_id))
    return SignedOut(user_id=item.user_id, tokens_valid_after=item.tokens_valid_after)
