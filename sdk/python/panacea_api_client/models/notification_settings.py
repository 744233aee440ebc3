from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_settings_notification_channel import (
    NotificationSettingsNotificationChannel,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_settings_channels import NotificationSettingsChannels
    from ..models.notification_settings_workflows import NotificationSettingsWorkflows
    from ..models.quiet_hours import QuietHours


T = TypeVar("T", bound="NotificationSettings")


@_attrs_define
class NotificationSettings:
    """What a member sets (PUT replaces it whole): where and how they are told.

    Attributes:
        channel_order (list[NotificationSettingsNotificationChannel] | Unset): the channels you prefer, first first
        channels (NotificationSettingsChannels | Unset): a channel set false is off for every workflow (unless one turns
            it on)
        locale (None | str | Unset): null: the tenant's
        opted_out (bool | Unset): no notification at all, but critical ones Default: False.
        quiet_hours (None | QuietHours | Unset):
        time_zone (None | str | Unset): an IANA time zone; null: the tenant's
        whatsapp_number (None | str | Unset): null: your phone number
        workflows (NotificationSettingsWorkflows | Unset): by event type (order.shipped): off, or some channels off
    """

    channel_order: list[NotificationSettingsNotificationChannel] | Unset = UNSET
    channels: NotificationSettingsChannels | Unset = UNSET
    locale: None | str | Unset = UNSET
    opted_out: bool | Unset = False
    quiet_hours: None | QuietHours | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    whatsapp_number: None | str | Unset = UNSET
    workflows: NotificationSettingsWorkflows | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.quiet_hours import QuietHours

        channel_order: list[str] | Unset = UNSET
        if not isinstance(self.channel_order, Unset):
            channel_order = []
            for channel_order_item_data in self.channel_order:
                channel_order_item = channel_order_item_data.value
                channel_order.append(channel_order_item)

        channels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels.to_dict()

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        opted_out = self.opted_out

        quiet_hours: dict[str, Any] | None | Unset
        if isinstance(self.quiet_hours, Unset):
            quiet_hours = UNSET
        elif isinstance(self.quiet_hours, QuietHours):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        whatsapp_number: None | str | Unset
        if isinstance(self.whatsapp_number, Unset):
            whatsapp_number = UNSET
        else:
            whatsapp_number = self.whatsapp_number

        workflows: dict[str, Any] | Unset = UNSET
        if not isinstance(self.workflows, Unset):
            workflows = self.workflows.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if channel_order is not UNSET:
            field_dict["channel_order"] = channel_order
        if channels is not UNSET:
            field_dict["channels"] = channels
        if locale is not UNSET:
            field_dict["locale"] = locale
        if opted_out is not UNSET:
            field_dict["opted_out"] = opted_out
        if quiet_hours is not UNSET:
            field_dict["quiet_hours"] = quiet_hours
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if whatsapp_number is not UNSET:
            field_dict["whatsapp_number"] = whatsapp_number
        if workflows is not UNSET:
            field_dict["workflows"] = workflows

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notification_settings_channels import NotificationSettingsChannels
        from ..models.notification_settings_workflows import (
            NotificationSettingsWorkflows,
        )
        from ..models.quiet_hours import QuietHours

        d = dict(src_dict)
        _channel_order = d.pop("channel_order", UNSET)
        channel_order: list[NotificationSettingsNotificationChannel] | Unset = UNSET
        if _channel_order is not UNSET:
            channel_order = []
            for channel_order_item_data in _channel_order:
                channel_order_item = NotificationSettingsNotificationChannel(
                    channel_order_item_data
                )

                channel_order.append(channel_order_item)

        _channels = d.pop("channels", UNSET)
        channels: NotificationSettingsChannels | Unset
        if isinstance(_channels, Unset):
            channels = UNSET
        else:
            channels = NotificationSettingsChannels.from_dict(_channels)

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        opted_out = d.pop("opted_out", UNSET)

        def _parse_quiet_hours(data: object) -> None | QuietHours | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quiet_hours_type_0 = QuietHours.from_dict(data)

                return quiet_hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuietHours | Unset, data)

        quiet_hours = _parse_quiet_hours(d.pop("quiet_hours", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        def _parse_whatsapp_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        whatsapp_number = _parse_whatsapp_number(d.pop("whatsapp_number", UNSET))

        _workflows = d.pop("workflows", UNSET)
        workflows: NotificationSettingsWorkflows | Unset
        if isinstance(_workflows, Unset):
            workflows = UNSET
        else:
            workflows = NotificationSettingsWorkflows.from_dict(_workflows)

        notification_settings = cls(
            channel_order=channel_order,
            channels=channels,
            locale=locale,
            opted_out=opted_out,
            quiet_hours=quiet_hours,
            time_zone=time_zone,
            whatsapp_number=whatsapp_number,
            workflows=workflows,
        )

        notification_settings.additional_properties = d
        return notification_settings

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
