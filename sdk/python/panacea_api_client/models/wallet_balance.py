from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="WalletBalance")


@_attrs_define
class WalletBalance:
    """
    Attributes:
        balance (Money): An amount in minor units (pence, fen, cents) of one currency.
        updated_at (datetime.datetime):
        withdrawable (Money): An amount in minor units (pence, fen, cents) of one currency.
    """

    balance: Money
    updated_at: datetime.datetime
    withdrawable: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance.to_dict()

        updated_at = self.updated_at.isoformat()

        withdrawable = self.withdrawable.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "updated_at": updated_at,
                "withdrawable": withdrawable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        balance = Money.from_dict(d.pop("balance"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        withdrawable = Money.from_dict(d.pop("withdrawable"))

        wallet_balance = cls(
            balance=balance,
            updated_at=updated_at,
            withdrawable=withdrawable,
        )

        wallet_balance.additional_properties = d
        return wallet_balance

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
