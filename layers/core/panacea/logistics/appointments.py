"""Appointments at collection points: a member books a slot for a paid gene test, holding the
slot's capacity and the test in the booking's transaction (no overbooking, one appointment per
test at a time); the service desk confirms or declines, checks the member in and records the
collection or a no-show; the member cancels before the cut-off, staff at any time before check-in.
Each move is one transaction with its event."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from panacea.logistics import points
from panacea.logistics.access import Action
from panacea.logistics.appointment_items import (
    AppointmentItem,
    PaidTestItem,
    ReminderItem,
    appointment_key,
    member_appointments,
    point_schedule,
)
from panacea.logistics.appointment_models import (
    MOVES,
    RELEASING,
    AppointmentCancelled,
    AppointmentCheckedIn,
    AppointmentCollected,
    AppointmentConfirmed,
    AppointmentDeclined,
    AppointmentNoShow,
    AppointmentRequested,
    AppointmentState,
    AppointmentView,
    Booking,
    Cancellation,
    Decline,
)
from panacea.logistics.point_items import PointItem, SlotItem, point_key
from panacea.logistics.point_models import PointStatus
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, DomainError, FieldError, NotFound, Unprocessable
from panacea.platform.ids import is_id, new_id
from panacea.platform.table import Page, TableItem, decode_cursor, page_of
from panacea.platform.transaction import unit_of_work

CANCEL_CUTOFF = timedelta(hours=24)  # members cancel up to this long before the slot starts
MEMBER, STAFF = "member", "staff"


class AppointmentNotFound(NotFound):
    slug, title = "appointment-not-found", "Appointment not found"


class SlotFull(Conflict):
    slug, title = "slot-full", "Slot full"


class NotASlot(Unprocessable):
    slug, title = "not-a-slot", "Not a slot"


class NoPaidGeneTest(NotFound):
    slug, title = "no-paid-gene-test", "No paid gene test"


class GeneTestBooked(Conflict):
    slug, title = "gene-test-booked", "Gene test already booked"


class AppointmentMoved(Conflict):
    slug, title = "appointment-state", "Not possible in the appointment's state"


def load(tenant_id: str, appointment_id: str) -> AppointmentItem:
    found = None
    if is_id(appointment_id):
        found = AppointmentItem.find(*appointment_key(tenant_id, appointment_id), consistent_read=True)
    if found is None:
        raise AppointmentNotFound(f"no appointment {appointment_id}", field="appointment_id")
    return found


# --- booking -------------------------------------------------------------------------------------


def _slot_of(point: PointItem, starts_at: datetime) -> datetime:
    """`starts_at` as one of the point's slot starts (UTC), or NotASlot / in the past."""
    at = starts_at.astimezone(ZoneInfo("UTC")).replace(second=0, microsecond=0)
    local_day = starts_at.astimezone(ZoneInfo(point.described_as().time_zone)).date()
    if at != starts_at or at not in points.slot_starts(point, local_day):
        raise NotASlot.on_field("starts_at", "not_a_slot", "not the start of one of the point's slots")
    if at <= clock.now():
        raise NotASlot.on_field("starts_at", "past", "that slot has started already")
    return at


def _paid_test(tenant_id: str, member_id: str, booking: Booking) -> PaidTestItem:
    test = PaidTestItem.find(
        *PaidTestItem.key(tenant_id, member_id, booking.order_id, booking.line_no), consistent_read=True
    )
    if test is None:
        detail = f"no paid gene test on line {booking.line_no} of your order {booking.order_id}"
        raise NoPaidGeneTest(detail, field="order_id")
    if test.refunded:
        raise GeneTestBooked.on_field("order_id", "refunded", "that gene test was refunded")
    if test.appointment_id:
        raise GeneTestBooked.on_field("order_id", "booked", f"appointment {test.appointment_id} holds that gene test")
    return test


def _slot_full(point: PointItem) -> Any:
    def explained(raw: dict[str, Any] | None) -> DomainError:
        return SlotFull.on_field("starts_at", "full", f"every one of the slot's {int(point.capacity)} places is taken")

    return explained


