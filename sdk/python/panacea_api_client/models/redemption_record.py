from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="RedemptionRecord")


@_attrs_define
class RedemptionRecord:
    """One order a promotion discounts.

    Attributes:
        code (None | str):
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        member_id (str):
        order_id (str):
        redeemed_at (datetime.datetime):
    """

    code: None | str
    discount: Money
    member_id: str
    order_id: str
    redeemed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: None | str
        code = self.code

        discount = self.discount.to_dict()

        member_id = self.member_id

        order_id = self.order_id

        redeemed_at = self.redeemed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "discount": discount,
                "member_id": member_id,
                "order_id": order_id,
                "redeemed_at": redeemed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        discount = Money.from_dict(d.pop("discount"))

        member_id = d.pop("member_id")

        order_id = d.pop("order_id")

        redeemed_at = datetime.datetime.fromisoformat(d.pop("redeemed_at"))

        redemption_record = cls(
            code=code,
            discount=discount,
            member_id=member_id,
            order_id=order_id,
            redeemed_at=redeemed_at,
        )

        redemption_record.additional_properties = d
        return redemption_record

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
