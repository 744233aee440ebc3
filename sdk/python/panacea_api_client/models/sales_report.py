from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.currency_sales import CurrencySales


T = TypeVar("T", bound="SalesReport")


@_attrs_define
class SalesReport:
    """Sales of a period (the tenant's local days, both included: its settings' `time_zone`), from the
    sales ledger, per currency.

        Attributes:
            currencies (list[CurrencySales]):
            entries (int): money movements in the period
            since (datetime.date):
            until (datetime.date):
            member_id (None | str | Unset): only this member's orders, if asked
            product_id (None | str | Unset): only this product's lines, if asked
    """

    currencies: list[CurrencySales]
    entries: int
    since: datetime.date
    until: datetime.date
    member_id: None | str | Unset = UNSET
    product_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currencies = []
        for currencies_item_data in self.currencies:
            currencies_item = currencies_item_data.to_dict()
            currencies.append(currencies_item)

        entries = self.entries

        since = self.since.isoformat()

        until = self.until.isoformat()

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        else:
            member_id = self.member_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currencies": currencies,
                "entries": entries,
                "since": since,
                "until": until,
            }
        )
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.currency_sales import CurrencySales

        d = dict(src_dict)
        currencies = []
        _currencies = d.pop("currencies")
        for currencies_item_data in _currencies:
            currencies_item = CurrencySales.from_dict(currencies_item_data)

            currencies.append(currencies_item)

        entries = d.pop("entries")

        since = datetime.date.fromisoformat(d.pop("since"))

        until = datetime.date.fromisoformat(d.pop("until"))

        def _parse_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        def _parse_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        sales_report = cls(
            currencies=currencies,
            entries=entries,
            since=since,
            until=until,
            member_id=member_id,
            product_id=product_id,
        )

        sales_report.additional_properties = d
        return sales_report

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
