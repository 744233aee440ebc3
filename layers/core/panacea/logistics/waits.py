"""How long the sample-logistics workflow waits at each stage of a sample before it reminds, and
then escalates to the service desk (`logistics.waits` of a tenant's settings). Pydantic only:
tenancy imports it with the settings section.

Each wait is named by the stage the sample is at (what it waits for is the next one): the first
time a wait runs out `sample.reminder_due` is raised and the workflow waits again as long; the
second time `sample.escalated` (the service desk looks); after that it waits on, quietly."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.platform.inputs import Command
from panacea.platform.models import BaseModel

Days = Annotated[int, Field(ge=1, le=365, description="days")]
DAY_S = 86_400


class SampleWaits(BaseModel):
    """Days a sample may stay at a stage before the member (or staff) is reminded."""

    awaiting_kit: Days = Field(default=3, description="paid: until a kit is sent or an appointment booked")
    kit_dispatched: Days = Field(default=10, description="a kit on its way: until the member registers it")
    appointment_booked: Days = Field(default=14, description="booked: until the sample is taken at the point")
    registered: Days = Field(default=14, description="registered: until the sample is collected")
    collected: Days = Field(default=3, description="collected: until it is sent back")
    in_transit: Days = Field(default=7, description="sent: until the lab receives it")
    received: Days = Field(default=14, description="at the lab: until processing starts")
    processing: Days = Field(default=21, description="processing: until the report is ready")
    report_ready: Days = Field(default=5, description="report ready: until staff release it")

    def seconds(self) -> dict[str, int]:
        """Each stage's wait in seconds (what the workflow's TimeoutSecondsPath reads)."""
        return {stage: days * DAY_S for stage, days in self.model_dump().items()}


class SampleWaitsPatch(Command):
    """A change of the waits: the stages sent change."""

    model_config = ConfigDict(extra="forbid")

    awaiting_kit: Days | None = None
    kit_dispatched: Days | None = None
    appointment_booked: Days | None = None
    registered: Days | None = None
    collected: Days | None = None
    in_transit: Days | None = None
    received: Days | None = None
    processing: Days | None = None
    report_ready: Days | None = None
