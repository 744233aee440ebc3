"""Identity's items.

UserItem     PK T#<tenant>#USER#<user> · SK USER               a person at one tenant
             GSI1 T#<tenant>#USERS · <user>                   the tenant's people, newest first
Uniqueness   PK T#<tenant>#UNIQUE#email#<email> · SK UNIQUE   one account per email per tenant
"""

from __future__ import annotations

from datetime import datetime

from pynamodb.attributes import UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute, VersionAttribute

from panacea.identity.models import User, UserStatus
from panacea.platform.access import Role
from panacea.platform.keys import tenant_key
from panacea.platform.table import TableItem


class UserItem(TableItem, discriminator="user"):
    user_id = UnicodeAttribute()
    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    name = UnicodeAttribute()
    roles = UnicodeSetAttribute()
    status = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
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
