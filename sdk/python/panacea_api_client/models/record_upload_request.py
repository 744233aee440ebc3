from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.record_upload_request_content_type import RecordUploadRequestContentType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordUploadRequest")


@_attrs_define
class RecordUploadRequest:
    """
    Attributes:
        content_type (RecordUploadRequestContentType):
        size (int | None | Unset):
    """

    content_type: RecordUploadRequestContentType
    size: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type.value

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content_type": content_type,
            }
        )
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content_type = RecordUploadRequestContentType(d.pop("content_type"))

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        record_upload_request = cls(
            content_type=content_type,
            size=size,
        )

        return record_upload_request
