from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReplacementRequest")


@_attrs_define
class ReplacementRequest:
    """Staff ask for a replacement by hand: a kit lost or damaged on its way, or a failed sample.

    Attributes:
        reason (str): why: lost_in_post, damaged, … (a kit not yet at the lab is cancelled)
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason")

        replacement_request = cls(
            reason=reason,
        )

        return replacement_request
