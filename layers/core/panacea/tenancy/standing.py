"""A tenant as other contexts check it before they act for it: its standing (who it is, where it
is, whether it may act now), its settings when asked for, the tenant a public slug names, and the
partner key a signed request names.

Reads only, apart from tenancy's use cases (logic.py), so that the authorizer, which checks a
caller's standing on every request, loads none of them. Where another context reads one of its
own items together with the tenant, tenancy adds its gets to that context's TransactGetItems
(`standing_in`): still one request, with tenancy's keys built by tenancy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from panacea.platform import cors
from panacea.platform.caches import on_reset
from panacea.platform.table import found
from panacea.tenancy import dal
from panacea.tenancy.vocabulary import TenantStatus, Tier

if TYPE_CHECKING:
    from pynamodb.transactions import TransactGet

    from panacea.tenancy.models import TenantSettings


@dataclass(frozen=True)
class TenantStanding:
    """A tenant as another context checks it. `settings` is there when it was asked for and
    onboarding has applied it."""

    tenant_id: str
    name: str
    slug: str
    status: TenantStatus
    jurisdiction: str
    settings: TenantSettings | None = None
    tier: Tier = Tier.TRIAL  # its subscription tier (what it may send: `messages_per_month`)

    @property
    def active(self) -> bool:
        return self.status == TenantStatus.ACTIVE


@dataclass(frozen=True)
class PartnerKey:
    """A tenant's API key as the gate checks a signed request with it: the signatures are keyed
    by `secret_hash` (SHA-256 of the secret; the secret itself is never stored)."""

    key_id: str
    tenant_id: str
    roles: frozenset[str]
    secret_hash: str
    revoked: bool


def _standing(record: dal.TenantRecord | None, settings: dal.TenantSettingsItem | None) -> TenantStanding | None:
    if record is None:
        return None
    return TenantStanding(
        tenant_id=record.tenant_id,
        name=record.name,
        slug=record.slug,
        status=record.current_status,
        jurisdiction=record.jurisdiction,
        settings=settings.model if settings else None,
        tier=Tier(record.tier),
    )


def standing_in(tx: TransactGet, tenant_id: str, *, with_settings: bool = False) -> Callable[[], TenantStanding | None]:
    """Add the reads of a tenant's standing (and settings) to the caller's TransactGetItems; once
    the transaction is done, the answer gives the standing (None for no such tenant)."""
    record, settings = dal.read_tenant(tx, tenant_id, with_settings=with_settings)
    return lambda: _standing(found(record), found(settings) if settings is not None else None)


def standing_of(tenant_id: str, *, with_settings: bool = False) -> TenantStanding | None:
    """A tenant's standing (and settings), in one request; None for no such tenant."""
    if with_settings:
        return _standing(*dal.tenant_with_settings(tenant_id))
    return _standing(dal.tenant_record(tenant_id), None)


_slugs: dict[str, str] = {}
on_reset(_slugs.clear)  # another table (the local runtime, a test) holds other tenants
_slugs_lock = threading.Lock()


def tenant_of_slug(slug: str) -> str | None:
    """The tenant a public slug names. Slugs never move, so a found one is remembered. The request
    being answered names that tenant: its answer may be shared with the tenant's web origins (CORS)."""
    with _slugs_lock:
        owner = _slugs.get(slug)
    if owner is None:
        owner = dal.slug_owner(slug)
        if owner is not None:
            with _slugs_lock:
                _slugs[slug] = owner
    if owner is not None:
        cors.request_names(owner)
    return owner


def partner_key(key_id: str) -> PartnerKey | None:
    """The API key a signed request names, or None if there is none."""
    item = dal.api_key(key_id)
    if item is None:
        return None
    return PartnerKey(
        key_id=item.key_id,
        tenant_id=item.tenant_id,
        roles=frozenset(item.roles or ()),
        secret_hash=item.secret_hash,
        revoked=item.revoked_at is not None,
    )
