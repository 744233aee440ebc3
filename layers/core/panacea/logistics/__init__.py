"""Logistics: collection points and appointments at them (and, beside them, mail-in kits and the
labs), the ways a gene test's sample reaches the lab.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
events logistics announces. Logistics follows orders (`order.paid`, `order.refunded`) by their
events to know which gene tests a member paid for, and never joins orders' transactions."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.logistics.appointment_models import (
        AppointmentCancelled,
        AppointmentCheckedIn,
        AppointmentCollected,
        AppointmentConfirmed,
        AppointmentDeclined,
        AppointmentNoShow,
        AppointmentReminderDue,
        AppointmentRequested,
    )
    from panacea.logistics.point_models import (
        CollectionPointChanged,
        CollectionPointDeactivated,
        CollectionPointOpened,
    )

_APPOINTMENTS = (
    "AppointmentCancelled",
    "AppointmentCheckedIn",
    "AppointmentCollected",
    "AppointmentConfirmed",
    "AppointmentDeclined",
    "AppointmentNoShow",
    "AppointmentReminderDue",
    "AppointmentRequested",
)
_POINTS = ("CollectionPointChanged", "CollectionPointDeactivated", "CollectionPointOpened")

__all__ = [
    "AppointmentCancelled",
    "AppointmentCheckedIn",
    "AppointmentCollected",
    "AppointmentConfirmed",
    "AppointmentDeclined",
    "AppointmentNoShow",
    "AppointmentReminderDue",
    "AppointmentRequested",
    "CollectionPointChanged",
    "CollectionPointDeactivated",
    "CollectionPointOpened",
]
__getattr__ = face(
    __name__,
    {
        **dict.fromkeys(_APPOINTMENTS, "panacea.logistics.appointment_models"),
        **dict.fromkeys(_POINTS, "panacea.logistics.point_models"),
    },
)
