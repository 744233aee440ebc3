from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplacementPolicyPatch")


@_attrs_define
class ReplacementPolicyPatch:
    """
    Attributes:
        free (bool | None | Unset):
        max_per_line (int | None | Unset):
    """

    free: bool | None | Unset = UNSET
    max_per_line: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        free: bool | None | Unset
        if isinstance(self.free, Unset):
            free = UNSET
        else:
            free = self.free

        max_per_line: int | None | Unset
        if isinstance(self.max_per_line, Unset):
            max_per_line = UNSET
        else:
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

        def _parse_free(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        free = _parse_free(d.pop("free", UNSET))

        def _parse_max_per_line(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_per_line = _parse_max_per_line(d.pop("max_per_line", UNSET))

        replacement_policy_patch = cls(
            free=free,
            max_per_line=max_per_line,
        )

        return replacement_policy_patch
