"""Appointments' contracts: a member's booking at a collection point, the service desk's decisions
on it, and the events of its life (each state change is one, for the sample-logistics workflow and
engagement to follow)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, ConfigDict, Field

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, FromString, Text
from panacea.platform.models import BaseModel

Reason = Annotated[Text, Field(min_length=3, max_length=500)]
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class AppointmentState(StrEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    CHECKED_IN = "checked_in"
    COLLECTED = "collected"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


# Which states each state may move to (the service desk's and the member's moves alike).
MOVES: dict[AppointmentState, frozenset[AppointmentState]] = {
    AppointmentState.REQUESTED: frozenset(
        {AppointmentState.CONFIRMED, AppointmentState.DECLINED, AppointmentState.CANCELLED}
    ),
    AppointmentState.CONFIRMED: frozenset(
        {AppointmentState.CHECKED_IN, AppointmentState.NO_SHOW, AppointmentState.CANCELLED}
    ),
    AppointmentState.CHECKED_IN: frozenset({AppointmentState.COLLECTED}),
}
# A slot is given back by these (a no-show's slot has passed: nothing to give back).
RELEASING = frozenset({AppointmentState.DECLINED, AppointmentState.CANCELLED})


class Booking(Command):
    """A slot at a collection point for one paid gene test (an order's line)."""

    model_config = ConfigDict(
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "point_id": "01JD6Q3W8M0000000000000000",
                    "starts_at": "2026-12-07T01:00:00Z",
                    "order_id": "01JD6Q3W8M0000000000000001",
                    "line_no": 1,
                }
            ]
        },
    )

    point_id: Id
    starts_at: FromString[AwareDatetime] = Field(description="a slot's start, as the point's slots list it")
    order_id: Id = Field(description="the paid order holding the gene test")
    line_no: int = Field(ge=1, le=1000, description="the order's gene-test line")
    note: Annotated[Text, Field(max_length=500)] | None = None


class Decline(Command):
    model_config = ConfigDict(strict=True, json_schema_extra={"examples": [{"reason": "the nurse is away that day"}]})

    reason: Reason


class Cancellation(Command):
    model_config = ConfigDict(strict=True, json_schema_extra={"examples": [{"reason": "I am travelling"}]})

    reason: Reason | None = None


class AppointmentView(BaseModel):
    id: str
    member_id: str
    point_id: str
    order_id: str
    line_no: int
    starts_at: datetime
    ends_at: datetime
    state: AppointmentState
    reason: str | None = Field(default=None, description="why it was declined or cancelled")
    cancelled_by: str | None = Field(default=None, description="member or staff")
    note: str | None = None
    version: int
    created_at: datetime
    updated_at: datetime


class PaidGeneTest(BaseModel):
    """A gene test the member paid for, as logistics learnt it from `order.paid`."""

    order_id: str
    line_no: int
    product_id: str
    sku_id: str
    appointment_id: str | None = Field(default=None, description="the appointment that holds it, if any")
    refunded: bool = False


# --- events ---------------------------------------------------------------------------------------


class _AppointmentEvent(DomainEvent):
    appointment_id: str
    member_id: str
    point_id: str
    order_id: str
    line_no: int
    starts_at: datetime


class AppointmentRequested(_AppointmentEvent, name="appointment.requested", version=1):
    """A member booked a slot; the service desk confirms or declines it."""


class AppointmentConfirmed(_AppointmentEvent, name="appointment.confirmed", version=1):
    """The service desk confirmed the appointment; a reminder is due the day before."""


class AppointmentDeclined(_AppointmentEvent, name="appointment.declined", version=1):
    """The service desk declined it (the slot is free again); the member may book another."""

    reason: str


class AppointmentCheckedIn(_AppointmentEvent, name="appointment.checked_in", version=1):
    """The member arrived at the point."""


class AppointmentCollected(_AppointmentEvent, name="appointment.collected", version=1):
    """The sample was taken at the point (`collected_at`): sample logistics goes on from here."""

    collected_at: datetime


class AppointmentNoShow(_AppointmentEvent, name="appointment.no_show", version=1):
    """The member did not come; the gene test may be booked again."""


class AppointmentCancelled(_AppointmentEvent, name="appointment.cancelled", version=1):
    """Cancelled by the member before the cut-off, or by staff (the slot is free again)."""

    cancelled_by: str
    reason: str | None


class AppointmentReminderDue(_AppointmentEvent, name="appointment.reminder_due", version=1):
    """A confirmed appointment is a day away: engagement reminds the member (once)."""
