from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressSnapshot")


@_attrs_define
class AddressSnapshot:
    """The address as it was when chosen: later edits of the address book do not move a parcel.

    Attributes:
        address_id (str):
        city (str):
        country (str):
        line1 (str):
        phone (str):
        recipient (str):
        label (None | str | Unset):
        line2 (None | str | Unset):
        postcode (None | str | Unset):
        region (None | str | Unset):
    """

    address_id: str
    city: str
    country: str
    line1: str
    phone: str
    recipient: str
    label: None | str | Unset = UNSET
    line2: None | str | Unset = UNSET
    postcode: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address_id = self.address_id

        city = self.city

        country = self.country

        line1 = self.line1

        phone = self.phone

        recipient = self.recipient

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        line2: None | str | Unset
        if isinstance(self.line2, Unset):
            line2 = UNSET
        else:
            line2 = self.line2

        postcode: None | str | Unset
        if isinstance(self.postcode, Unset):
            postcode = UNSET
        else:
            postcode = self.postcode

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address_id": address_id,
                "city": city,
                "country": country,
                "line1": line1,
                "phone": phone,
                "recipient": recipient,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if postcode is not UNSET:
            field_dict["postcode"] = postcode
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        address_id = d.pop("address_id")

        city = d.pop("city")

        country = d.pop("country")

        line1 = d.pop("line1")

        phone = d.pop("phone")

        recipient = d.pop("recipient")

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_line2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line2 = _parse_line2(d.pop("line2", UNSET))

        def _parse_postcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postcode = _parse_postcode(d.pop("postcode", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        address_snapshot = cls(
            address_id=address_id,
            city=city,
            country=country,
            line1=line1,
            phone=phone,
            recipient=recipient,
            label=label,
            line2=line2,
            postcode=postcode,
            region=region,
        )

        address_snapshot.additional_properties = d
        return address_snapshot

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
