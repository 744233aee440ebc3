from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rule_view_channels_item import RuleViewChannelsItem

T = TypeVar("T", bound="RuleView")


@_attrs_define
class RuleView:
    """
    Attributes:
        audience (str): member: one member; tags: a broadcast to members with those tags
        channels (list[RuleViewChannelsItem]):
        critical (bool): never muted, sent in quiet hours
        customised (bool): the tenant changed the platform's rule
        enabled (bool):
        event_type (str):
        marketing (bool): only to members who consented
        receipt_window_s (int):
        recipient_field (str): the field of the event's data that names whom to tell
        variables (list[str]): what its templates may use
    """

    audience: str
    channels: list[RuleViewChannelsItem]
    critical: bool
    customised: bool
    enabled: bool
    event_type: str
    marketing: bool
    receipt_window_s: int
    recipient_field: str
    variables: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audience = self.audience

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)

        critical = self.critical

        customised = self.customised

        enabled = self.enabled

        event_type = self.event_type

        marketing = self.marketing

        receipt_window_s = self.receipt_window_s

        recipient_field = self.recipient_field

        variables = self.variables

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audience": audience,
                "channels": channels,
                "critical": critical,
                "customised": customised,
                "enabled": enabled,
                "event_type": event_type,
                "marketing": marketing,
                "receipt_window_s": receipt_window_s,
                "recipient_field": recipient_field,
                "variables": variables,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        audience = d.pop("audience")

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = RuleViewChannelsItem(channels_item_data)

            channels.append(channels_item)

        critical = d.pop("critical")

        customised = d.pop("customised")

        enabled = d.pop("enabled")

        event_type = d.pop("event_type")

        marketing = d.pop("marketing")

        receipt_window_s = d.pop("receipt_window_s")

        recipient_field = d.pop("recipient_field")

        variables = cast(list[str], d.pop("variables"))

        rule_view = cls(
            audience=audience,
            channels=channels,
            critical=critical,
            customised=customised,
            enabled=enabled,
            event_type=event_type,
            marketing=marketing,
            receipt_window_s=receipt_window_s,
            recipient_field=recipient_field,
            variables=variables,
        )

        rule_view.additional_properties = d
        return rule_view

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
