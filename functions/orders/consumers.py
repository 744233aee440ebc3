"""Orders' queue consumer: what payments announces moves the order (and answers the workflow)."""

from __future__ import annotations

from panacea.orders import changes, paying
from panacea.payments import PaymentCanceled, PaymentDisputed, PaymentFailed, PaymentRefunded, PaymentSucceeded
from panacea.platform.consumers import consumer_entry
from panacea.platform.events import DomainEvent, EventMetadata
from panacea.platform.observability import logger


def on_payment_event(metadata: EventMetadata, event: DomainEvent) -> None:
    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return  # payments of orders always belong to a tenant
    try:
        _apply(tenant_id, event)
    except changes.OrderNotFound:
        logger.warning("payment event for no order of the tenant", extra={"event": event.event_type})


def _apply(tenant_id: str, event: DomainEvent) -> None:
    if isinstance(event, PaymentSucceeded):
        paying.payment_succeeded(tenant_id, event)
    elif isinstance(event, PaymentFailed):
        failure = ": ".join(filter(None, [event.failure_code, event.failure_message])) or "declined"
        paying.payment_failed(tenant_id, event.order_id, event.payment_id, failure)
    elif isinstance(event, PaymentRefunded):
        paying.payment_refunded(tenant_id, event)
    elif isinstance(event, PaymentDisputed):
        paying.payment_disputed(tenant_id, event.order_id)
    elif isinstance(event, PaymentCanceled):
        paying.payment_canceled(tenant_id, event.order_id)


handler = consumer_entry("orders.payment_events", on_payment_event)
