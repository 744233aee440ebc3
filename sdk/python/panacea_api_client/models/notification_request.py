from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.notification_request_message_channel import (
    NotificationRequestMessageChannel,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_request_data import NotificationRequestData


T = TypeVar("T", bound="NotificationRequest")


@_attrs_define
class NotificationRequest:
    """Tell one member, or up to 100, about an event (its rule says how) or in your own words (`custom`).

    Attributes:
        event_type (str): an event with a rule (`order.paid`), or `custom`
        channels (list[NotificationRequestMessageChannel] | None | Unset): `custom` only: the channels to try, in order
        data (NotificationRequestData | Unset): what the template is filled with
        member_id (None | str | Unset):
        member_ids (list[str] | None | Unset):
        subject (None | str | Unset):
        text (None | str | Unset): `custom` only: the message
    """

    event_type: str
    channels: list[NotificationRequestMessageChannel] | None | Unset = UNSET
    data: NotificationRequestData | Unset = UNSET
    member_id: None | str | Unset = UNSET
    member_ids: list[str] | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    text: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        channels: list[str] | None | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        elif isinstance(self.channels, list):
            channels = []
            for channels_type_0_item_data in self.channels:
                channels_type_0_item = channels_type_0_item_data.value
                channels.append(channels_type_0_item)

        else:
            channels = self.channels

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        else:
            member_id = self.member_id

        member_ids: list[str] | None | Unset
        if isinstance(self.member_ids, Unset):
            member_ids = UNSET
        elif isinstance(self.member_ids, list):
            member_ids = self.member_ids

        else:
            member_ids = self.member_ids

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_type": event_type,
            }
        )
        if channels is not UNSET:
            field_dict["channels"] = channels
        if data is not UNSET:
            field_dict["data"] = data
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids
        if subject is not UNSET:
            field_dict["subject"] = subject
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notification_request_data import NotificationRequestData

        d = dict(src_dict)
        event_type = d.pop("event_type")

        def _parse_channels(
            data: object,
        ) -> list[NotificationRequestMessageChannel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                channels_type_0 = []
                _channels_type_0 = data
                for channels_type_0_item_data in _channels_type_0:
                    channels_type_0_item = NotificationRequestMessageChannel(
                        channels_type_0_item_data
                    )

                    channels_type_0.append(channels_type_0_item)

                return channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[NotificationRequestMessageChannel] | None | Unset, data)

        channels = _parse_channels(d.pop("channels", UNSET))

        _data = d.pop("data", UNSET)
        data: NotificationRequestData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = NotificationRequestData.from_dict(_data)

        def _parse_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        def _parse_member_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                member_ids_type_0 = cast(list[str], data)

                return member_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        member_ids = _parse_member_ids(d.pop("member_ids", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        notification_request = cls(
            event_type=event_type,
            channels=channels,
            data=data,
            member_id=member_id,
            member_ids=member_ids,
            subject=subject,
            text=text,
        )

        return notification_request
