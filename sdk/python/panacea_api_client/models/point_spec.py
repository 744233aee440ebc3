from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.opening_hours import OpeningHours
    from ..models.point_address import PointAddress
    from ..models.point_contact import PointContact


T = TypeVar("T", bound="PointSpec")


@_attrs_define
class PointSpec:
    """A collection point as staff describe it (creating it, or replacing every field when editing).

    Attributes:
        address (PointAddress):
        latitude (float):
        longitude (float):
        name (str):
        opening_hours (list[OpeningHours]):
        time_zone (str): IANA time zone
        capacity (int | Unset): appointments one slot takes Default: 1.
        contact (PointContact | Unset):
        services (list[str] | Unset):
        slot_minutes (int | Unset): length of one appointment slot, in minutes Default: 30.
    """

    address: PointAddress
    latitude: float
    longitude: float
    name: str
    opening_hours: list[OpeningHours]
    time_zone: str
    capacity: int | Unset = 1
    contact: PointContact | Unset = UNSET
    services: list[str] | Unset = UNSET
    slot_minutes: int | Unset = 30
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        latitude = self.latitude

        longitude = self.longitude

        name = self.name

        opening_hours = []
        for opening_hours_item_data in self.opening_hours:
            opening_hours_item = opening_hours_item_data.to_dict()
            opening_hours.append(opening_hours_item)

        time_zone = self.time_zone

        capacity = self.capacity

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        services: list[str] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = self.services

        slot_minutes = self.slot_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "latitude": latitude,
                "longitude": longitude,
                "name": name,
                "opening_hours": opening_hours,
                "time_zone": time_zone,
            }
        )
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if contact is not UNSET:
            field_dict["contact"] = contact
        if services is not UNSET:
            field_dict["services"] = services
        if slot_minutes is not UNSET:
            field_dict["slot_minutes"] = slot_minutes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.opening_hours import OpeningHours
        from ..models.point_address import PointAddress
        from ..models.point_contact import PointContact

        d = dict(src_dict)
        address = PointAddress.from_dict(d.pop("address"))

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        name = d.pop("name")

        opening_hours = []
        _opening_hours = d.pop("opening_hours")
        for opening_hours_item_data in _opening_hours:
            opening_hours_item = OpeningHours.from_dict(opening_hours_item_data)

            opening_hours.append(opening_hours_item)

        time_zone = d.pop("time_zone")

        capacity = d.pop("capacity", UNSET)

        _contact = d.pop("contact", UNSET)
        contact: PointContact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = PointContact.from_dict(_contact)

        services = cast(list[str], d.pop("services", UNSET))

        slot_minutes = d.pop("slot_minutes", UNSET)

        point_spec = cls(
            address=address,
            latitude=latitude,
            longitude=longitude,
            name=name,
            opening_hours=opening_hours,
            time_zone=time_zone,
            capacity=capacity,
            contact=contact,
            services=services,
            slot_minutes=slot_minutes,
        )

        point_spec.additional_properties = d
        return point_spec

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
