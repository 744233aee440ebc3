from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.opening_hours import OpeningHours
    from ..models.point_address import PointAddress
    from ..models.point_contact import PointContact


T = TypeVar("T", bound="NearbyPoint")


@_attrs_define
class NearbyPoint:
    """An active point, and how far it is from the position asked about.

    Attributes:
        address (PointAddress):
        contact (PointContact):
        distance_km (float): great-circle distance, rounded to 0.1 km
        id (str):
        latitude (float):
        longitude (float):
        map_url (str): the point on OpenStreetMap
        name (str):
        opening_hours (list[OpeningHours]):
        services (list[str]):
        slot_minutes (int):
        time_zone (str):
    """

    address: PointAddress
    contact: PointContact
    distance_km: float
    id: str
    latitude: float
    longitude: float
    map_url: str
    name: str
    opening_hours: list[OpeningHours]
    services: list[str]
    slot_minutes: int
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        contact = self.contact.to_dict()

        distance_km = self.distance_km

        id = self.id

        latitude = self.latitude

        longitude = self.longitude

        map_url = self.map_url

        name = self.name

        opening_hours = []
        for opening_hours_item_data in self.opening_hours:
            opening_hours_item = opening_hours_item_data.to_dict()
            opening_hours.append(opening_hours_item)

        services = self.services

        slot_minutes = self.slot_minutes

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "contact": contact,
                "distance_km": distance_km,
                "id": id,
                "latitude": latitude,
                "longitude": longitude,
                "map_url": map_url,
                "name": name,
                "opening_hours": opening_hours,
                "services": services,
                "slot_minutes": slot_minutes,
                "time_zone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.opening_hours import OpeningHours
        from ..models.point_address import PointAddress
        from ..models.point_contact import PointContact

        d = dict(src_dict)
        address = PointAddress.from_dict(d.pop("address"))

        contact = PointContact.from_dict(d.pop("contact"))

        distance_km = d.pop("distance_km")

        id = d.pop("id")

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        map_url = d.pop("map_url")

        name = d.pop("name")

        opening_hours = []
        _opening_hours = d.pop("opening_hours")
        for opening_hours_item_data in _opening_hours:
            opening_hours_item = OpeningHours.from_dict(opening_hours_item_data)

            opening_hours.append(opening_hours_item)

        services = cast(list[str], d.pop("services"))

        slot_minutes = d.pop("slot_minutes")

        time_zone = d.pop("time_zone")

        nearby_point = cls(
            address=address,
            contact=contact,
            distance_km=distance_km,
            id=id,
            latitude=latitude,
            longitude=longitude,
            map_url=map_url,
            name=name,
            opening_hours=opening_hours,
            services=services,
            slot_minutes=slot_minutes,
            time_zone=time_zone,
        )

        nearby_point.additional_properties = d
        return nearby_point

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
