from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.we_chat_template import WeChatTemplate
    from ..models.whats_app_template import WhatsAppTemplate


T = TypeVar("T", bound="TemplateContent")


@_attrs_define
class TemplateContent:
    """What one channel sends, in one language. Variables are written `{name}` (a field of the
    event's data, or `tenant_name`, `logo_url`, `primary_colour`); `{{` and `}}` are braces. Email
    needs a subject (its HTML, a fragment, is laid out in the tenant's branding; without one the
    text is); WhatsApp needs its approved template; WeChat its template message; push shows the
    subject as its title.

        Attributes:
            text (str):
            html (None | str | Unset):
            sender_name (None | str | Unset):
            subject (None | str | Unset):
            wechat (None | Unset | WeChatTemplate):
            whatsapp (None | Unset | WhatsAppTemplate):
    """

    text: str
    html: None | str | Unset = UNSET
    sender_name: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    wechat: None | Unset | WeChatTemplate = UNSET
    whatsapp: None | Unset | WhatsAppTemplate = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.we_chat_template import WeChatTemplate
        from ..models.whats_app_template import WhatsAppTemplate

        text = self.text

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        sender_name: None | str | Unset
        if isinstance(self.sender_name, Unset):
            sender_name = UNSET
        else:
            sender_name = self.sender_name

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        wechat: dict[str, Any] | None | Unset
        if isinstance(self.wechat, Unset):
            wechat = UNSET
        elif isinstance(self.wechat, WeChatTemplate):
            wechat = self.wechat.to_dict()
        else:
            wechat = self.wechat

        whatsapp: dict[str, Any] | None | Unset
        if isinstance(self.whatsapp, Unset):
            whatsapp = UNSET
        elif isinstance(self.whatsapp, WhatsAppTemplate):
            whatsapp = self.whatsapp.to_dict()
        else:
            whatsapp = self.whatsapp

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if html is not UNSET:
            field_dict["html"] = html
        if sender_name is not UNSET:
            field_dict["sender_name"] = sender_name
        if subject is not UNSET:
            field_dict["subject"] = subject
        if wechat is not UNSET:
            field_dict["wechat"] = wechat
        if whatsapp is not UNSET:
            field_dict["whatsapp"] = whatsapp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.we_chat_template import WeChatTemplate
        from ..models.whats_app_template import WhatsAppTemplate

        d = dict(src_dict)
        text = d.pop("text")

        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))

        def _parse_sender_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_name = _parse_sender_name(d.pop("sender_name", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_wechat(data: object) -> None | Unset | WeChatTemplate:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                wechat_type_0 = WeChatTemplate.from_dict(data)

                return wechat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WeChatTemplate, data)

        wechat = _parse_wechat(d.pop("wechat", UNSET))

        def _parse_whatsapp(data: object) -> None | Unset | WhatsAppTemplate:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                whatsapp_type_0 = WhatsAppTemplate.from_dict(data)

                return whatsapp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WhatsAppTemplate, data)

        whatsapp = _parse_whatsapp(d.pop("whatsapp", UNSET))

        template_content = cls(
            text=text,
            html=html,
            sender_name=sender_name,
            subject=subject,
            wechat=wechat,
            whatsapp=whatsapp,
        )

        return template_content
