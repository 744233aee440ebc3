from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upload_fields import UploadFields


T = TypeVar("T", bound="Upload")


@_attrs_define
class Upload:
    """POST the file to `url` as multipart/form-data: every field of `fields`, then `file`.

    Attributes:
        expires_at (datetime.datetime):
        fields (UploadFields):
        key (str): name it when you describe the file, once uploaded
        max_bytes (int):
        url (str):
    """

    expires_at: datetime.datetime
    fields: UploadFields
    key: str
    max_bytes: int
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        fields = self.fields.to_dict()

        key = self.key

        max_bytes = self.max_bytes

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_at": expires_at,
                "fields": fields,
                "key": key,
                "max_bytes": max_bytes,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upload_fields import UploadFields

        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        fields = UploadFields.from_dict(d.pop("fields"))

        key = d.pop("key")

        max_bytes = d.pop("max_bytes")

        url = d.pop("url")

        upload = cls(
            expires_at=expires_at,
            fields=fields,
            key=key,
            max_bytes=max_bytes,
            url=url,
        )

        upload.additional_properties = d
        return upload

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
