from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_status import RefundStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="Refund")


@_attrs_define
class Refund:
    """
    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        created_at (datetime.datetime):
        id (str):
        order_id (str):
        payment_id (str):
        reason (str):
        status (RefundStatus):
        updated_at (datetime.datetime):
        failure (None | str | Unset):
        stripe_refund_id (None | str | Unset):
    """

    amount: Money
    created_at: datetime.datetime
    id: str
    order_id: str
    payment_id: str
    reason: str
    status: RefundStatus
    updated_at: datetime.datetime
    failure: None | str | Unset = UNSET
    stripe_refund_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        created_at = self.created_at.isoformat()

        id = self.id

        order_id = self.order_id

        payment_id = self.payment_id

        reason = self.reason

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        failure: None | str | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        else:
            failure = self.failure

        stripe_refund_id: None | str | Unset
        if isinstance(self.stripe_refund_id, Unset):
            stripe_refund_id = UNSET
        else:
            stripe_refund_id = self.stripe_refund_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "order_id": order_id,
                "payment_id": payment_id,
                "reason": reason,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if failure is not UNSET:
            field_dict["failure"] = failure
        if stripe_refund_id is not UNSET:
            field_dict["stripe_refund_id"] = stripe_refund_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        order_id = d.pop("order_id")

        payment_id = d.pop("payment_id")

        reason = d.pop("reason")

        status = RefundStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_failure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_stripe_refund_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_refund_id = _parse_stripe_refund_id(d.pop("stripe_refund_id", UNSET))

        refund = cls(
            amount=amount,
            created_at=created_at,
            id=id,
            order_id=order_id,
            payment_id=payment_id,
            reason=reason,
            status=status,
            updated_at=updated_at,
            failure=failure,
            stripe_refund_id=stripe_refund_id,
        )

        refund.additional_properties = d
        return refund

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
