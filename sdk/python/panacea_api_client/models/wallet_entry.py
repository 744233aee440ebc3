from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_kind import EntryKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="WalletEntry")


@_attrs_define
class WalletEntry:
    """
    Attributes:
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        at (datetime.datetime):
        id (str):
        kind (EntryKind): Why the wallet changed. Credits add, debits take away.
        reference (str):
        note (None | str | Unset):
    """

    amount: Money
    at: datetime.datetime
    id: str
    kind: EntryKind
    reference: str
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        at = self.at.isoformat()

        id = self.id

        kind = self.kind.value

        reference = self.reference

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "at": at,
                "id": id,
                "kind": kind,
                "reference": reference,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money

        d = dict(src_dict)
        amount = Money.from_dict(d.pop("amount"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = d.pop("id")

        kind = EntryKind(d.pop("kind"))

        reference = d.pop("reference")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        wallet_entry = cls(
            amount=amount,
            at=at,
            id=id,
            kind=kind,
            reference=reference,
            note=note,
        )

        wallet_entry.additional_properties = d
        return wallet_entry

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
