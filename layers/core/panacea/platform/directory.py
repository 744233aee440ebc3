"""The user directory (Amazon Cognito): the adapter identity's use cases reach it through.

One user pool serves every tenant. A user's Cognito username is their Panacea user id, their
tenant is the immutable `custom:tenant_id` attribute, and their roles are pool groups; the
same email can therefore hold separate accounts at two tenants.

Tokens come from Cognito through the admin flows of the app client (`ADMIN_USER_PASSWORD_AUTH`
and `REFRESH_TOKEN_AUTH`), so the platform sees each sign-in and can count failures. Sign-in by
SMS code is verified by the identity context itself; the tokens are then obtained by
`sign_in_verified`, which sets a random one-time password and signs in with it (Cognito's
CUSTOM_AUTH flow, which would avoid that, needs Lambda triggers and is not emulated by moto).
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from panacea.platform.aws import client
from panacea.platform.settings import settings


class PasswordRejected(ValueError):
    """The user pool's password policy refused the password."""


class SignInChallenged(Exception):
    """The password was right, but Cognito asks for another step before it gives tokens
    (`NEW_PASSWORD_REQUIRED` for a user created with a temporary password, an MFA code…).
    The platform's own flows never lead there: users it creates get their first password from
    an invitation code or a registration; someone created or reset in the console may."""

    def __init__(self, challenge: str) -> None:
        super().__init__(challenge)
        self.challenge = challenge


@dataclass(frozen=True)
class Tokens:
    id_token: str
    access_token: str
    refresh_token: str | None
    expires_in: int
    user_id: str  # the ID token's username, tenant and groups, read from Cognito's own answer
    tenant_id: str | None
    groups: frozenset[str] = frozenset()


def _pool() -> str:
    pool = settings().user_pool_id
    if not pool:
        raise RuntimeError("PANACEA_USER_POOL_ID is not set for this function")
    return pool


def _cognito() -> Any:
    return client("cognito-idp")


def _secret_password() -> str:
    """A password no one knows, that satisfies any pool policy (length, cases, digit, symbol)."""
    return f"{secrets.token_urlsafe(24)}aA1!"


def _attributes(*, email: str | None, phone: str | None, name: str | None) -> list[dict[str, str]]:
    attributes = []
    if email:
        attributes += [{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}]
    if phone:
        attributes += [{"Name": "phone_number", "Value": phone}, {"Name": "phone_number_verified", "Value": "true"}]
    if name:
        attributes.append({"Name": "name", "Value": name})
    return attributes


def create_user(
    *,
    user_id: str,
    tenant_id: str,
    email: str | None,
    phone: str | None,
    name: str | None,
    groups: Iterable[str],
    enabled: bool,
) -> None:
    """Create a sign-in for a person of a tenant, quietly (the platform sends its own messages).

    Its first password is random and temporary, so no one can sign in until `set_password`;
    a user created disabled cannot sign in at all until `enable`. Safe to repeat.
    """
    cognito = _cognito()
    attributes = [*_attributes(email=email, phone=phone, name=name), {"Name": "custom:tenant_id", "Value": tenant_id}]
    with contextlib.suppress(cognito.exceptions.UsernameExistsException):
        cognito.admin_create_user(
            UserPoolId=_pool(),
            Username=user_id,
            UserAttributes=attributes,
            TemporaryPassword=_secret_password(),
            MessageAction="SUPPRESS",
        )
    if not enabled:
        cognito.admin_disable_user(UserPoolId=_pool(), Username=user_id)
    for group in groups:
        cognito.admin_add_user_to_group(UserPoolId=_pool(), Username=user_id, GroupName=group)


def set_password(user_id: str, password: str | None = None) -> None:
    """Make `password` the user's permanent password (a random one no one knows if None)."""
    cognito = _cognito()
    try:
        cognito.admin_set_user_password(
            UserPoolId=_pool(), Username=user_id, Password=password or _secret_password(), Permanent=True
        )
    except cognito.exceptions.InvalidPasswordException as exc:
        raise PasswordRejected(str(exc)) from None


