from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.refund_line import RefundLine


T = TypeVar("T", bound="RefundAsk")


@_attrs_define
class RefundAsk:
    """A member's refund request: what they return (lines) and why; staff approve or decline it.

    Attributes:
        reason (str):
        lines (list[RefundLine] | Unset): what is returned; none: the whole order
    """

    reason: str
    lines: list[RefundLine] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.refund_line import RefundLine

        d = dict(src_dict)
        reason = d.pop("reason")

        _lines = d.pop("lines", UNSET)
        lines: list[RefundLine] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = RefundLine.from_dict(lines_item_data)

                lines.append(lines_item)

        refund_ask = cls(
            reason=reason,
            lines=lines,
        )

        return refund_ask
