from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.share_state import ShareState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="CommissionView")


@_attrs_define
class CommissionView:
    """One distributor's commission on one order (a share), as it stands.

    Attributes:
        accrued_at (datetime.datetime):
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        distributor_id (str):
        level (int):
        order_id (str):
        rate_bps (int):
        state (ShareState):
        thaw_at (datetime.datetime | None | Unset):
    """

    accrued_at: datetime.datetime
    amount: Money
    distributor_id: str
    level: int
    order_id: str
    rate_bps: int
    state: ShareState
    thaw_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accrued_at = self.accrued_at.isoformat()

        amount = self.amount.to_dict()

        distributor_id = self.distributor_id

        level = self.level

        order_id = self.order_id

        rate_bps = self.rate_bps

        state = self.state.value

        thaw_at: None | str | Unset
        if isinstance(self.thaw_at, Unset):
            thaw_at = UNSET
        elif isinstance(self.thaw_at, datetime.datetime):
            thaw_at = self.thaw_at.isoformat()
        else:
            thaw_at = self.thaw_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accrued_at": accrued_at,
                "amount": amount,
                "distributor_id": distributor_id,
                "level": level,
                "order_id": order_id,
                "rate_bps": rate_bps,
                "state": state,
            }
        )
        if thaw_at is not UNSET:
            field_dict["thaw_at"] = thaw_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        accrued_at = datetime.datetime.fromisoformat(d.pop("accrued_at"))

        amount = Money.from_dict(d.pop("amount"))

        distributor_id = d.pop("distributor_id")

        level = d.pop("level")

        order_id = d.pop("order_id")

        rate_bps = d.pop("rate_bps")

        state = ShareState(d.pop("state"))

        def _parse_thaw_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                thaw_at_type_0 = datetime.datetime.fromisoformat(data)

                return thaw_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        thaw_at = _parse_thaw_at(d.pop("thaw_at", UNSET))

        commission_view = cls(
            accrued_at=accrued_at,
            amount=amount,
            distributor_id=distributor_id,
            level=level,
            order_id=order_id,
            rate_bps=rate_bps,
            state=state,
            thaw_at=thaw_at,
        )

        commission_view.additional_properties = d
        return commission_view

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
