"""Orders' items in the single table, and every query that reads them.

OrderItem       PK T#<tenant>#ORDER#<order> · SK ORDER                    the order (a document) and the
                                                                          workflow's task tokens
                GSI1 T#<tenant>#MEMBER#<member>#ORDERS · <order>          a member's orders, newest first
                GSI2 T#<tenant>#ORDERS#<state> · <order>                  the tenant's orders in one state
OrderIndexItem  PK T#<tenant>#ORDER#<order> · SK INDEX#ALL                one per order:
                GSI1 T#<tenant>#ORDERS · <order>                          every order of the tenant
                GSI2 T#<tenant>#MEMBER#<member>#ORDERS#<state> · <order>  a member's orders in one state
                                                                          (finance reads a page of orders' states with
                                                                          one BatchGetItem of these, `summaries`)
                PK … · SK INDEX#PRODUCT#<product>                         one per product on the order:
                GSI1 T#<tenant>#PRODUCT#<product>#ORDERS · <order>        the orders of a product
                PK … · SK INDEX#STORE#<store>                             one per store on the order:
                GSI1 T#<tenant>#STORE#<store>#ORDERS · <order>            the orders of a store
CartItem        PK T#<tenant>#MEMBER#<member> · SK CART                   a member's cart
MemberOrders    PK T#<tenant>#MEMBER#<member> · SK ORDER_STATS              how many orders they have paid for
                                                                          (whether the next one is a first order)
Uniqueness      PK T#<tenant>#UNIQUE#checkout#<digest> · SK UNIQUE        a checkout's Idempotency-Key (digest of
                                                                          member + key), owned by the order it placed

Every list is one Query per page, newest first (order ids are ULIDs, so the sort key orders by time
and a date range is a `BETWEEN` of two ULIDs on it). Index items carry the order's summary and
its `state`, `member_id`, `product_ids` and `store_ids`, so a second criterion (a state within a
product's orders, say) is a filter on the same Query. They are written with the order and
rewritten with every change of it, in the same transaction: at most 1 + 20 products + 20 stores
(`MAX_LINES`), which leaves room for a line's stock and the promotion in the same transaction.

Orders read no other context's items: the tenant's settings come from tenancy's face
(`tenancy.settings_of`), an address from identity's (`identity.address_of`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.expressions.condition import Condition
from pynamodb.transactions import TransactGet

from panacea.orders.models import Cart, LineIn, Order, OrderState, OrderSummary
from panacea.platform.ids import time_prefix
from panacea.platform.keys import owner_key, tenant_key
from panacea.platform.table import (
    DocumentAttribute,
    Page,
    TableItem,
    Uniqueness,
    connection,
    decode_cursor,
    encode_cursor,
    found,
)
from panacea.platform.transaction import UnitOfWork

CHECKOUT_CLAIM = "checkout"


def _order_pk(tenant_id: str, order_id: str) -> str:
    return tenant_key(tenant_id, "ORDER", order_id)


def _member_pk(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id)


def _member_orders(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "ORDERS")


def _member_orders_in(tenant_id: str, member_id: str, state: OrderState) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "ORDERS", state.value)


def _in_state(tenant_id: str, state: OrderState) -> str:
    return tenant_key(tenant_id, "ORDERS", state.value)


def _all(tenant_id: str) -> str:
    return tenant_key(tenant_id, "ORDERS")


def _of_product(tenant_id: str, product_id: str) -> str:
    return tenant_key(tenant_id, "PRODUCT", product_id, "ORDERS")


def _of_store(tenant_id: str, store_id: str) -> str:
    return tenant_key(tenant_id, "STORE", store_id, "ORDERS")


def summary_of(order: Order) -> OrderSummary:
    return OrderSummary(
        id=order.id,
        member_id=order.member_id,
        state=order.state,
        total=order.total,
        refunded=order.refunded,
        lines=len(order.lines),
        product_ids=sorted({line.product_id for line in order.lines}),
        store_ids=sorted({line.store_id for line in order.lines}),
        created_at=order.created_at,
    )


class OrderItem(TableItem, discriminator="order"):
    order_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    state = UnicodeAttribute()
    product_ids = UnicodeSetAttribute()
    store_ids = UnicodeSetAttribute()
    order = DocumentAttribute()  # the Order model
    tokens = DocumentAttribute(null=True)  # what the workflow waits on → its task token
    redemption = DocumentAttribute(null=True)  # what promotions redeemed (handed back to release it)
    refund_in_flight = DocumentAttribute(null=True)  # a refund asked of payments, not yet recorded here
    request_digest = UnicodeAttribute(null=True)  # the checkout request, to tell a retry from a reused key
    version = VersionAttribute()

    @classmethod
    def of(cls, tenant_id: str, order: Order) -> OrderItem:
        item = cls(_order_pk(tenant_id, order.id), "ORDER", order_id=order.id, member_id=order.member_id)
        item.gsi1pk, item.gsi1sk = _member_orders(tenant_id, order.member_id), order.id
        item.tokens = {}
        item.put(tenant_id, order)
        return item

    def put(self, tenant_id: str, order: Order) -> None:
        """Take `order` as this item's content (state partition and filters follow it)."""
        self.state = order.state.value
        self.gsi2pk, self.gsi2sk = _in_state(tenant_id, order.state), order.id
        summary = summary_of(order)
        self.product_ids, self.store_ids = set(summary.product_ids), set(summary.store_ids)
        self.order = order.model_dump(mode="json")

    @property
    def model(self) -> Order:
        return Order.model_validate(self.order)

    def token(self, name: str) -> str | None:
        return (self.tokens or {}).get(name)


