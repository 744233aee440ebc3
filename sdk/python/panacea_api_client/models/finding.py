from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Finding")


@_attrs_define
class Finding:
    """
    Attributes:
        marker (str):
        result (str):
        interpretation (str | Unset):  Default: ''.
    """

    marker: str
    result: str
    interpretation: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        marker = self.marker

        result = self.result

        interpretation = self.interpretation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "marker": marker,
                "result": result,
            }
        )
        if interpretation is not UNSET:
            field_dict["interpretation"] = interpretation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        marker = d.pop("marker")

        result = d.pop("result")

        interpretation = d.pop("interpretation", UNSET)

        finding = cls(
            marker=marker,
            result=result,
            interpretation=interpretation,
        )

        return finding
