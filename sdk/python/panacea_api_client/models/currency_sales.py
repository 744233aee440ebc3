from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.method_sales import MethodSales
    from ..models.product_sales import ProductSales
    from ..models.store_sales import StoreSales
    from ..models.totals import Totals


T = TypeVar("T", bound="CurrencySales")


@_attrs_define
class CurrencySales:
    """
    Attributes:
        by_payment_method (list[MethodSales]): highest net first
        by_product (list[ProductSales]): best-selling (net) first
        by_store (list[StoreSales]): highest net first
        currency (str):
        totals (Totals): Sales figures of one currency. `net` = `gross` - `discounts` + `refunds`, which is the sum of
            the ledger's amounts, to the minor unit.
    """

    by_payment_method: list[MethodSales]
    by_product: list[ProductSales]
    by_store: list[StoreSales]
    currency: str
    totals: Totals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_payment_method = []
        for by_payment_method_item_data in self.by_payment_method:
            by_payment_method_item = by_payment_method_item_data.to_dict()
            by_payment_method.append(by_payment_method_item)

        by_product = []
        for by_product_item_data in self.by_product:
            by_product_item = by_product_item_data.to_dict()
            by_product.append(by_product_item)

        by_store = []
        for by_store_item_data in self.by_store:
            by_store_item = by_store_item_data.to_dict()
            by_store.append(by_store_item)

        currency = self.currency

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_payment_method": by_payment_method,
                "by_product": by_product,
                "by_store": by_store,
                "currency": currency,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.method_sales import MethodSales
        from ..models.product_sales import ProductSales
        from ..models.store_sales import StoreSales
        from ..models.totals import Totals

        d = dict(src_dict)
        by_payment_method = []
        _by_payment_method = d.pop("by_payment_method")
        for by_payment_method_item_data in _by_payment_method:
            by_payment_method_item = MethodSales.from_dict(by_payment_method_item_data)

            by_payment_method.append(by_payment_method_item)

        by_product = []
        _by_product = d.pop("by_product")
        for by_product_item_data in _by_product:
            by_product_item = ProductSales.from_dict(by_product_item_data)

            by_product.append(by_product_item)

        by_store = []
        _by_store = d.pop("by_store")
        for by_store_item_data in _by_store:
            by_store_item = StoreSales.from_dict(by_store_item_data)

            by_store.append(by_store_item)

        currency = d.pop("currency")

        totals = Totals.from_dict(d.pop("totals"))

        currency_sales = cls(
            by_payment_method=by_payment_method,
            by_product=by_product,
            by_store=by_store,
            currency=currency,
            totals=totals,
        )

        currency_sales.additional_properties = d
        return currency_sales

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
