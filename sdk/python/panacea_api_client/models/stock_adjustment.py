from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StockAdjustment")


@_attrs_define
class StockAdjustment:
    """
    Attributes:
        delta (int): units added (or, negative, taken away)
        reason (str):
    """

    delta: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        delta = self.delta

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "delta": delta,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        delta = d.pop("delta")

        reason = d.pop("reason")

        stock_adjustment = cls(
            delta=delta,
            reason=reason,
        )

        return stock_adjustment
