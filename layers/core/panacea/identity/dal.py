"""Identity's items.

UserItem       PK T#<tenant>#USER#<user> · SK USER               a person at one tenant
               GSI1 T#<tenant>#USERS · <user>                   the tenant's people, newest first
Uniqueness     PK T#<tenant>#UNIQUE#email#<email> · SK UNIQUE   one account per email per tenant
SignatureSeen  PK P#APIKEY#<key>#SIGNATURE#<signature> · SK SIGNATURE   a partner signature already used,
               kept (TTL) until it falls out of the signing window

The gate (credentials.py) also reads two of tenancy's items, read-only: a tenant's record (is it
active?) and a partner API key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute, VersionAttribute
from pynamodb.exceptions import PutError
from pynamodb.transactions import TransactGet

from panacea.identity.models import User, UserStatus
from panacea.platform.access import Role
from panacea.platform.keys import platform_key, tenant_key
from panacea.platform.table import TableItem, connection
from panacea.tenancy.dal import ApiKeyItem, TenantRecord, api_key, tenant_key_of
from panacea.tenancy.models import TenantStatus


class UserItem(TableItem, discriminator="user"):
    user_id = UnicodeAttribute()
    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    name = UnicodeAttribute()
    roles = UnicodeSetAttribute()
    status = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    tokens_valid_after = UTCDateTimeAttribute(null=True)  # set by sign-out: older tokens are refused
    version = VersionAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        user_id: str,
        email: str,
        name: str,
        roles: list[Role],
        status: UserStatus,
        at: datetime,
    ) -> UserItem:
        return cls(
            tenant_key(tenant_id, "USER", user_id),
            "USER",
            gsi1pk=tenant_key(tenant_id, "USERS"),
            gsi1sk=user_id,
            user_id=user_id,
            tenant_id=tenant_id,
            email=email.lower(),
            name=name,
            roles={r.value for r in roles},
            status=status.value,
            created_at=at,
        )

    def view(self) -> User:
        return User(
            id=self.user_id,
            tenant_id=self.tenant_id,
            email=self.email,
            name=self.name,
            roles=sorted(Role(r) for r in self.roles),
            status=UserStatus(self.status),
            created_at=self.created_at,
        )


def user(tenant_id: str, user_id: str) -> UserItem | None:
    try:
        return UserItem.get(tenant_key(tenant_id, "USER", user_id), "USER")
    except UserItem.DoesNotExist:
        return None


class SignatureSeen(TableItem, discriminator="signature_seen"):
    pass


def standing(tenant_id: str, user_id: str) -> tuple[bool, UserItem | None]:
    """Whether the tenant is active, and the person's account, in one request."""
    with TransactGet(connection=connection()) as tx:
        tenant = tx.get(TenantRecord, *tenant_key_of(tenant_id))
        person = tx.get(UserItem, tenant_key(tenant_id, "USER", user_id), "USER")
    return _active(tenant), _found(person)


def _found(future: Any) -> Any:
    try:
        return future.get()
    except (TenantRecord.DoesNotExist, UserItem.DoesNotExist):
        return None


def _active(future: Any) -> bool:
    record = _found(future)
    return record is not None and record.status == TenantStatus.ACTIVE.value


def tenant_is_active(tenant_id: str) -> bool:
    try:
        return bool(TenantRecord.get(*tenant_key_of(tenant_id)).status == TenantStatus.ACTIVE.value)
    except TenantRecord.DoesNotExist:
        return False


def partner_key(key_id: str) -> ApiKeyItem | None:
    return api_key(key_id)


def remember_signature(key_id: str, signature: str, *, until: datetime) -> bool:
    """Record a signature as used; False if it had been used already (a replay)."""
    seen = SignatureSeen(platform_key("APIKEY", key_id, "SIGNATURE", signature), "SIGNATURE", expires_at=until)
    try:
        seen.save(condition=SignatureSeen.pk.does_not_exist())
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True
