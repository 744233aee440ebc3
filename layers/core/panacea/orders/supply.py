"""What orders ask of the catalog: lines priced on the server, and the stock an order holds,
sells, releases and puts back. The catalog hands over the writes of each stock movement, which
orders adds to its own unit of work, so it commits (or fails) with the order's change and its
event.

    placing         reservation  available → reserved   (409 out-of-stock naming lines[i].quantity)
    payment         sale         reserved  → sold
    cancel, expiry  release      reserved  → available  (unpaid orders)
    refund, cancel  restocking   sold      → available  (paid orders: what comes back, or never left)
"""

from __future__ import annotations

from collections.abc import Iterable

from panacea import catalog
from panacea.orders.models import LineIn, OrderLine
from panacea.platform.transaction import UnitOfWork


def price(tenant_id: str, lines: list[LineIn], currency: str) -> list[catalog.PricedLine]:
    """The lines as the catalog prices them now (422 naming `lines[i].sku_id` for one it does not sell)."""
    requests = [
        catalog.LineRequest(sku_id=line.sku_id, quantity=line.quantity, store_id=line.store_id) for line in lines
    ]
    return catalog.price_lines(tenant_id, requests, currency)


def _stock(lines: Iterable[tuple[OrderLine, int]]) -> list[catalog.StockLine]:
    return [
        catalog.StockLine(store_id=line.store_id, sku_id=line.sku_id, quantity=quantity) for line, quantity in lines
    ]


def reservation(tenant_id: str, order_id: str, lines: list[OrderLine]) -> UnitOfWork:
    return catalog.reservation(tenant_id, order_id, _stock((line, line.quantity) for line in lines))


def sale(tenant_id: str, order_id: str, lines: list[OrderLine]) -> UnitOfWork:
    return catalog.stock_sale(tenant_id, order_id, _stock((line, line.quantity) for line in lines))


def release(tenant_id: str, order_id: str, lines: list[OrderLine]) -> UnitOfWork:
    return catalog.stock_release(tenant_id, order_id, _stock((line, line.quantity) for line in lines))


def restocking(tenant_id: str, order_id: str, returned: list[tuple[OrderLine, int]]) -> UnitOfWork:
    """Units of lines that come back (or never left): `(line, quantity)`, none for a quantity of 0."""
    return catalog.restocking(tenant_id, order_id, _stock((line, q) for line, q in returned if q > 0))
