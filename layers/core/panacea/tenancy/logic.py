"""Tenancy's use cases: create and onboard tenants, change their settings and standing, and
issue the API keys their systems call Panacea with."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from pydantic import ValidationError

from panacea.platform import clock, observability, usage
from panacea.platform.access import Actor, authorize
from panacea.platform.context import forget, remembered
from panacea.platform.errors import CREDENTIALS, Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.idempotency import once
from panacea.platform.ids import is_id, new_id
from panacea.platform.sections import JURISDICTION
from panacea.platform.settings import settings
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work
from panacea.tenancy import dal, origins
from panacea.tenancy.access import Action
from panacea.tenancy.defaults import default_settings
from panacea.tenancy.models import (
    ApiKey,
    ApiKeyIssued,
    ApiKeyRevoked,
    IssuedApiKey,
    NewApiKey,
    NewTenant,
    SettingsPatch,
    StatusChange,
    Suspension,
    Tenant,
    TenantCreated,
    TenantKind,
    TenantOnboarded,
    TenantOnboardingFailed,
    TenantReactivated,
    TenantSettings,
    TenantSettingsChanged,
    TenantStatus,
    TenantSuspended,
    Tier,
)
from panacea.tenancy.tiers import usage_key

API_KEY_PREFIX = "pnc_"


class TenantNotFound(NotFound):
    slug, title = "tenant-not-found", "Tenant not found"


class SlugTaken(Conflict):
    slug, title = "slug-taken", "Slug taken"


class TenantNotInThatState(Conflict):
    slug, title = "tenant-state", "Tenant is not in a state that allows this"


class ApiKeyNotFound(NotFound):
    slug, title = "api-key-not-found", "API key not found"


class ApiKeyAlreadyIssued(Conflict):
    slug, title = "api-key-already-issued", "API key already issued"


# --- creating and onboarding -------------------------------------------------------------


def create_tenant(actor: Actor, draft: NewTenant) -> Tenant:
    """Register a tenant; the onboarding workflow (started by `tenant.created`) sets it up."""
    authorize(actor, Action.MANAGE_TENANTS)
    if draft.parent_partner_id:
        _check_parent(draft)
    tenant_id, owner_id, at = new_id(), new_id(), clock.now()
    record = dal.TenantRecord.new(
        tenant_id=tenant_id,
        name=draft.name,
        slug=draft.slug,
        kind=draft.kind,
        parent_partner_id=draft.parent_partner_id,
        jurisdiction=draft.jurisdiction,
        tier=draft.tier,
        at=at,
    )
    with unit_of_work(tenant_id) as uow:
        uow.create(record, conflict=Conflict(f"tenant {tenant_id} exists"))
        uow.claim(
            None,
            dal.SLUG,
            draft.slug,
            tenant_id,
            taken=SlugTaken(f"another tenant uses the slug {draft.slug}", errors=[FieldError("slug", "taken")]),
        )
        uow.emit(
            TenantCreated(
                tenant_id=tenant_id,
                name=draft.name,
                slug=draft.slug,
                kind=draft.kind,
                tier=draft.tier,
                parent_partner_id=draft.parent_partner_id,
                currency=draft.currency,
                locale=draft.locale,
                first_admin_user_id=owner_id,
                first_admin_email=str(draft.first_admin.email),
                first_admin_name=draft.first_admin.name,
            )
        )
    observability.count("TenantsCreated")
    return record.view()


def _check_parent(draft: NewTenant) -> None:
    def refuse(why: str) -> Unprocessable:
        return Unprocessable(why, errors=[FieldError("parent_partner_id", "invalid_parent", why)])

    if draft.kind == TenantKind.PARTNER:
        raise refuse("a partner cannot itself be a sub-tenant of another partner")
    parent_id = draft.parent_partner_id or ""
    parent = dal.tenant_record(parent_id) if is_id(parent_id) else None
    if parent is None or parent.kind != TenantKind.PARTNER:
        raise refuse(f"{draft.parent_partner_id} is not a partner tenant")
    if parent.current_status != TenantStatus.ACTIVE:
        raise refuse(f"partner {parent.slug} is {parent.status}, not active")


def apply_defaults(tenant_id: str, *, currency: str, locale: str) -> None:
    """Onboarding step: write the settings a tenant of this kind starts with (once)."""
    record, existing = _record_with_settings(tenant_id)
    if existing is not None:
        return
    parent = dal.settings_item(record.parent_partner_id) if record.parent_partner_id else None
    settings = default_settings(
        kind=TenantKind(record.kind),
        name=record.name,
        currency=currency,
        locale=locale,
        parent_branding=parent.model.branding if parent else None,
        jurisdiction=record.jurisdiction,
    )
    try:
        with unit_of_work(tenant_id) as uow:
            uow.create(dal.TenantSettingsItem.of(tenant_id, settings, at=clock.now()), conflict=_AlreadyDone(""))
    except _AlreadyDone:
        return  # a retry of this step after the write landed
    finally:
        forget(("tenant_settings", tenant_id))


class _AlreadyDone(Conflict):
    pass


def register_usage(tenant_id: str) -> None:
    """Onboarding step: the tenant's requests are throttled and counted in its tier's usage plan."""
    record = _record(tenant_id)
    usage.enrol(key_name=f"tenant-{tenant_id}", key_value=usage_key(settings().stage, tenant_id), plan=record.tier)


def complete_onboarding(tenant_id: str) -> None:
    """Onboarding step: the tenant is ready; announce `tenant.onboarded` (once)."""
    record = _record(tenant_id)
    if record.current_status != TenantStatus.ONBOARDING:
        return
    record.move_to(TenantStatus.ACTIVE, at=clock.now())
    with unit_of_work(tenant_id) as uow:
        uow.save(record)
        uow.emit(
            TenantOnboarded(tenant_id=tenant_id, slug=record.slug, kind=TenantKind(record.kind), tier=Tier(record.tier))
        )
    observability.count("TenantsOnboarded")


def fail_onboarding(tenant_id: str, *, error: str) -> None:
    """Onboarding step on any failure: mark the tenant so a platform admin sees it."""
    record = _record(tenant_id)
    if record.current_status != TenantStatus.ONBOARDING:
        return
    record.move_to(TenantStatus.ONBOARDING_FAILED, at=clock.now())
    with unit_of_work(tenant_id) as uow:
        uow.save(record)
        uow.emit(TenantOnboardingFailed(tenant_id=tenant_id, error=error[:1000]))
    observability.count("TenantOnboardingsFailed")


def fail_stalled_onboardings(*, older_than_minutes: int) -> list[str]:
    """Scheduled: tenants still onboarding after `older_than_minutes` are marked failed."""
    cutoff = clock.now() - timedelta(minutes=older_than_minutes)
    stalled = [t.tenant_id for t in dal.tenants_in(TenantStatus.ONBOARDING) if t.created_at < cutoff]
    for tenant_id in stalled:
        fail_onboarding(tenant_id, error=f"onboarding did not finish within {older_than_minutes} minutes")
    return stalled


# --- reading -----------------------------------------------------------------------------


def get_tenant(actor: Actor, tenant_id: str) -> Tenant:
    authorize(actor, Action.MANAGE_TENANTS)
    return _tenant(tenant_id)


def list_tenants(
    actor: Actor, *, status: TenantStatus | None, kind: TenantKind | None, cursor: str | None, limit: int
) -> Page[Tenant]:
    authorize(actor, Action.MANAGE_TENANTS)
    return dal.tenants(status=status, kind=kind, cursor=cursor, limit=limit)


def own_tenant(actor: Actor) -> Tenant:
    """The caller's own tenant: its profile, branding and settings."""
    authorize(actor, Action.READ_OWN_TENANT)
    return _tenant(actor.tenant, field=CREDENTIALS)


