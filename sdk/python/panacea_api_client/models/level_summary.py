from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="LevelSummary")


@_attrs_define
class LevelSummary:
    """One level of a distributor's team, added up.

    Attributes:
        available (Money): An amount in minor units (pence, fen, cents) of one currency.
        commission (Money): An amount in minor units (pence, fen, cents) of one currency.
        frozen (Money): An amount in minor units (pence, fen, cents) of one currency.
        level (int): 1: bound to the distributor; 2: bound to those; …
        members (int): members bound at this level now
        paid_orders (int): the orders those members have paid (ever)
        pending (Money): An amount in minor units (pence, fen, cents) of one currency.
        sales (Money): An amount in minor units (pence, fen, cents) of one currency.
    """

    available: Money
    commission: Money
    frozen: Money
    level: int
    members: int
    paid_orders: int
    pending: Money
    sales: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available.to_dict()

        commission = self.commission.to_dict()

        frozen = self.frozen.to_dict()

        level = self.level

        members = self.members

        paid_orders = self.paid_orders

        pending = self.pending.to_dict()

        sales = self.sales.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "commission": commission,
                "frozen": frozen,
                "level": level,
                "members": members,
                "paid_orders": paid_orders,
                "pending": pending,
                "sales": sales,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        available = Money.from_dict(d.pop("available"))

        commission = Money.from_dict(d.pop("commission"))

        frozen = Money.from_dict(d.pop("frozen"))

        level = d.pop("level")

        members = d.pop("members")

        paid_orders = d.pop("paid_orders")

        pending = Money.from_dict(d.pop("pending"))

        sales = Money.from_dict(d.pop("sales"))

        level_summary = cls(
            available=available,
            commission=commission,
            frozen=frozen,
            level=level,
            members=members,
            paid_orders=paid_orders,
            pending=pending,
            sales=sales,
        )

        level_summary.additional_properties = d
        return level_summary

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
