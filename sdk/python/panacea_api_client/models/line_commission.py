from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LineCommission")


@_attrs_define
class LineCommission:
    """One level's override: `rate_bps` of what was paid for the line, or `fixed` per unit.

    Attributes:
        level (int):
        fixed (Money | None | Unset):
        rate_bps (int | None | Unset):
    """

    level: int
    fixed: Money | None | Unset = UNSET
    rate_bps: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        field_dict.update(self.additional_properties)
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

        line_commission = cls(
            level=level,
            fixed=fixed,
            rate_bps=rate_bps,
        )

        line_commission.additional_properties = d
        return line_commission

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
