from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StockLevel")


@_attrs_define
class StockLevel:
    """
    Attributes:
        available (int): may be sold now
        reserved (int): held by orders awaiting payment
        sku_id (str):
        sold (int): paid for (and not refunded)
        store_id (str):
        updated_at (datetime.datetime):
    """

    available: int
    reserved: int
    sku_id: str
    sold: int
    store_id: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        reserved = self.reserved

        sku_id = self.sku_id

        sold = self.sold

        store_id = self.store_id

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "reserved": reserved,
                "sku_id": sku_id,
                "sold": sold,
                "store_id": store_id,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        available = d.pop("available")

        reserved = d.pop("reserved")

        sku_id = d.pop("sku_id")

        sold = d.pop("sold")

        store_id = d.pop("store_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        stock_level = cls(
            available=available,
            reserved=reserved,
            sku_id=sku_id,
            sold=sold,
            store_id=store_id,
            updated_at=updated_at,
        )

        stock_level.additional_properties = d
        return stock_level

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