def book(actor: Actor, booking: Booking) -> AppointmentView:
    """Book a slot for a paid gene test: the slot's capacity and the test are held in the same
    transaction as the appointment (requested, for the service desk to confirm)."""
    authorize(actor, Action.BOOK_APPOINTMENTS)
    tenant_id, member_id = actor.tenant, actor.user_id
    point = points.load(tenant_id, booking.point_id)
    if point.status != PointStatus.ACTIVE.value:
        raise points.PointClosed.on_field("point_id", "inactive", f"collection point {booking.point_id} is closed")
    starts_at = _slot_of(point, booking.starts_at)
    test = _paid_test(tenant_id, member_id, booking)
    now = clock.now()
    item = AppointmentItem.new(
        tenant_id=tenant_id,
        appointment_id=new_id(),
        member_id=member_id,
        point_id=point.point_id,
        order_id=booking.order_id,
        line_no=booking.line_no,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=int(point.slot_minutes)),
        note=booking.note,
        created_at=now,
    )
    slot = SlotItem.of(tenant_id, point.point_id, starts_at)
    with unit_of_work(tenant_id) as uow:
        closed = points.PointClosed.on_field("point_id", "inactive", "the collection point closed meanwhile")
        uow.check(PointItem, point_key(tenant_id, point.point_id), PointItem.status == "active", conflict=closed)
        held = SlotItem.booked.does_not_exist() | (SlotItem.booked < int(point.capacity))
        uow.update(slot, SlotItem.taken(1), condition=held, conflict=_slot_full(point))
        taken = GeneTestBooked.on_field("order_id", "booked", "another appointment holds that gene test")
        free = PaidTestItem.appointment_id.does_not_exist() & (PaidTestItem.refunded == False)  # noqa: E712
        uow.update(test, [PaidTestItem.appointment_id.set(item.appointment_id)], condition=free, conflict=taken)
        uow.create(item, conflict=Conflict("this appointment exists"))
        uow.emit(AppointmentRequested(**_facts(item)))
    return item.view()


def _facts(item: AppointmentItem) -> dict[str, Any]:
    return {
        "appointment_id": item.appointment_id,
        "member_id": item.member_id,
        "point_id": item.point_id,
        "order_id": item.order_id,
        "line_no": int(item.line_no),
        "starts_at": item.starts_at,
    }


# --- moves ---------------------------------------------------------------------------------------


def _raced(item: AppointmentItem) -> Any:
    def explained(raw: dict[str, Any] | None) -> DomainError:
        now = AppointmentItem.from_raw_data(raw) if raw else None
        if now is not None and now.state == item.state:
            return ConcurrentUpdate("the appointment changed meanwhile; retry")
        return AppointmentMoved("the appointment moved on meanwhile", errors=[FieldError("appointment_id", "state")])

    return explained


def move(item: AppointmentItem, to: AppointmentState, event: Any, **changes: Any) -> AppointmentView:
    """Move the appointment from the state it was read in to `to`, with its event; a declined or
    cancelled one gives its slot and its gene test back, a no-show its gene test; the reminder is
    owed while it is confirmed."""
    frm = AppointmentState(item.state)
    if to not in MOVES.get(frm, frozenset()):
        raise AppointmentMoved(
            f"a {frm.value} appointment cannot become {to.value}", errors=[FieldError("appointment_id", "state")]
        )
    at = clock.now()
    tenant_id = item.tenant_id
    with unit_of_work(tenant_id) as uow:
        uow.update(item, item.moved(to, at, **changes), condition=item.is_(frm), conflict=_raced(item))
        if to in RELEASING:
            uow.update(SlotItem.of(tenant_id, item.point_id, item.starts_at), SlotItem.taken(-1))
        if to in RELEASING or to == AppointmentState.NO_SHOW:
            test = PaidTestItem(*PaidTestItem.key(tenant_id, item.member_id, item.order_id, int(item.line_no)))
            held = PaidTestItem.appointment_id == item.appointment_id
            uow.update(test, [PaidTestItem.appointment_id.remove()], condition=held, conflict=_raced(item))
        if to == AppointmentState.CONFIRMED:
            uow.save(ReminderItem.for_(tenant_id, item.appointment_id, item.starts_at))
        elif frm == AppointmentState.CONFIRMED:
            uow.delete(ReminderItem.of(tenant_id, item.appointment_id), conflict=Conflict("reminder"))
        uow.emit(event)
    return load(tenant_id, item.appointment_id).view()


def _staff_loads(actor: Actor, appointment_id: str) -> AppointmentItem:
    authorize(actor, Action.RUN_APPOINTMENTS)
    return load(actor.tenant, appointment_id)


def confirm(actor: Actor, appointment_id: str) -> AppointmentView:
    item = _staff_loads(actor, appointment_id)
    return move(item, AppointmentState.CONFIRMED, AppointmentConfirmed(**_facts(item)))


def decline(actor: Actor, appointment_id: str, decline: Decline) -> AppointmentView:
    item = _staff_loads(actor, appointment_id)
    event = AppointmentDeclined(**_facts(item), reason=decline.reason)
    return move(item, AppointmentState.DECLINED, event, reason=decline.reason)


