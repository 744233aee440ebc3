from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_state import OrderState

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="OrderSummary")


@_attrs_define
class OrderSummary:
    """An order in a list.

    Attributes:
        created_at (datetime.datetime):
        id (str):
        lines (int):
        member_id (str):
        product_ids (list[str]):
        refunded (Money): An amount in minor units (pence, fen, cents) of one currency.
        state (OrderState): Where an order is in its life (finance reports the same words).
        store_ids (list[str]):
        total (Money): An amount in minor units (pence, fen, cents) of one currency.
    """

    created_at: datetime.datetime
    id: str
    lines: int
    member_id: str
    product_ids: list[str]
    refunded: Money
    state: OrderState
    store_ids: list[str]
    total: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        lines = self.lines

        member_id = self.member_id

        product_ids = self.product_ids

        refunded = self.refunded.to_dict()

        state = self.state.value

        store_ids = self.store_ids

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "lines": lines,
                "member_id": member_id,
                "product_ids": product_ids,
                "refunded": refunded,
                "state": state,
                "store_ids": store_ids,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        lines = d.pop("lines")

        member_id = d.pop("member_id")

        product_ids = cast(list[str], d.pop("product_ids"))

        refunded = Money.from_dict(d.pop("refunded"))

        state = OrderState(d.pop("state"))

        store_ids = cast(list[str], d.pop("store_ids"))

        total = Money.from_dict(d.pop("total"))

        order_summary = cls(
            created_at=created_at,
            id=id,
            lines=lines,
            member_id=member_id,
            product_ids=product_ids,
            refunded=refunded,
            state=state,
            store_ids=store_ids,
            total=total,
        )

        order_summary.additional_properties = d
        return order_summary

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
