from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_locale import TemplateLocale
from ..models.template_version_channel import TemplateVersionChannel

if TYPE_CHECKING:
    from ..models.template_version_content import TemplateVersionContent


T = TypeVar("T", bound="TemplateVersion")


@_attrs_define
class TemplateVersion:
    """
    Attributes:
        channel (TemplateVersionChannel):
        content (TemplateVersionContent):
        created_at (datetime.datetime):
        created_by (str):
        event_type (str):
        live (bool): whether render uses it (the newest)
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to left).
        version (int):
    """

    channel: TemplateVersionChannel
    content: TemplateVersionContent
    created_at: datetime.datetime
    created_by: str
    event_type: str
    live: bool
    locale: TemplateLocale
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        content = self.content.to_dict()

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        event_type = self.event_type

        live = self.live

        locale = self.locale.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "content": content,
                "created_at": created_at,
                "created_by": created_by,
                "event_type": event_type,
                "live": live,
                "locale": locale,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_version_content import TemplateVersionContent

        d = dict(src_dict)
        channel = TemplateVersionChannel(d.pop("channel"))

        content = TemplateVersionContent.from_dict(d.pop("content"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        event_type = d.pop("event_type")

        live = d.pop("live")

        locale = TemplateLocale(d.pop("locale"))

        version = d.pop("version")

        template_version = cls(
            channel=channel,
            content=content,
            created_at=created_at,
            created_by=created_by,
            event_type=event_type,
            live=live,
            locale=locale,
            version=version,
        )

        template_version.additional_properties = d
        return template_version

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
