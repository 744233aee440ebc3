"""Logistics: collection points and appointments at them, mail-in kits and the labs: the ways a
gene test's sample reaches the lab.

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
    from panacea.logistics.kit_models import (
        KitDispatched,
        KitRegistered,
        KitsImported,
        SampleCollected,
        SampleDemographicsFixed,
        SampleInTransit,
    )
    from panacea.logistics.lab_models import (
        LabRegistered,
        ManifestSent,
        SampleError,
        SampleProcessing,
        SampleProcessingBlocked,
        SampleReceivedByLab,
        SampleReportReady,
    )
    from panacea.logistics.point_models import (
        CollectionPointChanged,
        CollectionPointDeactivated,
        CollectionPointOpened,
    )

_MODELS = {
    "appointment_models": (
        "AppointmentCancelled",
        "AppointmentCheckedIn",
        "AppointmentCollected",
        "AppointmentConfirmed",
        "AppointmentDeclined",
        "AppointmentNoShow",
        "AppointmentReminderDue",
        "AppointmentRequested",
    ),
    "point_models": ("CollectionPointChanged", "CollectionPointDeactivated", "CollectionPointOpened"),
    "kit_models": (
        "KitDispatched",
        "KitRegistered",
        "KitsImported",
        "SampleCollected",
        "SampleDemographicsFixed",
        "SampleInTransit",
    ),
    "lab_models": (
        "LabRegistered",
        "ManifestSent",
        "SampleError",
        "SampleProcessing",
        "SampleProcessingBlocked",
        "SampleReceivedByLab",
        "SampleReportReady",
    ),
}

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
    "KitDispatched",
    "KitRegistered",
    "KitsImported",
    "LabRegistered",
    "ManifestSent",
    "SampleCollected",
    "SampleDemographicsFixed",
    "SampleError",
    "SampleInTransit",
    "SampleProcessing",
    "SampleProcessingBlocked",
    "SampleReceivedByLab",
    "SampleReportReady",
]
__getattr__ = face(
    __name__,
    {name: f"panacea.logistics.{module}" for module, names in _MODELS.items() for name in names},
)
