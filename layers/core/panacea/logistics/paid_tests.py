"""The gene tests members paid for, as logistics learns them from orders' events (DESIGN rule 11:
it follows `order.paid` and `order.refunded`, never reads orders' items): each gene-test line of a
paid order is a record a booking can hold; a refund of the line takes it back. Delivered again, an
event changes nothing twice."""

from __future__ import annotations

from datetime import datetime

from panacea import orders
from panacea.logistics.access import Action
from panacea.logistics.appointment_items import PaidTestItem
from panacea.logistics.appointment_models import PaidGeneTest
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict
from panacea.platform.transaction import unit_of_work

GENE_TEST = "gene_test"


def order_paid(tenant_id: str, event: orders.OrderPaid, at: datetime) -> int:
    """Record each gene-test line of the paid order for its member; how many were new."""
    made = 0
    for line in event.lines:
        if line.kind != GENE_TEST:
            continue
        item = PaidTestItem(
            *PaidTestItem.key(tenant_id, event.member_id, event.order_id, line.line_no),
            order_id=event.order_id,
            line_no=line.line_no,
            product_id=line.product_id,
            sku_id=line.sku_id,
            paid_at=at,
        )
        try:
            with unit_of_work(tenant_id) as uow:
                uow.create(item, conflict=Conflict("recorded already"))
        except Conflict:
            continue  # delivered again
        made += 1
    return made


def order_refunded(tenant_id: str, event: orders.OrderRefunded) -> None:
    """Mark the refunded gene-test lines: no new booking can hold them."""
    for line in event.lines:
        if line.kind != GENE_TEST:
            continue
        key = PaidTestItem.key(tenant_id, event.member_id, event.order_id, line.line_no)
        item = PaidTestItem.find(*key, consistent_read=True)
        if item is not None and not item.refunded:
            item.update(actions=[PaidTestItem.refunded.set(True)])


def mine(actor: Actor) -> list[PaidGeneTest]:
    """The member's paid gene tests (one Query)."""
    authorize(actor, Action.BOOK_APPOINTMENTS)
    return [item.view() for item in PaidTestItem.of_member(actor.tenant, actor.user_id)]
