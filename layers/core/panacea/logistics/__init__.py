"""Logistics: mail-in kits, collection points, appointments and the lab. MINIMAL (i11-kits): the
lead merges it with the points' and appointments' face.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
events logistics announces. Logistics follows orders (`order.paid`) by its events."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
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

__all__ = [
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
_LABS = {"LabRegistered", "ManifestSent", "SampleError", "SampleProcessing", "SampleProcessingBlocked"}
_LABS |= {"SampleReceivedByLab", "SampleReportReady"}
__getattr__ = face(
    __name__,
    {name: "panacea.logistics." + ("lab_models" if name in _LABS else "kit_models") for name in __all__},
)
