from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_kind import AccountKind
from ..models.payout_route import PayoutRoute
from ..models.withdrawal_state import WithdrawalState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.payout_details import PayoutDetails


T = TypeVar("T", bound="WithdrawalDetail")


@_attrs_define
class WithdrawalDetail:
    """A withdrawal as finance sees it: with the payout account in full.

    Attributes:
        account_kind (AccountKind):
        amount (Money): An amount in minor units (pence, fen, cents) of one currency.
        details (PayoutDetails): A withdrawal's payout account in full (unsealed), for finance making the transfer.
        fee (Money): An amount in minor units (pence, fen, cents) of one currency.
        held (Money): An amount in minor units (pence, fen, cents) of one currency.
        id (str):
        member_id (str):
        payout (PayoutRoute):
        requested_at (datetime.datetime):
        state (WithdrawalState):
        decided_at (datetime.datetime | None | Unset):
        decided_by (None | str | Unset):
        finished_at (datetime.datetime | None | Unset):
        masked_number (None | str | Unset):
        reason (None | str | Unset):
        transfer_id (None | str | Unset): Stripe's transfer, or the external reference
    """

    account_kind: AccountKind
    amount: Money
    details: PayoutDetails
    fee: Money
    held: Money
    id: str
    member_id: str
    payout: PayoutRoute
    requested_at: datetime.datetime
    state: WithdrawalState
    decided_at: datetime.datetime | None | Unset = UNSET
    decided_by: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    masked_number: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    transfer_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_kind = self.account_kind.value

        amount = self.amount.to_dict()

        details = self.details.to_dict()

        fee = self.fee.to_dict()

        held = self.held.to_dict()

        id = self.id

        member_id = self.member_id

        payout = self.payout.value

        requested_at = self.requested_at.isoformat()

        state = self.state.value

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        masked_number: None | str | Unset
        if isinstance(self.masked_number, Unset):
            masked_number = UNSET
        else:
            masked_number = self.masked_number

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        transfer_id: None | str | Unset
        if isinstance(self.transfer_id, Unset):
            transfer_id = UNSET
        else:
            transfer_id = self.transfer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_kind": account_kind,
                "amount": amount,
                "details": details,
                "fee": fee,
                "held": held,
                "id": id,
                "member_id": member_id,
                "payout": payout,
                "requested_at": requested_at,
                "state": state,
            }
        )
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if masked_number is not UNSET:
            field_dict["masked_number"] = masked_number
        if reason is not UNSET:
            field_dict["reason"] = reason
        if transfer_id is not UNSET:
            field_dict["transfer_id"] = transfer_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.money import Money
        from ..models.payout_details import PayoutDetails

        d = dict(src_dict)
        account_kind = AccountKind(d.pop("account_kind"))

        amount = Money.from_dict(d.pop("amount"))

        details = PayoutDetails.from_dict(d.pop("details"))

        fee = Money.from_dict(d.pop("fee"))

        held = Money.from_dict(d.pop("held"))

        id = d.pop("id")

        member_id = d.pop("member_id")

        payout = PayoutRoute(d.pop("payout"))

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        state = WithdrawalState(d.pop("state"))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_masked_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        masked_number = _parse_masked_number(d.pop("masked_number", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_transfer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        transfer_id = _parse_transfer_id(d.pop("transfer_id", UNSET))

        withdrawal_detail = cls(
            account_kind=account_kind,
            amount=amount,
            details=details,
            fee=fee,
            held=held,
            id=id,
            member_id=member_id,
            payout=payout,
            requested_at=requested_at,
            state=state,
            decided_at=decided_at,
            decided_by=decided_by,
            finished_at=finished_at,
            masked_number=masked_number,
            reason=reason,
            transfer_id=transfer_id,
        )

        withdrawal_detail.additional_properties = d
        return withdrawal_detail

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
