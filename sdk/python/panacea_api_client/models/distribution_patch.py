from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DistributionPatch")


@_attrs_define
class DistributionPatch:
    """
    Attributes:
        enabled (bool | None | Unset):
        level_rates_bps (list[int] | None | Unset):
        min_withdrawal (int | None | Unset):
        refund_window_days (int | None | Unset):
    """

    enabled: bool | None | Unset = UNSET
    level_rates_bps: list[int] | None | Unset = UNSET
    min_withdrawal: int | None | Unset = UNSET
    refund_window_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        level_rates_bps: list[int] | None | Unset
        if isinstance(self.level_rates_bps, Unset):
            level_rates_bps = UNSET
        elif isinstance(self.level_rates_bps, list):
            level_rates_bps = self.level_rates_bps

        else:
            level_rates_bps = self.level_rates_bps

        min_withdrawal: int | None | Unset
        if isinstance(self.min_withdrawal, Unset):
            min_withdrawal = UNSET
        else:
            min_withdrawal = self.min_withdrawal

        refund_window_days: int | None | Unset
        if isinstance(self.refund_window_days, Unset):
            refund_window_days = UNSET
        else:
            refund_window_days = self.refund_window_days

        field_dict: dict[str, Any] = {}

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

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_level_rates_bps(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                level_rates_bps_type_0 = cast(list[int], data)

                return level_rates_bps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        level_rates_bps = _parse_level_rates_bps(d.pop("level_rates_bps", UNSET))

        def _parse_min_withdrawal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_withdrawal = _parse_min_withdrawal(d.pop("min_withdrawal", UNSET))

        def _parse_refund_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        refund_window_days = _parse_refund_window_days(
            d.pop("refund_window_days", UNSET)
        )

        distribution_patch = cls(
            enabled=enabled,
            level_rates_bps=level_rates_bps,
            min_withdrawal=min_withdrawal,
            refund_window_days=refund_window_days,
        )

        return distribution_patch
