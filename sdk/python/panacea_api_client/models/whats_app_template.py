from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WhatsAppTemplate")


@_attrs_define
class WhatsAppTemplate:
    """The template approved in the tenant's WhatsApp Business account, and the variables that fill
    its body's parameters {{1}}, {{2}} … in order (sent outside the 24-hour service window).

        Attributes:
            name (str):
            params (list[str] | Unset):
    """

    name: str
    params: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        params: list[str] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        params = cast(list[str], d.pop("params", UNSET))

        whats_app_template = cls(
            name=name,
            params=params,
        )

        return whats_app_template