def _tenant(tenant_id: str, *, field: str = "tenant_id") -> Tenant:
    record, settings = _record_with_settings(tenant_id, field=field)
    return record.view(settings)


def _record_with_settings(
    tenant_id: str, *, field: str = "tenant_id"
) -> tuple[dal.TenantRecord, dal.TenantSettingsItem | None]:
    """The tenant and its settings, in one request (`field`: what named the tenant, for a 404:
    the `tenant_id` a platform admin gave, or the caller's own credentials)."""
    record, settings = dal.tenant_with_settings(tenant_id) if is_id(tenant_id) else (None, None)
    if record is None:
        raise TenantNotFound(f"no tenant {tenant_id}", field=field)
    return record, settings


def _record(tenant_id: str) -> dal.TenantRecord:
    record = dal.tenant_record(tenant_id) if is_id(tenant_id) else None
    if record is None:
        raise TenantNotFound(f"no tenant {tenant_id}", field="tenant_id")
    return record


# --- settings ----------------------------------------------------------------------------


def update_settings(actor: Actor, tenant_id: str, patch: SettingsPatch) -> Tenant:
    authorize(actor, Action.MANAGE_TENANTS)
    return _patch_settings(tenant_id, patch)


def update_own_settings(actor: Actor, patch: SettingsPatch) -> Tenant:
    authorize(actor, Action.UPDATE_OWN_TENANT_SETTINGS)
    return _patch_settings(actor.tenant, patch, field=CREDENTIALS)


