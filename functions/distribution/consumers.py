"""Distribution's queue consumer: what identity and orders announce binds members, counts their
spending and moves commission."""

from __future__ import annotations

from panacea.distribution import attribution
from panacea.identity import MemberRegistered
from panacea.orders import OrderPaid
from panacea.platform.consumers import consumer_entry
from panacea.platform.events import DomainEvent, EventMetadata


def on_event(metadata: EventMetadata, event: DomainEvent) -> None:
    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return  # members and orders always belong to a tenant
    if isinstance(event, MemberRegistered):
        attribution.member_registered(tenant_id, event)
    elif isinstance(event, OrderPaid):
        attribution.order_paid(tenant_id, event)


handler = consumer_entry("distribution.events", on_event)
