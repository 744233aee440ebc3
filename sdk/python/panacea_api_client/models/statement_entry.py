from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_kind import EntryKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="StatementEntry")


@_attrs_define
class StatementEntry:
    """One entry of the commission ledger: what it moved in each state.

    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        at (datetime.datetime):
        available (Money): An amount in minor units (pence, fen, cents) of one currency.
        frozen (Money): An amount in minor units (pence, fen, cents) of one currency.
        id (str):
        kind (EntryKind):
        level (int): the distributor's level on the order; 0 for a thaw's entry
        order_id (str): the order (a thaw's entry: the first of the orders it released)
        pending (Money): An amount in minor units (pence, fen, cents) of one currency.
        orders (list[str] | Unset): a thaw's entry: every order it released
    """

    amount: Money
    at: datetime.datetime
    available: Money
    frozen: Money
    id: str
    kind: EntryKind
    level: int
    order_id: str
    pending: Money
    orders: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        at = self.at.isoformat()

        available = self.available.to_dict()

        frozen = self.frozen.to_dict()

        id = self.id

        kind = self.kind.value

        level = self.level

        order_id = self.order_id

        pending = self.pending.to_dict()

        orders: list[str] | Unset = UNSET
        if not isinstance(self.orders, Unset):
            orders = self.orders

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "at": at,
                "available": available,
                "frozen": frozen,
                "id": id,
                "kind": kind,
                "level": level,
                "order_id": order_id,
                "pending": pending,
            }
        )
        if orders is not UNSET:
            field_dict["orders"] = orders

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        available = Money.from_dict(d.pop("available"))

        frozen = Money.from_dict(d.pop("frozen"))

        id = d.pop("id")

        kind = EntryKind(d.pop("kind"))

        level = d.pop("level")

        order_id = d.pop("order_id")

        pending = Money.from_dict(d.pop("pending"))

        orders = cast(list[str], d.pop("orders", UNSET))

        statement_entry = cls(
            amount=amount,
            at=at,
            available=available,
            frozen=frozen,
            id=id,
            kind=kind,
            level=level,
            order_id=order_id,
            pending=pending,
            orders=orders,
        )

        statement_entry.additional_properties = d
        return statement_entry

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
