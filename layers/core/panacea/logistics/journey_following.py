"""What moves the samples the sample-logistics workflow follows (logistics' own kit, lab and
appointment events; records' `report.released`; orders' `order.refunded`): each is handed to
journey_moves.py, which never moves a sample backwards, so a duplicate or a late event is harmless."""

from __future__ import annotations

from panacea.logistics.appointment_models import (
    AppointmentCancelled,
    AppointmentCollected,
    AppointmentConfirmed,
    AppointmentDeclined,
    AppointmentNoShow,
    AppointmentRequested,
)
from panacea.logistics.journey_models import Stage
from panacea.logistics.kit_models import KitDispatched, KitEvent, KitRegistered, SampleCollected, SampleInTransit
from panacea.logistics.lab_models import SampleError, SampleProcessing, SampleReceivedByLab, SampleReportReady
from panacea.orders import OrderRefunded
from panacea.platform.events import DomainEvent, EventMetadata
from panacea.records import ReportReleased

KIT_STAGES: dict[type[KitEvent], Stage] = {
    KitDispatched: Stage.KIT_DISPATCHED,
    KitRegistered: Stage.REGISTERED,
    SampleCollected: Stage.COLLECTED,
    SampleInTransit: Stage.IN_TRANSIT,
    SampleReceivedByLab: Stage.RECEIVED,
    SampleProcessing: Stage.PROCESSING,
    SampleReportReady: Stage.REPORT_READY,
}
BOOKED = (AppointmentRequested, AppointmentConfirmed)
ENDED = (AppointmentDeclined, AppointmentCancelled, AppointmentNoShow)
GENE_TEST = "gene_test"


def follow(metadata: EventMetadata, event: DomainEvent) -> None:
    from panacea.logistics import journey_moves as moves  # noqa: PLC0415  (first use: the consumer's cold start)

    tenant_id = metadata.tenant_id
    if tenant_id is None:
        return
    if isinstance(event, SampleError):
        moves.kit_failed(tenant_id, event.order_id, event.line_no, event.barcode, event.reason_code)
    elif isinstance(event, KitEvent) and type(event) in KIT_STAGES:
        moves.kit_moved(tenant_id, event.order_id, event.line_no, event.barcode, KIT_STAGES[type(event)])
    elif isinstance(event, BOOKED):
        moves.appointment_moved(
            tenant_id, event.order_id, event.line_no, event.appointment_id, Stage.APPOINTMENT_BOOKED
        )
    elif isinstance(event, AppointmentCollected):
        moves.appointment_moved(tenant_id, event.order_id, event.line_no, event.appointment_id, Stage.COLLECTED)
    elif isinstance(event, ENDED):
        moves.appointment_ended(tenant_id, event.order_id, event.line_no, event.appointment_id)
    elif isinstance(event, ReportReleased):
        moves.report_released(tenant_id, event.order_id, event.line_id, event.report_id)
    elif isinstance(event, OrderRefunded):
        for line in event.lines:
            if line.kind == GENE_TEST:
                moves.line_refunded(tenant_id, event.order_id, line.line_no, line.quantity, event.refund_id)
