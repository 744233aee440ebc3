"""Stock counted and adjusted by staff (a level set, or moved by an amount), and the movements
that explain a level."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from panacea.catalog import dal, stock_items
from panacea.catalog.access import Action
from panacea.catalog.logic import (
    STOCK_RETRIES,
    NotEnoughStock,
    SkuNotFound,
    StoreNotFound,
    StoreNotInThatState,
)
from panacea.catalog.models import (
    Movement,
    StockAdjusted,
    StoreStatus,
)
from panacea.catalog.product_items import SkuItem, sku_key
from panacea.catalog.stock_items import MovementItem, StockItem, movements, sku_with_stock, stock_key
from panacea.catalog.stock_models import (
    StockAdjustment,
    StockLevel,
    StockLevelSet,
    StockMovement,
)
from panacea.catalog.stores import (
    store_of,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError
from panacea.platform.ids import is_id, new_id
from panacea.platform.table import Page
from panacea.platform.transaction import UnitOfWork, unit_of_work

# --- stock ---------------------------------------------------------------------------------------


def stock_of_sku(actor: Actor, sku_id: str) -> list[StockLevel]:
    authorize(actor, Action.MANAGE_STOCK)
    sku, levels = sku_with_stock(actor.tenant, sku_id) if is_id(sku_id) else (None, [])
    if sku is None:
        raise SkuNotFound(f"no SKU {sku_id}", field="sku_id")
    return levels


def stock_in_store(actor: Actor, store_id: str, *, cursor: str | None, limit: int) -> Page[StockLevel]:
    authorize(actor, Action.MANAGE_STOCK)
    store_of(actor.tenant, store_id)
    return stock_items.stock_in_store(actor.tenant, store_id, cursor=cursor, limit=limit)


def stock_movements(actor: Actor, sku_id: str, store_id: str, *, cursor: str | None, limit: int) -> Page[StockMovement]:
    authorize(actor, Action.MANAGE_STOCK)
    valid = is_id(sku_id) and is_id(store_id)
    page = movements(actor.tenant, sku_id, store_id, cursor=cursor, limit=limit) if valid else None
    if page is None:
        raise SkuNotFound(f"no SKU {sku_id}", field="sku_id")
    return page


def set_stock(actor: Actor, sku_id: str, store_id: str, request: StockLevelSet) -> StockLevel:
    """Staff counted the stock: `available` is what there is now (reserved and sold stay)."""
    authorize(actor, Action.MANAGE_STOCK)
    return _count(
        actor, sku_id, store_id, movement=Movement.SET, target=lambda _: request.available, reason=request.reason
    )


def adjust_stock(actor: Actor, sku_id: str, store_id: str, request: StockAdjustment) -> StockLevel:
    """Staff added (a delivery) or took away (damaged, lost) units; never below zero."""
    authorize(actor, Action.MANAGE_STOCK)

    def adjusted(available: int) -> int:
        if available + request.delta < 0:
            raise NotEnoughStock(
                f"{available} available; cannot take away {-request.delta}",
                errors=[FieldError("delta", "below_zero", f"at most {available} can be taken away")],
            )
        return available + request.delta

    return _count(actor, sku_id, store_id, movement=Movement.ADJUSTMENT, target=adjusted, reason=request.reason)


def _count(
    actor: Actor, sku_id: str, store_id: str, *, movement: Movement, target: Callable[[int], int], reason: str
) -> StockLevel:
    """Set a stock line's level (read, then written on condition it did not change meanwhile)."""
    tenant_id = actor.tenant
    for attempt in range(STOCK_RETRIES):
        sku, store, line = _line_of(tenant_id, sku_id, store_id)
        was = int(line.available) if line else 0
        now, at = target(was), clock.now()
        try:
            with unit_of_work(tenant_id) as uow:
                uow.check(
                    dal.StoreItem,
                    dal.store_key(tenant_id, store_id),
                    dal.store_is_open(),
                    conflict=StoreNotInThatState(f"store {store.name} is closed"),
                )
                if line is None:
                    line = StockItem.new(
                        tenant_id=tenant_id, sku_id=sku_id, sku_code=sku.code, store_id=store_id, available=now, at=at
                    )
                    uow.create(line, conflict=ConcurrentUpdate("the stock line was made meanwhile"))
                else:
                    line.available, line.updated_at = now, at
                    uow.update(
                        StockItem.line(tenant_id, sku_id, store_id),
                        [StockItem.available.set(now), StockItem.updated_at.set(at)],
                        condition=StockItem.available == was,
                        conflict=ConcurrentUpdate("the stock changed meanwhile"),
                    )
                _record_count(uow, actor, sku_id, store_id, movement=movement, moved=(was, now), reason=reason, at=at)
        except ConcurrentUpdate:
            if attempt == STOCK_RETRIES - 1:
                raise
            continue
        return line.view()
    raise AssertionError("unreachable")  # pragma: no cover


def _line_of(tenant_id: str, sku_id: str, store_id: str) -> tuple[SkuItem, dal.StoreItem, StockItem | None]:
    """The SKU, the (open) store and their stock line, if any: one BatchGetItem."""
    keys = [
        sku_key(tenant_id, sku_id),
        dal.store_key(tenant_id, store_id),
        stock_key(tenant_id, sku_id, store_id),
    ]
    items = dal.fetch(keys) if is_id(sku_id) and is_id(store_id) else {}
    sku: SkuItem | None = dal.found(items, sku_key(tenant_id, sku_id), SkuItem)
    if sku is None:
        raise SkuNotFound(f"no SKU {sku_id}", field="sku_id")
    store: dal.StoreItem | None = dal.found(items, dal.store_key(tenant_id, store_id), dal.StoreItem)
    if store is None:
        raise StoreNotFound(f"no store {store_id}", field="store_id")
    if store.current_status == StoreStatus.CLOSED:
        raise StoreNotInThatState(f"store {store.name} is closed")
    line: StockItem | None = dal.found(items, stock_key(tenant_id, sku_id, store_id), StockItem)
    return sku, store, line


def _record_count(
    uow: UnitOfWork,
    actor: Actor,
    sku_id: str,
    store_id: str,
    *,
    movement: Movement,
    moved: tuple[int, int],
    reason: str,
    at: datetime,
) -> None:
    was, now = moved
    uow.create(
        MovementItem.new(
            tenant_id=actor.tenant,
            move_id=new_id(),
            sku_id=sku_id,
            store_id=store_id,
            movement=movement,
            deltas=(now - was, 0, 0),
            reason=reason,
            actor_id=actor.user_id,
            at=at,
        ),
        conflict=Conflict("movement recorded twice"),
    )
    uow.emit(
        StockAdjusted(
            sku_id=sku_id,
            store_id=store_id,
            movement=movement,
            available_delta=now - was,
            available=now,
            reason=reason,
        )
    )
