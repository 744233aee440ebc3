from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="Buckets")


@_attrs_define
class Buckets:
    """A commission balance by state; total = pending + frozen + available.

    Attributes:
        available (Money): An amount in minor units (pence, fen, cents) of one currency.
        frozen (Money): An amount in minor units (pence, fen, cents) of one currency.
        pending (Money): An amount in minor units (pence, fen, cents) of one currency.
        total (Money): An amount in minor units (pence, fen, cents) of one currency.
    """

    available: Money
    frozen: Money
    pending: Money
    total: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available.to_dict()

        frozen = self.frozen.to_dict()

        pending = self.pending.to_dict()

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "frozen": frozen,
                "pending": pending,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        available = Money.from_dict(d.pop("available"))

        frozen = Money.from_dict(d.pop("frozen"))

        pending = Money.from_dict(d.pop("pending"))

        total = Money.from_dict(d.pop("total"))

        buckets = cls(
            available=available,
            frozen=frozen,
            pending=pending,
            total=total,
        )

        buckets.additional_properties = d
        return buckets

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
