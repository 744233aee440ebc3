"""Identity's HTTP routes: members register and sign in at their tenant (public routes, the tenant
named by its slug), everyone looks after their own account, tenant admins manage people and
owners read the audit trail (the tenant from the token)."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.identity import accounts, addresses, logic, passwords, profile, sessions, staff
from panacea.identity import registration as signup  # `registration` names the body of POST /v1/auth/register
from panacea.identity.access import Action
from panacea.identity.commands import (
    AddressPatch,
    CodeCheck,
    Confirmation,
    DisableRequest,
    EmailChange,
    ForgottenPassword,
    Invitation,
    NewAddress,
    NewPassword,
    PasswordSignIn,
    PhoneChange,
    PlatformSignIn,
    ProfilePatch,
    Refresh,
    Registration,
    RolesChange,
    SmsCodeRequest,
    SmsSignIn,
)
from panacea.identity.models import AccountReady, Address, AuditEntry, CodeSent, Profile, Session, SignedOut, User
from panacea.identity.vocabulary import UserStatus
from panacea.platform.access import Role, requires
from panacea.platform.api import (
    PUBLIC,
    IdempotencyKey,
    build_resolver,
    created,
    current_actor,
    idempotent,
    lambda_entry,
)
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
OPEN = "Public: no credentials; the body names the tenant by its slug."
SIGN_UP, ACCOUNT, ADDRESSES, PEOPLE, AUDIT = "Sign-up and sign-in", "My account", "My addresses", "People", "Audit"


def _origin() -> accounts.Origin:
    identity = app.current_event.request_context.identity
    return accounts.Origin(source_ip=identity.source_ip, user_agent=identity.user_agent)


def _accepted(body: CodeSent) -> Response[CodeSent]:
    return Response(status_code=202, content_type="application/json", body=body)


# --- public: registration and sign-in ------------------------------------------------------------


@app.post(
    "/v1/auth/register",
    summary="Register a member by email and password, or by mobile number",
    description=f"{OPEN} A code goes to the email or phone; confirm it to activate the account.",
    tags=[SIGN_UP],
    status_code=202,
    security=PUBLIC,
)
def register(registration: Registration) -> Response[CodeSent]:
    return _accepted(signup.register(registration))


@app.post(
    "/v1/auth/register/confirm",
    summary="Confirm a registration with the code that was sent",
    description=OPEN,
    tags=[SIGN_UP],
    security=PUBLIC,
)
def confirm_registration(confirmation: Confirmation) -> AccountReady:
    return signup.confirm_registration(confirmation)


@app.post(
    "/v1/auth/sign-in",
    summary="Sign in with email and password",
    description=f"{OPEN} Five failures in a row lock the email for 15 minutes (429 with Retry-After). A right "
    "but temporary password is 403 new-password-required: accept the invitation, or reset the password.",
    tags=[SIGN_UP],
    security=PUBLIC,
)
def sign_in(credentials: PasswordSignIn) -> Session:
    return sessions.sign_in(credentials, _origin())


@app.post(
    "/v1/auth/platform/sign-in",
    summary="Sign in as a platform admin with username and password",
    description="Public: no credentials. Platform admins have no tenant: they sign in with their username in "
    "the user pool. Five failures in a row lock the username for 15 minutes (429 with Retry-After).",
    tags=[SIGN_UP],
    security=PUBLIC,
)
def sign_in_platform(credentials: PlatformSignIn) -> Session:
    return sessions.sign_in_platform(credentials)


@app.post(
    "/v1/auth/sign-in/sms",
    summary="Sign in by phone, step 1: send a code by SMS",
    description=f"{OPEN} For accounts registered by phone (they have no password).",
    tags=[SIGN_UP],
    status_code=202,
    security=PUBLIC,
)
def request_sms_code(request: SmsCodeRequest) -> Response[CodeSent]:
    return _accepted(sessions.request_sms_code(request))


@app.post(
    "/v1/auth/sign-in/sms/verify",
    summary="Sign in by phone, step 2: the code, for tokens",
    description=OPEN,
    tags=[SIGN_UP],
    security=PUBLIC,
)
def sign_in_with_sms(credentials: SmsSignIn) -> Session:
    return sessions.sign_in_with_sms(credentials, _origin())


@app.post(
    "/v1/auth/refresh",
    summary="New ID and access tokens for a refresh token",
    description="Public: the refresh token is the credential.",
    tags=[SIGN_UP],
    security=PUBLIC,
)
def refresh(request: Refresh) -> Session:
    return sessions.refresh(request)


@app.post(
    "/v1/auth/password/forgot",
    summary="Forgotten password: email a code",
    description=OPEN,
    tags=[SIGN_UP],
    status_code=202,
    security=PUBLIC,
)
def forgot_password(request: ForgottenPassword) -> Response[CodeSent]:
    return _accepted(passwords.forgot_password(request))


@app.post(
    "/v1/auth/password/reset",
    summary="Set a new password with the emailed code (ends every session)",
    description=OPEN,
    tags=[SIGN_UP],
    security=PUBLIC,
)
def reset_password(request: NewPassword) -> AccountReady:
    return passwords.reset_password(request, _origin())


@app.post(
    "/v1/auth/invitations/accept",
    summary="Accept a staff invitation: set a password with its code",
    description=OPEN,
    tags=[SIGN_UP],
    security=PUBLIC,
)
def accept_invitation(request: NewPassword) -> AccountReady:
    return passwords.accept_invitation(request, _origin())


# --- your own account ---------------------------------------------------------------------------


@app.post(
    "/v1/auth/sign-out",
    summary="Sign out everywhere: refresh tokens revoked, ID tokens issued so far refused",
    description=requires(Action.SIGN_OUT),
    tags=[ACCOUNT],
)
def sign_out() -> SignedOut:
    return sessions.sign_out(current_actor(), _origin())


@app.get("/v1/me", summary="Your profile", description=requires(Action.READ_OWN_PROFILE), tags=[ACCOUNT])
def my_profile() -> Profile:
    return logic.my_profile(current_actor())


@app.patch("/v1/me", summary="Change your profile", description=requires(Action.UPDATE_OWN_PROFILE), tags=[ACCOUNT])
def update_my_profile(patch: ProfilePatch, idempotency_key: IdempotencyKey = None) -> Profile:
    actor = current_actor()
    return idempotent(
        actor,
        "identity.update_profile",
        patch,
        Profile,
        lambda: profile.update_my_profile(actor, patch),
        key=idempotency_key,
    )


@app.post(
    "/v1/me/email",
    summary="Change your email: a code goes to the new address",
    description=requires(Action.CHANGE_OWN_CONTACT),
    tags=[ACCOUNT],
    status_code=202,
)
def change_email(change: EmailChange) -> Response[CodeSent]:
    return _accepted(profile.change_email(current_actor(), change))


@app.post(
    "/v1/me/email/confirm",
    summary="Confirm your new email with its code",
    description=requires(Action.CHANGE_OWN_CONTACT),
    tags=[ACCOUNT],
)
def confirm_email(check: CodeCheck) -> Profile:
    return profile.confirm_email(current_actor(), check, _origin())


@app.post(
    "/v1/me/phone",
    summary="Change your mobile number: a code goes to the new number",
    description=requires(Action.CHANGE_OWN_CONTACT),
    tags=[ACCOUNT],
    status_code=202,
)
def change_phone(change: PhoneChange) -> Response[CodeSent]:
    return _accepted(profile.change_phone(current_actor(), change))


@app.post(
    "/v1/me/phone/confirm",
    summary="Confirm your new mobile number with its code",
    description=requires(Action.CHANGE_OWN_CONTACT),
    tags=[ACCOUNT],
)
def confirm_phone(check: CodeCheck) -> Profile:
    return profile.confirm_phone(current_actor(), check, _origin())


# --- your addresses -------------------------------------------------------------------------------


@app.get(
    "/v1/me/addresses",
    summary="Your addresses, newest first",
    description=requires(Action.MANAGE_OWN_ADDRESSES),
    tags=[ADDRESSES],
)
def list_addresses(cursor: Cursor = None, limit: Limit = 20) -> Page[Address]:
    return logic.list_addresses(current_actor(), cursor=cursor, limit=limit)


@app.post(
    "/v1/me/addresses",
    summary="Add a recipient for kits, goods and paper reports",
    description=f"{requires(Action.MANAGE_OWN_ADDRESSES)} The first address is the default.",
    tags=[ADDRESSES],
    status_code=201,
)
def add_address(address: NewAddress, idempotency_key: IdempotencyKey = None) -> Response[Address]:
    actor = current_actor()
    added = idempotent(
        actor,
        "identity.add_address",
        address,
        Address,
        lambda: addresses.add_address(actor, address),
        key=idempotency_key,
    )
    return created(added, f"/v1/me/addresses/{added.id}")


@app.patch(
    "/v1/me/addresses/<address_id>",
    summary="Change an address",
    description=requires(Action.MANAGE_OWN_ADDRESSES),
    tags=[ADDRESSES],
)
def update_address(address_id: str, patch: AddressPatch, idempotency_key: IdempotencyKey = None) -> Address:
    actor = current_actor()
    return idempotent(
        actor,
        f"identity.update_address.{address_id}",
        patch,
        Address,
        lambda: addresses.update_address(actor, address_id, patch),
        key=idempotency_key,
    )


@app.post(
    "/v1/me/addresses/<address_id>/default",
    summary="Make an address the default",
    description=requires(Action.MANAGE_OWN_ADDRESSES),
    tags=[ADDRESSES],
)
def make_default_address(address_id: str) -> Address:
    return addresses.make_default_address(current_actor(), address_id)


@app.delete(
    "/v1/me/addresses/<address_id>",
    summary="Remove an address (the default goes last)",
    description=requires(Action.MANAGE_OWN_ADDRESSES),
    tags=[ADDRESSES],
    status_code=204,
    responses={204: {"description": "Removed (no body)", "content": {}}},
)
def remove_address(address_id: str) -> Response[None]:
    addresses.remove_address(current_actor(), address_id)
    return Response(status_code=204)


# --- the tenant's people --------------------------------------------------------------------------


@app.post(
    "/v1/users/invitations",
    summary="Invite a member of staff with roles (an email with a code)",
    description=f"{requires(Action.INVITE_STAFF)} Only an owner invites an owner.",
    tags=[PEOPLE],
    status_code=201,
)
def invite_staff(invitation: Invitation, idempotency_key: IdempotencyKey = None) -> Response[User]:
    actor = current_actor()
    invited = idempotent(
        actor,
        "identity.invite_staff",
        invitation,
        User,
        lambda: staff.invite_staff(actor, invitation, _origin()),
        key=idempotency_key,
    )
    return created(invited, f"/v1/users/{invited.id}")


@app.get(
    "/v1/users",
    summary="The tenant's people, newest first, by role and status",
    description=requires(Action.READ_USERS),
    tags=[PEOPLE],
)
def list_users(
    role: Annotated[Role | None, Query()] = None,
    status: Annotated[UserStatus | None, Query()] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[User]:
    return logic.list_users(current_actor(), role=role, status=status, cursor=cursor, limit=limit)


@app.get("/v1/users/<user_id>", summary="A person's account", description=requires(Action.READ_USERS), tags=[PEOPLE])
def get_user(user_id: str) -> Profile:
    return logic.get_user(current_actor(), user_id)


@app.post(
    "/v1/users/<user_id>/invitation",
    summary="Send an invitation again (a new code; the earlier one stops working)",
    description=requires(Action.INVITE_STAFF),
    tags=[PEOPLE],
)
def resend_invitation(user_id: str) -> User:
    return staff.resend_invitation(current_actor(), user_id)


@app.put(
    "/v1/users/<user_id>/roles",
    summary="Set the roles a person holds",
    description=f"{requires(Action.CHANGE_ROLES)} Only an owner changes an owner; no one changes their own.",
    tags=[PEOPLE],
)
def change_roles(user_id: str, change: RolesChange, idempotency_key: IdempotencyKey = None) -> User:
    actor = current_actor()
    return idempotent(
        actor,
        f"identity.change_roles.{user_id}",
        change,
        User,
        lambda: staff.change_roles(actor, user_id, change, _origin()),
        key=idempotency_key,
    )


@app.post(
    "/v1/users/<user_id>/disable",
    summary="Disable a person: no sign-in, and their tokens are refused",
    description=requires(Action.DISABLE_USERS),
    tags=[PEOPLE],
)
def disable_user(user_id: str, request: DisableRequest, idempotency_key: IdempotencyKey = None) -> User:
    actor = current_actor()
    return idempotent(
        actor,
        f"identity.disable_user.{user_id}",
        request,
        User,
        lambda: staff.disable_user(actor, user_id, request, _origin()),
        key=idempotency_key,
    )


@app.post(
    "/v1/users/<user_id>/enable",
    summary="Enable a disabled person again",
    description=requires(Action.DISABLE_USERS),
    tags=[PEOPLE],
)
def enable_user(user_id: str) -> User:
    return staff.enable_user(current_actor(), user_id, _origin())


@app.get(
    "/v1/audit",
    summary="The audit trail: sign-ins, sign-outs, invitations, roles, standing; newest first",
    description=requires(Action.READ_AUDIT),
    tags=[AUDIT],
)
def audit_trail(
    user_id: Annotated[str | None, Query(description="only the entries about this person")] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[AuditEntry]:
    return logic.audit_trail(current_actor(), user_id=user_id, cursor=cursor, limit=limit)


handler: Any = lambda_entry(app)
