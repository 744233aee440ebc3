from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LabView")


@_attrs_define
class LabView:
    """
    Attributes:
        api_key_id (str):
        created_at (datetime.datetime):
        id (str):
        name (str):
        webhook_url (str):
    """

    api_key_id: str
    created_at: datetime.datetime
    id: str
    name: str
    webhook_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key_id = self.api_key_id

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key_id": api_key_id,
                "created_at": created_at,
                "id": id,
                "name": name,
                "webhook_url": webhook_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key_id = d.pop("api_key_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        webhook_url = d.pop("webhook_url")

        lab_view = cls(
            api_key_id=api_key_id,
            created_at=created_at,
            id=id,
            name=name,
            webhook_url=webhook_url,
        )

        lab_view.additional_properties = d
        return lab_view

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
