from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.order_line import OrderLine
    from ..models.order_promotion import OrderPromotion


T = TypeVar("T", bound="OrderQuote")


@_attrs_define
class OrderQuote:
    """What checkout would charge, without placing anything.

    Attributes:
        currency (str):
        discount (Money): An amount in minor units (pence, fen, cents) of one currency.
        lines (list[OrderLine]):
        subtotal (Money): An amount in minor units (pence, fen, cents) of one currency.
        total (Money): An amount in minor units (pence, fen, cents) of one currency.
        promotions (list[OrderPromotion] | Unset):
        to_pay (Money | None | Unset): what the payment method pays: total - wallet_credit
        wallet_credit (Money | None | Unset): the wallet credit asked to spend
    """

    currency: str
    discount: Money
    lines: list[OrderLine]
    subtotal: Money
    total: Money
    promotions: list[OrderPromotion] | Unset = UNSET
    to_pay: Money | None | Unset = UNSET
    wallet_credit: Money | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money

        currency = self.currency

        discount = self.discount.to_dict()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        subtotal = self.subtotal.to_dict()

        total = self.total.to_dict()

        promotions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.promotions, Unset):
            promotions = []
            for promotions_item_data in self.promotions:
                promotions_item = promotions_item_data.to_dict()
                promotions.append(promotions_item)

        to_pay: dict[str, Any] | None | Unset
        if isinstance(self.to_pay, Unset):
            to_pay = UNSET
        elif isinstance(self.to_pay, Money):
            to_pay = self.to_pay.to_dict()
        else:
            to_pay = self.to_pay

        wallet_credit: dict[str, Any] | None | Unset
        if isinstance(self.wallet_credit, Unset):
            wallet_credit = UNSET
        elif isinstance(self.wallet_credit, Money):
            wallet_credit = self.wallet_credit.to_dict()
        else:
            wallet_credit = self.wallet_credit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "discount": discount,
                "lines": lines,
                "subtotal": subtotal,
                "total": total,
            }
        )
        if promotions is not UNSET:
            field_dict["promotions"] = promotions
        if to_pay is not UNSET:
            field_dict["to_pay"] = to_pay
        if wallet_credit is not UNSET:
            field_dict["wallet_credit"] = wallet_credit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.order_line import OrderLine
        from ..models.order_promotion import OrderPromotion

        d = dict(src_dict)
        currency = d.pop("currency")

        discount = Money.from_dict(d.pop("discount"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLine.from_dict(lines_item_data)

            lines.append(lines_item)

        subtotal = Money.from_dict(d.pop("subtotal"))

        total = Money.from_dict(d.pop("total"))

        _promotions = d.pop("promotions", UNSET)
        promotions: list[OrderPromotion] | Unset = UNSET
        if _promotions is not UNSET:
            promotions = []
            for promotions_item_data in _promotions:
                promotions_item = OrderPromotion.from_dict(promotions_item_data)

                promotions.append(promotions_item)

        def _parse_to_pay(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                to_pay_type_0 = Money.from_dict(data)

                return to_pay_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        to_pay = _parse_to_pay(d.pop("to_pay", UNSET))

        def _parse_wallet_credit(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wallet_credit_type_0 = Money.from_dict(data)

                return wallet_credit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        wallet_credit = _parse_wallet_credit(d.pop("wallet_credit", UNSET))

        order_quote = cls(
            currency=currency,
            discount=discount,
            lines=lines,
            subtotal=subtotal,
            total=total,
            promotions=promotions,
            to_pay=to_pay,
            wallet_credit=wallet_credit,
        )

        order_quote.additional_properties = d
        return order_quote

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
