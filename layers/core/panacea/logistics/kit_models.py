"""Mail-in kits and their samples: commands, views, events, and the state table.

A kit is imported in a batch of barcodes (`in_stock`), sent to a member for one gene-test line of
a paid order (`dispatched`), registered by its barcode (`registered`), the sample collected
(`collected`) and sent back (`in_transit`); the lab's calls then move it on (lab_models.py, and
`LAB_RANKS` below). Junction's test-kit statuses (`high.modality.low`) are the anchor: each state
has its Junction status, shown on the kit.

    state               Junction status (testkit)   next (by whom)
    in_stock            received.ordered            dispatched (staff); registered (staff: clinic stock);
                                                             allocated (a replacement, replacements.py)
    allocated           received.ordered                     dispatched (staff): a replacement kit set aside
                                                             for the line (`fee_due` until the fee is paid)
    dispatched          collecting_sample.transit_customer   registered (member, staff)
    registered          collecting_sample.with_customer      collected (member, staff)
    collected           collecting_sample.with_customer      in_transit (member, staff)
    in_transit          sample_with_lab.transit_lab          the lab's events
    received            sample_with_lab.delivered_to_lab     processing_blocked, processing, sample_error,
                                                             report_ready (lab)
    processing_blocked  sample_with_lab.lab_processing_blocked   processing, sample_error, report_ready (lab);
                                                             its details fixed (member, staff)
    processing          sample_with_lab.lab_processing       sample_error, report_ready (lab)
    sample_error        failed.sample_error                  final: a replacement kit follows (replacements.py)
    report_ready        completed.completed                  final
    cancelled           cancelled.cancelled                  final: voided (its line refunded before the
                                                             sample reached the lab) or lost and replaced

(the statuses are `<high>.testkit.<low>`, as `JUNCTION_STATUS` spells them)

The lab's events never move a kit backwards: each has a rank, and an event of a rank not above the
kit's is kept (its id recorded) and changes nothing. A lab may report a kit it has (`received`)
before the member said it was sent (`registered`, `collected`): the lab's word is the later fact.
A `received` later than the sample's stability window (`collected_at` + the gene test's window)
makes the sample a `sample_error` with reason `sample_too_old` (stability.py).

A replacement kit names the kit it `replaces`; the failed one names the kit that `replaced_by` it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, FromString, Paragraphs, Text
from panacea.platform.models import BaseModel

BARCODE_PATTERN = r"^[A-Z0-9][A-Z0-9-]{3,39}$"
Barcode = Annotated[str, Field(pattern=BARCODE_PATTERN, examples=["GT-2026-000001"])]
MAX_BATCH = 95  # barcodes in one import: one transaction (100 writes) with its event


class KitState(StrEnum):
    IN_STOCK = "in_stock"
    ALLOCATED = "allocated"
    DISPATCHED = "dispatched"
    REGISTERED = "registered"
    COLLECTED = "collected"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    PROCESSING_BLOCKED = "processing_blocked"
    PROCESSING = "processing"
    SAMPLE_ERROR = "sample_error"
    REPORT_READY = "report_ready"
    CANCELLED = "cancelled"


JUNCTION_STATUS: dict[KitState, str] = {
    KitState.IN_STOCK: "received.testkit.ordered",
    KitState.DISPATCHED: "collecting_sample.testkit.transit_customer",
    KitState.REGISTERED: "collecting_sample.testkit.with_customer",
    KitState.COLLECTED: "collecting_sample.testkit.with_customer",
    KitState.IN_TRANSIT: "sample_with_lab.testkit.transit_lab",
    KitState.RECEIVED: "sample_with_lab.testkit.delivered_to_lab",
    KitState.PROCESSING_BLOCKED: "sample_with_lab.testkit.lab_processing_blocked",
    KitState.PROCESSING: "sample_with_lab.testkit.lab_processing",
    KitState.SAMPLE_ERROR: "failed.testkit.sample_error",
    KitState.REPORT_READY: "completed.testkit.completed",
    KitState.ALLOCATED: "received.testkit.ordered",
    KitState.CANCELLED: "cancelled.testkit.cancelled",
}

# The member's and staff's moves: the states a kit may be in for each.
MEMBER_MOVES: dict[KitState, frozenset[KitState]] = {
    KitState.DISPATCHED: frozenset({KitState.IN_STOCK, KitState.ALLOCATED}),
    KitState.REGISTERED: frozenset({KitState.DISPATCHED, KitState.IN_STOCK}),
    KitState.COLLECTED: frozenset({KitState.REGISTERED}),
    KitState.IN_TRANSIT: frozenset({KitState.COLLECTED}),
}

# The lab's moves: a kit goes only up this ranking (pre-lab states rank 0).
LAB_RANKS: dict[KitState, int] = {
    KitState.RECEIVED: 1,
    KitState.PROCESSING_BLOCKED: 2,
    KitState.PROCESSING: 3,
    KitState.REPORT_READY: 4,
    KitState.SAMPLE_ERROR: 5,
}
LAB_READY = frozenset({KitState.REGISTERED, KitState.COLLECTED, KitState.IN_TRANSIT})  # the lab may report on these
FINAL = frozenset({KitState.SAMPLE_ERROR, KitState.REPORT_READY})  # the lab's last word
ENDED = FINAL | {KitState.CANCELLED}  # nothing moves a kit on from these
AT_LAB = frozenset({KitState.RECEIVED, KitState.PROCESSING_BLOCKED, KitState.PROCESSING})


def rank_of(state: KitState) -> int:
    return LAB_RANKS.get(state, 0)


class SampleSex(StrEnum):
    """The sex a lab needs to interpret a sample (not how the person describes themselves)."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