class OrderIndexItem(TableItem, discriminator="order_index"):
    order_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    state = UnicodeAttribute()
    product_ids = UnicodeSetAttribute()
    store_ids = UnicodeSetAttribute()
    summary = DocumentAttribute()

    def view(self) -> OrderSummary:
        return OrderSummary.model_validate(self.summary)


def index_items(tenant_id: str, order: Order) -> list[OrderIndexItem]:
    """The index items of an order as it is now (all of them, rewritten on every change)."""
    summary = summary_of(order)
    pk = _order_pk(tenant_id, order.id)

    def item(sk: str, gsi1pk: str, gsi2pk: str | None = None) -> OrderIndexItem:
        made = OrderIndexItem(
            pk,
            sk,
            order_id=order.id,
            member_id=order.member_id,
            state=order.state.value,
            product_ids=set(summary.product_ids),
            store_ids=set(summary.store_ids),
            summary=summary.model_dump(mode="json"),
        )
        made.gsi1pk, made.gsi1sk = gsi1pk, order.id
        if gsi2pk:
            made.gsi2pk, made.gsi2sk = gsi2pk, order.id
        return made

    return [
        item("INDEX#ALL", _all(tenant_id), _member_orders_in(tenant_id, order.member_id, order.state)),
        *(item(f"INDEX#PRODUCT#{p}", _of_product(tenant_id, p)) for p in summary.product_ids),
        *(item(f"INDEX#STORE#{s}", _of_store(tenant_id, s)) for s in summary.store_ids),
    ]


class CartItem(TableItem, discriminator="cart"):
    member_id = UnicodeAttribute()
    lines = DocumentAttribute()  # {"lines": [LineIn…]}
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def of(cls, tenant_id: str, member_id: str) -> CartItem:
        return cls(_member_pk(tenant_id, member_id), "CART", member_id=member_id, lines={"lines": []})

    def view(self) -> Cart:
        return Cart(lines=self.line_list, updated_at=self.updated_at)

    @property
    def line_list(self) -> list[LineIn]:
        return [LineIn.model_validate(line) for line in (self.lines or {}).get("lines", [])]


