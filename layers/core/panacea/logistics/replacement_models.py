"""Replacement kits and voided kits: commands and events (replacements.py and voiding.py use them).

A kit whose sample failed (`sample_error`, final) or that was lost is replaced by the next kit of
the tenant's stock, set aside for the same gene-test line (`allocated`) and dispatched by staff like
any kit; the attempts are linked (`replaces`, `replaced_by`). The tenant's policy
(replacement_rules.py) caps them per line and says whether they are free. A refund of the line
voids its kits that have not reached the lab (`cancelled`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.logistics.kit_models import KitEvent
from panacea.logistics.lab_models import ReasonCode
from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, Text

LOST_IN_POST = "lost_in_post"
REFUNDED = "refunded"
SAMPLE_TOO_OLD = "sample_too_old"


class ReplacementRequest(Command):
    """Staff ask for a replacement by hand: a kit lost or damaged on its way, or a failed sample."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "lost_in_post"}]})

    reason: ReasonCode = Field(description="why: lost_in_post, damaged, … (a kit not yet at the lab is cancelled)")


class FeePaid(Command):
    """The service desk took the fee of a replacement offered for one."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reference": "DESK-2026-0042"}]})

    reference: Annotated[Text, Field(min_length=1, max_length=100, description="the payment's reference")]


# --- events ------------------------------------------------------------------------------------


class KitReplacementOrdered(KitEvent, name="kit.replacement_ordered", version=1):
    """A kit from stock was set aside to replace a failed or lost one (`barcode` is the new kit):
    staff dispatch it, at once when `fee_due` is false, else once the fee is paid."""

    replaces: str
    reason: str
    attempt: int = Field(description="1 for the first replacement of the line, 2 for the second, …")
    fee_due: bool


class KitReplacementFeePaid(KitEvent, name="kit.replacement_fee_paid", version=1):
    reference: str


class KitVoided(KitEvent, name="kit.voided", version=1):
    """The kit was cancelled before its sample reached the lab: its line refunded, or lost."""

    reason: str
    previous_state: str


class KitRefundedAtLab(KitEvent, name="kit.refunded_at_lab", version=1):
    """The kit's line was refunded while its sample was at the lab: left as it is, for staff to settle
    with the lab."""

    lab_id: str | None
    state: str


class GeneTestFailed(DomainEvent, name="gene_test.failed", version=1):
    """A gene-test line's sample failed again with every replacement the policy allows used: no kit
    is sent; the service desk takes it from here (a refund, or a kit by hand once the policy allows)."""

    order_id: str
    line_no: int
    member_id: str
    barcode: str = Field(description="the kit whose failure ended the line")
    replacements: int
