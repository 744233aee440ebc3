from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.address_use import AddressUse
from ..types import UNSET, Unset

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """
    Attributes:
        city (str):
        country (str):
        created_at (datetime.datetime):
        default (bool):
        id (str):
        line1 (str):
        phone (str): E.164
        recipient (str):
        updated_at (datetime.datetime):
        uses (list[AddressUse]):
        label (None | str | Unset):
        line2 (None | str | Unset):
        postcode (None | str | Unset):
        region (None | str | Unset):
    """

    city: str
    country: str
    created_at: datetime.datetime
    default: bool
    id: str
    line1: str
    phone: str
    recipient: str
    updated_at: datetime.datetime
    uses: list[AddressUse]
    label: None | str | Unset = UNSET
    line2: None | str | Unset = UNSET
    postcode: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        created_at = self.created_at.isoformat()

        default = self.default

        id = self.id

        line1 = self.line1

        phone = self.phone

        recipient = self.recipient

        updated_at = self.updated_at.isoformat()

        uses = []
        for uses_item_data in self.uses:
            uses_item = uses_item_data.value
            uses.append(uses_item)

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
                "city": city,
                "country": country,
                "created_at": created_at,
                "default": default,
                "id": id,
                "line1": line1,
                "phone": phone,
                "recipient": recipient,
                "updated_at": updated_at,
                "uses": uses,
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
        city = d.pop("city")

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        default = d.pop("default")

        id = d.pop("id")

        line1 = d.pop("line1")

        phone = d.pop("phone")

        recipient = d.pop("recipient")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        uses = []
        _uses = d.pop("uses")
        for uses_item_data in _uses:
            uses_item = AddressUse(uses_item_data)

            uses.append(uses_item)

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

        address = cls(
            city=city,
            country=country,
            created_at=created_at,
            default=default,
            id=id,
            line1=line1,
            phone=phone,
            recipient=recipient,
            updated_at=updated_at,
            uses=uses,
            label=label,
            line2=line2,
            postcode=postcode,
            region=region,
        )

        address.additional_properties = d
        return address

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
