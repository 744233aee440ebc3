from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.promotion_kind import PromotionKind
from ..models.promotion_method import PromotionMethod

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="AppliedPromotion")


@_attrs_define
class AppliedPromotion:
    """
    Attributes:
        code (None | str): the coupon code it came with
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        kind (PromotionKind):
        member_limit (int | None): the member's limit redeeming checks (1 for first-order promotions); absent: none
        method (PromotionMethod): How a member gets a promotion.
        name (str):
        promotion_id (str):
    """

    code: None | str
    discount: Money
    kind: PromotionKind
    member_limit: int | None
    method: PromotionMethod
    name: str
    promotion_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: None | str
        code = self.code

        discount = self.discount.to_dict()

        kind = self.kind.value

        member_limit: int | None
        member_limit = self.member_limit

        method = self.method.value

        name = self.name

        promotion_id = self.promotion_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "discount": discount,
                "kind": kind,
                "member_limit": member_limit,
                "method": method,
                "name": name,
                "promotion_id": promotion_id,
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

        kind = PromotionKind(d.pop("kind"))

        def _parse_member_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        member_limit = _parse_member_limit(d.pop("member_limit"))

        method = PromotionMethod(d.pop("method"))

        name = d.pop("name")

        promotion_id = d.pop("promotion_id")

        applied_promotion = cls(
            code=code,
            discount=discount,
            kind=kind,
            member_limit=member_limit,
            method=method,
            name=name,
            promotion_id=promotion_id,
        )

        applied_promotion.additional_properties = d
        return applied_promotion

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
