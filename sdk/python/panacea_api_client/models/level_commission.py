from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LevelCommission")


@_attrs_define
class LevelCommission:
    """What one level earns on the product: `rate_bps` of what the buyer paid, or `fixed` per unit.

    Attributes:
        level (int): 1: the buyer's referrer
        fixed (Money | None | Unset): per unit, in the tenant's currency; at most the price of every SKU
        rate_bps (int | None | Unset): of what the buyer paid for the line
    """

    level: int
    fixed: Money | None | Unset = UNSET
    rate_bps: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money

        level = self.level

        fixed: dict[str, Any] | None | Unset
        if isinstance(self.fixed, Unset):
            fixed = UNSET
        elif isinstance(self.fixed, Money):
            fixed = self.fixed.to_dict()
        else:
            fixed = self.fixed

        rate_bps: int | None | Unset
        if isinstance(self.rate_bps, Unset):
            rate_bps = UNSET
        else:
            rate_bps = self.rate_bps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
            }
        )
        if fixed is not UNSET:
            field_dict["fixed"] = fixed
        if rate_bps is not UNSET:
            field_dict["rate_bps"] = rate_bps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        level = d.pop("level")

        def _parse_fixed(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fixed_type_0 = Money.from_dict(data)

                return fixed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        fixed = _parse_fixed(d.pop("fixed", UNSET))

        def _parse_rate_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_bps = _parse_rate_bps(d.pop("rate_bps", UNSET))

        level_commission = cls(
            level=level,
            fixed=fixed,
            rate_bps=rate_bps,
        )

        return level_commission
