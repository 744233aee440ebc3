"""Orders' reads: an order, a member's orders, staff's search, and the states of orders that
another context asks for through orders' face (finance's order lists).

Orders' use cases live by family, over the shared read-modify-write of an order (changes.py):

    checkout.py     the cart, a quote, placing an order, starting its payment
    paying.py       the order follows its payment (and writes its sale in the ledger)
    cancelling.py   members and staff cancel; the workflow expires an unpaid order
    delivery.py     the address, parcels shipped and received, a gene test's report
    refunds.py      asked, approved, declined, issued; recorded with the ledger's entry
    fulfilment.py   the order-fulfilment workflow's tasks

and what they share: lifecycle.py (which state may follow which), pricing.py (an order's
arithmetic), supply.py (what orders asks of the catalog: prices and stock moves), sales.py (what
it tells finance when money moves), commands.py and models.py (what clients send and get back,
and its events), settings.py (its section of a tenant's settings), access.py (its actions).

Orders' transactions are its own: the contexts that follow an order (distribution, logistics,
records …) subscribe to `order.paid`, `order.completed` and `order.refunded` and do not join them.
The only records written with an order's change are those whose owner hands orders the items
(catalog's stock, promotions' redemption, payments' record, finance's ledger entry); a later
issue that needs a wallet debit to commit with the order does the same.
"""

from __future__ import annotations

from datetime import datetime

from panacea.orders import dal
from panacea.orders.access import Action
from panacea.orders.changes import as_member, read, visible
from panacea.orders.models import Order, OrderState, OrderSummary
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import BadRequest, FieldError
from panacea.platform.table import Page


def get_order(actor: Actor, order_id: str) -> Order:
    order = read(actor.tenant, order_id).model
    visible(actor, order)
    return order


def my_orders(actor: Actor, *, state: OrderState | None, cursor: str | None, limit: int) -> Page[OrderSummary]:
    tenant_id = as_member(actor)
    return dal.member_orders(tenant_id, actor.user_id, state=state, cursor=cursor, limit=limit)


def search(
    actor: Actor,
    *,
    state: OrderState | None,
    member_id: str | None,
    product_id: str | None,
    store_id: str | None,
    since: datetime | None,
    until: datetime | None,
    cursor: str | None,
    limit: int,
) -> Page[OrderSummary]:
    authorize(actor, Action.READ_ORDERS)
    if since and until and until < since:
        raise BadRequest("`until` comes after `since`", errors=[FieldError("until", "before_since")])
    for name, value in (("member_id", member_id), ("product_id", product_id), ("store_id", store_id)):
        if value is not None and (not value or "#" in value or len(value) > 128):
            raise BadRequest(f"{name} is not an id", errors=[FieldError(name, "invalid")])
    return dal.search(
        actor.tenant,
        state=state,
        member_id=member_id,
        product_id=product_id,
        store_id=store_id,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )


def states_of(tenant_id: str, order_ids: list[str]) -> dict[str, str]:
    """The orders' states now (`OrderState` values), by order id; an id of no order of the tenant
    is left out. One BatchGetItem per 100 orders (for finance's order lists)."""
    return {order_id: summary.state.value for order_id, summary in dal.summaries(tenant_id, order_ids).items()}
