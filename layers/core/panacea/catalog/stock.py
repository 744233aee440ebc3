"""Stock movements for orders: each adds its operations to the caller's unit of work, so that
an order and the stock it holds change in the same TransactWriteItems, or not at all.

    reserve   available → reserved   placing an order         condition: available >= quantity
    commit    reserved  → sold       the order is paid        condition: reserved  >= quantity
    release   reserved  → available  cancelled or expired     condition: reserved  >= quantity
    restock   sold      → available  refunded                 condition: sold      >= quantity

Each writes its ledger entry (a MovementItem naming the order) in the same transaction, and
reads nothing first: the condition is the check, so any number of concurrent checkouts of the
last unit sell it once. A failed reservation is `OutOfStock` (409), which says how many were
available when it failed (DynamoDB returns the item as it was: no extra read).

Two rules for the caller:
- one movement per (SKU, store) per unit of work: DynamoDB refuses two operations on one item
  in a transaction, so merge lines first (`pricing.price_lines` refuses duplicates);
- each movement costs two items of the transaction's 100.
`price_lines` (from pricing.py, here too) prices the lines first.

Each movement should happen once per order: call it in the transaction that moves the order's
state (placed → reserve, paid → commit, …), whose own condition keeps it from repeating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from panacea.catalog.models import Movement
from panacea.catalog.pricing import NotForSale, price_lines
from panacea.catalog.stock_items import MovementItem, StockItem, stock_of
from panacea.platform import clock
from panacea.platform.errors import Conflict, DomainError, FieldError
from panacea.platform.ids import new_id
from panacea.platform.transaction import Explained, UnitOfWork

__all__ = [
    "NotForSale",
    "OutOfStock",
    "StockLine",
    "StockNotHeld",
    "commit",
    "price_lines",
    "release",
    "reservation",
    "reserve",
    "restock",
    "restocking",
    "stock_release",
    "stock_sale",
]


class OutOfStock(Conflict):
    slug, title = "out-of-stock", "Out of stock"

    def __init__(
        self,
        detail: str,
        *,
        sku_id: str,
        store_id: str,
        available: int,
        requested: int,
        errors: Sequence[FieldError] = (),
    ) -> None:
        super().__init__(detail, errors=errors)
        self.sku_id, self.store_id, self.available, self.requested = sku_id, store_id, available, requested


class StockNotHeld(Conflict):
    """A commit, release or restock of more than is reserved (or sold): the order's own state
    should have prevented it."""

    slug, title = "stock-not-held", "Stock not held"


def reserve(  # noqa: PLR0917 - the contract orders call positionally
    uow: UnitOfWork,
    tenant_id: str,
    store_id: str,
    sku_id: str,
    quantity: int,
    order_id: str,
    *,
    field: str | None = None,
) -> None:
    """Hold `quantity` units for an order; `OutOfStock` (naming `field`, e.g. `lines[0].quantity`)
    if fewer are available when the transaction commits."""

    def out_of_stock(raw: dict[str, Any] | None) -> DomainError:
        line = stock_of(raw)
        available = int(line.available) if line else 0
        what = f"SKU {line.sku_code}" if line else f"SKU {sku_id}"
        detail = f"{what} has {available} available in store {store_id}, {quantity} requested"
        errors = [FieldError(field, "out_of_stock", detail)] if field else []
        return OutOfStock(
            detail, sku_id=sku_id, store_id=store_id, available=available, requested=quantity, errors=errors
        )

    _move(
        uow,
        tenant_id,
        store_id=store_id,
        sku_id=sku_id,
        quantity=quantity,
        order_id=order_id,
        movement=Movement.RESERVATION,
        explain=out_of_stock,
    )


def commit(  # noqa: PLR0917 - the contract orders call positionally
    uow: UnitOfWork, tenant_id: str, store_id: str, sku_id: str, quantity: int, order_id: str
) -> None:
    """The order was paid: its reserved units are sold."""
    _move(
        uow,
        tenant_id,
        store_id=store_id,
        sku_id=sku_id,
        quantity=quantity,
        order_id=order_id,
        movement=Movement.SALE,
        explain=_not_held(sku_id, store_id, quantity),
    )


def release(  # noqa: PLR0917 - the contract orders call positionally
    uow: UnitOfWork, tenant_id: str, store_id: str, sku_id: str, quantity: int, order_id: str
) -> None:
    """The order was cancelled or expired before payment: its reserved units are available again."""
    _move(
        uow,
        tenant_id,
        store_id=store_id,
        sku_id=sku_id,
        quantity=quantity,
        order_id=order_id,
        movement=Movement.RELEASE,
        explain=_not_held(sku_id, store_id, quantity),
    )


def restock(  # noqa: PLR0917 - the contract orders call positionally
    uow: UnitOfWork, tenant_id: str, store_id: str, sku_id: str, quantity: int, order_id: str
) -> None:
    """The order was refunded (and its goods returned): sold units are available again."""
    _move(
        uow,
        tenant_id,
        store_id=store_id,
        sku_id=sku_id,
        quantity=quantity,
        order_id=order_id,
        movement=Movement.RESTOCK,
        explain=_not_held(sku_id, store_id, quantity),
    )


# (available, reserved, sold) deltas per unit, and the balance that must cover the quantity.
_EFFECT: dict[Movement, tuple[tuple[int, int, int], str]] = {
    Movement.RESERVATION: ((-1, 1, 0), "available"),
    Movement.SALE: ((0, -1, 1), "reserved"),
    Movement.RELEASE: ((1, -1, 0), "reserved"),
    Movement.RESTOCK: ((1, 0, -1), "sold"),
}


def _not_held(sku_id: str, store_id: str, quantity: int) -> Explained:
    def explain(raw: dict[str, Any] | None) -> DomainError:
        line = stock_of(raw)
        held = f"{int(line.reserved)} reserved and {int(line.sold)} sold" if line else "no stock line"
        return StockNotHeld(f"SKU {sku_id} in store {store_id} has {held}; {quantity} cannot be moved")

    return explain


def _move(
    uow: UnitOfWork,
    tenant_id: str,
    *,
    store_id: str,
    sku_id: str,
    quantity: int,
    order_id: str,
    movement: Movement,
    explain: Explained,
) -> None:
    if uow.tenant_id != tenant_id:
        raise ValueError(f"a unit of work for tenant {uow.tenant_id} cannot move tenant {tenant_id}'s stock")
    if quantity < 1:
        raise ValueError(f"a stock movement moves at least one unit, not {quantity}")
    (available, reserved, sold), covering = _EFFECT[movement]
    at = clock.now()
    line = StockItem.line(tenant_id, sku_id, store_id)
    actions = [
        attribute.add(delta * quantity)
        for attribute, delta in (
            (StockItem.available, available),
            (StockItem.reserved, reserved),
            (StockItem.sold, sold),
        )
        if delta
    ]
    uow.update(
        line,
        [*actions, StockItem.updated_at.set(at)],
        condition=getattr(StockItem, covering) >= quantity,
        conflict=explain,
    )
    uow.create(
        MovementItem.new(
            tenant_id=tenant_id,
            move_id=new_id(),
            sku_id=sku_id,
            store_id=store_id,
            movement=movement,
            deltas=(available * quantity, reserved * quantity, sold * quantity),
            order_id=order_id,
            at=at,
        ),
        conflict=Conflict(f"stock movement for order {order_id} recorded twice"),
    )


# --- what other contexts are handed: the writes of an order's stock movements ------------------------


@dataclass(frozen=True)
class StockLine:
    """Units of a SKU in a store that an order moves."""

    store_id: str
    sku_id: str
    quantity: int


def reservation(tenant_id: str, order_id: str, lines: Sequence[StockLine]) -> UnitOfWork:
    """The writes that hold the lines for an order being placed (`OutOfStock` names `lines[i].quantity`)."""
    part = UnitOfWork(tenant_id)
    for i, line in enumerate(lines):
        reserve(part, tenant_id, line.store_id, line.sku_id, line.quantity, order_id, field=f"lines[{i}].quantity")
    return part


def stock_sale(tenant_id: str, order_id: str, lines: Sequence[StockLine]) -> UnitOfWork:
    """The writes that sell what a paid order held."""
    part = UnitOfWork(tenant_id)
    for line in lines:
        commit(part, tenant_id, line.store_id, line.sku_id, line.quantity, order_id)
    return part


def stock_release(tenant_id: str, order_id: str, lines: Sequence[StockLine]) -> UnitOfWork:
    """The writes that give back what an unpaid order held (cancelled or expired)."""
    part = UnitOfWork(tenant_id)
    for line in lines:
        release(part, tenant_id, line.store_id, line.sku_id, line.quantity, order_id)
    return part


def restocking(tenant_id: str, order_id: str, lines: Sequence[StockLine]) -> UnitOfWork:
    """The writes that put sold units back on sale (refunded, returned or never sent)."""
    part = UnitOfWork(tenant_id)
    for line in lines:
        restock(part, tenant_id, line.store_id, line.sku_id, line.quantity, order_id)
    return part
