from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AddressChange")


@_attrs_define
class AddressChange:
    """
    Attributes:
        address_id (str):
    """

    address_id: str

    def to_dict(self) -> dict[str, Any]:
        address_id = self.address_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address_id": address_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        address_id = d.pop("address_id")

        address_change = cls(
            address_id=address_id,
        )

        return address_change