# --- commands ----------------------------------------------------------------------------------


class KitImport(Command):
    """A batch of barcodes: a list, or CSV text with a `barcode` column (a header line first)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"csv": "barcode\nGT-2026-000001\nGT-2026-000002\n"}]},
    )

    barcodes: list[str] | None = Field(default=None, max_length=MAX_BATCH, description="one barcode each")
    csv: Annotated[Paragraphs, Field(max_length=MAX_BATCH * 64)] | None = Field(
        default=None, description="CSV with a `barcode` column; bad rows are named by their line number"
    )

    @model_validator(mode="after")
    def _one_source(self) -> KitImport:
        if (self.barcodes is None) == (self.csv is None):
            raise ValueError("send either barcodes or csv")
        return self


class KitDispatch(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "order_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4FD",
                    "line_no": 1,
                    "barcode": "GT-2026-000001",
                    "lab_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4LB",
                    "carrier": "Royal Mail",
                    "tracking_number": "RM123456785GB",
                }
            ]
        },
    )

    order_id: Annotated[str, Field(min_length=1, max_length=40)]
    line_no: Annotated[int, Field(ge=1, le=1000)]
    barcode: Barcode
    lab_id: Annotated[str, Field(min_length=1, max_length=40, description="the lab that will test the sample")]
    carrier: Annotated[Text, Field(min_length=1, max_length=60)]
    tracking_number: Annotated[Text, Field(min_length=1, max_length=60)]


class Demographics(Command):
    """What the lab needs about the person the sample is from."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"full_name": "Li Wei", "birth_date": "1985-04-12", "sex": "female"}]},
    )

    full_name: Annotated[Text, Field(min_length=1, max_length=120)]
    birth_date: FromString[date] | None = Field(default=None, description="ISO date")
    sex: FromString[SampleSex] | None = None


