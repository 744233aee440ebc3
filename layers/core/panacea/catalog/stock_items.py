"""Catalog's stock items (see dal.py for the table's layout of every catalog item):

StockItem       PK T#<t>#SKU#<sku> · SK STOCK#<store>           available / reserved / sold of a SKU in one store
                GSI1 T#<t>#STORE#<store>#STOCK · <sku>          a store's stock
MovementItem    PK T#<t>#SKU#<sku> · SK MOVE#<store>#<move>     the ledger of one stock line, newest first
                GSI1 T#<t>#ORDER#<order>#STOCK · <move>         an order's stock movements
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)

from panacea.catalog.dal import (
    Key,
    get,
)
from panacea.catalog.models import (
    Movement,
)
from panacea.catalog.product_items import (
    SkuItem,
    sku_key,
)
from panacea.catalog.stock_models import (
    StockLevel,
    StockMovement,
)
from panacea.platform.keys import tenant_key
from panacea.platform.table import Page, TableItem, decode_cursor, page_of

# --- stock ---------------------------------------------------------------------------------------


def stock_key(tenant_id: str, sku_id: str, store_id: str) -> Key:
    return tenant_key(tenant_id, "SKU", sku_id), f"STOCK#{store_id}"


class StockItem(TableItem, discriminator="stock"):
    """Balances change only by update expressions under conditions that keep them from going
    negative, each with its ledger entry (MovementItem) in the same transaction."""

    tenant_id = UnicodeAttribute()
    sku_id = UnicodeAttribute()
    sku_code = UnicodeAttribute()
    store_id = UnicodeAttribute()
    available = NumberAttribute(default=0)
    reserved = NumberAttribute(default=0)
    sold = NumberAttribute(default=0)
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def line(cls, tenant_id: str, sku_id: str, store_id: str) -> StockItem:
        """The stock line's key, to update in a unit of work (nothing is read)."""
        return cls(*stock_key(tenant_id, sku_id, store_id))

    @classmethod
    def new(
        cls, *, tenant_id: str, sku_id: str, sku_code: str, store_id: str, available: int, at: datetime
    ) -> StockItem:
        """A stock line counted for the first time."""
        return cls(
            *stock_key(tenant_id, sku_id, store_id),
            gsi1pk=tenant_key(tenant_id, "STORE", store_id, "STOCK"),
            gsi1sk=sku_id,
            tenant_id=tenant_id,
            sku_id=sku_id,
            sku_code=sku_code,
            store_id=store_id,
            available=available,
            reserved=0,
            sold=0,
            updated_at=at,
        )

    def view(self) -> StockLevel:
        return StockLevel(
            sku_id=self.sku_id,
            store_id=self.store_id,
            available=int(self.available),
            reserved=int(self.reserved),
            sold=int(self.sold),
            updated_at=self.updated_at,
        )


def stock_of(raw: dict[str, Any] | None) -> StockItem | None:
    """A stock line from the raw item DynamoDB returned (e.g. with a failed condition)."""
    return StockItem.from_raw_data(raw) if raw else None


class MovementItem(TableItem, discriminator="stock_movement"):
    tenant_id = UnicodeAttribute()
    move_id = UnicodeAttribute()
    sku_id = UnicodeAttribute()
    store_id = UnicodeAttribute()
    movement = UnicodeAttribute()
    available_delta = NumberAttribute(default=0)
    reserved_delta = NumberAttribute(default=0)
    sold_delta = NumberAttribute(default=0)
    reason = UnicodeAttribute(null=True)
    order_id = UnicodeAttribute(null=True)
    actor_id = UnicodeAttribute(null=True)
    at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        move_id: str,
        sku_id: str,
        store_id: str,
        movement: Movement,
        deltas: tuple[int, int, int],
        at: datetime,
        reason: str | None = None,
        order_id: str | None = None,
        actor_id: str | None = None,
    ) -> MovementItem:
        available, reserved, sold = deltas
        return cls(
            tenant_key(tenant_id, "SKU", sku_id),
            f"MOVE#{store_id}#{move_id}",
            gsi1pk=tenant_key(tenant_id, "ORDER", order_id, "STOCK") if order_id else None,
            gsi1sk=move_id if order_id else None,
            tenant_id=tenant_id,
            move_id=move_id,
            sku_id=sku_id,
            store_id=store_id,
            movement=movement.value,
            available_delta=available,
            reserved_delta=reserved,
            sold_delta=sold,
            reason=reason,
            order_id=order_id,
            actor_id=actor_id,
            at=at,
        )

    def view(self) -> StockMovement:
        return StockMovement(
            id=self.move_id,
            sku_id=self.sku_id,
            store_id=self.store_id,
            movement=Movement(self.movement),
            available_delta=int(self.available_delta),
            reserved_delta=int(self.reserved_delta),
            sold_delta=int(self.sold_delta),
            reason=self.reason,
            order_id=self.order_id,
            actor_id=self.actor_id,
            at=self.at,
        )


def sku_with_stock(tenant_id: str, sku_id: str) -> tuple[SkuItem | None, list[StockLevel]]:
    """A SKU and its stock in every store, in one Query: its partition's SK >= "SKU" holds the
    SKU item and its stock lines (the ledger, MOVE#…, sorts before them)."""
    partition = tenant_key(tenant_id, "SKU", sku_id)
    found = list(TableItem.query(partition, TableItem.sk >= "SKU"))
    sku = next((item for item in found if isinstance(item, SkuItem)), None)
    return sku, [item.view() for item in found if isinstance(item, StockItem)]


def stock_in_store(tenant_id: str, store_id: str, *, cursor: str | None, limit: int) -> Page[StockLevel]:
    partition = tenant_key(tenant_id, "STORE", store_id, "STOCK")
    results = StockItem.by_gsi1.query(
        partition, limit=limit, last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition))
    )
    return page_of(results, StockItem.view)  # type: ignore[arg-type]


def movements(
    tenant_id: str, sku_id: str, store_id: str, *, cursor: str | None, limit: int
) -> Page[StockMovement] | None:
    """The ledger of one stock line, newest first; None if the SKU does not exist (an empty first
    page costs a GetItem of the SKU to tell that from a line that never moved)."""
    partition = tenant_key(tenant_id, "SKU", sku_id)
    results = MovementItem.query(
        partition,
        MovementItem.sk.startswith(f"MOVE#{store_id}#"),
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("PK", partition), query=store_id),
    )
    page = page_of(results, MovementItem.view, query=store_id)
    if not page.items and cursor is None and get(SkuItem, sku_key(tenant_id, sku_id)) is None:
        return None
    return page


def order_movements(tenant_id: str, order_id: str) -> list[StockMovement]:
    """Every stock movement made for an order, oldest first."""
    partition = tenant_key(tenant_id, "ORDER", order_id, "STOCK")
    return [item.view() for item in MovementItem.by_gsi1.query(partition)]  # type: ignore[attr-defined]
