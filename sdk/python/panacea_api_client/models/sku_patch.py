from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.sku_patch_specs_type_0 import SkuPatchSpecsType0


T = TypeVar("T", bound="SkuPatch")


@_attrs_define
class SkuPatch:
    """
    Attributes:
        active (bool | None | Unset):
        code (None | str | Unset):
        prices (list[Money] | None | Unset):
        specs (None | SkuPatchSpecsType0 | Unset):
    """

    active: bool | None | Unset = UNSET
    code: None | str | Unset = UNSET
    prices: list[Money] | None | Unset = UNSET
    specs: None | SkuPatchSpecsType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.sku_patch_specs_type_0 import SkuPatchSpecsType0

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        prices: list[dict[str, Any]] | None | Unset
        if isinstance(self.prices, Unset):
            prices = UNSET
        elif isinstance(self.prices, list):
            prices = []
            for prices_type_0_item_data in self.prices:
                prices_type_0_item = prices_type_0_item_data.to_dict()
                prices.append(prices_type_0_item)

        else:
            prices = self.prices

        specs: dict[str, Any] | None | Unset
        if isinstance(self.specs, Unset):
            specs = UNSET
        elif isinstance(self.specs, SkuPatchSpecsType0):
            specs = self.specs.to_dict()
        else:
            specs = self.specs

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if code is not UNSET:
            field_dict["code"] = code
        if prices is not UNSET:
            field_dict["prices"] = prices
        if specs is not UNSET:
            field_dict["specs"] = specs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.sku_patch_specs_type_0 import SkuPatchSpecsType0

        d = dict(src_dict)

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_prices(data: object) -> list[Money] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prices_type_0 = []
                _prices_type_0 = data
                for prices_type_0_item_data in _prices_type_0:
                    prices_type_0_item = Money.from_dict(prices_type_0_item_data)

                    prices_type_0.append(prices_type_0_item)

                return prices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Money] | None | Unset, data)

        prices = _parse_prices(d.pop("prices", UNSET))

        def _parse_specs(data: object) -> None | SkuPatchSpecsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                specs_type_0 = SkuPatchSpecsType0.from_dict(data)

                return specs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SkuPatchSpecsType0 | Unset, data)

        specs = _parse_specs(d.pop("specs", UNSET))

        sku_patch = cls(
            active=active,
            code=code,
            prices=prices,
            specs=specs,
        )

        return sku_patch
