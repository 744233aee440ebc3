from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShipmentEntry")


@_attrs_define
class ShipmentEntry:
    """
    Attributes:
        carrier (str):
        tracking_number (str):
        group_id (None | str | Unset): the parcel; may be left out when one parcel awaits shipment
    """

    carrier: str
    tracking_number: str
    group_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        carrier = self.carrier

        tracking_number = self.tracking_number

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "carrier": carrier,
                "tracking_number": tracking_number,
            }
        )
        if group_id is not UNSET:
            field_dict["group_id"] = group_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        carrier = d.pop("carrier")

        tracking_number = d.pop("tracking_number")

        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        shipment_entry = cls(
            carrier=carrier,
            tracking_number=tracking_number,
            group_id=group_id,
        )

        return shipment_entry
