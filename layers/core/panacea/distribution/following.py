"""What distribution does as members register and orders end (it follows identity and orders by
their events, never joining their transactions): a member registered with a code is bound by it; an
order's outcome reaches the commission-settlement workflow that waits for it (order.paid starts that
workflow itself); refunds, and cancellations after payment, reverse commission as they come, at any
step of it. The buyer's product cashback follows the same events (cashback.py): credited on what was
kept when the order completes, taken back by refunds after that. Each step is idempotent, so a record
delivered again (or after a step of it failed) changes nothing twice."""

from __future__ import annotations

from panacea.platform.events import Envelope, parse


def follow(detail_type: str, sent: Envelope) -> None:
    """One event, taken by its name and envelope (`envelope_entry`): identity's and orders' event
    models and distribution's use cases load on the first event, not on the consumer's cold start."""
    from panacea.distribution import accrual, attribution, cashback, settlement  # noqa: PLC0415
    from panacea.identity import MemberRegistered  # noqa: PLC0415
    from panacea.orders import OrderCancelled, OrderCompleted, OrderRefunded  # noqa: PLC0415

    metadata, event = parse(detail_type, sent.model_dump(mode="json"))
    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return  # members and orders always belong to a tenant
    if isinstance(event, MemberRegistered):
        attribution.member_registered(tenant_id, event)
    elif isinstance(event, OrderCompleted):
        cashback.completed(tenant_id, event)
        settlement.completed(tenant_id, event.order_id)
    elif isinstance(event, OrderRefunded):
        lines = {line.line_no: line.amount.amount for line in event.lines}
        accrual.reverse(tenant_id, event.order_id, refund_id=event.refund_id, amount=event.amount.amount, lines=lines)
        cashback.refunded(tenant_id, event.order_id, event.refund_id)  # after the evidence records the refund
        settlement.refunded(tenant_id, event.order_id)
    elif isinstance(event, OrderCancelled) and event.refunded.amount > 0:
        refund = f"cancelled-{event.order_id}"  # a cancellation refunds once: it names its own refund
        accrual.reverse(tenant_id, event.order_id, refund_id=refund, amount=event.refunded.amount, lines=None)
        cashback.refunded(tenant_id, event.order_id, refund)  # none is credited: orders never cancels a completed order
        settlement.refunded(tenant_id, event.order_id)
