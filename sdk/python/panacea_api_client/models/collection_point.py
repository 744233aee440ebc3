from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.point_status import PointStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.opening_hours import OpeningHours
    from ..models.point_address import PointAddress
    from ..models.point_contact import PointContact


T = TypeVar("T", bound="CollectionPoint")


@_attrs_define
class CollectionPoint:
    """A collection point as staff see it.

    Attributes:
        address (PointAddress):
        created_at (datetime.datetime):
        id (str):
        latitude (float):
        longitude (float):
        map_url (str):
        name (str):
        opening_hours (list[OpeningHours]):
        status (PointStatus):
        time_zone (str): IANA time zone
        updated_at (datetime.datetime):
        version (int):
        capacity (int | Unset): appointments one slot takes Default: 1.
        contact (PointContact | Unset):
        services (list[str] | Unset):
        slot_minutes (int | Unset): length of one appointment slot, in minutes Default: 30.
    """

    address: PointAddress
    created_at: datetime.datetime
    id: str
    latitude: float
    longitude: float
    map_url: str
    name: str
    opening_hours: list[OpeningHours]
    status: PointStatus
    time_zone: str
    updated_at: datetime.datetime
    version: int
    capacity: int | Unset = 1
    contact: PointContact | Unset = UNSET
    services: list[str] | Unset = UNSET
    slot_minutes: int | Unset = 30
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        created_at = self.created_at.isoformat()

        id = self.id

        latitude = self.latitude

        longitude = self.longitude

        map_url = self.map_url

        name = self.name

        opening_hours = []
        for opening_hours_item_data in self.opening_hours:
            opening_hours_item = opening_hours_item_data.to_dict()
            opening_hours.append(opening_hours_item)

        status = self.status.value

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        version = self.version

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
                "created_at": created_at,
                "id": id,
                "latitude": latitude,
                "longitude": longitude,
                "map_url": map_url,
                "name": name,
                "opening_hours": opening_hours,
                "status": status,
                "time_zone": time_zone,
                "updated_at": updated_at,
                "version": version,
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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        status = PointStatus(d.pop("status"))

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        capacity = d.pop("capacity", UNSET)

        _contact = d.pop("contact", UNSET)
        contact: PointContact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = PointContact.from_dict(_contact)

        services = cast(list[str], d.pop("services", UNSET))

        slot_minutes = d.pop("slot_minutes", UNSET)

        collection_point = cls(
            address=address,
            created_at=created_at,
            id=id,
            latitude=latitude,
            longitude=longitude,
            map_url=map_url,
            name=name,
            opening_hours=opening_hours,
            status=status,
            time_zone=time_zone,
            updated_at=updated_at,
            version=version,
            capacity=capacity,
            contact=contact,
            services=services,
            slot_minutes=slot_minutes,
        )

        collection_point.additional_properties = d
        return collection_point

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
