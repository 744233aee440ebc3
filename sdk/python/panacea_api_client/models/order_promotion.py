from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="OrderPromotion")


@_attrs_define
class OrderPromotion:
    """
    Attributes:
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        kind (str):
        name (str):
        promotion_id (str):
        coupon_code (None | str | Unset):
    """

    discount: Money
    kind: str
    name: str
    promotion_id: str
    coupon_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        discount = self.discount.to_dict()

        kind = self.kind

        name = self.name

        promotion_id = self.promotion_id

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discount": discount,
                "kind": kind,
                "name": name,
                "promotion_id": promotion_id,
            }
        )
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        discount = Money.from_dict(d.pop("discount"))

        kind = d.pop("kind")

        name = d.pop("name")

        promotion_id = d.pop("promotion_id")

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        order_promotion = cls(
            discount=discount,
            kind=kind,
            name=name,
            promotion_id=promotion_id,
            coupon_code=coupon_code,
        )

        order_promotion.additional_properties = d
        return order_promotion

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
