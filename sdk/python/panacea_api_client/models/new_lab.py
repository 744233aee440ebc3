from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NewLab")


@_attrs_define
class NewLab:
    """
    Attributes:
        api_key_id (str): the tenant API key the lab signs with
        name (str):
        webhook_url (str): where manifests are sent
    """

    api_key_id: str
    name: str
    webhook_url: str

    def to_dict(self) -> dict[str, Any]:
        api_key_id = self.api_key_id

        name = self.name

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "api_key_id": api_key_id,
                "name": name,
                "webhook_url": webhook_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key_id = d.pop("api_key_id")

        name = d.pop("name")

        webhook_url = d.pop("webhook_url")

        new_lab = cls(
            api_key_id=api_key_id,
            name=name,
            webhook_url=webhook_url,
        )

        return new_lab
