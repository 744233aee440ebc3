from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.new_sku_specs import NewSkuSpecs


T = TypeVar("T", bound="NewSku")


@_attrs_define
class NewSku:
    """
    Attributes:
        code (str): the tenant's own code for the SKU, unique within the tenant
        prices (list[Money]): one per currency, in minor units; the tenant's currency at least
        active (bool | Unset):  Default: True.
        specs (NewSkuSpecs | Unset): what sets this SKU apart
    """

    code: str
    prices: list[Money]
    active: bool | Unset = True
    specs: NewSkuSpecs | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        prices = []
        for prices_item_data in self.prices:
            prices_item = prices_item_data.to_dict()
            prices.append(prices_item)

        active = self.active

        specs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.specs, Unset):
            specs = self.specs.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "prices": prices,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if specs is not UNSET:
            field_dict["specs"] = specs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.new_sku_specs import NewSkuSpecs

        d = dict(src_dict)
        code = d.pop("code")

        prices = []
        _prices = d.pop("prices")
        for prices_item_data in _prices:
            prices_item = Money.from_dict(prices_item_data)

            prices.append(prices_item)

        active = d.pop("active", UNSET)

        _specs = d.pop("specs", UNSET)
        specs: NewSkuSpecs | Unset
        if isinstance(_specs, Unset):
            specs = UNSET
        else:
            specs = NewSkuSpecs.from_dict(_specs)

        new_sku = cls(
            code=code,
            prices=prices,
            active=active,
            specs=specs,
        )

        return new_sku
