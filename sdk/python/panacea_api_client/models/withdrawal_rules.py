from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payout_route import PayoutRoute
from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawalRules")


@_attrs_define
class WithdrawalRules:
    """What a withdrawal needs (`withdrawals.request`): at least `minimum_amount` and at most
    `maximum_amount` (none: no limit) at once; a fee of `fee_fixed` plus `fee_bps` of the amount,
    rounded down (the house rule: `Money.share`), at most `fee_cap` (none: uncapped), held from the
    wallet on top of the amount (the payee receives the amount); paid out by Stripe Connect or by an
    external transfer finance records (`payout`); a review left undecided `review_timeout_hours` is
    a rejection. Amounts are minor units of the withdrawal's currency.

        Attributes:
            fee_bps (int | Unset): 1/100 of a percent Default: 0.
            fee_cap (int | None | Unset):
            fee_fixed (int | Unset): minor units of the tenant's currency Default: 0.
            maximum_amount (int | None | Unset):
            minimum_amount (int | Unset): minor units of the withdrawal's currency Default: 100.
            payout (PayoutRoute | Unset):
            review_timeout_hours (int | Unset): hours finance has to review a withdrawal Default: 72.
    """

    fee_bps: int | Unset = 0
    fee_cap: int | None | Unset = UNSET
    fee_fixed: int | Unset = 0
    maximum_amount: int | None | Unset = UNSET
    minimum_amount: int | Unset = 100
    payout: PayoutRoute | Unset = UNSET
    review_timeout_hours: int | Unset = 72

    def to_dict(self) -> dict[str, Any]:
        fee_bps = self.fee_bps

        fee_cap: int | None | Unset
        if isinstance(self.fee_cap, Unset):
            fee_cap = UNSET
        else:
            fee_cap = self.fee_cap

        fee_fixed = self.fee_fixed

        maximum_amount: int | None | Unset
        if isinstance(self.maximum_amount, Unset):
            maximum_amount = UNSET
        else:
            maximum_amount = self.maximum_amount

        minimum_amount = self.minimum_amount

        payout: str | Unset = UNSET
        if not isinstance(self.payout, Unset):
            payout = self.payout.value

        review_timeout_hours = self.review_timeout_hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fee_bps is not UNSET:
            field_dict["fee_bps"] = fee_bps
        if fee_cap is not UNSET:
            field_dict["fee_cap"] = fee_cap
        if fee_fixed is not UNSET:
            field_dict["fee_fixed"] = fee_fixed
        if maximum_amount is not UNSET:
            field_dict["maximum_amount"] = maximum_amount
        if minimum_amount is not UNSET:
            field_dict["minimum_amount"] = minimum_amount
        if payout is not UNSET:
            field_dict["payout"] = payout
        if review_timeout_hours is not UNSET:
            field_dict["review_timeout_hours"] = review_timeout_hours

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fee_bps = d.pop("fee_bps", UNSET)

        def _parse_fee_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee_cap = _parse_fee_cap(d.pop("fee_cap", UNSET))

        fee_fixed = d.pop("fee_fixed", UNSET)

        def _parse_maximum_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maximum_amount = _parse_maximum_amount(d.pop("maximum_amount", UNSET))

        minimum_amount = d.pop("minimum_amount", UNSET)

        _payout = d.pop("payout", UNSET)
        payout: PayoutRoute | Unset
        if isinstance(_payout, Unset):
            payout = UNSET
        else:
            payout = PayoutRoute(_payout)

        review_timeout_hours = d.pop("review_timeout_hours", UNSET)

        withdrawal_rules = cls(
            fee_bps=fee_bps,
            fee_cap=fee_cap,
            fee_fixed=fee_fixed,
            maximum_amount=maximum_amount,
            minimum_amount=minimum_amount,
            payout=payout,
            review_timeout_hours=review_timeout_hours,
        )

        return withdrawal_rules
