from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.movement import Movement
from ..types import UNSET, Unset

T = TypeVar("T", bound="StockMovement")


@_attrs_define
class StockMovement:
    """One entry of a stock line's ledger: what changed, why, by whom or for which order.

    Attributes:
        at (datetime.datetime):
        available_delta (int):
        id (str):
        movement (Movement):
        reserved_delta (int):
        sku_id (str):
        sold_delta (int):
        store_id (str):
        actor_id (None | str | Unset):
        order_id (None | str | Unset):
        reason (None | str | Unset):
    """

    at: datetime.datetime
    available_delta: int
    id: str
    movement: Movement
    reserved_delta: int
    sku_id: str
    sold_delta: int
    store_id: str
    actor_id: None | str | Unset = UNSET
    order_id: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        available_delta = self.available_delta

        id = self.id

        movement = self.movement.value

        reserved_delta = self.reserved_delta

        sku_id = self.sku_id

        sold_delta = self.sold_delta

        store_id = self.store_id

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "available_delta": available_delta,
                "id": id,
                "movement": movement,
                "reserved_delta": reserved_delta,
                "sku_id": sku_id,
                "sold_delta": sold_delta,
                "store_id": store_id,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        available_delta = d.pop("available_delta")

        id = d.pop("id")

        movement = Movement(d.pop("movement"))

        reserved_delta = d.pop("reserved_delta")

        sku_id = d.pop("sku_id")

        sold_delta = d.pop("sold_delta")

        store_id = d.pop("store_id")

        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        stock_movement = cls(
            at=at,
            available_delta=available_delta,
            id=id,
            movement=movement,
            reserved_delta=reserved_delta,
            sku_id=sku_id,
            sold_delta=sold_delta,
            store_id=store_id,
            actor_id=actor_id,
            order_id=order_id,
            reason=reason,
        )

        stock_movement.additional_properties = d
        return stock_movement

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
