from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ProductSales")


@_attrs_define
class ProductSales:
    """
    Attributes:
        discounts (Money): An amount in minor units (pence, fen, cents) of one currency.
        gross (Money): An amount in minor units (pence, fen, cents) of one currency.
        net (Money): An amount in minor units (pence, fen, cents) of one currency.
        orders (int): orders sold (paid) in the period
        product_id (str):
        product_name (str):
        refunds (Money): An amount in minor units (pence, fen, cents) of one currency.
        units (int): units sold
        units_refunded (int): units returned or never fulfilled, refunded
    """

    discounts: Money
    gross: Money
    net: Money
    orders: int
    product_id: str
    product_name: str
    refunds: Money
    units: int
    units_refunded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        discounts = self.discounts.to_dict()

        gross = self.gross.to_dict()

        net = self.net.to_dict()

        orders = self.orders

        product_id = self.product_id

        product_name = self.product_name

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
                "product_id": product_id,
                "product_name": product_name,
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

        product_id = d.pop("product_id")

        product_name = d.pop("product_name")

        refunds = Money.from_dict(d.pop("refunds"))

        units = d.pop("units")

        units_refunded = d.pop("units_refunded")

        product_sales = cls(
            discounts=discounts,
            gross=gross,
            net=net,
            orders=orders,
            product_id=product_id,
            product_name=product_name,
            refunds=refunds,
            units=units,
            units_refunded=units_refunded,
        )

        product_sales.additional_properties = d
        return product_sales

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
