"""Distribution's queue consumer: what identity and orders announce binds members, counts their
spending and moves commission through the order's life."""

from __future__ import annotations

from panacea.distribution import accrual, attribution
from panacea.identity import MemberRegistered
from panacea.orders import OrderCancelled, OrderCompleted, OrderPaid, OrderRefunded
from panacea.platform.consumers import consumer_entry
from panacea.platform.events import DomainEvent, EventMetadata


def on_event(metadata: EventMetadata, event: DomainEvent) -> None:
    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return  # members and orders always belong to a tenant
    if isinstance(event, MemberRegistered):
        attribution.member_registered(tenant_id, event)
    elif isinstance(event, OrderPaid):
        attribution.order_paid(tenant_id, event)  # a code used at checkout binds first: its chain earns
        accrual.accrue(tenant_id, event)
    elif isinstance(event, OrderCompleted):
        accrual.freeze(tenant_id, event.order_id)
    elif isinstance(event, OrderRefunded):
        lines = {line.line_no: line.amount.amount for line in event.lines}
        accrual.reverse(tenant_id, event.order_id, refund_id=event.refund_id, amount=event.amount.amount, lines=lines)
    elif isinstance(event, OrderCancelled) and event.refunded.amount > 0:
        refund = f"cancelled-{event.order_id}"
        accrual.reverse(tenant_id, event.order_id, refund_id=refund, amount=event.refunded.amount, lines=None)


handler = consumer_entry("distribution.events", on_event)
