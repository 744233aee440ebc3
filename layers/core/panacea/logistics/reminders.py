"""Appointment reminders: a periodic job (EventBridge Scheduler, hourly) emits
`appointment.reminder_due` for every confirmed appointment whose reminder time (a day before it
starts) has come. A confirmed appointment owes one reminder item; the transaction that emits the
event deletes it under a condition, so each reminder goes out once even if two runs overlap, and an
appointment that ends before (cancelled, checked in) owes none."""

from __future__ import annotations

from dataclasses import dataclass

from panacea import tenancy
from panacea.logistics.appointment_items import AppointmentItem, ReminderItem, appointment_key
from panacea.logistics.appointment_models import AppointmentReminderDue, AppointmentState
from panacea.platform import clock
from panacea.platform.errors import Conflict
from panacea.platform.isolation import acting_for
from panacea.platform.transaction import unit_of_work

PAGE = 100


@dataclass(frozen=True)
class Reminded:
    sent: int
    skipped: int


def remind_every_tenant() -> Reminded:
    """The schedule's job: every tenant's due reminders, each with its own credentials."""
    sent = skipped = 0
    for tenant_id in tenancy.tenant_ids():
        with acting_for(tenant_id):
            done = remind_due(tenant_id)
        sent, skipped = sent + done.sent, skipped + done.skipped
    return Reminded(sent, skipped)


def remind_due(tenant_id: str) -> Reminded:
    """Emit the tenant's due reminders, once each."""
    sent = skipped = 0
    while due := ReminderItem.due(tenant_id, clock.now(), limit=PAGE):
        for reminder in due:
            if _remind(tenant_id, reminder):
                sent += 1
            else:
                skipped += 1
        if len(due) < PAGE:
            break
    return Reminded(sent, skipped)


def _remind(tenant_id: str, reminder: ReminderItem) -> bool:
    key = appointment_key(tenant_id, reminder.appointment_id)
    item = AppointmentItem.find(*key, consistent_read=True)
    try:
        with unit_of_work(tenant_id) as uow:
            uow.delete(reminder, condition=ReminderItem.pk.exists(), conflict=Conflict("reminded already"))
            if item is None or item.state != AppointmentState.CONFIRMED.value:
                return False  # left behind by an appointment that moved on: only the delete commits
            confirmed = AppointmentItem.state == AppointmentState.CONFIRMED.value
            uow.check(AppointmentItem, key, confirmed, conflict=Conflict("no longer confirmed"))
            uow.emit(
                AppointmentReminderDue(
                    appointment_id=item.appointment_id,
                    member_id=item.member_id,
                    point_id=item.point_id,
                    order_id=item.order_id,
                    line_no=int(item.line_no),
                    starts_at=item.starts_at,
                )
            )
    except Conflict:
        return False
    return True
