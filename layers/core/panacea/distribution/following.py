"""What distribution does as members register and orders end (it follows identity and orders by
their events, never joining their transactions): a member registered with a code is bound by it; an
order's outcome reaches the commission-settlement workflow that waits for it (order.paid starts that
workflow itself); refunds, and cancellations after payment, reverse commission as they come, at any
step of it."""

from __future__ import annotations

from panacea.identity import MemberRegistered
from panacea.orders import OrderCancelled, OrderCompleted, OrderRefunded
from panacea.platform.events import DomainEvent, EventMetadata


def follow(metadata: EventMetadata, event: DomainEvent) -> None:
    # first use: the consumer's cold start loads the events it parses, not the use cases (make bench)
    from panacea.distribution import accrual, attribution, settlement  # noqa: PLC0415

    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return  # members and orders always belong to a tenant
    if isinstance(event, MemberRegistered):
        attribution.member_registered(tenant_id, event)
    elif isinstance(event, OrderCompleted):
        settlement.completed(tenant_id, event.order_id)
    elif isinstance(event, OrderRefunded):
        lines = {line.line_no: line.amount.amount for line in event.lines}
        accrual.reverse(tenant_id, event.order_id, refund_id=event.refund_id, amount=event.amount.amount, lines=lines)
        settlement.refunded(tenant_id, event.order_id)
    elif isinstance(event, OrderCancelled) and event.refunded.amount > 0:
        refund = f"cancelled-{event.order_id}"  # a cancellation refunds once: it names its own refund
        accrual.reverse(tenant_id, event.order_id, refund_id=refund, amount=event.refunded.amount, lines=None)
        settlement.refunded(tenant_id, event.order_id)