class KitRegistration(Command):
    """A member registers the kit in their hands."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "barcode": "GT-2026-000001",
                    "demographics": {"full_name": "Li Wei", "birth_date": "1985-04-12", "sex": "female"},
                }
            ]
        },
    )

    barcode: Barcode
    demographics: Demographics | None = None


class KitRegistrationFor(Command):
    """Staff register a kit for a member: one sent to them, or one from the clinic's stock handed
    over for a gene-test line of the member's paid order (then `order_id`, `line_no` and `lab_id`)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "member_id": "member-1",
                    "order_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4FD",
                    "line_no": 1,
                    "lab_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4LB",
                    "demographics": {"full_name": "Li Wei", "birth_date": "1985-04-12", "sex": "female"},
                }
            ]
        },
    )

    member_id: Annotated[str, Field(min_length=1, max_length=128)]
    order_id: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    line_no: Annotated[int, Field(ge=1, le=1000)] | None = None
    lab_id: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    demographics: Demographics | None = None


class Collection(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"collected_at": "2026-12-01T08:30:00Z"}]}
    )

    collected_at: FromString[datetime] | None = Field(default=None, description="when; now if not given")


class ReturnShipment(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"carrier": "Royal Mail", "tracking_number": "RM987654321GB"}]}
    )

    carrier: Annotated[Text, Field(min_length=1, max_length=60)]
    tracking_number: Annotated[Text, Field(min_length=1, max_length=60)]


# --- views -------------------------------------------------------------------------------------


class BadRow(BaseModel):
    line: int
    barcode: str
    code: str


class KitBatch(BaseModel):
    batch_id: str
    imported: int
    barcodes: list[str]


class Kit(BaseModel):
    barcode: str
    state: KitState
    status: str = Field(description="Junction's `high.modality.low` for the state")
    batch_id: str
    member_id: str | None = None
    order_id: str | None = None
    line_no: int | None = None
    lab_id: str | None = None
    outbound_carrier: str | None = None
    outbound_tracking: str | None = None
    return_carrier: str | None = None
    return_tracking: str | None = None
    demographics: dict[str, str] | None = None
    reason_code: str | None = Field(default=None, description="the lab's, when blocked or in error")
    registered_by: str | None = None
    dispatched_at: datetime | None = None
    registered_at: datetime | None = None
    collected_at: datetime | None = None
    sent_back_at: datetime | None = None
    received_at: datetime | None = None
    report_ready_at: datetime | None = None
    replaces: str | None = Field(default=None, description="the barcode of the failed or lost kit this one replaces")
    replaced_by: str | None = Field(default=None, description="the barcode of the kit that replaces this one")
    fee_due: bool = Field(default=False, description="a replacement offered for a fee: sent once it is paid")
    fee_reference: str | None = Field(default=None, description="the service desk's record of the fee paid")
    cancel_reason: str | None = Field(default=None, description="why the kit was cancelled")
    line_refunded: bool = Field(default=False, description="its line was refunded while the sample was at the lab")
    updated_at: datetime


# --- events ------------------------------------------------------------------------------------


class KitsImported(DomainEvent, name="kits.imported", version=1):
    batch_id: str
    count: int


class KitEvent(DomainEvent):
    """What every kit event carries."""

    barcode: str
    member_id: str | None
    order_id: str | None
    line_no: int | None


class KitDispatched(KitEvent, name="kit.dispatched", version=1):
    lab_id: str
    carrier: str
    tracking_number: str
    replaces: str | None = Field(default=None, description="a replacement kit: the barcode of the kit it replaces")


class KitRegistered(KitEvent, name="kit.registered", version=1):
    registered_by: str


class SampleCollected(KitEvent, name="sample.collected", version=1):
    collected_at: datetime


class SampleInTransit(KitEvent, name="sample.in_transit", version=1):
    """The sample is on its way to the lab: the lab's manifest webhook follows."""

    lab_id: str
    carrier: str
    tracking_number: str


class SampleDemographicsFixed(KitEvent, name="sample.demographics_fixed", version=1):
    """A blocked sample's demographic data was corrected: the lab may resume."""

    lab_id: str | None
