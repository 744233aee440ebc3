"""What orders ask of the catalog: lines priced on the server, and the stock an order holds,
sells, releases and puts back. Every stock change is a write added to the order's own unit of
work, so it commits (or fails) with the order's change and its event.

    placing         reserve   available → reserved     (409 out-of-stock naming lines[i].quantity)
    payment         commit    reserved  → sold
    cancel, expiry  release   reserved  → available    (unpaid orders)
    refund, cancel  restock   sold      → available    (paid orders: what comes back, or never left)
"""

from __future__ import annotations

from panacea.catalog import stock
from panacea.catalog.models import LineRequest, PricedLine
from panacea.orders.models import LineIn, OrderLine
from panacea.platform.transaction import UnitOfWork


def price(tenant_id: str, lines: list[LineIn], currency: str) -> list[PricedLine]:
    """The lines as the catalog prices them now (422 naming `lines[i].sku_id` for one it does not sell)."""
    requests = [LineRequest(sku_id=line.sku_id, quantity=line.quantity, store_id=line.store_id) for line in lines]
    return stock.price_lines(tenant_id, requests, currency)


def reserve(uow: UnitOfWork, tenant_id: str, order_id: str, lines: list[OrderLine]) -> None:
    for i, line in enumerate(lines):
        stock.reserve(uow, tenant_id, line.store_id, line.sku_id, line.quantity, order_id, field=f"lines[{i}].quantity")


def commit(uow: UnitOfWork, tenant_id: str, order_id: str, lines: list[OrderLine]) -> None:
    for line in lines:
        stock.commit(uow, tenant_id, line.store_id, line.sku_id, line.quantity, order_id)


def release(uow: UnitOfWork, tenant_id: str, order_id: str, lines: list[OrderLine]) -> None:
    for line in lines:
        stock.release(uow, tenant_id, line.store_id, line.sku_id, line.quantity, order_id)


def restock(uow: UnitOfWork, tenant_id: str, order_id: str, line: OrderLine, quantity: int) -> None:
    if quantity > 0:
        stock.restock(uow, tenant_id, line.store_id, line.sku_id, quantity, order_id)
