"""Identity's items about people, and every query that reads them.

UserItem        PK T#<tenant>#USER#<user> · SK USER                   a person at one tenant
                GSI1 T#<tenant>#USERS · <user>                        the tenant's people, newest first
                GSI2 T#<tenant>#USERS#<status> · <user>               its people in one status, newest first
UserRoleItem    PK T#<tenant>#USER#<user> · SK ROLE#<role>            one per role the person holds, carrying a
                                                                      copy of their summary (so a list is one query)
                GSI1 T#<tenant>#ROLE#<role> · <user>                  the holders of a role, newest first
                GSI2 T#<tenant>#ROLE#<role>#<status> · <user>         the holders of a role in one status
AddressItem     PK T#<tenant>#USER#<user> · SK ADDRESS#<address>      a member's address book, newest first
                                                                      (Query on PK, SK begins_with ADDRESS#)
AuditItem       PK T#<tenant>#AUDIT#<entry> · SK AUDIT                one entry of the audit trail
                GSI1 T#<tenant>#AUDIT · <entry>                       the tenant's trail, newest first
                GSI2 T#<tenant>#AUDIT#USER#<user> · <entry>           the trail about one person, newest first
Uniqueness      PK T#<tenant>#UNIQUE#email#<email> · SK UNIQUE        one account per email per tenant
                PK T#<tenant>#UNIQUE#phone#<e164> · SK UNIQUE         one account per phone number per tenant

A `#` or `%` in a login is written %23 / %25 so that it cannot break a key (`key_safe`). The items
that guard against guessing and replay (codes, attempt counts, partner signatures seen) are in
guards.py. Views (models.py) are imported where an item becomes one: the gate (credentials.py)
reads a person's account on every request and never needs them.

Tenancy's items (a tenant's record and settings, slug claims, API keys) are read through its face:
where a read here needs the tenant too, tenancy adds its gets to the same TransactGetItems.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from pynamodb.attributes import (
    BooleanAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.transactions import TransactGet

from panacea import tenancy
from panacea.identity.vocabulary import AuditAction, UserKind, UserStatus
from panacea.platform.access import Role
from panacea.platform.keys import tenant_key
from panacea.platform.table import (
    GSI1,
    GSI2,
    DocumentAttribute,
    Page,
    TableItem,
    Uniqueness,
    connection,
    decode_cursor,
    found,
    page_of,
)

if TYPE_CHECKING:
    from panacea.identity.models import Address, AuditEntry, Profile, User


def key_safe(value: str) -> str:
    """A value as it can stand in a key: `#` (the separator) and `%` escaped."""
    return value.replace("%", "%25").replace("#", "%23")


def _user_pk(tenant_id: str, user_id: str) -> str:
    return tenant_key(tenant_id, "USER", user_id)


def tenant_address_pk(tenant_id: str, user_id: str) -> str:
    """The partition of a person's address book (their own)."""
    return _user_pk(tenant_id, user_id)


class UserItem(TableItem, discriminator="user"):
    user_id = UnicodeAttribute()
    tenant_id = UnicodeAttribute()
    kind = UnicodeAttribute(default=UserKind.STAFF.value)
    email = UnicodeAttribute(null=True)
    phone = UnicodeAttribute(null=True)
    name = UnicodeAttribute()
    roles = UnicodeSetAttribute()
    status = UnicodeAttribute()
    disabled_from = UnicodeAttribute(null=True)  # the status a disabled person returns to when enabled
    has_password = BooleanAttribute(default=False)  # False: signs in with SMS codes (registered by phone)
    details = DocumentAttribute(null=True)  # IndividualDetails or GroupDetails, by kind
    referral_code = UnicodeAttribute(null=True)  # the code a member registered with (for member.registered)
    default_address_id = UnicodeAttribute(null=True)
    address_count = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    tokens_valid_after = UTCDateTimeAttribute(null=True)  # set by sign-out: older tokens are refused
    version = VersionAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        user_id: str,
        email: str | None,
        name: str,
        roles: list[Role],
        status: UserStatus,
        at: datetime,
        kind: UserKind = UserKind.STAFF,
        phone: str | None = None,
        has_password: bool = False,
        details: dict[str, Any] | None = None,
    ) -> UserItem:
        item = cls(
            _user_pk(tenant_id, user_id),
            "USER",
            user_id=user_id,
            tenant_id=tenant_id,
            kind=kind.value,
            email=email.lower() if email else None,
            phone=phone,
            name=name,
            roles={r.value for r in roles},
            has_password=has_password,
            details=details,
            created_at=at,
            updated_at=at,
        )
        item.move_to(status, at=at)
        return item

    def move_to(self, status: UserStatus, *, at: datetime) -> None:
        self.status = status.value
        self.gsi1pk, self.gsi1sk = tenant_key(self.tenant_id, "USERS"), self.user_id
        self.gsi2pk, self.gsi2sk = tenant_key(self.tenant_id, "USERS", status.value), self.user_id
        self.updated_at = at

    @property
    def current_status(self) -> UserStatus:
        return UserStatus(self.status)

    @property
    def held_roles(self) -> frozenset[Role]:
        return frozenset(Role(r) for r in self.roles)

    def view(self) -> User:
        from panacea.identity.models import User  # noqa: PLC0415 - the gate reads accounts, never their views

        return User(
            id=self.user_id,
            tenant_id=self.tenant_id,
            kind=UserKind(self.kind or UserKind.STAFF),
            name=self.name,
            email=self.email,
            phone=self.phone,
            roles=sorted(self.held_roles),
            status=self.current_status,
            created_at=self.created_at,
        )

    def profile(self) -> Profile:
        from panacea.identity.models import GroupDetails, IndividualDetails, Profile  # noqa: PLC0415 - the gate reads accounts, never their views

        kind = UserKind(self.kind or UserKind.STAFF)
        details = self.details or {}
        return Profile(
            **self.view().model_dump(),
            individual=IndividualDetails.model_validate(details) if kind == UserKind.INDIVIDUAL else None,
            group=GroupDetails.model_validate(details) if kind == UserKind.GROUP else None,
            default_address_id=self.default_address_id,
            updated_at=self.updated_at,
        )

    def role_items(self) -> list[UserRoleItem]:
        """The items that list this person under each role they hold (rewritten on every change)."""
        summary = self.view().model_dump(mode="json")
        return [
            UserRoleItem(
                self.pk,
                f"ROLE#{role}",
                gsi1pk=tenant_key(self.tenant_id, "ROLE", role),
                gsi1sk=self.user_id,
                gsi2pk=tenant_key(self.tenant_id, "ROLE", role, self.status),
                gsi2sk=self.user_id,
                summary=summary,
            )
            for role in sorted(self.roles)
        ]


