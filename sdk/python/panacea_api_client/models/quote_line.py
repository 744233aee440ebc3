from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="QuoteLine")


@_attrs_define
class QuoteLine:
    """A line of an order as the server priced it: `amount` is unit price times quantity.

    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        line_ref (str):
        product_id (str): an id the catalog gave a product or category
        category_ids (list[str] | Unset):
    """

    amount: Money
    line_ref: str
    product_id: str
    category_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        line_ref = self.line_ref

        product_id = self.product_id

        category_ids: list[str] | Unset = UNSET
        if not isinstance(self.category_ids, Unset):
            category_ids = self.category_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "line_ref": line_ref,
                "product_id": product_id,
            }
        )
        if category_ids is not UNSET:
            field_dict["category_ids"] = category_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        line_ref = d.pop("line_ref")

        product_id = d.pop("product_id")

        category_ids = cast(list[str], d.pop("category_ids", UNSET))

        quote_line = cls(
            amount=amount,
            line_ref=line_ref,
            product_id=product_id,
            category_ids=category_ids,
        )

        return quote_line
