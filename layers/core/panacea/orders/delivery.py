"""Delivery: where an order goes and how it gets there. Members change the address while the
cancel window is open and nothing is posted; staff enter each parcel's carrier and tracking number;
members confirm receipt; a gene test's report (sample logistics) ends its wait. Each change
answers the order-fulfilment workflow's wait after it commits (changes.py).
"""

from __future__ import annotations

from panacea.orders import dal
from panacea.orders.access import Action
from panacea.orders.changes import (
    AlreadyFulfilled,
    Answer,
    WindowClosed,
    address_snapshot,
    as_member,
    changing,
    mine,
)
from panacea.orders.commands import (
    AddressChange,
    ReceiptConfirmation,
    ShipmentEntry,
)
from panacea.orders.lifecycle import effective, move
from panacea.orders.models import (
    FulfilmentGroup,
    GroupKind,
    GroupStatus,
    Order,
    OrderAddressChanged,
    OrderShipped,
    OrderState,
    Shipment,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, Unprocessable
from panacea.platform.transaction import unit_of_work


class NoSuchParcel(Unprocessable):
    slug, title = "no-such-parcel", "No such parcel"


class AlreadyShipped(Conflict):
    slug, title = "already-shipped", "Already shipped"


def change_address(actor: Actor, order_id: str, cmd: AddressChange) -> Order:
    """Send the order to another address of the member's, while the cancel window is open and
    nothing has been posted."""
    tenant_id = as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        mine(actor, order)
        if order.state not in (OrderState.PENDING_PAYMENT, OrderState.PAID, OrderState.FULFILLING):
            raise WindowClosed(f"the order is {order.state.value}; its address can no longer change")
        if any(g.kind == GroupKind.SHIPMENT and g.status != GroupStatus.WAITING for g in order.groups):
            raise AlreadyFulfilled("a parcel has already been shipped to the old address")
        at = clock.now()
        if at > order.cancel_until:
            raise WindowClosed(f"the address could be changed until {order.cancel_until:%Y-%m-%d %H:%M} UTC")
        order.address = address_snapshot(tenant_id, order.member_id, cmd.address_id, order.lines)
        order.updated_at = at
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.emit(OrderAddressChanged(order_id=order.id, member_id=order.member_id, address_id=cmd.address_id))
        return order, []

    return changing(tenant_id, order_id, change)


def _parcel(order: Order, group_id: str | None, *, status: GroupStatus) -> FulfilmentGroup:
    parcels = [g for g in order.groups if g.kind == GroupKind.SHIPMENT]
    if group_id is not None:
        found = next((g for g in parcels if g.id == group_id), None)
        if found is None:
            raise NoSuchParcel(
                f"the order has no parcel {group_id} (it has {', '.join(g.id for g in parcels) or 'none'})",
                errors=[FieldError("group_id", "unknown")],
            )
        return found
    waiting = [g for g in parcels if g.status == status]
    if len(waiting) != 1:
        raise NoSuchParcel(
            f"{len(waiting)} parcels are {status.value}; say which one (group_id)",
            errors=[FieldError("group_id", "required")],
        )
    return waiting[0]


def record_shipment(actor: Actor, order_id: str, cmd: ShipmentEntry) -> Order:
    """Staff enter a parcel's carrier and tracking number; the order is shipped once every parcel
    is, and the workflow goes on to wait for the member's receipt."""
    authorize(actor, Action.MANAGE_ORDERS)
    tenant_id = actor.tenant

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        group = _parcel(order, cmd.group_id, status=GroupStatus.WAITING)
        if group.status != GroupStatus.WAITING:
            same = group.shipment and (group.shipment.carrier, group.shipment.tracking_number) == (
                cmd.carrier,
                cmd.tracking_number,
            )
            if same:
                return order, []  # the same entry again: already done
            raise AlreadyShipped(f"parcel {group.id} is {group.status.value}")
        if effective(order) != OrderState.FULFILLING:
            raise AlreadyShipped(f"the order is {order.state.value}; only an order being fulfilled ships")
        at = clock.now()
        group.status = GroupStatus.SHIPPED
        group.shipment = Shipment(
            carrier=cmd.carrier, tracking_number=cmd.tracking_number, shipped_at=at, shipped_by=actor.user_id
        )
        everything = all(g.status != GroupStatus.WAITING for g in order.groups if g.kind == GroupKind.SHIPMENT)
        if everything:
            move(order, OrderState.SHIPPED, by=actor.user_id, at=at, doing="ship the order")
        order.updated_at = at
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.emit(
                OrderShipped(
                    order_id=order.id,
                    member_id=order.member_id,
                    group_id=group.id,
                    carrier=cmd.carrier,
                    tracking_number=cmd.tracking_number,
                    line_nos=group.line_nos,
                    all_shipped=everything,
                )
            )
        return order, [Answer(f"{group.id}.shipment", output={"carrier": cmd.carrier})]

    return changing(tenant_id, order_id, change)


def confirm_receipt(actor: Actor, order_id: str, cmd: ReceiptConfirmation) -> Order:
    """The member says a parcel (or every shipped one) arrived; the workflow completes the order
    when everything is done."""
    tenant_id = as_member(actor)

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        mine(actor, order)
        if cmd.group_id is not None:
            groups = [_parcel(order, cmd.group_id, status=GroupStatus.SHIPPED)]
        else:
            groups = [g for g in order.groups if g.kind == GroupKind.SHIPMENT and g.status == GroupStatus.SHIPPED]
        fresh = [g for g in groups if g.status == GroupStatus.SHIPPED]
        if not fresh:
            if groups and all(g.status == GroupStatus.DELIVERED for g in groups):
                return order, []  # already confirmed
            raise NoSuchParcel("nothing has been shipped to you yet", errors=[FieldError("group_id", "not_shipped")])
        at = clock.now()
        for group in fresh:
            group.status, group.delivered_at, group.delivered_by = GroupStatus.DELIVERED, at, "member"
        order.updated_at = at
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
        return order, [Answer(f"{g.id}.receipt", output={"by": "member"}) for g in fresh]

    return changing(tenant_id, order_id, change)


def report_released(tenant_id: str, order_id: str, group_id: str) -> Order:
    """A gene test's report was released (called by the sample-logistics context): its wait ends."""

    def change(item: dal.OrderItem, order: Order) -> tuple[Order, list[Answer]]:
        group = next((g for g in order.groups if g.id == group_id and g.kind == GroupKind.GENE_TEST), None)
        if group is None:
            raise NoSuchParcel(f"the order has no gene test {group_id}", errors=[FieldError("group_id", "unknown")])
        if group.status in (GroupStatus.WAITING, GroupStatus.OVERDUE):
            group.status, group.reported_at = GroupStatus.REPORTED, clock.now()
            order.updated_at = group.reported_at
            with unit_of_work(tenant_id) as uow:
                dal.stage(uow, tenant_id, item, order)
        return order, [Answer(f"{group.id}.report", output={"reported": True})]

    return changing(tenant_id, order_id, change)
