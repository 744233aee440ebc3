from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Booking")


@_attrs_define
class Booking:
    """A slot at a collection point for one paid gene test (an order's line).

    Attributes:
        line_no (int): the order's gene-test line
        order_id (str): the paid order holding the gene test
        point_id (str):
        starts_at (datetime.datetime): a slot's start, as the point's slots list it
        note (None | str | Unset):
    """

    line_no: int
    order_id: str
    point_id: str
    starts_at: datetime.datetime
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line_no = self.line_no

        order_id = self.order_id

        point_id = self.point_id

        starts_at = self.starts_at.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line_no": line_no,
                "order_id": order_id,
                "point_id": point_id,
                "starts_at": starts_at,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line_no = d.pop("line_no")

        order_id = d.pop("order_id")

        point_id = d.pop("point_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        booking = cls(
            line_no=line_no,
            order_id=order_id,
            point_id=point_id,
            starts_at=starts_at,
            note=note,
        )

        booking.additional_properties = d
        return booking

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
