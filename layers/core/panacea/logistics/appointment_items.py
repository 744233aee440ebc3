"""Appointments' items in the single table (the only place their keys are built):

AppointmentItem  PK T#<t>#APPOINTMENT#<id> · SK APPOINTMENT    an appointment: its slot, state, reasons;
                                                               `version` guards every transition
                 GSI1 T#<t>#MEMBER#<member>#APPOINTMENTS · <id>     a member's appointments, newest first
                 GSI2 T#<t>#POINT#<point>#APPOINTMENTS · <starts_at>#<id>   a point's schedule, by time
ReminderItem     PK T#<t>#APPOINTMENT#<id> · SK REMINDER       the reminder a confirmed appointment is owed;
                 GSI1 T#<t>#REMINDERS · <due_at>#<id>          due ones by time (one Query per tenant). Put
                                                               when confirmed, deleted (conditionally) in
                                                               the transaction that emits the reminder, or
                                                               when the appointment ends first: once each
PaidTestItem     PK T#<t>#MEMBER#<member>#GENE_TESTS · SK <order>#<line>   a gene test the member paid
                                                               for (from `order.paid`); `appointment_id`
                                                               while an appointment holds it (set under
                                                               attribute_not_exists: one at a time);
                                                               `refunded` from `order.refunded`
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.expressions.update import Action

from panacea.logistics.appointment_models import AppointmentState, AppointmentView, PaidGeneTest
from panacea.platform.keys import tenant_key
from panacea.platform.table import TableItem

Key = tuple[str, str]
REMINDER_AHEAD = timedelta(days=1)


def appointment_key(tenant_id: str, appointment_id: str) -> Key:
    return tenant_key(tenant_id, "APPOINTMENT", appointment_id), "APPOINTMENT"


def member_appointments(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "APPOINTMENTS")


def point_schedule(tenant_id: str, point_id: str) -> str:
    return tenant_key(tenant_id, "POINT", point_id, "APPOINTMENTS")


def reminders(tenant_id: str) -> str:
    return tenant_key(tenant_id, "REMINDERS")


def stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def paid_tests_partition(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "GENE_TESTS")


def paid_test_key(tenant_id: str, member_id: str, order_id: str, line_no: int) -> Key:
    return paid_tests_partition(tenant_id, member_id), f"{order_id}#{line_no:04d}"


class AppointmentItem(TableItem, discriminator="appointment"):
    tenant_id = UnicodeAttribute()
    appointment_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    point_id = UnicodeAttribute()
    order_id = UnicodeAttribute()
    line_no = NumberAttribute()
    starts_at = UTCDateTimeAttribute()
    ends_at = UTCDateTimeAttribute()
    state = UnicodeAttribute()
    reason = UnicodeAttribute(null=True)
    cancelled_by = UnicodeAttribute(null=True)
    note = UnicodeAttribute(null=True)
    collected_at = UTCDateTimeAttribute(null=True)
    version = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def new(cls, *, tenant_id: str, appointment_id: str, **fields: Any) -> AppointmentItem:
        item = cls(*appointment_key(tenant_id, appointment_id), tenant_id=tenant_id, appointment_id=appointment_id)
        for name, value in fields.items():
            setattr(item, name, value)
        item.state, item.version, item.updated_at = AppointmentState.REQUESTED.value, 0, item.created_at
        item.gsi1pk, item.gsi1sk = member_appointments(tenant_id, item.member_id), appointment_id
        item.gsi2pk = point_schedule(tenant_id, item.point_id)
        item.gsi2sk = f"{stamp(item.starts_at)}#{appointment_id}"
        return item

    def is_(self, state: AppointmentState) -> Any:
        cls = type(self)
        return (cls.state == state.value) & (cls.version == self.version)

    def moved(self, state: AppointmentState, at: datetime, **changes: Any) -> list[Action]:
        cls = type(self)
        actions: list[Action] = [cls.state.set(state.value), cls.version.add(1), cls.updated_at.set(at)]
        for name, value in changes.items():
            attribute = getattr(cls, name)
            actions.append(attribute.remove() if value is None else attribute.set(value))
        return actions

    def view(self) -> AppointmentView:
        return AppointmentView(
            id=self.appointment_id,
            member_id=self.member_id,
            point_id=self.point_id,
            order_id=self.order_id,
            line_no=int(self.line_no),
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            state=AppointmentState(self.state),
            reason=self.reason,
            cancelled_by=self.cancelled_by,
            note=self.note,
            version=int(self.version),
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


class ReminderItem(TableItem, discriminator="appointment_reminder"):
    appointment_id = UnicodeAttribute()

    @classmethod
    def of(cls, tenant_id: str, appointment_id: str) -> ReminderItem:
        return cls(appointment_key(tenant_id, appointment_id)[0], "REMINDER", appointment_id=appointment_id)

    @classmethod
    def for_(cls, tenant_id: str, appointment_id: str, starts_at: datetime) -> ReminderItem:
        item = cls.of(tenant_id, appointment_id)
        item.gsi1pk, item.gsi1sk = reminders(tenant_id), f"{stamp(starts_at - REMINDER_AHEAD)}#{appointment_id}"
        return item

    @classmethod
    def due(cls, tenant_id: str, now: datetime, *, limit: int) -> list[ReminderItem]:
        """Reminders due by `now`, oldest first (one Query)."""
        found: Any = TableItem.by_gsi1.query(reminders(tenant_id), TableItem.gsi1sk <= f"{stamp(now)}#~", limit=limit)
        return [item for item in found if isinstance(item, ReminderItem)]


class PaidTestItem(TableItem, discriminator="paid_gene_test"):
    order_id = UnicodeAttribute()
    line_no = NumberAttribute()
    product_id = UnicodeAttribute()
    sku_id = UnicodeAttribute()
    appointment_id = UnicodeAttribute(null=True)
    refunded = BooleanAttribute(default=False)
    paid_at = UTCDateTimeAttribute()

    @classmethod
    def key(cls, tenant_id: str, member_id: str, order_id: str, line_no: int) -> Key:
        return paid_test_key(tenant_id, member_id, order_id, line_no)

    @classmethod
    def of_member(cls, tenant_id: str, member_id: str) -> list[PaidTestItem]:
        found = cls.query(paid_tests_partition(tenant_id, member_id), consistent_read=True)
        return [item for item in found if isinstance(item, PaidTestItem)]

    def view(self) -> PaidGeneTest:
        return PaidGeneTest(
            order_id=self.order_id,
            line_no=int(self.line_no),
            product_id=self.product_id,
            sku_id=self.sku_id,
            appointment_id=self.appointment_id,
            refunded=bool(self.refunded),
        )