def check_in(actor: Actor, appointment_id: str) -> AppointmentView:
    item = _staff_loads(actor, appointment_id)
    return move(item, AppointmentState.CHECKED_IN, AppointmentCheckedIn(**_facts(item)))


def collected(actor: Actor, appointment_id: str) -> AppointmentView:
    item = _staff_loads(actor, appointment_id)
    at = clock.now()
    event = AppointmentCollected(**_facts(item), collected_at=at)
    return move(item, AppointmentState.COLLECTED, event, collected_at=at)


def no_show(actor: Actor, appointment_id: str) -> AppointmentView:
    item = _staff_loads(actor, appointment_id)
    if item.state == AppointmentState.CONFIRMED.value and clock.now() < item.starts_at:
        raise AppointmentMoved.on_field("appointment_id", "not_yet", "the appointment has not started yet")
    return move(item, AppointmentState.NO_SHOW, AppointmentNoShow(**_facts(item)))


def cancel_by_staff(actor: Actor, appointment_id: str, cancellation: Cancellation) -> AppointmentView:
    item = _staff_loads(actor, appointment_id)
    return _cancel(item, STAFF, cancellation)


def cancel_mine(actor: Actor, appointment_id: str, cancellation: Cancellation) -> AppointmentView:
    """The member cancels their own appointment, up to CANCEL_CUTOFF before it starts."""
    authorize(actor, Action.BOOK_APPOINTMENTS)
    item = _own(actor, appointment_id)
    if clock.now() > item.starts_at - CANCEL_CUTOFF:
        hours = int(CANCEL_CUTOFF.total_seconds() // 3600)
        raise AppointmentMoved.on_field(
            "appointment_id", "cut_off", f"appointments can be cancelled up to {hours} hours before they start"
        )
    return _cancel(item, MEMBER, cancellation)


def cancel_open(tenant_id: str, appointment_id: str, *, by: str, reason: str) -> AppointmentView | None:
    """Cancel the appointment if it is still open (requested or confirmed), e.g. its gene test was
    refunded: the slot is given back; one that went further is left (None)."""
    item = AppointmentItem.find(*appointment_key(tenant_id, appointment_id), consistent_read=True)
    if item is None or AppointmentState(item.state) not in {AppointmentState.REQUESTED, AppointmentState.CONFIRMED}:
        return None
    return _cancel(item, by, Cancellation(reason=reason))


def _cancel(item: AppointmentItem, by: str, cancellation: Cancellation) -> AppointmentView:
    event = AppointmentCancelled(**_facts(item), cancelled_by=by, reason=cancellation.reason)
    return move(item, AppointmentState.CANCELLED, event, cancelled_by=by, reason=cancellation.reason)


# --- reads ---------------------------------------------------------------------------------------


def _own(actor: Actor, appointment_id: str) -> AppointmentItem:
    item = load(actor.tenant, appointment_id)
    if item.member_id != actor.user_id:
        raise AppointmentNotFound(f"no appointment {appointment_id}", field="appointment_id")
    return item


def my_appointment(actor: Actor, appointment_id: str) -> AppointmentView:
    authorize(actor, Action.BOOK_APPOINTMENTS)
    return _own(actor, appointment_id).view()


def get(actor: Actor, appointment_id: str) -> AppointmentView:
    return _staff_loads(actor, appointment_id).view()


def mine(actor: Actor, *, cursor: str | None, limit: int) -> Page[AppointmentView]:
    """The member's appointments, newest first."""
    authorize(actor, Action.BOOK_APPOINTMENTS)
    return _page(
        TableItem.by_gsi1, "gsi1pk", member_appointments(actor.tenant, actor.user_id), cursor, limit, forward=False
    )


def at_point(actor: Actor, point_id: str, *, cursor: str | None, limit: int) -> Page[AppointmentView]:
    """A point's appointments by start time (the service desk's schedule)."""
    authorize(actor, Action.RUN_APPOINTMENTS)
    points.load(actor.tenant, point_id)
    return _page(TableItem.by_gsi2, "gsi2pk", point_schedule(actor.tenant, point_id), cursor, limit, forward=True)


def _page(
    index: Any, hash_name: str, partition: str, cursor: str | None, limit: int, *, forward: bool
) -> Page[AppointmentView]:
    attr = getattr(TableItem, hash_name).attr_name
    start = decode_cursor(cursor, partition=(attr, partition))
    found = index.query(partition, scan_index_forward=forward, limit=limit, last_evaluated_key=start)
    return page_of(found, lambda item: item.view())
