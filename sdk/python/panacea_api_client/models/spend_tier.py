from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SpendTier")


@_attrs_define
class SpendTier:
    """Spend at least `spend` on the scoped lines, take `off` off them.

    Attributes:
        off (int): minor units of the promotion's currency
        spend (int): minor units of the promotion's currency
    """

    off: int
    spend: int

    def to_dict(self) -> dict[str, Any]:
        off = self.off

        spend = self.spend

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "off": off,
                "spend": spend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        off = d.pop("off")

        spend = d.pop("spend")

        spend_tier = cls(
            off=off,
            spend=spend,
        )

        return spend_tier
