"""What logistics does as orders are paid and refunded (it follows orders by their events, never
joining their transactions): a paid gene-test line becomes a test the member can book an
appointment for; a refunded one no longer can, its kits not yet at the lab are voided and its open
appointment cancelled (voiding.py). Each step is idempotent."""

from __future__ import annotations

from panacea.orders import OrderPaid, OrderRefunded
from panacea.platform.events import DomainEvent, EventMetadata


def follow(metadata: EventMetadata, event: DomainEvent) -> None:
    from panacea.logistics import paid_tests, voiding  # noqa: PLC0415  (first use: the consumer's cold start)

    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return
    if isinstance(event, OrderPaid):
        paid_tests.order_paid(tenant_id, event, metadata.occurred_at)
    elif isinstance(event, OrderRefunded):
        paid_tests.order_refunded(tenant_id, event)
        voiding.order_refunded(tenant_id, event.order_id, event.member_id, event.refund_id, event.lines)
