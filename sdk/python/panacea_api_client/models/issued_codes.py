from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IssuedCodes")


@_attrs_define
class IssuedCodes:
    """A batch of single-use codes, each usable by one order. Ask with `Accept: text/csv` for a CSV.

    Attributes:
        batch_id (str):
        codes (list[str]):
        promotion_id (str):
    """

    batch_id: str
    codes: list[str]
    promotion_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        codes = self.codes

        promotion_id = self.promotion_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "codes": codes,
                "promotion_id": promotion_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        codes = cast(list[str], d.pop("codes"))

        promotion_id = d.pop("promotion_id")

        issued_codes = cls(
            batch_id=batch_id,
            codes=codes,
            promotion_id=promotion_id,
        )

        issued_codes.additional_properties = d
        return issued_codes

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