class UserRoleItem(TableItem, discriminator="user_role"):
    summary = DocumentAttribute()

    def view(self) -> User:
        from panacea.identity.models import User  # noqa: PLC0415 - the gate reads accounts, never their views

        return User.model_validate(self.summary)


class AddressItem(TableItem, discriminator="address"):
    address_id = UnicodeAttribute()
    address = DocumentAttribute()  # NewAddress fields, phone in E.164
    is_default = BooleanAttribute(default=False)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls, *, tenant_id: str, user_id: str, address_id: str, fields: dict[str, Any], default: bool, at: datetime
    ) -> AddressItem:
        return cls(
            _user_pk(tenant_id, user_id),
            f"ADDRESS#{address_id}",
            address_id=address_id,
            address=fields,
            is_default=default,
            created_at=at,
            updated_at=at,
        )

    def view(self) -> Address:
        from panacea.identity.models import Address  # noqa: PLC0415 - the gate reads accounts, never their views

        return Address(
            id=self.address_id,
            **self.address,
            default=bool(self.is_default),
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


class AuditItem(TableItem, discriminator="audit"):
    entry_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    action = UnicodeAttribute()
    actor_id = UnicodeAttribute(null=True)
    subject_id = UnicodeAttribute(null=True)
    login = UnicodeAttribute(null=True)
    source_ip = UnicodeAttribute(null=True)
    user_agent = UnicodeAttribute(null=True)
    detail = DocumentAttribute(null=True)

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        entry_id: str,
        at: datetime,
        action: AuditAction,
        actor_id: str | None,
        subject_id: str | None,
        login: str | None,
        source_ip: str | None,
        user_agent: str | None,
        detail: dict[str, Any] | None,
    ) -> AuditItem:
        about = subject_id or actor_id
        return cls(
            tenant_key(tenant_id, "AUDIT", entry_id),
            "AUDIT",
            gsi1pk=tenant_key(tenant_id, "AUDIT"),
            gsi1sk=entry_id,
            gsi2pk=tenant_key(tenant_id, "AUDIT", "USER", about) if about else None,
            gsi2sk=entry_id if about else None,
            entry_id=entry_id,
            at=at,
            action=action.value,
            actor_id=actor_id,
            subject_id=subject_id,
            login=login,
            source_ip=source_ip,
            user_agent=(user_agent or "")[:300] or None,
            detail=detail or None,
        )

    def view(self) -> AuditEntry:
        from panacea.identity.models import AuditEntry  # noqa: PLC0415 - the gate reads accounts, never their views

        return AuditEntry(
            id=self.entry_id,
            at=self.at,
            action=AuditAction(self.action),
            actor_id=self.actor_id,
            subject_id=self.subject_id,
            login=self.login,
            source_ip=self.source_ip,
            user_agent=self.user_agent,
            detail=self.detail or {},
        )


# --- a person or a login, read with their tenant -------------------------------------------------
# Tenancy owns the tenant's items: it adds its own gets to these transactions (`standing_in`).


