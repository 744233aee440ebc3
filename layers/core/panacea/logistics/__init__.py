"""Logistics: collection points and appointments at them, mail-in kits and the labs: the ways a
gene test's sample reaches the lab.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
events logistics announces, and `replace_failed_kit` (the sample-logistics workflow's step after a
kit's sample_error: the replacement kit set aside for the line, or None when the line gets none).
Logistics follows orders (`order.paid`, `order.refunded`) by their events to know which gene tests
a member paid for, and never joins orders' transactions."""

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
    from panacea.logistics.replacement_models import (
        GeneTestFailed,
        KitRefundedAtLab,
        KitReplacementFeePaid,
        KitReplacementOrdered,
        KitVoided,
    )
    from panacea.logistics.replacements import replace_failed_kit

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
    "replacement_models": (
        "GeneTestFailed",
        "KitRefundedAtLab",
        "KitReplacementFeePaid",
        "KitReplacementOrdered",
        "KitVoided",
    ),
    "replacements": ("replace_failed_kit",),
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
    "GeneTestFailed",
    "KitDispatched",
    "KitRefundedAtLab",
    "KitRegistered",
    "KitReplacementFeePaid",
    "KitReplacementOrdered",
    "KitVoided",
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
    "replace_failed_kit",
]
__getattr__ = face(
    __name__,
    {name: f"panacea.logistics.{module}" for module, names in _MODELS.items() for name in names},
)
