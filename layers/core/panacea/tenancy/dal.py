"""Tenancy's items in the single table, and every query that reads them.

TenantRecord        PK P#TENANT#<tenant> · SK TENANT                     who the tenant is, its standing
                    GSI1 P#TENANTS · <tenant>                            all tenants, newest first
                    GSI2 P#TENANTS#<status> · <tenant>                   tenants in one status, newest first
TenantSettingsItem  PK T#<tenant>#SETTINGS · SK SETTINGS                 how it operates (read by every context)
ApiKeyItem          PK P#APIKEY#<key> · SK APIKEY                        a partner key, found by the id it carries
                    GSI1 P#TENANT#<tenant>#APIKEYS · <key>               a tenant's keys, newest first
Uniqueness          PK P#UNIQUE#tenant_slug#<slug> · SK UNIQUE           one tenant per slug
                    PK P#UNIQUE#tenant_origin#<origin> · SK UNIQUE       one tenant per web origin (CORS): how a
                                                                         preflight, which has no credentials,
                                                                         learns whether an origin is a tenant's

The origin claims are platform items: no tenant's session may write them (isolation.py), so a
settings change that moves them commits with the function's own role (`writing_origins`),
its keys all built here from the tenant the caller was verified for.

Contracts (models.py) are imported where an item becomes one: the authorizer checks a tenant's
standing on every request (standing.py) and never needs them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pynamodb.attributes import UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute, VersionAttribute
from pynamodb.expressions.condition import Condition
from pynamodb.transactions import TransactGet

from panacea.platform import isolation
from panacea.platform.access import Role
from panacea.platform.errors import Conflict
from panacea.platform.keys import platform_key, tenant_key
from panacea.platform.table import (
    DocumentAttribute,
    Page,
    TableItem,
    Uniqueness,
    connection,
    decode_cursor,
    found,
    page_of,
)
from panacea.tenancy.vocabulary import TenantKind, TenantStatus, Tier

if TYPE_CHECKING:
    from panacea.platform.errors import DomainError
    from panacea.platform.transaction import UnitOfWork
    from panacea.tenancy.models import ApiKey, Suspension, Tenant, TenantSettings

ALL_TENANTS = platform_key("TENANTS")
SLUG = "tenant_slug"  # the kind of a slug's `Uniqueness` claim, put when a tenant is created
ORIGIN = "tenant_origin"  # the kind of a web origin's claim, put and released with the settings that list it


def _tenant_pk(tenant_id: str) -> str:
    return platform_key("TENANT", tenant_id)


def _settings_pk(tenant_id: str) -> str:
    return tenant_key(tenant_id, "SETTINGS")


def tenant_key_of(tenant_id: str) -> tuple[str, str]:
    """The key of a tenant's record, for conditions in another item's transaction."""
    return _tenant_pk(tenant_id), "TENANT"


def is_active() -> Condition:
    return TenantRecord.status == TenantStatus.ACTIVE.value


def _status_partition(status: TenantStatus) -> str:
    return platform_key("TENANTS", status.value)


class TenantRecord(TableItem, discriminator="tenant"):
    tenant_id = UnicodeAttribute()
    name = UnicodeAttribute()
    slug = UnicodeAttribute()
    kind = UnicodeAttribute()
    parent_partner_id = UnicodeAttribute(null=True)
    jurisdiction = UnicodeAttribute()
    tier = UnicodeAttribute()
    status = UnicodeAttribute()
    suspension = DocumentAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        name: str,
        slug: str,
        kind: TenantKind,
        parent_partner_id: str | None,
        jurisdiction: str,
        tier: Tier,
        at: datetime,
    ) -> TenantRecord:
        record = cls(
            _tenant_pk(tenant_id),
            "TENANT",
            tenant_id=tenant_id,
            name=name,
            slug=slug,
            kind=kind.value,
            parent_partner_id=parent_partner_id,
            jurisdiction=jurisdiction,
            tier=tier.value,
            created_at=at,
            updated_at=at,
        )
        record.move_to(TenantStatus.ONBOARDING, at=at)
        return record

    def move_to(self, status: TenantStatus, *, at: datetime, suspension: Suspension | None = None) -> None:
        self.status = status.value
        self.gsi1pk, self.gsi1sk = ALL_TENANTS, self.tenant_id
        self.gsi2pk, self.gsi2sk = _status_partition(status), self.tenant_id
        self.suspension = suspension.model_dump(mode="json") if suspension else None
        self.updated_at = at

    @property
    def current_status(self) -> TenantStatus:
        return TenantStatus(self.status)

    def view(self, settings: TenantSettingsItem | None = None) -> Tenant:
        from panacea.tenancy.models import Suspension, Tenant  # noqa: PLC0415 - the gate reads a tenant, never its contracts

        return Tenant(
            id=self.tenant_id,
            name=self.name,
            slug=self.slug,
            kind=TenantKind(self.kind),
            parent_partner_id=self.parent_partner_id,
            jurisdiction=self.jurisdiction,
            tier=Tier(self.tier),
            status=self.current_status,
            suspension=Suspension.model_validate(self.suspension) if self.suspension else None,
            settings=settings.model if settings else None,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


class TenantSettingsItem(TableItem, discriminator="tenant_settings"):
    tenant_id = UnicodeAttribute()
    settings = DocumentAttribute()
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def of(cls, tenant_id: str, settings: TenantSettings, *, at: datetime) -> TenantSettingsItem:
        item = cls(_settings_pk(tenant_id), "SETTINGS", tenant_id=tenant_id)
        item.replace(settings, at=at)
        return item

    def replace(self, settings: TenantSettings, *, at: datetime) -> None:
        self.settings = settings.model_dump(mode="json")
        self.updated_at = at

    @property
    def model(self) -> TenantSettings:
        from panacea.tenancy.models import TenantSettings  # noqa: PLC0415 - the gate reads a tenant, never its contracts

        return TenantSettings.model_validate(self.settings)


class ApiKeyItem(TableItem, discriminator="api_key"):
    key_id = UnicodeAttribute()
    tenant_id = UnicodeAttribute()
    name = UnicodeAttribute()
    prefix = UnicodeAttribute()
    roles = UnicodeSetAttribute()
    secret_hash = UnicodeAttribute()  # SHA-256 of the secret: what partner signatures are keyed by
    created_at = UTCDateTimeAttribute()
    revoked_at = UTCDateTimeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def new(
        cls, *, key_id: str, tenant_id: str, name: str, roles: list[Role], prefix: str, secret_hash: str, at: datetime
    ) -> ApiKeyItem:
        return cls(
            platform_key("APIKEY", key_id),
            "APIKEY",
            gsi1pk=platform_key("TENANT", tenant_id, "APIKEYS"),
            gsi1sk=key_id,
            key_id=key_id,
            tenant_id=tenant_id,
            name=name,
            roles={r.value for r in roles},
            prefix=prefix,
            secret_hash=secret_hash,
            created_at=at,
        )

    def view(self) -> ApiKey:
        from panacea.tenancy.models import ApiKey  # noqa: PLC0415 - the gate reads a tenant, never its contracts

        return ApiKey(
            id=self.key_id,
            tenant_id=self.tenant_id,
            name=self.name,
            prefix=self.prefix,
            roles=sorted(Role(r) for r in self.roles),
            created_at=self.created_at,
            revoked_at=self.revoked_at,
        )


# --- reads -------------------------------------------------------------------------------


def tenant_record(tenant_id: str) -> TenantRecord | None:
    return TenantRecord.find(_tenant_pk(tenant_id), "TENANT")


def settings_item(tenant_id: str) -> TenantSettingsItem | None:
    return TenantSettingsItem.find(_settings_pk(tenant_id), "SETTINGS")


def tenant_with_settings(tenant_id: str) -> tuple[TenantRecord | None, TenantSettingsItem | None]:
    """The tenant and its settings in one request."""
    with TransactGet(connection=connection()) as tx:
        record, settings = read_tenant(tx, tenant_id, with_settings=True)
    return found(record), found(settings)


def read_tenant(tx: TransactGet, tenant_id: str, *, with_settings: bool) -> tuple[Any, Any]:
    """Add the gets of a tenant's record (and its settings) to a TransactGetItems another read
    is part of; their futures hold the items once the transaction is done (`found`)."""
    record = tx.get(TenantRecord, _tenant_pk(tenant_id), "TENANT")
    settings = tx.get(TenantSettingsItem, _settings_pk(tenant_id), "SETTINGS") if with_settings else None
    return record, settings


def slug_owner(slug: str) -> str | None:
    """The tenant that claimed a slug (`Uniqueness` P#UNIQUE#tenant_slug#<slug>)."""
    claim = Uniqueness.of(None, SLUG, slug, "")
    found_claim = Uniqueness.find(claim.pk, claim.sk)
    return None if found_claim is None else str(found_claim.owner)


def origin_owner(origin: str) -> str | None:
    """The tenant that lists a web origin (`Uniqueness` P#UNIQUE#tenant_origin#<origin>)."""
    claim = Uniqueness.of(None, ORIGIN, origin, "")
    found_claim = Uniqueness.find(claim.pk, claim.sk)
    return None if found_claim is None else str(found_claim.owner)


def claim_origin(uow: UnitOfWork, tenant_id: str, origin: str, *, taken: DomainError) -> None:
    """Claim `origin` for the tenant (`taken` if another tenant holds it; holding it already is fine)."""
    claim = Uniqueness.of(None, ORIGIN, origin, tenant_id)
    uow.save(claim, condition=Uniqueness.pk.does_not_exist() | (Uniqueness.owner == tenant_id), conflict=taken)


def release_origin(uow: UnitOfWork, tenant_id: str, origin: str) -> None:
    """Give `origin` up, if the tenant holds it (a claim of another tenant is never touched)."""
    claim = Uniqueness.of(None, ORIGIN, origin, tenant_id)
    held = Uniqueness.pk.does_not_exist() | (Uniqueness.owner == tenant_id)
    uow.delete(claim, condition=held, conflict=Conflict(f"the origin {origin} is another tenant's"))


@contextmanager
def writing_origins(moved: bool) -> Iterator[None]:
    """The scope a settings change commits in: the function's own role when it claims or releases
    origins (platform items), else the tenant's session as always."""
    if not moved:
        yield
        return
    with isolation.acting_for(None):
        yield


def tenants(*, status: TenantStatus | None, kind: TenantKind | None, cursor: str | None, limit: int) -> Page[Tenant]:
    """Tenants newest first, in one status (GSI2) or all (GSI1); kind narrows with a filter."""
    condition = TenantRecord.kind == kind.value if kind else None
    if status:
        partition = _status_partition(status)
        results = TenantRecord.by_gsi2.query(
            partition,
            filter_condition=condition,
            scan_index_forward=False,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, partition=("GSI2PK", partition), query=kind),
        )
    else:
        results = TenantRecord.by_gsi1.query(
            ALL_TENANTS,
            filter_condition=condition,
            scan_index_forward=False,
            limit=limit,
            last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", ALL_TENANTS), query=kind),
        )
    return page_of(results, TenantRecord.view, query=kind)  # type: ignore[arg-type]


def tenants_in(status: TenantStatus) -> Iterator[TenantRecord]:
    """Every tenant in `status`, oldest first (for jobs, which walk the whole list)."""
    yield from TenantRecord.by_gsi2.query(_status_partition(status))  # type: ignore[misc]


def api_key(key_id: str) -> ApiKeyItem | None:
    return ApiKeyItem.find(platform_key("APIKEY", key_id), "APIKEY")


def api_keys(tenant_id: str, *, cursor: str | None, limit: int) -> Page[ApiKey]:
    partition = platform_key("TENANT", tenant_id, "APIKEYS")
    results = ApiKeyItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )
    return page_of(results, ApiKeyItem.view)  # type: ignore[arg-type]