def sign_in(user_id: str, password: str) -> Tokens | None:
    """Tokens for the user if the password is theirs and they may sign in; None otherwise
    (wrong password, unknown or disabled user). SignInChallenged if the password is right but
    Cognito wants another step first (a new password, an MFA code)."""
    cognito = _cognito()
    try:
        answer = cognito.admin_initiate_auth(
            UserPoolId=_pool(),
            ClientId=settings().app_client_id,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": user_id, "PASSWORD": password},
        )
    except (
        cognito.exceptions.NotAuthorizedException,
        cognito.exceptions.UserNotFoundException,
        cognito.exceptions.UserNotConfirmedException,
        cognito.exceptions.PasswordResetRequiredException,
    ):
        return None
    return _tokens(answer)


def sign_in_verified(user_id: str) -> Tokens | None:
    """Tokens for a user whose identity the platform verified itself (an SMS code).

    The fallback for Cognito's CUSTOM_AUTH flow: a random one-time password is set and used at
    once, so it replaces any password the user had. Only accounts without a password of their
    own (registered by phone) sign in this way.
    """
    password = _secret_password()
    set_password(user_id, password)
    return sign_in(user_id, password)


def refresh(refresh_token: str) -> Tokens | None:
    """New ID and access tokens for a refresh token; None if it is unknown, expired or revoked."""
    cognito = _cognito()
    try:
        answer = cognito.admin_initiate_auth(
            UserPoolId=_pool(),
            ClientId=settings().app_client_id,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": refresh_token},
        )
    except (cognito.exceptions.NotAuthorizedException, cognito.exceptions.UserNotFoundException):
        return None
    return _tokens(answer)


def _tokens(answer: dict[str, Any]) -> Tokens:
    result = answer.get("AuthenticationResult")
    if not result:  # a challenge: the password was right, but there are no tokens yet
        raise SignInChallenged(str(answer.get("ChallengeName") or "UNKNOWN"))
    # Straight from Cognito over TLS: the claims are read, not verified (the authorizer verifies
    # the token on every request it is used for). PyJWT loads `cryptography` (~40 ms): only the
    # authorizer needs it at cold start, so the directory imports it on a container's first sign-in.
    import jwt  # noqa: PLC0415

    claims = jwt.decode(result["IdToken"], options={"verify_signature": False})
    return Tokens(
        id_token=result["IdToken"],
        access_token=result["AccessToken"],
        refresh_token=result.get("RefreshToken"),
        expires_in=int(result.get("ExpiresIn", 3600)),
        user_id=str(claims.get("cognito:username") or ""),
        tenant_id=claims.get("custom:tenant_id"),
        groups=frozenset(claims.get("cognito:groups") or ()),
    )


def sign_out(user_id: str) -> None:
    """Revoke every refresh token of the user (ID tokens run out on their own; the authorizer
    refuses those issued before the sign-out, see identity's `tokens_valid_after`)."""
    _cognito().admin_user_global_sign_out(UserPoolId=_pool(), Username=user_id)


def disable(user_id: str) -> None:
    _cognito().admin_disable_user(UserPoolId=_pool(), Username=user_id)


def enable(user_id: str) -> None:
    _cognito().admin_enable_user(UserPoolId=_pool(), Username=user_id)


def change_groups(user_id: str, *, add: Iterable[str], remove: Iterable[str]) -> None:
    cognito = _cognito()
    for group in add:
        cognito.admin_add_user_to_group(UserPoolId=_pool(), Username=user_id, GroupName=group)
    for group in remove:
        cognito.admin_remove_user_from_group(UserPoolId=_pool(), Username=user_id, GroupName=group)


def change_contact(user_id: str, *, email: str | None = None, phone: str | None = None) -> None:
    """Record a re-verified email or phone number on the user's sign-in."""
    attributes = _attributes(email=email, phone=phone, name=None)
    if attributes:
        _cognito().admin_update_user_attributes(UserPoolId=_pool(), Username=user_id, UserAttributes=attributes)
