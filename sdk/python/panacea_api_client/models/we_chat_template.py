from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.we_chat_template_fields import WeChatTemplateFields


T = TypeVar("T", bound="WeChatTemplate")


@_attrs_define
class WeChatTemplate:
    """The official account's template message: its template id and each keyword's words.

    Attributes:
        template_id (str):
        fields (WeChatTemplateFields | Unset):
    """

    template_id: str
    fields: WeChatTemplateFields | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_id": template_id,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.we_chat_template_fields import WeChatTemplateFields

        d = dict(src_dict)
        template_id = d.pop("template_id")

        _fields = d.pop("fields", UNSET)
        fields: WeChatTemplateFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = WeChatTemplateFields.from_dict(_fields)

        we_chat_template = cls(
            template_id=template_id,
            fields=fields,
        )

        return we_chat_template
