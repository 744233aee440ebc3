"""What members and staff send to change an order after checkout (cancel, address, shipment,
receipt, refunds, an offline payment). Checkout's own commands are in models.py."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.orders.models import (
    MAX_LINES,
    Id,
    Reason,
    RefundLine,
)
from panacea.platform.inputs import Command, Text

# --- commands --------------------------------------------------------------------------------


class CancelOrder(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "ordered twice by mistake"}]})

    reason: Reason


class AddressChange(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"address_id": "01JD7PV0J2K4N6Q8S0V2W4Y6A8"}]}
    )

    address_id: Id


class ShipmentEntry(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"group_id": "S1", "carrier": "Royal Mail", "tracking_number": "RM123456785GB"}]
        },
    )

    group_id: Annotated[str, Field(pattern=r"^S\d{1,2}$")] | None = Field(
        default=None, description="the parcel; may be left out when one parcel awaits shipment"
    )
    carrier: Annotated[Text, Field(min_length=2, max_length=60)]
    tracking_number: Annotated[str, Field(min_length=4, max_length=60, pattern=r"^[A-Za-z0-9 -]+$")]


class ReceiptConfirmation(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"group_id": "S1"}]})

    group_id: Annotated[str, Field(pattern=r"^S\d{1,2}$")] | None = Field(
        default=None, description="the parcel received; absent: every parcel shipped so far"
    )


class RefundAsk(Command):
    """A member's refund request: what they return (lines) and why; staff approve or decline it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "arrived damaged", "lines": [{"line_no": 1, "quantity": 1}]}]},
    )

    reason: Reason
    lines: Annotated[list[RefundLine], Field(max_length=MAX_LINES)] = Field(
        default=[], description="what is returned; none: the whole order"
    )


class RefundIssue(Command):
    """A refund staff issue: all of what is left, or part (an amount, and/or lines returned)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"reason": "one item damaged", "lines": [{"line_no": 1, "quantity": 1}], "restock": True}]
        },
    )

    reason: Reason
    amount: (
        Annotated[int, Field(ge=1, description="minor units; default: the lines' value, or all that is left")] | None
    ) = None
    lines: Annotated[list[RefundLine], Field(max_length=MAX_LINES)] = Field(
        default=[], description="lines returned or not to be fulfilled"
    )
    restock: bool = Field(default=True, description="put the lines' quantities back in stock")


class RefundDecision(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"note": "return received in good condition"}]}
    )

    note: Annotated[Text, Field(min_length=1, max_length=500)] | None = None
    amount: Annotated[int, Field(ge=1, description="minor units; default: what the member asked for")] | None = None
    restock: bool = True


class OfflinePayment(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reference": "BACS HG-2026-1042"}]})

    reference: Annotated[str, Field(min_length=3, max_length=120, pattern=r"^[\x20-\x7e]+$")]
