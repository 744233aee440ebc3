from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.applied_promotion import AppliedPromotion
    from ..models.line_price import LinePrice
    from ..models.money import Money


T = TypeVar("T", bound="Quote")


@_attrs_define
class Quote:
    """The order's lines with every applicable discount worked out (see the combination rule).

    Attributes:
        applied (list[AppliedPromotion]): at most one campaign and one coupon, campaign first
        coupon_applied (bool):
        coupon_code (None | str): the code entered, upper-cased
        currency (str):
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        lines (list[LinePrice]):
        quoted_at (datetime.datetime):
        subtotal (Money): An amount in minor units (pence, fen, cents) of one currency.
        total (Money): An amount in minor units (pence, fen, cents) of one currency.
        notes (list[str] | Unset): why a valid coupon or campaign was left out
    """

    applied: list[AppliedPromotion]
    coupon_applied: bool
    coupon_code: None | str
    currency: str
    discount: Money
    lines: list[LinePrice]
    quoted_at: datetime.datetime
    subtotal: Money
    total: Money
    notes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applied = []
        for applied_item_data in self.applied:
            applied_item = applied_item_data.to_dict()
            applied.append(applied_item)

        coupon_applied = self.coupon_applied

        coupon_code: None | str
        coupon_code = self.coupon_code

        currency = self.currency

        discount = self.discount.to_dict()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        quoted_at = self.quoted_at.isoformat()

        subtotal = self.subtotal.to_dict()

        total = self.total.to_dict()

        notes: list[str] | Unset = UNSET
        if not isinstance(self.notes, Unset):
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applied": applied,
                "coupon_applied": coupon_applied,
                "coupon_code": coupon_code,
                "currency": currency,
                "discount": discount,
                "lines": lines,
                "quoted_at": quoted_at,
                "subtotal": subtotal,
                "total": total,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.applied_promotion import AppliedPromotion
        from ..models.line_price import LinePrice
        from ..models.money import Money

        d = dict(src_dict)
        applied = []
        _applied = d.pop("applied")
        for applied_item_data in _applied:
            applied_item = AppliedPromotion.from_dict(applied_item_data)

            applied.append(applied_item)

        coupon_applied = d.pop("coupon_applied")

        def _parse_coupon_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code"))

        currency = d.pop("currency")

        discount = Money.from_dict(d.pop("discount"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LinePrice.from_dict(lines_item_data)

            lines.append(lines_item)

        quoted_at = datetime.datetime.fromisoformat(d.pop("quoted_at"))

        subtotal = Money.from_dict(d.pop("subtotal"))

        total = Money.from_dict(d.pop("total"))

        notes = cast(list[str], d.pop("notes", UNSET))

        quote = cls(
            applied=applied,
            coupon_applied=coupon_applied,
            coupon_code=coupon_code,
            currency=currency,
            discount=discount,
            lines=lines,
            quoted_at=quoted_at,
            subtotal=subtotal,
            total=total,
            notes=notes,
        )

        quote.additional_properties = d
        return quote

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
