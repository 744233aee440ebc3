from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StockLevelSet")


@_attrs_define
class StockLevelSet:
    """
    Attributes:
        available (int):
        reason (str):
    """

    available: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        available = d.pop("available")

        reason = d.pop("reason")

        stock_level_set = cls(
            available=available,
            reason=reason,
        )

        return stock_level_set
