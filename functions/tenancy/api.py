"""Tenancy's HTTP routes: platform admins manage tenants; a tenant's staff read and tune their own."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.platform.api import IdempotencyKey, build_resolver, created, current_actor, idempotent, lambda_entry
from panacea.platform.table import MAX_PAGE, Page
from panacea.tenancy import logic
from panacea.tenancy.models import (
    ApiKey,
    IssuedApiKey,
    NewApiKey,
    NewTenant,
    SettingsPatch,
    StatusChange,
    Tenant,
    TenantKind,
    TenantStatus,
)

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]


@app.post("/v1/tenants", summary="Create a tenant and start its onboarding", tags=["Tenants"], status_code=201)
def create_tenant(tenant: NewTenant, idempotency_key: IdempotencyKey = None) -> Response[Tenant]:
    actor = current_actor()
    made = idempotent(
        actor, "tenancy.create_tenant", tenant, Tenant, lambda: logic.create_tenant(actor, tenant), key=idempotency_key
    )
    return created(made, f"/v1/tenants/{made.id}")


@app.get("/v1/tenants", summary="List tenants, newest first", tags=["Tenants"])
def list_tenants(
    status: Annotated[TenantStatus | None, Query()] = None,
    kind: Annotated[TenantKind | None, Query()] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[Tenant]:
    return logic.list_tenants(current_actor(), status=status, kind=kind, cursor=cursor, limit=limit)


@app.get("/v1/tenants/<tenant_id>", summary="Read a tenant", tags=["Tenants"])
def get_tenant(tenant_id: str) -> Tenant:
    return logic.get_tenant(current_actor(), tenant_id)


@app.patch("/v1/tenants/<tenant_id>/settings", summary="Change a tenant's settings", tags=["Tenants"])
def update_settings(tenant_id: str, patch: SettingsPatch, idempotency_key: IdempotencyKey = None) -> Tenant:
    actor = current_actor()
    return idempotent(
        actor,
        f"tenancy.update_settings.{tenant_id}",
        patch,
        Tenant,
        lambda: logic.update_settings(actor, tenant_id, patch),
        key=idempotency_key,
    )


@app.post("/v1/tenants/<tenant_id>/suspend", summary="Suspend an active tenant", tags=["Tenants"])
def suspend(tenant_id: str, change: StatusChange, idempotency_key: IdempotencyKey = None) -> Tenant:
    actor = current_actor()
    return idempotent(
        actor,
        f"tenancy.suspend.{tenant_id}",
        change,
        Tenant,
        lambda: logic.suspend(actor, tenant_id, change),
        key=idempotency_key,
    )


@app.post("/v1/tenants/<tenant_id>/reactivate", summary="Reactivate a suspended tenant", tags=["Tenants"])
def reactivate(tenant_id: str, change: StatusChange, idempotency_key: IdempotencyKey = None) -> Tenant:
    actor = current_actor()
    return idempotent(
        actor,
        f"tenancy.reactivate.{tenant_id}",
        change,
        Tenant,
        lambda: logic.reactivate(actor, tenant_id, change),
        key=idempotency_key,
    )


@app.post(
    "/v1/tenants/<tenant_id>/api-keys",
    summary="Issue an API key (its secret is shown once)",
    tags=["API keys"],
    status_code=201,
)
def issue_api_key(tenant_id: str, request: NewApiKey, idempotency_key: IdempotencyKey = None) -> Response[IssuedApiKey]:
    key = logic.issue_api_key(current_actor(), tenant_id, request, idempotency_key=idempotency_key)
    return created(key, f"/v1/tenants/{tenant_id}/api-keys/{key.id}")


@app.get("/v1/tenants/<tenant_id>/api-keys", summary="List a tenant's API keys", tags=["API keys"])
def list_api_keys(tenant_id: str, cursor: Cursor = None, limit: Limit = 20) -> Page[ApiKey]:
    return logic.list_api_keys(current_actor(), tenant_id, cursor=cursor, limit=limit)


@app.delete("/v1/tenants/<tenant_id>/api-keys/<key_id>", summary="Revoke an API key", tags=["API keys"])
def revoke_api_key(tenant_id: str, key_id: str) -> ApiKey:
    return logic.revoke_api_key(current_actor(), tenant_id, key_id)


@app.get("/v1/tenant", summary="Your own tenant: profile, branding and settings", tags=["My tenant"])
def own_tenant() -> Tenant:
    return logic.own_tenant(current_actor())


@app.patch("/v1/tenant/settings", summary="Change your own tenant's settings", tags=["My tenant"])
def update_own_settings(patch: SettingsPatch, idempotency_key: IdempotencyKey = None) -> Tenant:
    actor = current_actor()
    return idempotent(
        actor,
        "tenancy.update_own_settings",
        patch,
        Tenant,
        lambda: logic.update_own_settings(actor, patch),
        key=idempotency_key,
    )


handler: Any = lambda_entry(app)
