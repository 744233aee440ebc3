from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FeePaid")


@_attrs_define
class FeePaid:
    """The service desk took the fee of a replacement offered for one.

    Attributes:
        reference (str): the payment's reference
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

        fee_paid = cls(
            reference=reference,
        )

        return fee_paid
