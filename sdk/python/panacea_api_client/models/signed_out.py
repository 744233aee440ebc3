from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SignedOut")


@_attrs_define
class SignedOut:
    """
    Attributes:
        tokens_valid_after (datetime.datetime):
        user_id (str):
    """

    tokens_valid_after: datetime.datetime
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tokens_valid_after = self.tokens_valid_after.isoformat()

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tokens_valid_after": tokens_valid_after,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tokens_valid_after = datetime.datetime.fromisoformat(
            d.pop("tokens_valid_after")
        )

        user_id = d.pop("user_id")

        signed_out = cls(
            tokens_valid_after=tokens_valid_after,
            user_id=user_id,
        )

        signed_out.additional_properties = d
        return signed_out

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
