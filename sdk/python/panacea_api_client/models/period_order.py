from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_state import OrderState
from ..models.payment_method import PaymentMethod

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PeriodOrder")


@_attrs_define
class PeriodOrder:
    """An order with money movements in the period, and what they came to.

    Attributes:
        currency (str):
        discounts (Money): An amount in minor units (pence, fen, cents) of one currency.
        gross (Money): An amount in minor units (pence, fen, cents) of one currency.
        member_id (str):
        net (Money): An amount in minor units (pence, fen, cents) of one currency.
        order_id (str):
        ordered_at (datetime.datetime):
        paid_at (datetime.datetime | None):
        payment_method (PaymentMethod): Online (Stripe) methods a tenant enables in its settings, and offline ones it
            may allow.
        refunds (Money): An amount in minor units (pence, fen, cents) of one currency.
        state (OrderState): Where an order is in its life (finance reports the same words).
        units (int):
        units_refunded (int):
    """

    currency: str
    discounts: Money
    gross: Money
    member_id: str
    net: Money
    order_id: str
    ordered_at: datetime.datetime
    paid_at: datetime.datetime | None
    payment_method: PaymentMethod
    refunds: Money
    state: OrderState
    units: int
    units_refunded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        discounts = self.discounts.to_dict()

        gross = self.gross.to_dict()

        member_id = self.member_id

        net = self.net.to_dict()

        order_id = self.order_id

        ordered_at = self.ordered_at.isoformat()

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        payment_method = self.payment_method.value

        refunds = self.refunds.to_dict()

        state = self.state.value

        units = self.units

        units_refunded = self.units_refunded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "discounts": discounts,
                "gross": gross,
                "member_id": member_id,
                "net": net,
                "order_id": order_id,
                "ordered_at": ordered_at,
                "paid_at": paid_at,
                "payment_method": payment_method,
                "refunds": refunds,
                "state": state,
                "units": units,
                "units_refunded": units_refunded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        currency = d.pop("currency")

        discounts = Money.from_dict(d.pop("discounts"))

        gross = Money.from_dict(d.pop("gross"))

        member_id = d.pop("member_id")

        net = Money.from_dict(d.pop("net"))

        order_id = d.pop("order_id")

        ordered_at = datetime.datetime.fromisoformat(d.pop("ordered_at"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        payment_method = PaymentMethod(d.pop("payment_method"))

        refunds = Money.from_dict(d.pop("refunds"))

        state = OrderState(d.pop("state"))

        units = d.pop("units")

        units_refunded = d.pop("units_refunded")

        period_order = cls(
            currency=currency,
            discounts=discounts,
            gross=gross,
            member_id=member_id,
            net=net,
            order_id=order_id,
            ordered_at=ordered_at,
            paid_at=paid_at,
            payment_method=payment_method,
            refunds=refunds,
            state=state,
            units=units,
            units_refunded=units_refunded,
        )

        period_order.additional_properties = d
        return period_order

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
