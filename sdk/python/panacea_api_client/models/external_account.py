from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.external_kind import ExternalKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExternalAccount")


@_attrs_define
class ExternalAccount:
    """Where finance sends a member's withdrawals by hand: a bank account, Alipay or WeChat. The
    account number is sealed at rest and shown masked.

        Attributes:
            account_number (str): the account number, IBAN, Alipay login (phone or email) or WeChat id
            holder_name (str):
            kind (ExternalKind): The accounts finance pays by hand.
            bank_name (None | str | Unset):
    """

    account_number: str
    holder_name: str
    kind: ExternalKind
    bank_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_number = self.account_number

        holder_name = self.holder_name

        kind = self.kind.value

        bank_name: None | str | Unset
        if isinstance(self.bank_name, Unset):
            bank_name = UNSET
        else:
            bank_name = self.bank_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_number": account_number,
                "holder_name": holder_name,
                "kind": kind,
            }
        )
        if bank_name is not UNSET:
            field_dict["bank_name"] = bank_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_number = d.pop("account_number")

        holder_name = d.pop("holder_name")

        kind = ExternalKind(d.pop("kind"))

        def _parse_bank_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_name = _parse_bank_name(d.pop("bank_name", UNSET))

        external_account = cls(
            account_number=account_number,
            holder_name=holder_name,
            kind=kind,
            bank_name=bank_name,
        )

        return external_account
