from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_locale import TemplateLocale
from ..models.template_view_channel import TemplateViewChannel

if TYPE_CHECKING:
    from ..models.template_view_content import TemplateViewContent


T = TypeVar("T", bound="TemplateView")


@_attrs_define
class TemplateView:
    """A tenant's template of one event, channel and language: its live (newest) version.

    Attributes:
        channel (TemplateViewChannel):
        content (TemplateViewContent): the template (see TemplateContent)
        event_type (str):
        locale (TemplateLocale): The languages the platform writes its messages in (Urdu right to left).
        updated_at (datetime.datetime):
        updated_by (str):
        version (int): the live version's number (1 is the first)
    """

    channel: TemplateViewChannel
    content: TemplateViewContent
    event_type: str
    locale: TemplateLocale
    updated_at: datetime.datetime
    updated_by: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        content = self.content.to_dict()

        event_type = self.event_type

        locale = self.locale.value

        updated_at = self.updated_at.isoformat()

        updated_by = self.updated_by

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "content": content,
                "event_type": event_type,
                "locale": locale,
                "updated_at": updated_at,
                "updated_by": updated_by,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_view_content import TemplateViewContent

        d = dict(src_dict)
        channel = TemplateViewChannel(d.pop("channel"))

        content = TemplateViewContent.from_dict(d.pop("content"))

        event_type = d.pop("event_type")

        locale = TemplateLocale(d.pop("locale"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        updated_by = d.pop("updated_by")

        version = d.pop("version")

        template_view = cls(
            channel=channel,
            content=content,
            event_type=event_type,
            locale=locale,
            updated_at=updated_at,
            updated_by=updated_by,
            version=version,
        )

        template_view.additional_properties = d
        return template_view

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
