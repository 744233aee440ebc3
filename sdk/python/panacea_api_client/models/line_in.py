from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LineIn")


@_attrs_define
class LineIn:
    """
    Attributes:
        quantity (int):
        sku_id (str):
        store_id (None | str | Unset): the store selling it; absent: the product's own seller
    """

    quantity: int
    sku_id: str
    store_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        sku_id = self.sku_id

        store_id: None | str | Unset
        if isinstance(self.store_id, Unset):
            store_id = UNSET
        else:
            store_id = self.store_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
                "sku_id": sku_id,
            }
        )
        if store_id is not UNSET:
            field_dict["store_id"] = store_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        quantity = d.pop("quantity")

        sku_id = d.pop("sku_id")

        def _parse_store_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store_id = _parse_store_id(d.pop("store_id", UNSET))

        line_in = cls(
            quantity=quantity,
            sku_id=sku_id,
            store_id=store_id,
        )

        return line_in
