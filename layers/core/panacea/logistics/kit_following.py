"""What the kits do as orders are paid and samples leave (logistics follows orders by their events,
never joining their transactions): a paid order's gene-test lines are kept (the record a kit's
dispatch checks), and a sample on its way is announced to its lab by a signed manifest webhook.
Each step is idempotent: a record delivered again changes nothing twice (a manifest may be posted
again; the lab keys it by barcode)."""

from __future__ import annotations

from panacea.logistics.kit_models import SampleInTransit
from panacea.orders import OrderPaid
from panacea.platform.events import DomainEvent, EventMetadata


def follow(metadata: EventMetadata, event: DomainEvent) -> None:
    # first use: the consumer's cold start loads the events it parses, not the use cases
    from panacea.logistics import kits, labs  # noqa: PLC0415

    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return
    if isinstance(event, OrderPaid):
        kits.note_paid_lines(tenant_id, event.order_id, event.member_id, event.lines)
    elif isinstance(event, SampleInTransit):
        labs.send_manifest(tenant_id, event.barcode)
