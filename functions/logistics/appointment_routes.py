"""Appointments' HTTP routes, as a Powertools `Router` that logistics' API function includes.

Members: their paid gene tests, a slot booked for one, their appointments, a cancellation before the
cut-off. The service desk: a point's schedule, an appointment confirmed or declined, the member
checked in, the sample collected or a no-show recorded, a cancellation."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.logistics import appointments, paid_tests
from panacea.logistics.access import Action
from panacea.logistics.appointment_models import AppointmentView, Booking, Cancellation, Decline, PaidGeneTest
from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, created, current_actor, idempotent
from panacea.platform.table import MAX_PAGE, Page

router = Router()  # type: ignore[no-untyped-call]

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
MINE, STAFF = "My appointments", "Appointments"
BOOK, RUN = requires(Action.BOOK_APPOINTMENTS), requires(Action.RUN_APPOINTMENTS)
CUTOFF_HOURS = int(appointments.CANCEL_CUTOFF.total_seconds() // 3600)


# --- members -------------------------------------------------------------------------------------


@router.get(
    "/v1/me/gene-tests",
    summary="Your paid gene tests",
    description=f"{BOOK} Each can hold one appointment at a time.",
    tags=[MINE],
)
def my_gene_tests() -> list[PaidGeneTest]:
    return paid_tests.mine(current_actor())


@router.post(
    "/v1/me/appointments",
    summary="Book a slot at a collection point for a paid gene test",
    description=f"{BOOK} The slot's place is held at once; the service desk confirms or declines. "
    "Send an `Idempotency-Key`.",
    tags=[MINE],
    status_code=201,
)
def book_appointment(booking: Booking, idempotency_key: IdempotencyKey = None) -> Response[AppointmentView]:
    actor = current_actor()
    made = idempotent(
        actor,
        "logistics.book_appointment",
        booking,
        AppointmentView,
        lambda: appointments.book(actor, booking),
        key=idempotency_key,
    )
    return created(made, f"/v1/me/appointments/{made.id}")


@router.get("/v1/me/appointments", summary="Your appointments, newest first", description=BOOK, tags=[MINE])
def my_appointments(cursor: Cursor = None, limit: Limit = 20) -> Page[AppointmentView]:
    return appointments.mine(current_actor(), cursor=cursor, limit=limit)


@router.get("/v1/me/appointments/<appointment_id>", summary="One of your appointments", description=BOOK, tags=[MINE])
def my_appointment(appointment_id: str) -> AppointmentView:
    return appointments.my_appointment(current_actor(), appointment_id)


@router.post(
    "/v1/me/appointments/<appointment_id>/cancel",
    summary="Cancel your appointment",
    description=f"{BOOK} Up to {CUTOFF_HOURS} hours before it starts.",
    tags=[MINE],
)
def cancel_my_appointment(appointment_id: str, cancellation: Cancellation) -> AppointmentView:
    return appointments.cancel_mine(current_actor(), appointment_id, cancellation)


# --- the service desk ----------------------------------------------------------------------------


@router.get(
    "/v1/collection-points/<point_id>/appointments",
    summary="A collection point's appointments, by start time",
    description=RUN,
    tags=[STAFF],
)
def point_appointments(point_id: str, cursor: Cursor = None, limit: Limit = 20) -> Page[AppointmentView]:
    return appointments.at_point(current_actor(), point_id, cursor=cursor, limit=limit)


@router.get("/v1/appointments/<appointment_id>", summary="An appointment", description=RUN, tags=[STAFF])
def get_appointment(appointment_id: str) -> AppointmentView:
    return appointments.get(current_actor(), appointment_id)


@router.post(
    "/v1/appointments/<appointment_id>/confirm", summary="Confirm an appointment", description=RUN, tags=[STAFF]
)
def confirm_appointment(appointment_id: str) -> AppointmentView:
    return appointments.confirm(current_actor(), appointment_id)


@router.post(
    "/v1/appointments/<appointment_id>/decline",
    summary="Decline an appointment, with a reason",
    description=f"{RUN} The slot's place is free again.",
    tags=[STAFF],
)
def decline_appointment(appointment_id: str, decline: Decline) -> AppointmentView:
    return appointments.decline(current_actor(), appointment_id, decline)


@router.post("/v1/appointments/<appointment_id>/check-in", summary="Check the member in", description=RUN, tags=[STAFF])
def check_in_appointment(appointment_id: str) -> AppointmentView:
    return appointments.check_in(current_actor(), appointment_id)


@router.post(
    "/v1/appointments/<appointment_id>/collected",
    summary="Record the sample collected",
    description=RUN,
    tags=[STAFF],
)
def appointment_collected(appointment_id: str) -> AppointmentView:
    return appointments.collected(current_actor(), appointment_id)


@router.post(
    "/v1/appointments/<appointment_id>/no-show",
    summary="Record a no-show",
    description=f"{RUN} Once the appointment has started; the gene test can be booked again.",
    tags=[STAFF],
)
def appointment_no_show(appointment_id: str) -> AppointmentView:
    return appointments.no_show(current_actor(), appointment_id)


@router.post(
    "/v1/appointments/<appointment_id>/cancel",
    summary="Cancel an appointment",
    description=f"{RUN} At any time before check-in; the slot's place is free again.",
    tags=[STAFF],
)
def cancel_appointment(appointment_id: str, cancellation: Cancellation) -> AppointmentView:
    return appointments.cancel_by_staff(current_actor(), appointment_id, cancellation)
