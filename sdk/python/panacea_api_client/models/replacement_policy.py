from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplacementPolicy")


@_attrs_define
class ReplacementPolicy:
    """At most `max_per_line` replacement kits for one gene-test line (a sample error or a kit lost
    in the post); `free` sends them at once, else the member is offered one for a fee.

        Attributes:
            free (bool | Unset):  Default: True.
            max_per_line (int | Unset): replacement kits a gene-test line may get Default: 2.
    """

    free: bool | Unset = True
    max_per_line: int | Unset = 2

    def to_dict(self) -> dict[str, Any]:
        free = self.free

        max_per_line = self.max_per_line

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if free is not UNSET:
            field_dict["free"] = free
        if max_per_line is not UNSET:
            field_dict["max_per_line"] = max_per_line

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        free = d.pop("free", UNSET)

        max_per_line = d.pop("max_per_line", UNSET)

        replacement_policy = cls(
            free=free,
            max_per_line=max_per_line,
        )

        return replacement_policy
