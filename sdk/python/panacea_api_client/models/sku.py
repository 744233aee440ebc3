from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.sku_specs import SkuSpecs


T = TypeVar("T", bound="Sku")


@_attrs_define
class Sku:
    """
    Attributes:
        active (bool):
        code (str):
        created_at (datetime.datetime):
        id (str):
        prices (list[Money]):
        product_id (str):
        specs (SkuSpecs):
        updated_at (datetime.datetime):
    """

    active: bool
    code: str
    created_at: datetime.datetime
    id: str
    prices: list[Money]
    product_id: str
    specs: SkuSpecs
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        created_at = self.created_at.isoformat()

        id = self.id

        prices = []
        for prices_item_data in self.prices:
            prices_item = prices_item_data.to_dict()
            prices.append(prices_item)

        product_id = self.product_id

        specs = self.specs.to_dict()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "code": code,
                "created_at": created_at,
                "id": id,
                "prices": prices,
                "product_id": product_id,
                "specs": specs,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.sku_specs import SkuSpecs

        d = dict(src_dict)
        active = d.pop("active")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        prices = []
        _prices = d.pop("prices")
        for prices_item_data in _prices:
            prices_item = Money.from_dict(prices_item_data)

            prices.append(prices_item)

        product_id = d.pop("product_id")

        specs = SkuSpecs.from_dict(d.pop("specs"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        sku = cls(
            active=active,
            code=code,
            created_at=created_at,
            id=id,
            prices=prices,
            product_id=product_id,
            specs=specs,
            updated_at=updated_at,
        )

        sku.additional_properties = d
        return sku

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