class MemberOrders(TableItem, discriminator="member_orders"):
    member_id = UnicodeAttribute()
    paid = NumberAttribute(default=0)


# --- writes --------------------------------------------------------------------------------------


def stage_new(uow: UnitOfWork, tenant_id: str, item: OrderItem, order: Order, *, conflict: Any) -> None:
    """Create the order and its index items in `uow`."""
    uow.create(item, conflict=conflict)
    for index in index_items(tenant_id, order):
        uow.save(index)


def stage(uow: UnitOfWork, tenant_id: str, item: OrderItem, order: Order) -> None:
    """Save the order as changed (checked against the version it was read at), and its index items
    if what they carry (the summary: state, refunds) changed."""
    before = summary_of(Order.model_validate(item.order)) if item.order else None
    item.put(tenant_id, order)
    uow.save(item)
    if summary_of(order) != before:
        for index in index_items(tenant_id, order):
            uow.save(index)


def count_paid(uow: UnitOfWork, tenant_id: str, member_id: str) -> None:
    stats = MemberOrders(_member_pk(tenant_id, member_id), "ORDER_STATS", member_id=member_id)
    uow.update(stats, [MemberOrders.paid.add(1), MemberOrders.member_id.set(member_id)])


def save_cart(uow: UnitOfWork, item: CartItem, lines: list[LineIn], *, at: datetime) -> None:
    item.lines = {"lines": [line.model_dump(mode="json") for line in lines]}
    item.updated_at = at
    uow.save(item)


def empty_cart(uow: UnitOfWork, item: CartItem, *, at: datetime) -> None:
    """Empty the cart that checkout took its lines from (unless it changed since it was read)."""
    save_cart(uow, item, [], at=at)


# --- reads ---------------------------------------------------------------------------------------


def order(tenant_id: str, order_id: str, *, consistent: bool = False) -> OrderItem | None:
    return OrderItem.find(_order_pk(tenant_id, order_id), "ORDER", consistent_read=consistent)


def cart_and_orders(tenant_id: str, member_id: str) -> tuple[CartItem | None, int]:
    """A member's cart and how many orders they have paid for, in one request."""
    cart, paid, _ = checkout_reads(tenant_id, member_id, None)
    return cart, paid


def checkout_reads(tenant_id: str, member_id: str, claim: str | None) -> tuple[CartItem | None, int, str | None]:
    """What a checkout reads of its member, in one request: the cart, how many orders they have paid
    for, and the order a checkout's Idempotency-Key (its digest `claim`) already placed, if any."""
    pk = _member_pk(tenant_id, member_id)
    with TransactGet(connection=connection()) as tx:
        cart = tx.get(CartItem, pk, "CART")
        stats = tx.get(MemberOrders, pk, "ORDER_STATS")
        held = tx.get(Uniqueness, owner_key(tenant_id, "UNIQUE", CHECKOUT_CLAIM, claim), "UNIQUE") if claim else None
    owner = found(held) if held is not None else None
    return found(cart), int(getattr(found(stats), "paid", 0) or 0), None if owner is None else str(owner.owner)


def summaries(tenant_id: str, order_ids: list[str]) -> dict[str, OrderSummary]:
    """The orders' summaries as they are now, from their INDEX#ALL items (BatchGetItem, 100 keys a
    request); an id of no order of the tenant is left out. For finance's order lists."""
    keys = [(_order_pk(tenant_id, order_id), "INDEX#ALL") for order_id in dict.fromkeys(order_ids)]
    return {item.order_id: item.view() for item in OrderIndexItem.batch_get(keys)} if keys else {}


def claimed_order(tenant_id: str, digest: str) -> str | None:
    """The order a checkout's Idempotency-Key placed (see Uniqueness above)."""
    try:
        claim = Uniqueness.get(owner_key(tenant_id, "UNIQUE", CHECKOUT_CLAIM, digest), "UNIQUE", consistent_read=True)
        return str(claim.owner)
    except Uniqueness.DoesNotExist:
        return None


