from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.address_use import AddressUse
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressPatch")


@_attrs_define
class AddressPatch:
    """
    Attributes:
        city (None | str | Unset):
        country (None | str | Unset):
        label (None | str | Unset):
        line1 (None | str | Unset):
        line2 (None | str | Unset):
        phone (None | str | Unset):
        postcode (None | str | Unset):
        recipient (None | str | Unset):
        region (None | str | Unset):
        uses (list[AddressUse] | None | Unset):
    """

    city: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    label: None | str | Unset = UNSET
    line1: None | str | Unset = UNSET
    line2: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    postcode: None | str | Unset = UNSET
    recipient: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    uses: list[AddressUse] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        line1: None | str | Unset
        if isinstance(self.line1, Unset):
            line1 = UNSET
        else:
            line1 = self.line1

        line2: None | str | Unset
        if isinstance(self.line2, Unset):
            line2 = UNSET
        else:
            line2 = self.line2

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        postcode: None | str | Unset
        if isinstance(self.postcode, Unset):
            postcode = UNSET
        else:
            postcode = self.postcode

        recipient: None | str | Unset
        if isinstance(self.recipient, Unset):
            recipient = UNSET
        else:
            recipient = self.recipient

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        uses: list[str] | None | Unset
        if isinstance(self.uses, Unset):
            uses = UNSET
        elif isinstance(self.uses, list):
            uses = []
            for uses_type_0_item_data in self.uses:
                uses_type_0_item = uses_type_0_item_data.value
                uses.append(uses_type_0_item)

        else:
            uses = self.uses

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if label is not UNSET:
            field_dict["label"] = label
        if line1 is not UNSET:
            field_dict["line1"] = line1
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if phone is not UNSET:
            field_dict["phone"] = phone
        if postcode is not UNSET:
            field_dict["postcode"] = postcode
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if region is not UNSET:
            field_dict["region"] = region
        if uses is not UNSET:
            field_dict["uses"] = uses

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_line1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line1 = _parse_line1(d.pop("line1", UNSET))

        def _parse_line2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line2 = _parse_line2(d.pop("line2", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_postcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postcode = _parse_postcode(d.pop("postcode", UNSET))

        def _parse_recipient(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recipient = _parse_recipient(d.pop("recipient", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_uses(data: object) -> list[AddressUse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                uses_type_0 = []
                _uses_type_0 = data
                for uses_type_0_item_data in _uses_type_0:
                    uses_type_0_item = AddressUse(uses_type_0_item_data)

                    uses_type_0.append(uses_type_0_item)

                return uses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AddressUse] | None | Unset, data)

        uses = _parse_uses(d.pop("uses", UNSET))

        address_patch = cls(
            city=city,
            country=country,
            label=label,
            line1=line1,
            line2=line2,
            phone=phone,
            postcode=postcode,
            recipient=recipient,
            region=region,
            uses=uses,
        )

        return address_patch
