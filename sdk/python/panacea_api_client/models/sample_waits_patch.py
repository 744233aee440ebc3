from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SampleWaitsPatch")


@_attrs_define
class SampleWaitsPatch:
    """A change of the waits: the stages sent change.

    Attributes:
        appointment_booked (int | None | Unset):
        awaiting_kit (int | None | Unset):
        collected (int | None | Unset):
        in_transit (int | None | Unset):
        kit_dispatched (int | None | Unset):
        processing (int | None | Unset):
        received (int | None | Unset):
        registered (int | None | Unset):
        report_ready (int | None | Unset):
    """

    appointment_booked: int | None | Unset = UNSET
    awaiting_kit: int | None | Unset = UNSET
    collected: int | None | Unset = UNSET
    in_transit: int | None | Unset = UNSET
    kit_dispatched: int | None | Unset = UNSET
    processing: int | None | Unset = UNSET
    received: int | None | Unset = UNSET
    registered: int | None | Unset = UNSET
    report_ready: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        appointment_booked: int | None | Unset
        if isinstance(self.appointment_booked, Unset):
            appointment_booked = UNSET
        else:
            appointment_booked = self.appointment_booked

        awaiting_kit: int | None | Unset
        if isinstance(self.awaiting_kit, Unset):
            awaiting_kit = UNSET
        else:
            awaiting_kit = self.awaiting_kit

        collected: int | None | Unset
        if isinstance(self.collected, Unset):
            collected = UNSET
        else:
            collected = self.collected

        in_transit: int | None | Unset
        if isinstance(self.in_transit, Unset):
            in_transit = UNSET
        else:
            in_transit = self.in_transit

        kit_dispatched: int | None | Unset
        if isinstance(self.kit_dispatched, Unset):
            kit_dispatched = UNSET
        else:
            kit_dispatched = self.kit_dispatched

        processing: int | None | Unset
        if isinstance(self.processing, Unset):
            processing = UNSET
        else:
            processing = self.processing

        received: int | None | Unset
        if isinstance(self.received, Unset):
            received = UNSET
        else:
            received = self.received

        registered: int | None | Unset
        if isinstance(self.registered, Unset):
            registered = UNSET
        else:
            registered = self.registered

        report_ready: int | None | Unset
        if isinstance(self.report_ready, Unset):
            report_ready = UNSET
        else:
            report_ready = self.report_ready

        field_dict: dict[str, Any] = {}

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

        def _parse_appointment_booked(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        appointment_booked = _parse_appointment_booked(
            d.pop("appointment_booked", UNSET)
        )

        def _parse_awaiting_kit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        awaiting_kit = _parse_awaiting_kit(d.pop("awaiting_kit", UNSET))

        def _parse_collected(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        collected = _parse_collected(d.pop("collected", UNSET))

        def _parse_in_transit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        in_transit = _parse_in_transit(d.pop("in_transit", UNSET))

        def _parse_kit_dispatched(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        kit_dispatched = _parse_kit_dispatched(d.pop("kit_dispatched", UNSET))

        def _parse_processing(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        processing = _parse_processing(d.pop("processing", UNSET))

        def _parse_received(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        received = _parse_received(d.pop("received", UNSET))

        def _parse_registered(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        registered = _parse_registered(d.pop("registered", UNSET))

        def _parse_report_ready(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        report_ready = _parse_report_ready(d.pop("report_ready", UNSET))

        sample_waits_patch = cls(
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

        return sample_waits_patch
