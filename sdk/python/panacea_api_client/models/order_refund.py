from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.refund_line import RefundLine


T = TypeVar("T", bound="OrderRefund")


@_attrs_define
class OrderRefund:
    """
    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        at (datetime.datetime):
        by (str):
        id (str):
        reason (str):
        lines (list[RefundLine] | Unset):
        payment_refund_key (None | str | Unset): the idempotency key payments refunded under
        requested_by_member (bool | Unset):  Default: False.
        restocked (bool | Unset):  Default: False.
    """

    amount: Money
    at: datetime.datetime
    by: str
    id: str
    reason: str
    lines: list[RefundLine] | Unset = UNSET
    payment_refund_key: None | str | Unset = UNSET
    requested_by_member: bool | Unset = False
    restocked: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        at = self.at.isoformat()

        by = self.by

        id = self.id

        reason = self.reason

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        payment_refund_key: None | str | Unset
        if isinstance(self.payment_refund_key, Unset):
            payment_refund_key = UNSET
        else:
            payment_refund_key = self.payment_refund_key

        requested_by_member = self.requested_by_member

        restocked = self.restocked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "at": at,
                "by": by,
                "id": id,
                "reason": reason,
            }
        )
        if lines is not UNSET:
            field_dict["lines"] = lines
        if payment_refund_key is not UNSET:
            field_dict["payment_refund_key"] = payment_refund_key
        if requested_by_member is not UNSET:
            field_dict["requested_by_member"] = requested_by_member
        if restocked is not UNSET:
            field_dict["restocked"] = restocked

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.refund_line import RefundLine

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        by = d.pop("by")

        id = d.pop("id")

        reason = d.pop("reason")

        _lines = d.pop("lines", UNSET)
        lines: list[RefundLine] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = RefundLine.from_dict(lines_item_data)

                lines.append(lines_item)

        def _parse_payment_refund_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_refund_key = _parse_payment_refund_key(
            d.pop("payment_refund_key", UNSET)
        )

        requested_by_member = d.pop("requested_by_member", UNSET)

        restocked = d.pop("restocked", UNSET)

        order_refund = cls(
            amount=amount,
            at=at,
            by=by,
            id=id,
            reason=reason,
            lines=lines,
            payment_refund_key=payment_refund_key,
            requested_by_member=requested_by_member,
            restocked=restocked,
        )

        order_refund.additional_properties = d
        return order_refund

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
