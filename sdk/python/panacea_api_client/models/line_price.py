from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LinePrice")


@_attrs_define
class LinePrice:
    """
    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        line_ref (str):
        product_id (str):
        promotion_ids (list[str]): the promotions that discount this line
        total (Money): An amount in minor units (pence, fen, cents) of one currency.
    """

    amount: Money
    discount: Money
    line_ref: str
    product_id: str
    promotion_ids: list[str]
    total: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        discount = self.discount.to_dict()

        line_ref = self.line_ref

        product_id = self.product_id

        promotion_ids = self.promotion_ids

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "discount": discount,
                "line_ref": line_ref,
                "product_id": product_id,
                "promotion_ids": promotion_ids,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        discount = Money.from_dict(d.pop("discount"))

        line_ref = d.pop("line_ref")

        product_id = d.pop("product_id")

        promotion_ids = cast(list[str], d.pop("promotion_ids"))

        total = Money.from_dict(d.pop("total"))

        line_price = cls(
            amount=amount,
            discount=discount,
            line_ref=line_ref,
            product_id=product_id,
            promotion_ids=promotion_ids,
            total=total,
        )

        line_price.additional_properties = d
        return line_price

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
