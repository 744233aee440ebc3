from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KitBatch")


@_attrs_define
class KitBatch:
    """
    Attributes:
        barcodes (list[str]):
        batch_id (str):
        imported (int):
    """

    barcodes: list[str]
    batch_id: str
    imported: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        barcodes = self.barcodes

        batch_id = self.batch_id

        imported = self.imported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "barcodes": barcodes,
                "batch_id": batch_id,
                "imported": imported,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        barcodes = cast(list[str], d.pop("barcodes"))

        batch_id = d.pop("batch_id")

        imported = d.pop("imported")

        kit_batch = cls(
            barcodes=barcodes,
            batch_id=batch_id,
            imported=imported,
        )

        kit_batch.additional_properties = d
        return kit_batch

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
