"""Stores: the pharmacies and institutions of a tenant's mall; the tenant's own store is made the
first time the catalog is used, named after the tenant (tenancy's face)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from panacea import tenancy
from panacea.catalog import dal
from panacea.catalog.access import Action
from panacea.catalog.logic import (
    LicenceTaken,
    StoreNotFound,
    StoreNotInThatState,
    is_staff,
)
from panacea.catalog.models import (
    STORE_MOVES,
    NewStore,
    Store,
    StoreOpened,
    StorePatch,
    StoreStatus,
    StoreStatusChanged,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError
from panacea.platform.ids import is_id, new_id
from panacea.platform.table import Page
from panacea.platform.transaction import UnitOfWork, unit_of_work

# --- stores --------------------------------------------------------------------------------------


def list_stores(actor: Actor, *, status: StoreStatus | None, cursor: str | None, limit: int) -> Page[Store]:
    authorize(actor, Action.BROWSE_CATALOG)
    if not is_staff(actor):
        status = StoreStatus.ACTIVE
    return dal.stores(actor.tenant, status=status, cursor=cursor, limit=limit)


def get_store(actor: Actor, store_id: str) -> Store:
    authorize(actor, Action.BROWSE_CATALOG)
    store = store_of(actor.tenant, store_id)
    if not is_staff(actor) and store.current_status != StoreStatus.ACTIVE:
        raise StoreNotFound(f"no store {store_id}", field="store_id")
    return store.view()


def store_of(tenant_id: str, store_id: str) -> dal.StoreItem:
    item: dal.StoreItem | None = dal.get(dal.StoreItem, dal.store_key(tenant_id, store_id)) if is_id(store_id) else None
    if item is None:
        raise StoreNotFound(f"no store {store_id}", field="store_id")
    return item


def open_store(actor: Actor, draft: NewStore) -> Store:
    """A pharmacy or institution joins the mall (the tenant's own store comes with it, once)."""
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id, at = actor.tenant, clock.now()
    items = dal.fetch([dal.store_key(tenant_id, tenant_id)])
    store = dal.StoreItem.new(
        tenant_id=tenant_id,
        store_id=new_id(),
        name=draft.name,
        kind=draft.kind,
        licence_number=draft.licence_number,
        contact=draft.contact,
        at=at,
    )
    with unit_of_work(tenant_id) as uow:
        own_store_if_missing(uow, items, tenant_id, at=at)
        uow.create(store, conflict=Conflict(f"store {store.store_id} exists"))
        uow.claim(
            tenant_id,
            "store_licence",
            dal.key_safe(draft.licence_number),
            store.store_id,
            taken=_licence_taken(draft.licence_number),
        )
        uow.emit(StoreOpened(store_id=store.store_id, name=store.name, kind=draft.kind))
    return store.view()


def own_store_if_missing(uow: UnitOfWork, items: dict[dal.Key, Any], tenant_id: str, *, at: datetime) -> None:
    """The tenant's own store is made the first time the catalog is used (read in `items`)."""
    if dal.store_key(tenant_id, tenant_id) in items:
        return
    standing = tenancy.standing_of(tenant_id)
    own = dal.default_store(tenant_id, name=standing.name if standing else "Our store", at=at)
    uow.create(own, conflict=ConcurrentUpdate("the catalog was being set up by another request; retry"))
    uow.emit(StoreOpened(store_id=own.store_id, name=own.name, kind=own.view().kind))


def currency_of(tenant_id: str) -> str | None:
    """The tenant's currency (its settings, read once per invocation), None before onboarding."""
    settings = tenancy.settings_of(tenant_id)
    return None if settings is None else str(settings.currency)


def same_claim(value: str, other: str | None) -> bool:
    """Two values that claim the same uniqueness item (claims ignore case)."""
    return other is not None and dal.key_safe(value).lower() == dal.key_safe(other).lower()


def _licence_taken(licence: str) -> LicenceTaken:
    return LicenceTaken(
        f"another store has the licence number {licence}", errors=[FieldError("licence_number", "taken")]
    )


def update_store(actor: Actor, store_id: str, patch: StorePatch) -> Store:
    authorize(actor, Action.MANAGE_CATALOG)
    tenant_id = actor.tenant
    store = store_of(tenant_id, store_id)
    before, previous = store.licence_number, store.current_status
    if patch.name is not None:
        store.name = patch.name
    if patch.contact is not None:  # merged: the fields sent change, a null clears one
        merged = {**(store.contact or {}), **patch.contact.model_dump(mode="json", exclude_unset=True)}
        store.contact = {k: v for k, v in merged.items() if v is not None}
    if patch.licence_number is not None:
        store.licence_number = patch.licence_number
    at = clock.now()
    if patch.status is not None and patch.status != previous:
        if patch.status not in STORE_MOVES[previous]:
            raise StoreNotInThatState(f"a store that is {previous} cannot become {patch.status}")
        if store.store_id == tenant_id and patch.status == StoreStatus.CLOSED:
            raise StoreNotInThatState(
                "the tenant's own store cannot be closed; suspend it instead",
                errors=[FieldError("status", "own_store")],
            )
        store.move_to(patch.status, at=at)
    store.updated_at = at
    with unit_of_work(tenant_id) as uow:
        uow.save(store)
        if store.licence_number and not same_claim(store.licence_number, before):
            if before:
                uow.release(tenant_id, "store_licence", dal.key_safe(before), store.store_id)
            uow.claim(
                tenant_id,
                "store_licence",
                dal.key_safe(store.licence_number),
                store.store_id,
                taken=_licence_taken(store.licence_number),
            )
        if store.current_status != previous:
            uow.emit(StoreStatusChanged(store_id=store.store_id, status=store.current_status, previous=previous))
    return store.view()
