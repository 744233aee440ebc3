"""Identity's items, and every query that reads them.

UserItem        PK T#<tenant>#USER#<user> · SK USER                   a person at one tenant
                GSI1 T#<tenant>#USERS · <user>                        the tenant's people, newest first
                GSI2 T#<tenant>#USERS#<status> · <user>               its people in one status, newest first
UserRoleItem    PK T#<tenant>#USER#<user> · SK ROLE#<role>            one per role the person holds, carrying a
                                                                      copy of their summary (so a list is one query)
                GSI1 T#<tenant>#ROLE#<role> · <user>                  the holders of a role, newest first
                GSI2 T#<tenant>#ROLE#<role>#<status> · <user>         the holders of a role in one status
AddressItem     PK T#<tenant>#USER#<user> · SK ADDRESS#<address>      a member's address book, newest first
                                                                      (Query on PK, SK begins_with ADDRESS#)
CodeItem        PK T#<tenant>#CODE#<purpose>#<subject> · SK CODE      the live verification code of a purpose
                                                                      for an email, phone or user (hash only, TTL)
GuardItem       PK T#<tenant>#GUARD#<subject> · SK GUARD              failed attempts at a login (email, phone or
                                                                      user), whether or not an account exists (TTL)
AuditItem       PK T#<tenant>#AUDIT#<entry> · SK AUDIT                one entry of the audit trail
                GSI1 T#<tenant>#AUDIT · <entry>                       the tenant's trail, newest first
                GSI2 T#<tenant>#AUDIT#USER#<user> · <entry>           the trail about one person, newest first
Uniqueness      PK T#<tenant>#UNIQUE#email#<email> · SK UNIQUE        one account per email per tenant
                PK T#<tenant>#UNIQUE#phone#<e164> · SK UNIQUE         one account per phone number per tenant
SignatureSeen   PK P#APIKEY#<key>#SIGNATURE#<signature> · SK SIGNATURE   a partner signature already used,
                kept (TTL) until it falls out of the signing window

Subjects are `email:<address>`, `phone:<e164>` or `user:<id>`; a `#` or `%` in an address is
written %23 / %25 so that it cannot break a key.

The gate (credentials.py) and the public routes also read tenancy's items, read-only: a
tenant's record and settings, the slug claim `P#UNIQUE#tenant_slug#<slug>`, a partner API key.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

from pynamodb.attributes import (
    BooleanAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactGet

from panacea.identity.models import (
    Address,
    AuditAction,
    AuditEntry,
    GroupDetails,
    IndividualDetails,
    Profile,
    User,
    UserKind,
    UserStatus,
)
from panacea.platform.access import Role
from panacea.platform.caches import on_reset
from panacea.platform.keys import platform_key, tenant_key
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
from panacea.tenancy.dal import ApiKeyItem, TenantRecord, TenantSettingsItem, api_key, tenant_key_of
from panacea.tenancy.models import TenantStatus


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
        return Address(
            id=self.address_id,
            **self.address,
            default=bool(self.is_default),
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


class CodeItem(TableItem, discriminator="verification_code"):
    user_id = UnicodeAttribute(null=True)
    code_hash = UnicodeAttribute()
    salt = UnicodeAttribute()
    attempts = NumberAttribute(default=0)
    valid_until = NumberAttribute()  # epoch seconds; the TTL removes the item some time later
    payload = DocumentAttribute(null=True)  # what confirming it does (e.g. the new email address)


def code_key(tenant_id: str, purpose: str, subject: str) -> str:
    return tenant_key(tenant_id, "CODE", purpose, key_safe(subject))


class GuardItem(TableItem, discriminator="attempt_guard"):
    attempts = NumberAttribute(default=0)
    resets_at = NumberAttribute()  # epoch seconds: attempts count until then, and lock until then once spent


def guard_key(tenant_id: str, subject: str) -> str:
    return tenant_key(tenant_id, "GUARD", key_safe(subject))


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


class SignatureSeen(TableItem, discriminator="signature_seen"):
    pass


# --- tenants, as the public routes and the gate see them ----------------------------------------

_slugs: dict[str, str] = {}
on_reset(_slugs.clear)  # another table (the local runtime, a test) holds other tenants
_slugs_lock = threading.Lock()


def tenant_of_slug(slug: str) -> str | None:
    """The tenant a public slug names. Slugs never move, so a found one is remembered."""
    with _slugs_lock:
        known = _slugs.get(slug)
    if known:
        return known
    try:
        claim = Uniqueness.get(platform_key("UNIQUE", "tenant_slug", slug.lower()), "UNIQUE")
    except Uniqueness.DoesNotExist:
        return None
    with _slugs_lock:
        _slugs[slug] = claim.owner
    return str(claim.owner)


def tenant_and_login(
    tenant_id: str, login_kind: str, login: str
) -> tuple[TenantRecord | None, TenantSettingsItem | None, str | None]:
    """A tenant, its settings, and who holds a login (email or phone) there, in one request."""
    with TransactGet(connection=connection()) as tx:
        record = tx.get(TenantRecord, *tenant_key_of(tenant_id))
        settings = tx.get(TenantSettingsItem, tenant_key(tenant_id, "SETTINGS"), "SETTINGS")
        claim = tx.get(Uniqueness, *_claim_key(tenant_id, login_kind, login))
    holder = found(claim)
    return found(record), found(settings), (str(holder.owner) if holder else None)


def login_holder(tenant_id: str, login_kind: str, login: str) -> str | None:
    """Who holds a login (email or phone) at a tenant."""
    try:
        return str(Uniqueness.get(*_claim_key(tenant_id, login_kind, login)).owner)
    except Uniqueness.DoesNotExist:
        return None


def _claim_key(tenant_id: str, kind: str, value: str) -> tuple[str, str]:
    claim = Uniqueness.of(tenant_id, kind, key_safe(value), "")
    return claim.pk, claim.sk


def tenant_with_settings(tenant_id: str) -> tuple[TenantRecord | None, TenantSettingsItem | None]:
    with TransactGet(connection=connection()) as tx:
        record = tx.get(TenantRecord, *tenant_key_of(tenant_id))
        settings = tx.get(TenantSettingsItem, tenant_key(tenant_id, "SETTINGS"), "SETTINGS")
    return found(record), found(settings)


def user_and_tenant(
    tenant_id: str, user_id: str
) -> tuple[UserItem | None, TenantRecord | None, TenantSettingsItem | None]:
    """A person, their tenant and its settings, in one request."""
    with TransactGet(connection=connection()) as tx:
        person = tx.get(UserItem, _user_pk(tenant_id, user_id), "USER")
        record = tx.get(TenantRecord, *tenant_key_of(tenant_id))
        settings = tx.get(TenantSettingsItem, tenant_key(tenant_id, "SETTINGS"), "SETTINGS")
    return found(person), found(record), found(settings)


# --- people ---------------------------------------------------------------------------------------


def user(tenant_id: str, user_id: str) -> UserItem | None:
    return UserItem.find(_user_pk(tenant_id, user_id), "USER")


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


# --- codes and attempts ---------------------------------------------------------------------------


def put_code(item: CodeItem) -> None:
    """Store a new code, replacing the one before it (only the latest code of a purpose counts)."""
    item.save()


def spend_code_attempt(tenant_id: str, purpose: str, subject: str, *, now: int, max_attempts: int) -> CodeItem | None:
    """Count one attempt at the live code and return it, in one request; None if there is no code,
    it has expired, or its attempts are spent (conditional, so concurrent guesses cannot exceed them)."""
    item = CodeItem(code_key(tenant_id, purpose, subject), "CODE")
    try:
        item.update(
            actions=[CodeItem.attempts.add(1)],
            condition=CodeItem.pk.exists() & (CodeItem.attempts < max_attempts) & (CodeItem.valid_until > now),
        )
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return None
        raise
    return item


def reserve_attempt(tenant_id: str, subject: str, *, now: int, max_attempts: int, lock_s: int) -> int | None:
    """Count one attempt at a login before it is judged. None if the attempt may go ahead; else the
    epoch second the login is locked until.

    Attempts count while each comes within `lock_s` of the one before; the `max_attempts`-th
    spends them, and the login is locked until `lock_s` after it. Every step is a conditional
    update, so any number of concurrent guesses gets at most `max_attempts` through.
    """
    key = guard_key(tenant_id, subject)
    counting = (GuardItem.attempts < max_attempts) & (GuardItem.resets_at > now)
    fresh = GuardItem.pk.does_not_exist() | (GuardItem.resets_at <= now)
    # Most logins have no count (a success clears it): start afresh first, count on second.
    for condition, first in [(fresh, True), (counting, False), (fresh, True)]:
        item = GuardItem(key, "GUARD")
        actions: list[Action] = [
            GuardItem.attempts.set(1) if first else GuardItem.attempts.add(1),
            GuardItem.resets_at.set(now + lock_s),
            GuardItem.expires_at.set(datetime.fromtimestamp(now + 2 * lock_s, UTC)),
            GuardItem.type.set(GuardItem),
        ]
        try:
            item.update(actions=actions, condition=condition)
            return None
        except UpdateError as exc:
            if exc.cause_response_code != "ConditionalCheckFailedException":
                raise
    try:
        return int(GuardItem.get(key, "GUARD").resets_at)
    except GuardItem.DoesNotExist:  # cleared in between: the next attempt starts afresh
        return now


def guard(tenant_id: str, subject: str) -> GuardItem:
    """The guard of a login, as a key to clear in a unit of work."""
    return GuardItem(guard_key(tenant_id, subject), "GUARD")


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


def standing(tenant_id: str, user_id: str) -> tuple[bool, UserItem | None]:
    """Whether the tenant is active, and the person's account, in one request."""
    with TransactGet(connection=connection()) as tx:
        tenant = tx.get(TenantRecord, *tenant_key_of(tenant_id))
        person = tx.get(UserItem, _user_pk(tenant_id, user_id), "USER")
    return _active(tenant), found(person)


def _active(future: Any) -> bool:
    record = found(future)
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
