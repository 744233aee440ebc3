"""Labs: the tenant's partner labs, their inbound calls and their events.

A lab is a partner with a tenant API key (the platform's `PNC-HMAC-SHA256` signing: the authorizer
verifies it before any route runs); staff register it with the key it signs with, its webhook URL
and a webhook secret the platform generates (shown once) to sign what it sends the lab.

Inbound, the lab reports on a kit by barcode: `received` (accessioned), `processing_blocked` with
a reason code (recoverable), `sample_error` with a reason code (final), `processing`,
`report_ready`. Each call carries the lab's event id: a duplicate, an event the kit has gone past
(kit_models.LAB_RANKS) or a type the platform does not know is acknowledged and changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.logistics.kit_models import Barcode, Kit, KitEvent, KitState
from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, FromString, Text
from panacea.platform.models import BaseModel

ReasonCode = Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$", examples=["missing_birth_date"])]


class LabEventType(StrEnum):
    RECEIVED = "received"
    PROCESSING_BLOCKED = "processing_blocked"
    SAMPLE_ERROR = "sample_error"
    PROCESSING = "processing"
    REPORT_READY = "report_ready"


STATE_OF: dict[LabEventType, KitState] = {
    LabEventType.RECEIVED: KitState.RECEIVED,
    LabEventType.PROCESSING_BLOCKED: KitState.PROCESSING_BLOCKED,
    LabEventType.SAMPLE_ERROR: KitState.SAMPLE_ERROR,
    LabEventType.PROCESSING: KitState.PROCESSING,
    LabEventType.REPORT_READY: KitState.REPORT_READY,
}
NEEDS_REASON = frozenset({LabEventType.PROCESSING_BLOCKED, LabEventType.SAMPLE_ERROR})


class NewLab(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Harbour Genomics Lab",
                    "api_key_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4AK",
                    "webhook_url": "https://lims.harbour-lab.example/panacea/manifests",
                }
            ]
        },
    )

    name: Annotated[Text, Field(min_length=1, max_length=120)]
    api_key_id: Annotated[str, Field(min_length=1, max_length=40, description="the tenant API key the lab signs with")]
    webhook_url: Annotated[
        str, Field(pattern=r"^https?://[^\s/?#]+(/[^\s]*)?$", max_length=500, description="where manifests are sent")
    ]


class LabView(BaseModel):
    id: str
    name: str
    api_key_id: str
    webhook_url: str
    created_at: datetime


class NewLabView(LabView):
    webhook_secret: str = Field(description="signs the manifests sent to the lab; shown this once")


class LabCall(Command):
    """One event the lab reports about a kit."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "event_id": "evt-20261201-0001",
                    "type": "processing_blocked",
                    "barcode": "GT-2026-000001",
                    "reason_code": "missing_birth_date",
                    "occurred_at": "2026-12-01T10:00:00Z",
                }
            ]
        },
    )

    event_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,100}$")]
    type: Annotated[Text, Field(min_length=1, max_length=60, description="a LabEventType; others are acknowledged")]
    barcode: Barcode
    reason_code: ReasonCode | None = None
    occurred_at: FromString[datetime] | None = None


class LabOutcome(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"  # this event id was seen before
    STALE = "stale"  # the kit has gone past this event
    IGNORED = "ignored"  # a type the platform does not know


class LabCallAnswer(BaseModel):
    outcome: LabOutcome
    kit: Kit


# --- events ------------------------------------------------------------------------------------


class LabRegistered(DomainEvent, name="lab.registered", version=1):
    lab_id: str
    name: str


class LabKitEvent(KitEvent):
    lab_id: str
    lab_event_id: str


class SampleReceivedByLab(LabKitEvent, name="sample.received_by_lab", version=1):
    pass


class SampleProcessingBlocked(LabKitEvent, name="sample.processing_blocked", version=1):
    reason_code: str


class SampleError(LabKitEvent, name="sample.error", version=1):
    reason_code: str


class SampleProcessing(LabKitEvent, name="sample.processing", version=1):
    pass


class SampleReportReady(LabKitEvent, name="sample.report_ready", version=1):
    pass


EVENT_OF: dict[LabEventType, type[LabKitEvent]] = {
    LabEventType.RECEIVED: SampleReceivedByLab,
    LabEventType.PROCESSING_BLOCKED: SampleProcessingBlocked,
    LabEventType.SAMPLE_ERROR: SampleError,
    LabEventType.PROCESSING: SampleProcessing,
    LabEventType.REPORT_READY: SampleReportReady,
}


class ManifestSent(DomainEvent, name="lab.manifest_sent", version=1):
    lab_id: str
    barcode: str
    status: int = Field(description="the lab's HTTP answer")