def _patch_settings(tenant_id: str, patch: SettingsPatch, *, field: str = "tenant_id") -> Tenant:
    record, item = _record_with_settings(tenant_id, field=field)
    if item is None:
        raise TenantNotInThatState(f"tenant {record.slug} is {record.status}; its settings do not exist yet")
    before = item.model.model_dump(mode="json")
    after = _merge(before, patch.model_dump(mode="json", exclude_unset=True))
    try:
        settings = TenantSettings.model_validate(after, context={JURISDICTION: record.jurisdiction})
    except ValidationError as exc:
        raise Unprocessable(
            "these settings do not hold together",
            errors=[
                FieldError(".".join(str(p) for p in e["loc"]) or "settings", e["type"], e["msg"]) for e in exc.errors()
            ],
        ) from None
    changed = _changed_paths(before, settings.model_dump(mode="json"))
    if changed:
        moves = origins.Moves.between(before.get("allowed_origins") or [], settings.allowed_origins)
        item.replace(settings, at=clock.now())
        with dal.writing_origins(bool(moves)), unit_of_work(tenant_id) as uow:
            uow.save(item)
            origins.register(uow, tenant_id, moves, listed=settings.allowed_origins)
            uow.emit(TenantSettingsChanged(tenant_id=tenant_id, changed=changed))
        forget(("tenant_settings", tenant_id))
    return record.view(item)


def _merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _changed_paths(before: Any, after: Any, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            p
            for key in sorted(before.keys() | after.keys())
            for p in _changed_paths(before.get(key), after.get(key), f"{path}.{key}" if path else key)
        ]
    return [] if before == after else [path]


# --- standing ----------------------------------------------------------------------------


def suspend(actor: Actor, tenant_id: str, change: StatusChange) -> Tenant:
    authorize(actor, Action.MANAGE_TENANTS)
    record, settings = _record_with_settings(tenant_id)
    if record.current_status != TenantStatus.ACTIVE:
        raise TenantNotInThatState(f"only an active tenant can be suspended; {record.slug} is {record.status}")
    at = clock.now()
    record.move_to(TenantStatus.SUSPENDED, at=at, suspension=Suspension(reason=change.reason, at=at))
    with unit_of_work(tenant_id) as uow:
        uow.save(record)
        uow.emit(TenantSuspended(tenant_id=tenant_id, reason=change.reason))
    return record.view(settings)


def reactivate(actor: Actor, tenant_id: str, change: StatusChange) -> Tenant:
    authorize(actor, Action.MANAGE_TENANTS)
    record, settings = _record_with_settings(tenant_id)
    if record.current_status != TenantStatus.SUSPENDED:
        raise TenantNotInThatState(f"only a suspended tenant can be reactivated; {record.slug} is {record.status}")
    record.move_to(TenantStatus.ACTIVE, at=clock.now())
    with unit_of_work(tenant_id) as uow:
        uow.save(record)
        uow.emit(TenantReactivated(tenant_id=tenant_id, reason=change.reason))
    return record.view(settings)


