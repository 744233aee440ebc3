"""A sample's journey through the sample-logistics workflow: its stages, views and events.

One journey per sample of a paid gene-test line (a line of quantity 2 has two). The workflow
(statemachines/sample-logistics.asl.json) waits at each stage by a task token kept on the journey;
logistics' own events move the journey on, only ever forward (`RANKS`): an event for a stage the
journey has reached or passed changes nothing, so duplicates and late arrivals are harmless, and
an event that skips a stage (the lab received what the member never said they sent) moves it on
past the skipped ones.

    stage               moved on by                                   rank
    awaiting_kit        (paid)                                         0
    kit_dispatched      kit.dispatched                                 1
    appointment_booked  appointment.requested / appointment.confirmed  1
    registered          kit.registered                                 2
    collected           sample.collected / appointment.collected       3
    in_transit          sample.in_transit                              4
    received            sample.received_by_lab                         5
    processing          sample.processing                              6
    report_ready        sample.report_ready                            7
    released            report.released (the line's report)            8

Outside the ranking: `sample_error` (sample.error of the journey's current kit: the workflow asks
for a replacement kit, and waits on the new one, the attempts linked), `failed` (no replacement:
`sample.failed`), `refunded` (order.refunded for the line: the wait fails with `LineRefunded`).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from panacea.platform.events import DomainEvent
from panacea.platform.models import BaseModel

LINE_REFUNDED = "LineRefunded"  # the error a refunded sample's wait fails with (the workflow's Catch)


class Stage(StrEnum):
    AWAITING_KIT = "awaiting_kit"
    KIT_DISPATCHED = "kit_dispatched"
    APPOINTMENT_BOOKED = "appointment_booked"
    REGISTERED = "registered"
    COLLECTED = "collected"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    PROCESSING = "processing"
    REPORT_READY = "report_ready"
    RELEASED = "released"
    SAMPLE_ERROR = "sample_error"
    FAILED = "failed"
    REFUNDED = "refunded"


RANKS: dict[Stage, int] = {
    Stage.AWAITING_KIT: 0,
    Stage.KIT_DISPATCHED: 1,
    Stage.APPOINTMENT_BOOKED: 1,
    Stage.REGISTERED: 2,
    Stage.COLLECTED: 3,
    Stage.IN_TRANSIT: 4,
    Stage.RECEIVED: 5,
    Stage.PROCESSING: 6,
    Stage.REPORT_READY: 7,
    Stage.RELEASED: 8,
}
FINAL = frozenset({Stage.RELEASED, Stage.FAILED, Stage.REFUNDED})
WAITING = frozenset(stage for stage in RANKS if stage != Stage.RELEASED)  # the stages a wait has a timeout for


class Attempt(BaseModel):
    """A kit that failed the sample before (`sample.error`), and the reason the lab gave."""

    barcode: str
    reason_code: str | None = None
    failed_at: datetime


class SampleJourney(BaseModel):
    order_id: str
    line_no: int
    sample_no: int = Field(description="1..the line's quantity")
    member_id: str
    stage: Stage
    barcode: str | None = Field(default=None, description="the kit the sample travels in now")
    appointment_id: str | None = None
    attempts: list[Attempt] = Field(default=[], description="earlier kits that failed, oldest first")
    report_id: str | None = None
    reminded: int = Field(default=0, description="how often the current stage's wait ran out")
    updated_at: datetime


# --- events ---------------------------------------------------------------------------------------


class _JourneyEvent(DomainEvent):
    order_id: str
    line_no: int
    sample_no: int
    member_id: str
    stage: str
    barcode: str | None


class SampleReminderDue(_JourneyEvent, name="sample.reminder_due", version=1):
    """A sample stayed at `stage` longer than the tenant's wait: remind the member (or staff)."""


class SampleEscalated(_JourneyEvent, name="sample.escalated", version=1):
    """A sample stayed at `stage` twice the tenant's wait: the service desk follows it up."""


class SampleFailed(_JourneyEvent, name="sample.failed", version=1):
    """The sample failed and no replacement kit may be sent: the line ends here."""

    reason_code: str | None
    attempts: list[str] = Field(description="the barcodes of the kits that failed, oldest first")
