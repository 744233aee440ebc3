from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.device import Device
    from ..models.marketing_consent import MarketingConsent
    from ..models.notification_profile_addresses import NotificationProfileAddresses
    from ..models.notification_settings import NotificationSettings


T = TypeVar("T", bound="NotificationProfile")


@_attrs_define
class NotificationProfile:
    """A member's notification settings (`settings`: what PUT takes back) and where each channel
    reaches them.

        Attributes:
            effective_locale (str): the locale their messages are written in
            effective_time_zone (str): the time zone their quiet hours are read in
            marketing_consent (MarketingConsent):
            member_id (str):
            settings (NotificationSettings): What a member sets (PUT replaces it whole): where and how they are told.
            addresses (NotificationProfileAddresses | Unset): where each channel reaches them
            audiences (list[str] | Unset): the tags staff put them in
            devices (list[Device] | Unset): newest first; push goes to the first
            updated_at (datetime.datetime | None | Unset):
            wechat_bound (bool | Unset):  Default: False.
            whatsapp_window_until (datetime.datetime | None | Unset): free-form WhatsApp messages may reach them until then
                (24 h after their last)
    """

    effective_locale: str
    effective_time_zone: str
    marketing_consent: MarketingConsent
    member_id: str
    settings: NotificationSettings
    addresses: NotificationProfileAddresses | Unset = UNSET
    audiences: list[str] | Unset = UNSET
    devices: list[Device] | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    wechat_bound: bool | Unset = False
    whatsapp_window_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective_locale = self.effective_locale

        effective_time_zone = self.effective_time_zone

        marketing_consent = self.marketing_consent.to_dict()

        member_id = self.member_id

        settings = self.settings.to_dict()

        addresses: dict[str, Any] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = self.addresses.to_dict()

        audiences: list[str] | Unset = UNSET
        if not isinstance(self.audiences, Unset):
            audiences = self.audiences

        devices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.devices, Unset):
            devices = []
            for devices_item_data in self.devices:
                devices_item = devices_item_data.to_dict()
                devices.append(devices_item)

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        wechat_bound = self.wechat_bound

        whatsapp_window_until: None | str | Unset
        if isinstance(self.whatsapp_window_until, Unset):
            whatsapp_window_until = UNSET
        elif isinstance(self.whatsapp_window_until, datetime.datetime):
            whatsapp_window_until = self.whatsapp_window_until.isoformat()
        else:
            whatsapp_window_until = self.whatsapp_window_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_locale": effective_locale,
                "effective_time_zone": effective_time_zone,
                "marketing_consent": marketing_consent,
                "member_id": member_id,
                "settings": settings,
            }
        )
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if audiences is not UNSET:
            field_dict["audiences"] = audiences
        if devices is not UNSET:
            field_dict["devices"] = devices
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if wechat_bound is not UNSET:
            field_dict["wechat_bound"] = wechat_bound
        if whatsapp_window_until is not UNSET:
            field_dict["whatsapp_window_until"] = whatsapp_window_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.device import Device
        from ..models.marketing_consent import MarketingConsent
        from ..models.notification_profile_addresses import NotificationProfileAddresses
        from ..models.notification_settings import NotificationSettings

        d = dict(src_dict)
        effective_locale = d.pop("effective_locale")

        effective_time_zone = d.pop("effective_time_zone")

        marketing_consent = MarketingConsent.from_dict(d.pop("marketing_consent"))

        member_id = d.pop("member_id")

        settings = NotificationSettings.from_dict(d.pop("settings"))

        _addresses = d.pop("addresses", UNSET)
        addresses: NotificationProfileAddresses | Unset
        if isinstance(_addresses, Unset):
            addresses = UNSET
        else:
            addresses = NotificationProfileAddresses.from_dict(_addresses)

        audiences = cast(list[str], d.pop("audiences", UNSET))

        _devices = d.pop("devices", UNSET)
        devices: list[Device] | Unset = UNSET
        if _devices is not UNSET:
            devices = []
            for devices_item_data in _devices:
                devices_item = Device.from_dict(devices_item_data)

                devices.append(devices_item)

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        wechat_bound = d.pop("wechat_bound", UNSET)

        def _parse_whatsapp_window_until(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                whatsapp_window_until_type_0 = datetime.datetime.fromisoformat(data)

                return whatsapp_window_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        whatsapp_window_until = _parse_whatsapp_window_until(
            d.pop("whatsapp_window_until", UNSET)
        )

        notification_profile = cls(
            effective_locale=effective_locale,
            effective_time_zone=effective_time_zone,
            marketing_consent=marketing_consent,
            member_id=member_id,
            settings=settings,
            addresses=addresses,
            audiences=audiences,
            devices=devices,
            updated_at=updated_at,
            wechat_bound=wechat_bound,
            whatsapp_window_until=whatsapp_window_until,
        )

        notification_profile.additional_properties = d
        return notification_profile

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
