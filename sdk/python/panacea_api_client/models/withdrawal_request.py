from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="WithdrawalRequest")


@_attrs_define
class WithdrawalRequest:
    """
    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
    """

    amount: Money

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        withdrawal_request = cls(
            amount=amount,
        )

        return withdrawal_request
