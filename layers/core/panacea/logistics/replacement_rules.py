"""The tenant's rules for failed samples (logistics' section of the settings): how many
replacement kits a gene-test line may get and whether they are free, and how long a collected
sample stays good when its gene test's SKU names no window of its own.

A replacement that is not free is offered, not sent: the kit is set aside for the member (they see
it among their kits, `fee_due`, linked to the kit it replaces), and staff dispatch it once the
service desk has recorded the fee as paid (`POST /v1/kits/{barcode}/replacement-fee`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.platform.inputs import Command
from panacea.platform.models import BaseModel

MaxReplacements = Annotated[int, Field(ge=0, le=5, description="replacement kits a gene-test line may get")]
StabilityDays = Annotated[
    int, Field(ge=1, le=365, description="days a collected sample stays good, unless its gene test's SKU says")
]


class ReplacementPolicyPatch(Command):
    model_config = ConfigDict(extra="forbid")
    max_per_line: MaxReplacements | None = None
    free: bool | None = None


class ReplacementPolicy(BaseModel):
    """At most `max_per_line` replacement kits for one gene-test line (a sample error or a kit lost
    in the post); `free` sends them at once, else the member is offered one for a fee."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_per_line: MaxReplacements = 2
    free: bool = True


DEFAULT_STABILITY_DAYS = 28
