from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_kind import AccountKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PayoutAccount")


@_attrs_define
class PayoutAccount:
    """
    Attributes:
        kind (AccountKind):
        updated_at (datetime.datetime):
        bank_name (None | str | Unset):
        holder_name (None | str | Unset):
        masked_number (None | str | Unset):
        onboarding_url (None | str | Unset): Stripe Connect: where the member onboards
        stripe_account_id (None | str | Unset):
        transfers_enabled (bool | None | Unset): Stripe Connect: onboarding done
    """

    kind: AccountKind
    updated_at: datetime.datetime
    bank_name: None | str | Unset = UNSET
    holder_name: None | str | Unset = UNSET
    masked_number: None | str | Unset = UNSET
    onboarding_url: None | str | Unset = UNSET
    stripe_account_id: None | str | Unset = UNSET
    transfers_enabled: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        updated_at = self.updated_at.isoformat()

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

        masked_number: None | str | Unset
        if isinstance(self.masked_number, Unset):
            masked_number = UNSET
        else:
            masked_number = self.masked_number

        onboarding_url: None | str | Unset
        if isinstance(self.onboarding_url, Unset):
            onboarding_url = UNSET
        else:
            onboarding_url = self.onboarding_url

        stripe_account_id: None | str | Unset
        if isinstance(self.stripe_account_id, Unset):
            stripe_account_id = UNSET
        else:
            stripe_account_id = self.stripe_account_id

        transfers_enabled: bool | None | Unset
        if isinstance(self.transfers_enabled, Unset):
            transfers_enabled = UNSET
        else:
            transfers_enabled = self.transfers_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "updated_at": updated_at,
            }
        )
        if bank_name is not UNSET:
            field_dict["bank_name"] = bank_name
        if holder_name is not UNSET:
            field_dict["holder_name"] = holder_name
        if masked_number is not UNSET:
            field_dict["masked_number"] = masked_number
        if onboarding_url is not UNSET:
            field_dict["onboarding_url"] = onboarding_url
        if stripe_account_id is not UNSET:
            field_dict["stripe_account_id"] = stripe_account_id
        if transfers_enabled is not UNSET:
            field_dict["transfers_enabled"] = transfers_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = AccountKind(d.pop("kind"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_masked_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        masked_number = _parse_masked_number(d.pop("masked_number", UNSET))

        def _parse_onboarding_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        onboarding_url = _parse_onboarding_url(d.pop("onboarding_url", UNSET))

        def _parse_stripe_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_account_id = _parse_stripe_account_id(d.pop("stripe_account_id", UNSET))

        def _parse_transfers_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        transfers_enabled = _parse_transfers_enabled(d.pop("transfers_enabled", UNSET))

        payout_account = cls(
            kind=kind,
            updated_at=updated_at,
            bank_name=bank_name,
            holder_name=holder_name,
            masked_number=masked_number,
            onboarding_url=onboarding_url,
            stripe_account_id=stripe_account_id,
            transfers_enabled=transfers_enabled,
        )

        payout_account.additional_properties = d
        return payout_account

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
