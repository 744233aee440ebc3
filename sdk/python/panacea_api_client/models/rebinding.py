from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Rebinding")


@_attrs_define
class Rebinding:
    """Staff bind a member to another referrer (an active distributor), whatever the tenant's rules.

    Attributes:
        reason (str):
        referrer_id (str): a member's user id
    """

    reason: str
    referrer_id: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        referrer_id = self.referrer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "referrer_id": referrer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason")

        referrer_id = d.pop("referrer_id")

        rebinding = cls(
            reason=reason,
            referrer_id=referrer_id,
        )

        return rebinding
