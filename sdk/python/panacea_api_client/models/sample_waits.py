from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SampleWaits")


@_attrs_define
class SampleWaits:
    """Days a sample may stay at a stage before the member (or staff) is reminded.

    Attributes:
        appointment_booked (int | Unset): booked: until the sample is taken at the point Default: 14.
        awaiting_kit (int | Unset): paid: until a kit is sent or an appointment booked Default: 3.
        collected (int | Unset): collected: until it is sent back Default: 3.
        in_transit (int | Unset): sent: until the lab receives it Default: 7.
        kit_dispatched (int | Unset): a kit on its way: until the member registers it Default: 10.
        processing (int | Unset): processing: until the report is ready Default: 21.
        received (int | Unset): at the lab: until processing starts Default: 14.
        registered (int | Unset): registered: until the sample is collected Default: 14.
        report_ready (int | Unset): report ready: until staff release it Default: 5.
    """

    appointment_booked: int | Unset = 14
    awaiting_kit: int | Unset = 3
    collected: int | Unset = 3
    in_transit: int | Unset = 7
    kit_dispatched: int | Unset = 10
    processing: int | Unset = 21
    received: int | Unset = 14
    registered: int | Unset = 14
    report_ready: int | Unset = 5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_booked = self.appointment_booked

        awaiting_kit = self.awaiting_kit

        collected = self.collected

        in_transit = self.in_transit

        kit_dispatched = self.kit_dispatched

        processing = self.processing

        received = self.received

        registered = self.registered

        report_ready = self.report_ready

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if appointment_booked is not UNSET:
            field_dict["appointment_booked"] = appointment_booked
        if awaiting_kit is not UNSET:
            field_dict["awaiting_kit"] = awaiting_kit
        if collected is not UNSET:
            field_dict["collected"] = collected
        if in_transit is not UNSET:
            field_dict["in_transit"] = in_transit
        if kit_dispatched is not UNSET:
            field_dict["kit_dispatched"] = kit_dispatched
        if processing is not UNSET:
            field_dict["processing"] = processing
        if received is not UNSET:
            field_dict["received"] = received
        if registered is not UNSET:
            field_dict["registered"] = registered
        if report_ready is not UNSET:
            field_dict["report_ready"] = report_ready

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appointment_booked = d.pop("appointment_booked", UNSET)

        awaiting_kit = d.pop("awaiting_kit", UNSET)

        collected = d.pop("collected", UNSET)

        in_transit = d.pop("in_transit", UNSET)

        kit_dispatched = d.pop("kit_dispatched", UNSET)

        processing = d.pop("processing", UNSET)

        received = d.pop("received", UNSET)

        registered = d.pop("registered", UNSET)

        report_ready = d.pop("report_ready", UNSET)

        sample_waits = cls(
            appointment_booked=appointment_booked,
            awaiting_kit=awaiting_kit,
            collected=collected,
            in_transit=in_transit,
            kit_dispatched=kit_dispatched,
            processing=processing,
            received=received,
            registered=registered,
            report_ready=report_ready,
        )

        sample_waits.additional_properties = d
        return sample_waits

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
