from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_state import OrderState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.refund_line import RefundLine


T = TypeVar("T", bound="RefundRequest")


@_attrs_define
class RefundRequest:
    """
    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        reason (str):
        requested_at (datetime.datetime):
        resume_state (OrderState): Where an order is in its life (finance reports the same words).
        lines (list[RefundLine] | Unset):
    """

    amount: Money
    reason: str
    requested_at: datetime.datetime
    resume_state: OrderState
    lines: list[RefundLine] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        reason = self.reason

        requested_at = self.requested_at.isoformat()

        resume_state = self.resume_state.value

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "reason": reason,
                "requested_at": requested_at,
                "resume_state": resume_state,
            }
        )
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.refund_line import RefundLine

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        reason = d.pop("reason")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        resume_state = OrderState(d.pop("resume_state"))

        _lines = d.pop("lines", UNSET)
        lines: list[RefundLine] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = RefundLine.from_dict(lines_item_data)

                lines.append(lines_item)

        refund_request = cls(
            amount=amount,
            reason=reason,
            requested_at=requested_at,
            resume_state=resume_state,
            lines=lines,
        )

        refund_request.additional_properties = d
        return refund_request

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
