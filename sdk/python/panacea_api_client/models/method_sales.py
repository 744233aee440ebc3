from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_method import PaymentMethod

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="MethodSales")


@_attrs_define
class MethodSales:
    """
    Attributes:
        discounts (Money): An amount in minor units (pence, fen, cents) of one currency.
        gross (Money): An amount in minor units (pence, fen, cents) of one currency.
        net (Money): An amount in minor units (pence, fen, cents) of one currency.
        orders (int): orders sold (paid) in the period
        payment_method (PaymentMethod): Online (Stripe) methods a tenant enables in its settings, and offline ones it
            may allow.
        refunds (Money): An amount in minor units (pence, fen, cents) of one currency.
        units (int): units sold
        units_refunded (int): units returned or never fulfilled, refunded
    """

    discounts: Money
    gross: Money
    net: Money
    orders: int
    payment_method: PaymentMethod
    refunds: Money
    units: int
    units_refunded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        discounts = self.discounts.to_dict()

        gross = self.gross.to_dict()

        net = self.net.to_dict()

        orders = self.orders

        payment_method = self.payment_method.value

        refunds = self.refunds.to_dict()

        units = self.units

        units_refunded = self.units_refunded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discounts": discounts,
                "gross": gross,
                "net": net,
                "orders": orders,
                "payment_method": payment_method,
                "refunds": refunds,
                "units": units,
                "units_refunded": units_refunded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        discounts = Money.from_dict(d.pop("discounts"))

        gross = Money.from_dict(d.pop("gross"))

        net = Money.from_dict(d.pop("net"))

        orders = d.pop("orders")

        payment_method = PaymentMethod(d.pop("payment_method"))

        refunds = Money.from_dict(d.pop("refunds"))

        units = d.pop("units")

        units_refunded = d.pop("units_refunded")

        method_sales = cls(
            discounts=discounts,
            gross=gross,
            net=net,
            orders=orders,
            payment_method=payment_method,
            refunds=refunds,
            units=units,
            units_refunded=units_refunded,
        )

        method_sales.additional_properties = d
        return method_sales

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