def tenant_and_login(tenant_id: str, login_kind: str, login: str) -> tuple[tenancy.TenantStanding | None, str | None]:
    """A tenant (with its settings) and who holds a login (email or phone) there, in one request."""
    with TransactGet(connection=connection()) as tx:
        tenant = tenancy.standing_in(tx, tenant_id, with_settings=True)
        claim = tx.get(Uniqueness, *_claim_key(tenant_id, login_kind, login))
    holder = found(claim)
    return tenant(), (str(holder.owner) if holder else None)


def login_holder(tenant_id: str, login_kind: str, login: str) -> str | None:
    """Who holds a login (email or phone) at a tenant."""
    claim = Uniqueness.find(*_claim_key(tenant_id, login_kind, login))
    return None if claim is None else str(claim.owner)


def _claim_key(tenant_id: str, kind: str, value: str) -> tuple[str, str]:
    claim = Uniqueness.of(tenant_id, kind, key_safe(value), "")
    return claim.pk, claim.sk


def user_and_tenant(tenant_id: str, user_id: str) -> tuple[UserItem | None, tenancy.TenantStanding | None]:
    """A person and their tenant (with its settings), in one request."""
    with TransactGet(connection=connection()) as tx:
        person = tx.get(UserItem, _user_pk(tenant_id, user_id), "USER")
        tenant = tenancy.standing_in(tx, tenant_id, with_settings=True)
    return found(person), tenant()


# --- people ---------------------------------------------------------------------------------------


def user(tenant_id: str, user_id: str) -> UserItem | None:
    return UserItem.find(_user_pk(tenant_id, user_id), "USER")


def users_by_id(tenant_id: str, user_ids: list[str]) -> list[UserItem]:
    """The people among `user_ids` (unknown ones left out): one BatchGetItem per 100 ids."""
    keys = [(_user_pk(tenant_id, u), "USER") for u in dict.fromkeys(user_ids)]
    return list(UserItem.batch_get(keys)) if keys else []


def users(
    tenant_id: str, *, role: Role | None, status: UserStatus | None, cursor: str | None, limit: int
) -> Page[User]:
    """A tenant's people, newest first, by role and status: one query per page on the index that
    has exactly that list (GSI1/GSI2 of the people, or of their role items)."""
    if role is None:
        index, attribute = (UserItem.by_gsi2, "GSI2PK") if status else (UserItem.by_gsi1, "GSI1PK")
        partition = tenant_key(tenant_id, "USERS", status.value) if status else tenant_key(tenant_id, "USERS")
        results = index.query(
            partition,
            scan_index_forward=False,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition)),
        )
        return page_of(results, UserItem.view)  # type: ignore[arg-type]
    index, attribute = (UserRoleItem.by_gsi2, "GSI2PK") if status else (UserRoleItem.by_gsi1, "GSI1PK")
    partition = (
        tenant_key(tenant_id, "ROLE", role.value, status.value) if status else tenant_key(tenant_id, "ROLE", role.value)
    )
    results = index.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition)),
    )
    return page_of(results, UserRoleItem.view)  # type: ignore[arg-type]


# --- addresses ------------------------------------------------------------------------------------


def address(tenant_id: str, user_id: str, address_id: str) -> AddressItem | None:
    return AddressItem.find(_user_pk(tenant_id, user_id), f"ADDRESS#{address_id}")


def addresses(tenant_id: str, user_id: str, *, cursor: str | None, limit: int) -> Page[Address]:
    partition = _user_pk(tenant_id, user_id)
    results = AddressItem.query(
        partition,
        AddressItem.sk.startswith("ADDRESS#"),
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("PK", partition)),
    )
    return page_of(results, AddressItem.view)


# --- audit ----------------------------------------------------------------------------------------


def audit_trail(tenant_id: str, *, user_id: str | None, cursor: str | None, limit: int) -> Page[AuditEntry]:
    """The tenant's audit trail, or the part about one person, newest first."""
    index: GSI1 | GSI2
    if user_id:
        index, attribute, partition = AuditItem.by_gsi2, "GSI2PK", tenant_key(tenant_id, "AUDIT", "USER", user_id)
    else:
        index, attribute, partition = AuditItem.by_gsi1, "GSI1PK", tenant_key(tenant_id, "AUDIT")
    results = index.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition)),
    )
    return page_of(results, AuditItem.view)  # type: ignore[arg-type]


# --- the gate (credentials.py) ----------------------------------------------------------------------


def standing(tenant_id: str, user_id: str) -> tuple[tenancy.TenantStanding | None, UserItem | None]:
    """The tenant's standing and the person's account, in one request."""
    with TransactGet(connection=connection()) as tx:
        tenant = tenancy.standing_in(tx, tenant_id)
        person = tx.get(UserItem, _user_pk(tenant_id, user_id), "USER")
    return tenant(), found(person)
