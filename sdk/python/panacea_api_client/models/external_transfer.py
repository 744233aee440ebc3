from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExternalTransfer")


@_attrs_define
class ExternalTransfer:
    """An external transfer finance made: its reference at the bank, Alipay or WeChat.

    Attributes:
        reference (str):
    """

    reference: str

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reference = d.pop("reference")

        external_transfer = cls(
            reference=reference,
        )

        return external_transfer
