"""Sample journeys' items in the single table (the only place their keys are built):

JourneyItem  PK T#<t>#JOURNEY#<order>#<line no> · SK SAMPLE#<sample no>   one sample of a paid gene-test
             line (a line of quantity 2 has two): its stage, its kit or appointment, the kits that
             failed before (`attempts`), the waits' seconds (read once from the tenant's settings
             when the workflow began), and the task token its workflow waits on (with the stage the
             workflow knew when it began waiting). A line's samples are one Query (one partition);
             `version` guards every change.
"""

from __future__ import annotations

from datetime import datetime

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute

from panacea.logistics.journey_models import Attempt, SampleJourney, Stage
from panacea.logistics.waits import DAY_S
from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem


def line_partition(tenant_id: str, order_id: str, line_no: int) -> str:
    return tenant_key(tenant_id, "JOURNEY", order_id, str(line_no))


def sample_key(sample_no: int) -> str:
    return f"SAMPLE#{sample_no:04d}"


class JourneyItem(TableItem, discriminator="sample_journey"):
    tenant_id = UnicodeAttribute()
    order_id = UnicodeAttribute()
    line_no = NumberAttribute()
    sample_no = NumberAttribute()
    member_id = UnicodeAttribute()
    stage = UnicodeAttribute()
    barcode = UnicodeAttribute(null=True)
    appointment_id = UnicodeAttribute(null=True)
    reason_code = UnicodeAttribute(null=True)  # the lab's, on a sample_error
    attempts = DocumentAttribute(null=True)  # {"kits": [Attempt, ...]}
    report_id = UnicodeAttribute(null=True)
    refund_id = UnicodeAttribute(null=True)
    timeouts = DocumentAttribute(null=True)  # stage → seconds
    reminded = NumberAttribute(default=0)
    token = UnicodeAttribute(null=True)
    token_stage = UnicodeAttribute(null=True)
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def new(
        cls, tenant_id: str, order_id: str, line_no: int, sample_no: int, *, member_id: str,
        timeouts: dict[str, int], at: datetime,
    ) -> JourneyItem:  # fmt: skip
        return cls(
            line_partition(tenant_id, order_id, line_no),
            sample_key(sample_no),
            tenant_id=tenant_id,
            order_id=order_id,
            line_no=line_no,
            sample_no=sample_no,
            member_id=member_id,
            stage=Stage.AWAITING_KIT.value,
            timeouts=timeouts,
            reminded=0,
            updated_at=at,
        )

    @classmethod
    def of_line(cls, tenant_id: str, order_id: str, line_no: int) -> list[JourneyItem]:
        """The line's samples, first to last (one Query)."""
        found = cls.query(line_partition(tenant_id, order_id, line_no), consistent_read=True)
        return [item for item in found if isinstance(item, JourneyItem)]

    @classmethod
    def read(cls, tenant_id: str, order_id: str, line_no: int, sample_no: int) -> JourneyItem | None:
        return cls.find(line_partition(tenant_id, order_id, line_no), sample_key(sample_no), consistent_read=True)

    @property
    def at(self) -> Stage:
        return Stage(self.stage)

    @property
    def kits_failed(self) -> list[Attempt]:
        return [Attempt.model_validate(a) for a in (self.attempts or {}).get("kits", [])]

    def timeout_s(self) -> int:
        """How long the workflow waits at the current stage (a day where no wait is set)."""
        return int((self.timeouts or {}).get(self.stage, DAY_S))

    def progress(self) -> dict[str, object]:
        """What the workflow is told when it goes on: the stage, and the next wait's seconds."""
        return {"stage": self.stage, "timeout_s": self.timeout_s()}

    def view(self) -> SampleJourney:
        return SampleJourney(
            order_id=self.order_id,
            line_no=int(self.line_no),
            sample_no=int(self.sample_no),
            member_id=self.member_id,
            stage=self.at,
            barcode=self.barcode,
            appointment_id=self.appointment_id,
            attempts=self.kits_failed,
            report_id=self.report_id,
            reminded=int(self.reminded or 0),
            updated_at=self.updated_at,
        )
