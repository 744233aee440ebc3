from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.preview_channel import PreviewChannel
from ..models.template_locale import TemplateLocale
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_data_type_0 import PreviewDataType0
    from ..models.template_content import TemplateContent


T = TypeVar("T", bound="Preview")


@_attrs_define
class Preview:
    """Render a template without sending it: the one given, else the tenant's live one (else the
    platform's), with `data` (else sample data from the event model's examples).

        Attributes:
            channel (PreviewChannel):
            event_type (str):
            data (None | PreviewDataType0 | Unset):
            locale (TemplateLocale | Unset): The languages the platform writes its messages in (Urdu right to left).
            template (None | TemplateContent | Unset):
    """

    channel: PreviewChannel
    event_type: str
    data: None | PreviewDataType0 | Unset = UNSET
    locale: TemplateLocale | Unset = UNSET
    template: None | TemplateContent | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_data_type_0 import PreviewDataType0
        from ..models.template_content import TemplateContent

        channel = self.channel.value

        event_type = self.event_type

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, PreviewDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale.value

        template: dict[str, Any] | None | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        elif isinstance(self.template, TemplateContent):
            template = self.template.to_dict()
        else:
            template = self.template

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "event_type": event_type,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if locale is not UNSET:
            field_dict["locale"] = locale
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_data_type_0 import PreviewDataType0
        from ..models.template_content import TemplateContent

        d = dict(src_dict)
        channel = PreviewChannel(d.pop("channel"))

        event_type = d.pop("event_type")

        def _parse_data(data: object) -> None | PreviewDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = PreviewDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreviewDataType0 | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        _locale = d.pop("locale", UNSET)
        locale: TemplateLocale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = TemplateLocale(_locale)

        def _parse_template(data: object) -> None | TemplateContent | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                template_type_0 = TemplateContent.from_dict(data)

                return template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TemplateContent | Unset, data)

        template = _parse_template(d.pop("template", UNSET))

        preview = cls(
            channel=channel,
            event_type=event_type,
            data=data,
            locale=locale,
            template=template,
        )

        return preview
