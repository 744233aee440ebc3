from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportUploadRequest")


@_attrs_define
class ReportUploadRequest:
    """
    Attributes:
        content_type (Literal['application/pdf']):
        size (int | None | Unset):
    """

    content_type: Literal["application/pdf"]
    size: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

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
        content_type = cast(Literal["application/pdf"], d.pop("content_type"))
        if content_type != "application/pdf":
            raise ValueError(
                f"content_type must match const 'application/pdf', got '{content_type}'"
            )

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        report_upload_request = cls(
            content_type=content_type,
            size=size,
        )

        return report_upload_request
