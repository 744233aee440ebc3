from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_kind import AccountKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PayoutDetails")


@_attrs_define
class PayoutDetails:
    """A withdrawal's payout account in full (unsealed), for finance making the transfer.

    Attributes:
        kind (AccountKind):
        account_number (None | str | Unset):
        bank_name (None | str | Unset):
        holder_name (None | str | Unset):
        stripe_account_id (None | str | Unset):
    """

    kind: AccountKind
    account_number: None | str | Unset = UNSET
    bank_name: None | str | Unset = UNSET
    holder_name: None | str | Unset = UNSET
    stripe_account_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        account_number: None | str | Unset
        if isinstance(self.account_number, Unset):
            account_number = UNSET
        else:
            account_number = self.account_number

        bank_name: None | str | Unset
        if isinstance(self.bank_name, Unset):
            bank_name = UNSET
        else:
            bank_name = self.bank_name

        holder_name: None | str | Unset
        if isinstance(self.holder_name, Unset):
            holder_name = UNSET
        else:
            holder_name = self.holder_name

        stripe_account_id: None | str | Unset
        if isinstance(self.stripe_account_id, Unset):
            stripe_account_id = UNSET
        else:
            stripe_account_id = self.stripe_account_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
            }
        )
        if account_number is not UNSET:
            field_dict["account_number"] = account_number
        if bank_name is not UNSET:
            field_dict["bank_name"] = bank_name
        if holder_name is not UNSET:
            field_dict["holder_name"] = holder_name
        if stripe_account_id is not UNSET:
            field_dict["stripe_account_id"] = stripe_account_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = AccountKind(d.pop("kind"))

        def _parse_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_number = _parse_account_number(d.pop("account_number", UNSET))

        def _parse_bank_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_name = _parse_bank_name(d.pop("bank_name", UNSET))

        def _parse_holder_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        holder_name = _parse_holder_name(d.pop("holder_name", UNSET))

        def _parse_stripe_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_account_id = _parse_stripe_account_id(d.pop("stripe_account_id", UNSET))

        payout_details = cls(
            kind=kind,
            account_number=account_number,
            bank_name=bank_name,
            holder_name=holder_name,
            stripe_account_id=stripe_account_id,
        )

        payout_details.additional_properties = d
        return payout_details

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
