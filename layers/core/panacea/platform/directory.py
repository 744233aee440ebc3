"""The user directory (Amazon Cognito): the adapter identity's use cases reach it through.

One user pool serves every tenant. A user's Cognito username is their Panacea user id, their
tenant is the immutable `custom:tenant_id` attribute, and their roles are pool groups; the
same email can therefore hold separate accounts at two tenants.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from panacea.platform.aws import client
from panacea.platform.settings import settings


def _pool() -> str:
    pool = settings().user_pool_id
    if not pool:
        raise RuntimeError("PANACEA_USER_POOL_ID is not set for this function")
    return pool


def ensure_user(*, user_id: str, email: str, name: str, tenant_id: str | None, groups: Iterable[str]) -> None:
    """Create the user (inviting them by email) unless they exist, and put them in `groups`.

    Safe to repeat: a retry of a half-done call finishes the job instead of failing.
    """
    cognito = client("cognito-idp")
    attributes = [
        {"Name": "email", "Value": email},
        {"Name": "email_verified", "Value": "true"},
        {"Name": "name", "Value": name},
    ]
    if tenant_id:
        attributes.append({"Name": "custom:tenant_id", "Value": tenant_id})
    with contextlib.suppress(cognito.exceptions.UsernameExistsException):
        cognito.admin_create_user(
            UserPoolId=_pool(), Username=user_id, UserAttributes=attributes, DesiredDeliveryMediums=["EMAIL"]
        )
    for group in groups:
        cognito.admin_add_user_to_group(UserPoolId=_pool(), Username=user_id, GroupName=group)
