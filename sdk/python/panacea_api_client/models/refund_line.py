from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RefundLine")


@_attrs_define
class RefundLine:
    """
    Attributes:
        line_no (int):
        quantity (int):
    """

    line_no: int
    quantity: int

    def to_dict(self) -> dict[str, Any]:
        line_no = self.line_no

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "line_no": line_no,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line_no = d.pop("line_no")

        quantity = d.pop("quantity")

        refund_line = cls(
            line_no=line_no,
            quantity=quantity,
        )

        return refund_line
