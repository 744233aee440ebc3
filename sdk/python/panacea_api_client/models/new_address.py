from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.address_use import AddressUse
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewAddress")


@_attrs_define
class NewAddress:
    """A recipient for kits, goods and paper reports.

    Attributes:
        city (str):
        country (str): ISO 3166-1 alpha-2
        line1 (str):
        phone (str): a phone number, international (+44…) or as dialled in the tenant's country
        recipient (str):
        default (bool | Unset): make it the default address (the first one always is) Default: False.
        label (None | str | Unset):
        line2 (None | str | Unset):
        postcode (None | str | Unset):
        region (None | str | Unset):
        uses (list[AddressUse] | Unset):
    """

    city: str
    country: str
    line1: str
    phone: str
    recipient: str
    default: bool | Unset = False
    label: None | str | Unset = UNSET
    line2: None | str | Unset = UNSET
    postcode: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    uses: list[AddressUse] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        line1 = self.line1

        phone = self.phone

        recipient = self.recipient

        default = self.default

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

        uses: list[str] | Unset = UNSET
        if not isinstance(self.uses, Unset):
            uses = []
            for uses_item_data in self.uses:
                uses_item = uses_item_data.value
                uses.append(uses_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "city": city,
                "country": country,
                "line1": line1,
                "phone": phone,
                "recipient": recipient,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default
        if label is not UNSET:
            field_dict["label"] = label
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if postcode is not UNSET:
            field_dict["postcode"] = postcode
        if region is not UNSET:
            field_dict["region"] = region
        if uses is not UNSET:
            field_dict["uses"] = uses

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        line1 = d.pop("line1")

        phone = d.pop("phone")

        recipient = d.pop("recipient")

        default = d.pop("default", UNSET)

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

        _uses = d.pop("uses", UNSET)
        uses: list[AddressUse] | Unset = UNSET
        if _uses is not UNSET:
            uses = []
            for uses_item_data in _uses:
                uses_item = AddressUse(uses_item_data)

                uses.append(uses_item)

        new_address = cls(
            city=city,
            country=country,
            line1=line1,
            phone=phone,
            recipient=recipient,
            default=default,
            label=label,
            line2=line2,
            postcode=postcode,
            region=region,
            uses=uses,
        )

        return new_address