# --- API keys ----------------------------------------------------------------------------


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_api_key(actor: Actor, tenant_id: str, request: NewApiKey, *, idempotency_key: str | None) -> IssuedApiKey:
    """A new key for the tenant's systems: `pnc_<key id>_<secret>`, shown once, stored hashed.

    The secret is never stored, not even in the idempotency record: a retry with the same
    Idempotency-Key is told which key it already made instead of being shown the secret again.
    """
    authorize(actor, Action.MANAGE_TENANTS)
    issued: list[IssuedApiKey] = []

    def issue() -> ApiKey:
        issued.append(_issue(tenant_id, request))
        return ApiKey.model_validate(issued[0].model_dump(exclude={"secret"}))

    key = once(
        issue,
        returns=ApiKey,
        operation="tenancy.issue_api_key",
        tenant_id=actor.tenant_id,
        caller=actor,
        key=idempotency_key,
        payload={"tenant_id": tenant_id, **request.model_dump(mode="json")},
    )
    if not issued:
        raise ApiKeyAlreadyIssued(
            f"key {key.id} was issued for this Idempotency-Key and its secret was shown then; "
            "revoke it and issue another if the secret was lost"
        )
    return issued[0]


def _issue(tenant_id: str, request: NewApiKey) -> IssuedApiKey:
    if not is_id(tenant_id):
        raise TenantNotFound(f"no tenant {tenant_id}", field="tenant_id")
    key_id = new_id()
    prefix = f"{API_KEY_PREFIX}{key_id}"
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    item = dal.ApiKeyItem.new(
        key_id=key_id,
        tenant_id=tenant_id,
        name=request.name,
        roles=request.roles,
        prefix=prefix,
        secret_hash=_hash(secret),
        at=clock.now(),
    )
    try:
        with unit_of_work(tenant_id) as uow:
            # The tenant must be active when the key is written, not merely when it was read.
            uow.check(dal.TenantRecord, dal.tenant_key_of(tenant_id), dal.is_active(), conflict=_NotActive(""))
            uow.create(item, conflict=Conflict(f"key {key_id} exists"))
            uow.emit(ApiKeyIssued(tenant_id=tenant_id, key_id=key_id, name=request.name))
    except _NotActive:
        record = _record(tenant_id)  # only on refusal: say whether it is missing or in another state
        raise TenantNotInThatState(f"keys are issued to active tenants; {record.slug} is {record.status}") from None
    return IssuedApiKey(**item.view().model_dump(), secret=secret)


class _NotActive(Conflict):
    pass


def list_api_keys(actor: Actor, tenant_id: str, *, cursor: str | None, limit: int) -> Page[ApiKey]:
    """A tenant's keys, newest first, in one request (an unknown tenant simply has none)."""
    authorize(actor, Action.MANAGE_TENANTS)
    if not is_id(tenant_id):
        return Page[ApiKey](items=[])
    return dal.api_keys(tenant_id, cursor=cursor, limit=limit)


def revoke_api_key(actor: Actor, tenant_id: str, key_id: str) -> ApiKey:
    """Revoke a key for good. Revoking a revoked key changes nothing and says so by its date."""
    authorize(actor, Action.MANAGE_TENANTS)
    item = dal.api_key(key_id) if is_id(key_id) else None
    if item is None or item.tenant_id != tenant_id:
        raise ApiKeyNotFound(f"tenant {tenant_id} has no key {key_id}", field="key_id")
    if item.revoked_at is None:
        item.revoked_at = clock.now()
        with unit_of_work(tenant_id) as uow:
            uow.save(item)
            uow.emit(ApiKeyRevoked(tenant_id=tenant_id, key_id=key_id))
    return item.view()


# --- what other contexts read -----------------------------------------------------------------


def settings_of(tenant_id: str) -> TenantSettings | None:
    """The tenant's settings (None before onboarding applied them): one GetItem per invocation,
    however many use cases ask. The one way any context reads a tenant's settings."""

    def read() -> TenantSettings | None:
        item = dal.settings_item(tenant_id)
        return None if item is None else item.model

    return remembered(("tenant_settings", tenant_id), read)


def tenant_ids() -> list[str]:
    """Every tenant that trades or may again (active and suspended), for platform jobs that go
    through each tenant's own data (distribution's thaw)."""
    return [t.tenant_id for status in (TenantStatus.ACTIVE, TenantStatus.SUSPENDED) for t in dal.tenants_in(status)]