def cart(tenant_id: str, member_id: str) -> CartItem | None:
    return CartItem.find(_member_pk(tenant_id, member_id), "CART")


# --- lists ---------------------------------------------------------------------------------------


def id_bounds(since: datetime | None, until: datetime | None) -> tuple[str, str] | None:
    """The ULIDs that bound orders created in [since, until] (the sort key of every order list)."""
    if since is None and until is None:
        return None
    low = time_prefix(since) if since else "0" * 10
    high = time_prefix(until) if until else "Z" * 10
    return low + "0" * 16, high + "Z" * 16


def _page(
    model: type[OrderItem] | type[OrderIndexItem],
    index: str,
    partition: str,
    *,
    bounds: tuple[str, str] | None,
    filters: Condition | None,
    cursor: str | None,
    limit: int,
    query: object = None,
) -> Page[OrderSummary]:
    gsi = model.by_gsi1 if index == "GSI1" else model.by_gsi2
    sort_key = TableItem.gsi1sk if index == "GSI1" else TableItem.gsi2sk
    results = gsi.query(
        partition,
        range_key_condition=sort_key.between(*bounds) if bounds else None,
        filter_condition=filters,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=(f"{index}PK", partition), query=query),
    )
    items = [
        item.view() if isinstance(item, OrderIndexItem) else summary_of(item.model)  # type: ignore[attr-defined]
        for item in results
    ]
    return Page[OrderSummary](items=items, next_cursor=encode_cursor(results.last_evaluated_key, query=query))


def member_orders(
    tenant_id: str, member_id: str, *, state: OrderState | None, cursor: str | None, limit: int
) -> Page[OrderSummary]:
    """A member's orders, newest first; in one state through the member-and-state index item."""
    if state is None:
        return _page(
            OrderItem,
            "GSI1",
            _member_orders(tenant_id, member_id),
            bounds=None,
            filters=None,
            cursor=cursor,
            limit=limit,
        )
    partition = _member_orders_in(tenant_id, member_id, state)
    return _page(OrderIndexItem, "GSI2", partition, bounds=None, filters=None, cursor=cursor, limit=limit)


def search(
    tenant_id: str,
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
    """Staff's order search: one Query per page on the most selective index the criteria name
    (product, then store, then member, then state, else every order), the date range on its sort
    key, any other criterion a filter on the same Query."""
    bounds = id_bounds(since, until)
    filters: list[Condition] = []

    def also(condition: Condition) -> None:
        filters.append(condition)

    if product_id:
        model: type[OrderItem] | type[OrderIndexItem] = OrderIndexItem
        index, partition = "GSI1", _of_product(tenant_id, product_id)
        if store_id:
            also(OrderIndexItem.store_ids.contains(store_id))
        if member_id:
            also(OrderIndexItem.member_id == member_id)
        if state:
            also(OrderIndexItem.state == state.value)
    elif store_id:
        model, index, partition = OrderIndexItem, "GSI1", _of_store(tenant_id, store_id)
        if member_id:
            also(OrderIndexItem.member_id == member_id)
        if state:
            also(OrderIndexItem.state == state.value)
    elif member_id and state:
        model, index, partition = OrderIndexItem, "GSI2", _member_orders_in(tenant_id, member_id, state)
    elif member_id:
        model, index, partition = OrderItem, "GSI1", _member_orders(tenant_id, member_id)
    elif state:
        model, index, partition = OrderItem, "GSI2", _in_state(tenant_id, state)
    else:
        model, index, partition = OrderIndexItem, "GSI1", _all(tenant_id)
    combined = None
    for condition in filters:
        combined = condition if combined is None else combined & condition
    query = [state, member_id, product_id, store_id, since, until]  # a cursor continues these criteria only
    return _page(model, index, partition, bounds=bounds, filters=combined, cursor=cursor, limit=limit, query=query)
