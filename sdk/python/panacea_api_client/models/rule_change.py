from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rule_change_channels_item import RuleChangeChannelsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="RuleChange")


@_attrs_define
class RuleChange:
    """A tenant's own version of a platform rule: its channels in the order tried, whether it is on
    (a critical rule cannot be turned off), and the receipt window (null: the platform's).

        Attributes:
            channels (list[RuleChangeChannelsItem]):
            enabled (bool | Unset):  Default: True.
            receipt_window_s (int | None | Unset):
    """

    channels: list[RuleChangeChannelsItem]
    enabled: bool | Unset = True
    receipt_window_s: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)

        enabled = self.enabled

        receipt_window_s: int | None | Unset
        if isinstance(self.receipt_window_s, Unset):
            receipt_window_s = UNSET
        else:
            receipt_window_s = self.receipt_window_s

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channels": channels,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if receipt_window_s is not UNSET:
            field_dict["receipt_window_s"] = receipt_window_s

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = RuleChangeChannelsItem(channels_item_data)

            channels.append(channels_item)

        enabled = d.pop("enabled", UNSET)

        def _parse_receipt_window_s(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        receipt_window_s = _parse_receipt_window_s(d.pop("receipt_window_s", UNSET))

        rule_change = cls(
            channels=channels,
            enabled=enabled,
            receipt_window_s=receipt_window_s,
        )

        return rule_change
