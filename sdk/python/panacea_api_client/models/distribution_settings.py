from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DistributionSettings")


@_attrs_define
class DistributionSettings:
    """Member distribution: share links earn commission on up to three levels (e.g. 8% + 4%).

    Attributes:
        enabled (bool | Unset):  Default: False.
        level_rates_bps (list[int] | Unset):
        min_withdrawal (int | Unset): minor units of the tenant's currency Default: 1000.
        refund_window_days (int | Unset):  Default: 14.
    """

    enabled: bool | Unset = False
    level_rates_bps: list[int] | Unset = UNSET
    min_withdrawal: int | Unset = 1000
    refund_window_days: int | Unset = 14
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        level_rates_bps: list[int] | Unset = UNSET
        if not isinstance(self.level_rates_bps, Unset):
            level_rates_bps = self.level_rates_bps

        min_withdrawal = self.min_withdrawal

        refund_window_days = self.refund_window_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if level_rates_bps is not UNSET:
            field_dict["level_rates_bps"] = level_rates_bps
        if min_withdrawal is not UNSET:
            field_dict["min_withdrawal"] = min_withdrawal
        if refund_window_days is not UNSET:
            field_dict["refund_window_days"] = refund_window_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        level_rates_bps = cast(list[int], d.pop("level_rates_bps", UNSET))

        min_withdrawal = d.pop("min_withdrawal", UNSET)

        refund_window_days = d.pop("refund_window_days", UNSET)

        distribution_settings = cls(
            enabled=enabled,
            level_rates_bps=level_rates_bps,
            min_withdrawal=min_withdrawal,
            refund_window_days=refund_window_days,
        )

        distribution_settings.additional_properties = d
        return distribution_settings

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
