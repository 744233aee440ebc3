from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.refund_line import RefundLine


T = TypeVar("T", bound="RefundIssue")


@_attrs_define
class RefundIssue:
    """A refund staff issue: all of what is left, or part (an amount, and/or lines returned).

    Attributes:
        reason (str):
        amount (int | None | Unset):
        lines (list[RefundLine] | Unset): lines returned or not to be fulfilled
        restock (bool | Unset): put the lines' quantities back in stock Default: True.
    """

    reason: str
    amount: int | None | Unset = UNSET
    lines: list[RefundLine] | Unset = UNSET
    restock: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        restock = self.restock

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if lines is not UNSET:
            field_dict["lines"] = lines
        if restock is not UNSET:
            field_dict["restock"] = restock

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.refund_line import RefundLine

        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        _lines = d.pop("lines", UNSET)
        lines: list[RefundLine] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = RefundLine.from_dict(lines_item_data)

                lines.append(lines_item)

        restock = d.pop("restock", UNSET)

        refund_issue = cls(
            reason=reason,
            amount=amount,
            lines=lines,
            restock=restock,
        )

        return refund_issue
